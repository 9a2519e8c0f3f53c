#include <map>
#include <set>
#include <utility>

#include "cfn/intrinsic.h"
#include "engine/project_rule.h"
#include "iam/instance_permissions.h"
#include "iam/policy_reader.h"
#include "load/embedded_component.h"
#include "model/project.h"
#include "rules/project_support.h"
#include "rules/rule_support.h"
#include "rules/rules.h"
#include "rules/step_inputs.h"

namespace iblint {
namespace {

/// One S3 access a step makes with the instance role.
struct S3Access {
  const Step* step = nullptr;
  const yaml::Node* node = nullptr;  ///< the s3:// value
  iam::Text uri;                     ///< `${…}` as symbols, `{{ … }}` as their known values or symbols
  std::string written;               ///< the URI as written, for messages
  bool upload = false;
  bool folder = false;  ///< an upload of several files (recurse or a wildcard source): keys under the destination
};

/// What `{{ name }}` stands for in one use of a component: constants, the values the recipe
/// passes, else parameter defaults; nullopt for a value not known statically.
using Variables = std::map<std::string, std::optional<std::string>>;

std::optional<std::string> literal_scalar(const yaml::Node* node) {
  if (!node || !node->resolved().is_scalar() || node->resolved().is_null()) return std::nullopt;
  return node->resolved().value;
}

Variables variables_of(const Component& document, const RecipeComponent& use) {
  Variables out;
  for (const Variable& v : document.variables) {
    const yaml::Node* definition = v.definition ? &v.definition->resolved() : nullptr;
    const yaml::Node* given = definition && definition->is_mapping() ? definition->find(v.constant ? "value" : "default") : nullptr;
    out[v.name] = literal_scalar(given);
  }
  for (const RecipeParameter& p : use.parameters) {
    std::optional<std::string> name = p.name.literal();
    if (!name) continue;
    bool one = p.value.kind == cfn::Value::Kind::List && p.value.items.size() == 1;
    out[*name] = one ? p.value.items[0].literal() : std::nullopt;
  }
  return out;
}

/// `{{ expression }}` pieces of literal text become their values when known, else symbols
/// (chained outputs, parameters the recipe sets from a template parameter, …).
iam::Text with_expressions(const iam::Text& text, const Variables& variables) {
  iam::Text out;
  for (const iam::Text::Piece& piece : text.pieces) {
    if (piece.symbol) {
      out.append_symbol(piece.text);
      continue;
    }
    std::string_view s = piece.text;
    size_t at = 0;
    while (true) {
      size_t open = s.find("{{", at);
      size_t close = open == std::string_view::npos ? open : s.find("}}", open + 2);
      if (close == std::string_view::npos) {
        out.append_literal(s.substr(at));
        break;
      }
      out.append_literal(s.substr(at, open - at));
      std::string_view inner = s.substr(open + 2, close - open - 2);
      while (!inner.empty() && inner.front() == ' ') inner.remove_prefix(1);
      while (!inner.empty() && inner.back() == ' ') inner.remove_suffix(1);
      auto known = variables.find(std::string(inner));
      if (known != variables.end() && known->second) out.append_literal(*known->second);
      else out.append_symbol(std::string(s.substr(open, close + 2 - open)));
      at = close + 2;
    }
  }
  return out;
}

/// The value of a scalar of an embedded document. Under Fn::Sub the loader masked `${…}`, so
/// the text is read again from the template, where `${Bucket}` is still written.
std::optional<iam::Text> scalar_text(const yaml::Node& node, const EmbeddedComponent& doc, const Resource& component,
                                    const Variables& variables) {
  if (!doc.data || cfn::intrinsic_of(*doc.data).name != "Fn::Sub")
    return with_expressions(iam::Text::literal(node.value), variables);
  Span span = doc.to_outer(node.span);
  std::string_view raw = std::string_view(doc.outer->bytes()).substr(span.begin, span.end - span.begin);
  auto strip = [&](std::string_view q) {
    if (raw.size() >= 2 * q.size() && raw.starts_with(q) && raw.ends_with(q)) raw = raw.substr(q.size(), raw.size() - 2 * q.size());
  };
  if (node.style == yaml::Style::DoubleQuoted) {
    strip("\\\"");
    strip("\"");
  } else if (node.style == yaml::Style::SingleQuoted) {
    strip("'");
  }
  if (raw.find('\\') != std::string_view::npos || raw.find('\n') != std::string_view::npos) return std::nullopt;
  iam::Text text;
  for (size_t i = 0; i < raw.size();) {
    size_t open = raw.find("${", i);
    size_t close = open == std::string_view::npos ? open : raw.find('}', open);
    if (close == std::string_view::npos) {
      text.append_literal(raw.substr(i));
      break;
    }
    text.append_literal(raw.substr(i, open - i));
    std::string name(raw.substr(open + 2, close - open - 2));
    if (name.starts_with('!')) text.append_literal("${" + name.substr(1) + "}");
    else text.append(iam::variable_text(component, name));
    i = close + 1;
  }
  return with_expressions(text, variables);
}

/// A Text as the document writes it: `{{ x }}` symbols as they are, the others as `${X}`.
std::string as_written(const iam::Text& text) {
  std::string out;
  for (const iam::Text::Piece& p : text.pieces) out += !p.symbol || p.text.starts_with("{{") ? p.text : "${" + p.text + "}";
  return out;
}

std::vector<S3Access> s3_accesses(const Component& document, const EmbeddedComponent& doc, const Resource& component,
                                  const Variables& variables) {
  std::vector<S3Access> out;
  auto add = [&](const Step& step, const yaml::Node* node, bool upload, bool folder = false) {
    if (!node) return;
    std::optional<iam::Text> text = scalar_text(*node, doc, component, variables);
    if (!text || text->pieces.empty() || text->pieces.front().symbol || !text->pieces.front().text.starts_with("s3://"))
      return;
    std::string written = as_written(scalar_text(*node, doc, component, {}).value_or(*text));
    out.push_back({&step, node, std::move(*text), std::move(written), upload, folder});
  };
  for (const Phase& phase : document.phases) {
    for (const Step& step : phase.steps) {
      if (step.loop) continue;  // inputs of a loop depend on the iteration
      for (const yaml::Node* entry : input_entries(step)) {
        if (step.action == "S3Download") add(step, scalar_input(*entry, "source"), false);
        else if (step.action == "S3Upload") {
          const yaml::Node* recurse = scalar_input(*entry, "recurse");
          const yaml::Node* source = scalar_input(*entry, "source");
          bool folder = (recurse && recurse->value == "true") || (source && source->value.find('*') != std::string::npos);
          add(step, scalar_input(*entry, "destination"), true, folder);
        }
        else if (step.action == "InstallMSI" || step.action == "UninstallMSI") add(step, scalar_input(*entry, "path"), false);
        else if (step.action == "ExecuteDocument") add(step, scalar_input(*entry, "document"), false);
      }
    }
  }
  return out;
}

/// The bucket of an access's URI (`s3://bucket/…`).
iam::Text bucket_of(const S3Access& access) {
  iam::Text bucket;
  bool first = true;
  for (const iam::Text::Piece& piece : access.uri.pieces) {
    if (piece.symbol) {
      bucket.append_symbol(piece.text);
      first = false;
      continue;
    }
    std::string_view text = piece.text;
    if (first) text.remove_prefix(5);
    first = false;
    size_t slash = text.find('/');
    bucket.append_literal(text.substr(0, slash));
    if (slash != std::string_view::npos) break;
  }
  return bucket;
}

/// The requests an access makes: (action, resource ARN, how the ARN is shown).
std::vector<std::pair<std::string, iam::Text>> requests(const S3Access& access, iam::Text& shown) {
  iam::Text path = access.uri;
  path.pieces.front().text.erase(0, 5);  // "s3://"
  std::vector<std::pair<std::string, iam::Text>> out;
  const iam::Text::Piece& last = path.pieces.back();
  bool prefix = access.folder || (!last.symbol && (access.upload ? last.text.ends_with('/') : last.text.ends_with("/*")));
  if (!prefix) {
    shown = iam::s3_arn(path);
    out.emplace_back(access.upload ? "s3:PutObject" : "s3:GetObject", iam::s3_arn(path));
    return out;
  }
  if (!access.upload) path.pieces.back().text.pop_back();  // the `*` of a prefix download
  else if (last.symbol || !last.text.ends_with('/')) path.append_literal("/");
  shown = iam::s3_arn(path);
  shown.append_literal("*");
  iam::Text object = path;
  object.append_symbol("object");
  out.emplace_back(access.upload ? "s3:PutObject" : "s3:GetObject", iam::s3_arn(object));
  if (!access.upload) {
    out.emplace_back("s3:ListBucket", iam::s3_arn(bucket_of(access)));
  }
  return out;
}

/// A component's S3 downloads and uploads run with the build instance's role: each needs
/// s3:GetObject / s3:PutObject (prefix downloads also s3:ListBucket) on its objects.
class ComponentPermissions final : public ProjectRule {
 public:
  const RuleInfo& info() const override {
    static const RuleInfo rule{"IB503", "component-permissions", Severity::Error,
                               "A component's S3Download/S3Upload needs S3 access the instance role does not grant"};
    return rule;
  }

