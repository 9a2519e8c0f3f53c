#include "engine/project_rule.h"
#include "iam/policy_reader.h"
#include "model/project.h"
#include "rules/rule_support.h"
#include "rules/rules.h"

namespace iblint {
namespace {

/// The 2020 service could not be reached through an interface VPC endpoint (PrivateLink).
class VpcEndpointUnsupported final : public ProjectRule {
 public:
  const RuleInfo& info() const override {
    static const RuleInfo rule{"IB407", "vpc-endpoint-unsupported", Severity::Warning,
                               "seed-2020: Image Builder routed through a VPC interface endpoint (PrivateLink)"};
    return rule;
  }

  void check_project(const ProjectContext& context, Reporter& out) const override {
    if (context.profile != Profile::Seed2020) return;  // supported today
    for (const VpcEndpoint& e : context.project.vpc_endpoints) {
      const Resource& r = *e.resource;
      std::optional<iam::Text> service = iam::text_of(e.service_name, r);
      if (!service || service->pieces.empty() || service->pieces.back().symbol) continue;
      if (!service->pieces.back().text.ends_with(".imagebuilder")) continue;
      std::optional<std::string> type = e.endpoint_type.literal();
      if (type && *type != "Interface") continue;  // not a PrivateLink endpoint (and not valid for the service)
      out.report(*r.file, e.service_name.span_or(r.anchor()),
                 "VPC endpoint " + r.label() + " routes Image Builder (" + code(service->str()) +
                     ") through PrivateLink, which the 2020 service does not support; reach the service through "
                     "a NAT gateway or internet gateway instead" + profile_note(context.profile));
    }
  }
};

}  // namespace

std::unique_ptr<Rule> make_vpc_endpoint_unsupported() { return std::make_unique<VpcEndpointUnsupported>(); }

}  // namespace iblint
