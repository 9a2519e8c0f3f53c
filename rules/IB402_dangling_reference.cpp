#include <algorithm>
#include <set>

#include "cfn/intrinsic.h"
#include "engine/project_rule.h"
#include "model/project.h"
#include "rules/rule_support.h"
#include "rules/rules.h"

namespace iblint {
namespace {

/// A reference to a component, recipe, configuration, role or profile that points at nothing.
class DanglingReference final : public ProjectRule {
 public:
  const RuleInfo& info() const override {
    static const RuleInfo rule{"IB402", "dangling-reference", Severity::Error,
                               "A reference to a resource that is not in the project and cannot exist elsewhere"};
    return rule;
  }

  void check_project(const ProjectContext& context, Reporter& out) const override {
    const Project& project = context.project;
    for (const ImagePipeline& p : project.pipelines) {
      const char* what = p.is_image ? "image" : "pipeline";
      check(out, *p.resource, p.recipe, what, p.container ? "ContainerRecipeArn" : "ImageRecipeArn");
      check(out, *p.resource, p.infrastructure, what, "InfrastructureConfigurationArn");
      check(out, *p.resource, p.distribution, what, "DistributionConfigurationArn");
    }
    for (const ImageRecipe& recipe : project.recipes) {
      for (const RecipeComponent& c : recipe.components) check(out, *recipe.resource, c.component, "recipe", "ComponentArn");
      check(out, *recipe.resource, recipe.parent, "recipe", "ParentImage");
    }
    for (const InfrastructureConfiguration& infra : project.infrastructures) {
      check(out, *infra.resource, infra.instance_profile, "infrastructure configuration", "InstanceProfileName");
      check(out, *infra.resource, infra.subnet, "infrastructure configuration", "SubnetId");
      for (const Link& sg : infra.security_groups)
        check(out, *infra.resource, sg, "infrastructure configuration", "SecurityGroupIds");
    }
    for (const InstanceProfile& ip : project.instance_profiles) {
      for (const Link& role : ip.role_links) check(out, *ip.resource, role, "instance profile", "Roles");
    }
    for (const Role& role : project.roles) {
      for (const Link& policy : role.managed_policy_links) check(out, *role.resource, policy, "role", "ManagedPolicyArns");
    }
    for (const Policy& policy : project.policies) {
      for (const Link& role : policy.role_links) check(out, *policy.resource, role, "policy", "Roles");
    }
    // Any other Ref, GetAtt or ${Name} of a template that names nothing.
    std::set<uint32_t> reported;
    for (const Diagnostic& d : out.diagnostics()) reported.insert(d.span.begin);
    for (const ProjectFile& file : project.files) {
      for (const auto& tmpl : file.templates) {
        for (const cfn::TemplateResource& r : tmpl->resources) {
          if (r.properties) walk(out, *tmpl, r, *r.properties, reported, 0);
        }
      }
    }
  }

 private:
  static void check(Reporter& out, const Resource& from, const Link& link, std::string_view what, std::string_view field) {
    if (!link.value.node) return;
    std::string property = from.api() ? Resource::api_name(field) : std::string(field);
    if (link.status == Link::Status::Dangling) {
      std::string message = std::string(what) + " " + from.label() + " " + code(property) + " refers to " +
                            link.value.describe() + ", which " + (link.note.empty() ? "resolves to nothing" : "cannot resolve: " + link.note);
      message += suggestion(from, link);
      Diagnostic& d = out.report(*from.file, link.value.span_or({}), std::move(message));
      if (link.target)
        d.related.push_back({link.target->anchor(), link.target->label() + " is defined here", link.target->file});
      return;
    }
    // An Amazon-owned component the catalog does not know is fine, unless it is one letter
    // away from one it does: then it is most likely a typo that fails at recipe creation.
    if (link.status == Link::Status::External && !link.note.empty() && link.note.starts_with("Amazon-managed")) {
      std::string name = link.note.substr(link.note.find('`') + 1);
      name = name.substr(0, name.find('`'));
      std::vector<std::string_view> known;
      for (const ManagedComponent& c : managed_components()) known.push_back(c.name);
      std::string close = suggest(name, known);
      if (close.empty()) return;
      Diagnostic& d = out.report(*from.file, link.value.span_or({}),
                                 std::string(what) + " " + from.label() + " " + code(property) +
                                     " names the Amazon-managed component " + code(name) +
                                     ", which does not exist; did you mean " + code(close) + "?");
      d.severity = Severity::Warning;
    }
  }

