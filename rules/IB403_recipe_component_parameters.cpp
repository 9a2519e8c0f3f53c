#include "engine/project_rule.h"
#include "model/project.h"
#include "rules/recipe_os.h"
#include "rules/rule_support.h"
#include "rules/rules.h"

namespace iblint {
namespace {

using Kind = cfn::Value::Kind;

/// A parameter a component declares.
struct Declared {
  std::string name;
  bool has_default = false;
  Span span;  ///< the declaration, in the component's file
  const SourceFile* file = nullptr;
};

/// What the recipe's component declares; nullopt when it cannot be known (an S3 document, an
/// external ARN, an Amazon-managed component whose parameters the catalog does not list).
struct Declaration {
  std::string label;  ///< "`InstallNginx`", "the Amazon-managed `x`"
  std::vector<Declared> parameters;
  bool defaults_known = true;  ///< the catalog lists names only
  std::vector<std::string> constants;
};

std::optional<Declaration> declaration_of(const Project& project, const RecipeComponent& rc) {
  Declaration out;
  if (rc.component.status == Link::Status::Managed && rc.component.managed) {
    const ManagedComponent& m = *rc.component.managed;
    if (!m.parameters_known) return std::nullopt;
    out.label = "the Amazon-managed " + code(m.name);
    out.defaults_known = false;
    for (std::string_view p : m.parameters) out.parameters.push_back({std::string(p), true, {}, nullptr});
    return out;
  }
  const ComponentResource* c = project.component_of(rc.component);
  if (!c || !c->document) return std::nullopt;
  out.label = c->resource->label();
  for (const Variable& v : c->document->variables) {
    if (v.constant) {
      out.constants.push_back(v.name);
      continue;
    }
    bool has_default = v.definition && v.definition->resolved().is_mapping() && v.definition->resolved().find("default");
    Span span = v.name_node ? outer_span(project, *c, v.name_node->span) : c->resource->anchor();
    out.parameters.push_back({v.name, has_default, span, c->resource->file});
  }
  return out;
}

/// Recipe component parameters against the parameters the component declares.
class RecipeComponentParameters final : public ProjectRule {
 public:
  const RuleInfo& info() const override {
    static const RuleInfo rule{"IB403", "recipe-component-parameters", Severity::Warning,
                               "A recipe passes an undeclared parameter, omits one without a default, or a value of the wrong type"};
    return rule;
  }

  void check_project(const ProjectContext& context, Reporter& out) const override {
    for (const ImageRecipe& recipe : context.project.recipes) {
      for (const RecipeComponent& rc : recipe.components) check(context.project, recipe, rc, out);
    }
  }

 private:
  static void check(const Project& project, const ImageRecipe& recipe, const RecipeComponent& rc, Reporter& out) {
    const Resource& r = *recipe.resource;
    std::optional<Declaration> declared = declaration_of(project, rc);
    // The Parameters list must be written out; a `!If` or a parameter of the template hides it.
    cfn::Value entry = r.evaluate(rc.node);
    const cfn::Value& written = r.field(entry, "Parameters");
    bool list_known = written.absent() || written.kind == Kind::List;
    std::vector<std::string> passed;
    bool names_known = list_known;
    for (const RecipeParameter& p : rc.parameters) {
      check_value(r, p, out);
      std::optional<std::string> name = p.name.literal();
      if (!name) {
        names_known = false;
        continue;
      }
      if (contains(passed, *name)) {
        out.report(*r.file, p.name.span_or(r.anchor()),
                   "recipe " + r.label() + " passes parameter " + code(*name) +
                       " twice to the same component; keep one entry");
        continue;
      }
      passed.push_back(*name);
      if (!declared) continue;
      bool found = false;
      for (const Declared& d : declared->parameters) found = found || d.name == *name;
      if (found) continue;
      std::string message = "recipe " + r.label() + " passes parameter " + code(*name) + " to component " + declared->label;
      if (contains(declared->constants, *name)) {
        message += ", where it is a constant: constants cannot be set by the recipe; make it a parameter or drop "
                   "this entry";
      } else {
        std::vector<std::string_view> names;
        for (const Declared& d : declared->parameters) names.push_back(d.name);
        message += ", which declares no such parameter" + did_you_mean(*name, names);
        if (names.empty()) {
          message += " (it declares none)";
        } else {
          std::string list;
          for (std::string_view n : names) list += (list.empty() ? "" : ", ") + code(n);
          message += "; it declares " + list;
        }
      }
      out.report(*r.file, p.name.span_or(r.anchor()), message);
    }
    if (!declared || !names_known || !declared->defaults_known) return;
    for (const Declared& d : declared->parameters) {
      if (d.has_default || contains(passed, d.name)) continue;
      Diagnostic& diag = out.report(*r.file, rc.component.value.span_or(rc.node ? rc.node->span : r.anchor()),
                                    "recipe " + r.label() + " uses component " + declared->label +
                                        " without a value for its parameter " + code(d.name) +
                                        ", which has no default; add `{Name: " + d.name +
                                        ", Value: [...]}` to this component's Parameters or give the parameter a default");
      if (d.file) diag.related.push_back({d.span, "declared here without a default", d.file});
    }
  }

  /// A component parameter (type string) takes exactly one value. That Value is a list of
  /// strings at all is IB401's check (the request shape), so it is not repeated here.
  static void check_value(const Resource& r, const RecipeParameter& p, Reporter& out) {
    const cfn::Value& value = p.value;
    if (value.kind != Kind::List) return;  // not a list: IB401; a Ref to a list parameter, an `!If`: not known
    std::optional<std::string> literal_name = p.name.literal();
    std::string subject = literal_name ? "parameter " + code(*literal_name) + " of recipe " + r.label()
                                       : "a parameter of recipe " + r.label() + " whose name is not a string";
    if (value.items.size() != 1) {
      out.report(*r.file, value.span_or(r.anchor()),
                 subject + " gets " + std::to_string(value.items.size()) +
                     " values, but a component parameter is one `string`: how AWSTOE reads " +
                     (value.items.empty() ? "none" : "several") + " is not documented; pass exactly one value");
    }
  }
};

}  // namespace

std::unique_ptr<Rule> make_recipe_component_parameters() { return std::make_unique<RecipeComponentParameters>(); }

}  // namespace iblint
