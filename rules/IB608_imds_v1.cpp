#include "engine/project_rule.h"
#include "model/project.h"
#include "rules/project_support.h"
#include "rules/rule_support.h"
#include "rules/rules.h"

namespace iblint {
namespace {

/// Build instances should only answer IMDSv2 (session tokens): `HttpTokens` defaults to
/// `optional`, which keeps IMDSv1 and its SSRF exposure of the instance role's credentials.
class ImdsV1 final : public ProjectRule {
 public:
  const RuleInfo& info() const override {
    static const RuleInfo rule{"IB608", "imds-v1", Severity::Warning,
                               "Instance metadata options allow IMDSv1 (HttpTokens not `required`)"};
    return rule;
  }

  void check_project(const ProjectContext& context, Reporter& out) const override {
    for (const InfrastructureConfiguration& infra : context.project.infrastructures) check(infra, out);
  }

 private:
  static void check(const InfrastructureConfiguration& infra, Reporter& out) {
    const Resource& r = *infra.resource;
    std::string options = property_name(r, "InstanceMetadataOptions");
    std::string tokens = options + "." + property_name(r, "HttpTokens");
    std::string what = "infrastructure configuration " + resource_label(r);
    const cfn::Value& meta = infra.instance_metadata_options;
    if (certainly_unset(meta)) {
      out.report(*r.file, resource_anchor(r),
                 what + " sets no " + code(options) + ", so " + code(tokens) +
                     " defaults to `optional` and build instances accept IMDSv1; set " + code(tokens) + " to `required`");
      return;
    }
    if (meta.kind != cfn::Value::Kind::Map) return;  // a parameter or a condition: not known here
    const cfn::Value& value = r.field(meta, "HttpTokens");
    if (value.absent()) {
      std::string field = property_name(r, "HttpTokens");
      out.report(*r.file, r.properties ? key_span(*r.properties, options) : resource_anchor(r),
                 what + " sets " + code(options) + " without " + code(field) +
                     ", which defaults to `optional`: build instances accept IMDSv1; add " + code(field + ": required") +
                     " to it");
      return;
    }
    if (value.literal() != "optional") return;
    Diagnostic& d = out.report(*r.file, value.span_or(resource_anchor(r)),
                               what + " sets " + code(tokens) + " to `optional`: build instances accept IMDSv1, "
                                   "whose unauthenticated requests expose the instance role's credentials to SSRF; "
                                   "use `required`");
    const yaml::Node& node = *value.node;
    std::string quote = node.style == yaml::Style::DoubleQuoted ? "\"" : node.style == yaml::Style::SingleQuoted ? "'" : "";
    d.fixes.push_back({"set " + code(property_name(r, "HttpTokens")) + " to `required`", {{node.span, quote + "required" + quote}}, false});
  }
};

}  // namespace

std::unique_ptr<Rule> make_imds_v1() { return std::make_unique<ImdsV1>(); }

}  // namespace iblint
