#include "engine/project_rule.h"
#include "model/project.h"
#include "rules/project_support.h"
#include "rules/rule_support.h"
#include "rules/rules.h"

namespace iblint {
namespace {

/// The network of the build instance: a subnet needs security groups; without a subnet the
/// 2020 service had no VPC to launch into, today's uses the default VPC.
class VpcRequired final : public ProjectRule {
 public:
  const RuleInfo& info() const override {
    static const RuleInfo rule{"IB406", "vpc-required", Severity::Error,
                               "SubnetId without SecurityGroupIds, security groups without a subnet, or no VPC at all"};
    return rule;
  }

  void check_project(const ProjectContext& context, Reporter& out) const override {
    for (const InfrastructureConfiguration& infra : context.project.infrastructures) check(infra, context.profile, out);
  }

 private:
  static void check(const InfrastructureConfiguration& infra, Profile profile, Reporter& out) {
    const Resource& r = *infra.resource;
    std::string subnet = code(property_name(r, "SubnetId"));
    std::string groups = code(property_name(r, "SecurityGroupIds"));
    std::string what = "infrastructure configuration " + resource_label(r);
    if (certainly_set(infra.subnet_id) && certainly_unset(infra.security_group_ids)) {
      out.report(*r.file, infra.subnet_id.span_or(resource_anchor(r)),
                 what + " sets " + subnet + " but no " + groups +
                     ": Image Builder requires security groups with a subnet and rejects the configuration; add " +
                     groups + " with a group of the subnet's VPC");
      return;
    }
    if (!certainly_unset(infra.subnet_id)) return;
    // Written, yet gone once conditions are decided (an Fn::If with AWS::NoValue, decided by the
    // parameter defaults): say so, the template does show a SubnetId.
    std::string removed = r.property_node("SubnetId") && infra.subnet_id.absent()
                              ? " (its `Fn::If` removes it with the template's parameter defaults)"
                              : "";
    if (profile == Profile::Seed2020) {
      out.report(*r.file, resource_anchor(r),
                 what + " has no " + subnet + removed +
                     ": the 2020 service requires a VPC (EC2-Classic is not supported) and the build fails at "
                     "launch; add " + subnet + " and " + groups + profile_note(profile));
    }
    if (certainly_set(infra.security_group_ids)) {
      Diagnostic& d = out.report(*r.file, infra.security_group_ids.span_or(resource_anchor(r)),
                                 what + " sets " + groups + " without " + subnet + ": " +
                                     (profile == Profile::Seed2020
                                          ? "the groups belong to a VPC the configuration never names"
                                          : "the instance launches in the default VPC, so the groups must belong to "
                                            "it (how the service treats other groups is uncertain)") +
                                     "; add the " + subnet + " the groups are meant for");
      d.severity = Severity::Warning;
      return;
    }
    if (profile == Profile::Seed2020 || !certainly_unset(infra.security_group_ids)) return;
    Diagnostic& d = out.report(*r.file, resource_anchor(r),
                               what + " has no " + subnet + " or " + groups + removed +
                                   ": build and test instances launch in the default VPC's default subnet with its "
                                   "default security group; set both to choose the network" + profile_note(profile));
    d.severity = Severity::Info;
  }
};

}  // namespace

std::unique_ptr<Rule> make_vpc_required() { return std::make_unique<VpcRequired>(); }

}  // namespace iblint