  void check_project(const ProjectContext& context, Reporter& out) const override {
    const Project& project = context.project;
    std::set<std::pair<const yaml::Node*, const Role*>> reported;
    for (const ImagePipeline& pipeline : project.pipelines) {
      const ImageRecipe* recipe = project.recipe_of(pipeline.recipe);
      const InfrastructureConfiguration* infra = project.infrastructure_of(pipeline.infrastructure);
      if (!recipe || !infra) continue;
      std::optional<iam::InstancePermissions> permissions = iam::instance_permissions(project, *infra);
      if (!permissions) continue;
      for (const RecipeComponent& rc : recipe->components) {
        const ComponentResource* component = project.component_of(rc.component);
        const EmbeddedComponent* doc = component ? embedded_of(project, *component) : nullptr;
        if (!doc) continue;
        Variables variables = variables_of(*component->document, rc);
        for (const S3Access& access : s3_accesses(*component->document, *doc, *component->resource, variables)) {
          if (!reported.insert({access.node, permissions->role}).second) continue;
          check(project, access, *doc, *component->resource, pipeline, *permissions, out);
        }
      }
    }
  }

 private:
  static void check(const Project& project, const S3Access& access, const EmbeddedComponent& doc,
                    const Resource& component, const ImagePipeline& pipeline,
                    const iam::InstancePermissions& permissions, Reporter& out) {
    iam::Text shown;
    for (const auto& [action, resource] : requests(access, shown)) {
      iam::Decision decision = permissions.evaluate(action, resource);
      if (decision != iam::Decision::NotAllowed && decision != iam::Decision::Denied) continue;
      if (iam::bucket_policy_may_apply(project, bucket_of(access))) return;
      const Resource& role = *permissions.role->resource;
      std::string why = decision == iam::Decision::Denied ? "a statement denies it" : "no policy allows it";
      std::string target = action == "s3:ListBucket" ? code(iam::s3_arn(bucket_of(access)).str()) : code(shown.str());
      Diagnostic& d = out.report(
          *doc.outer, doc.to_outer(access.node->span),
          std::string(access.upload ? "S3Upload" : access.step->action) + " step " + code(access.step->name) +
              " of component " + component.label() + " " + (access.upload ? "writes " : "reads ") +
              code(access.written) + ", but the build instance role " + role.label() + " (" +
              (pipeline.is_image ? "image " : "pipeline ") + pipeline.resource->label() + ") has no " + code(action) +
              " on " + target + " (" + why + "): the step fails with AccessDenied (403); grant " + code(action) +
              " on " + target + " to the role");
      d.related.push_back({role.anchor(), "the instance role " + role.label() + " is defined here", role.file});
      return;  // one finding per access
    }
  }};

}  // namespace

std::unique_ptr<Rule> make_component_permissions() { return std::make_unique<ComponentPermissions>(); }

}  // namespace iblint
