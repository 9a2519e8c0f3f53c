#include "engine/project_rule.h"
#include "model/project.h"
#include "rules/rule_support.h"
#include "rules/rules.h"

namespace iblint {
namespace {

/// A distribution that gives launch permission to the group `all`: a public AMI.
class PublicImage final : public ProjectRule {
 public:
  const RuleInfo& info() const override {
    static const RuleInfo rule{"IB605", "public-image", Severity::Error,
                               "A distribution shares the AMI publicly (launch permission group `all`)", true};
    return rule;
  }

  void check_project(const ProjectContext& context, Reporter& out) const override {
    for (const DistributionConfiguration& d : context.project.distributions) {
      const Resource& r = *d.resource;
      for (const cfn::Value& entry : d.distributions.items) {
        const cfn::Value& permission = r.field(r.field(entry, "AmiDistributionConfiguration"), "LaunchPermissionConfiguration");
        const cfn::Value& groups = r.field(permission, "UserGroups");
        std::string region = r.field(entry, "Region").literal().value_or("");
        for (const cfn::Value& group : groups.items) {
          // EC2 compares the group name exactly; only `all` exists.
          if (group.literal() != "all") continue;
          std::string field = r.api() ? "launchPermission.userGroups" : "LaunchPermissionConfiguration.UserGroups";
          out.report(*r.file, group.span_or(r.anchor()),
                     "distribution " + r.label() + " makes the AMI public" + (region.empty() ? "" : " in " + region) + ": " +
                         code(field) + " holds `all`, so every AWS account can launch and copy it, with whatever "
                         "the build left on its disks; share with " + code(r.api() ? "userIds" : "UserIds") + " or " +
                         code(r.api() ? "organizationArns" : "OrganizationArns") + " instead");
        }
      }
    }
  }
};

}  // namespace

std::unique_ptr<Rule> make_public_image() { return std::make_unique<PublicImage>(); }

}  // namespace iblint