  static bool defined(const cfn::Template& t, const std::string& name) {
    return cfn::is_pseudo_parameter(name) || t.parameter(name) || t.resource(name);
  }

  static void dangling(Reporter& out, const cfn::Template& t, const cfn::TemplateResource& r, const yaml::Node& at,
                       const std::string& written, const std::string& name, std::set<uint32_t>& reported) {
    Span span = at.span;
    if (!at.tag.empty()) span.begin = std::min(span.begin, at.tag_span.begin);
    if (!reported.insert(span.begin).second) return;
    std::vector<std::string_view> ids;
    for (const cfn::TemplateResource& other : t.resources) ids.push_back(other.logical_id);
    for (const cfn::Parameter& p : t.parameters) ids.push_back(p.name);
    out.report(*t.file, span,
               "resource " + code(r.logical_id) + " refers to " + code(written) + ", but the template defines no resource or parameter " +
                   code(name) + did_you_mean(name, ids) + "; CloudFormation rejects the template");
  }

  static void walk(Reporter& out, const cfn::Template& t, const cfn::TemplateResource& r, const yaml::Node& node,
                   std::set<uint32_t>& reported, int depth) {
    if (depth > 64) return;
    cfn::Intrinsic f = cfn::intrinsic_of(node);
    const yaml::Node& arg = f.argument ? f.argument->resolved() : node;
    if (f.name == "Ref" && arg.is_scalar()) {
      std::string written = node.tag.empty() ? "{\"Ref\": \"" + arg.value + "\"}" : "!Ref " + arg.value;
      if (!defined(t, arg.value)) dangling(out, t, r, node, written, arg.value, reported);
      return;
    }
    if (f.name == "Fn::GetAtt") {
      std::string id;
      if (arg.is_scalar()) id = arg.value.substr(0, arg.value.find('.'));
      else if (arg.is_sequence() && !arg.items.empty() && arg.items[0]->resolved().is_scalar()) id = arg.items[0]->resolved().value;
      std::string written = node.tag.empty() ? "Fn::GetAtt " + id : "!GetAtt " + id;
      if (!id.empty() && !t.resource(id)) dangling(out, t, r, node, written, id, reported);
      return;
    }
    if (f.name == "Fn::Sub") {
      const yaml::Node* text = arg.is_scalar() ? &arg : arg.is_sequence() && !arg.items.empty() ? &arg.items[0]->resolved() : nullptr;
      const yaml::Node* variables = arg.is_sequence() && arg.items.size() > 1 ? &arg.items[1]->resolved() : nullptr;
      if (text && text->is_scalar()) {
        const std::string& s = text->value;
        for (size_t i = s.find("${"); i != std::string::npos; i = s.find("${", i + 2)) {
          size_t close = s.find('}', i);
          if (close == std::string::npos) break;
          std::string name = s.substr(i + 2, close - i - 2);
          if (name.empty() || name[0] == '!' || (variables && variables->find(name))) continue;
          std::string base = name.substr(0, name.find('.'));
          if (!defined(t, name) && !defined(t, base)) dangling(out, t, r, node, "${" + name + "}", base, reported);
        }
      }
      if (variables) walk(out, t, r, *variables, reported, depth + 1);
      return;
    }
    const yaml::Node& n = f.name.empty() ? node.resolved() : arg;
    if (!f.name.empty() && &n == &node) {  // a short-form call: its argument is the node itself
      for (const yaml::Node* item : n.items) walk(out, t, r, *item, reported, depth + 1);
      return;
    }
    for (const yaml::Pair& pair : n.pairs) walk(out, t, r, *pair.value, reported, depth + 1);
    for (const yaml::Node* item : n.items) walk(out, t, r, *item, reported, depth + 1);
  }

  /// For a missing logical id: the closest logical id of the template.
  static std::string suggestion(const Resource& from, const Link& link) {
    if (!from.tmpl || link.target) return "";
    using K = cfn::Value::Kind;
    if (link.value.kind != K::Ref && link.value.kind != K::GetAtt) return "";
    std::vector<std::string_view> ids;
    for (const cfn::TemplateResource& r : from.tmpl->resources) ids.push_back(r.logical_id);
    for (const cfn::Parameter& p : from.tmpl->parameters) ids.push_back(p.name);
    return did_you_mean(link.value.text, ids);
  }
};

}  // namespace

std::unique_ptr<Rule> make_dangling_reference() { return std::make_unique<DanglingReference>(); }

}  // namespace iblint
