#include <set>

#include "engine/project_rule.h"
#include "model/project.h"
#include "rules/project_support.h"
#include "rules/rule_support.h"
#include "rules/rules.h"

namespace iblint {
namespace {

/// Without an instance profile (or with one that holds no role) the build instance has no
/// credentials: SSM never sees it and the build times out.
class MissingInstanceProfile final : public ProjectRule {
 public:
  const RuleInfo& info() const override {
    static const RuleInfo rule{"IB504", "missing-instance-profile", Severity::Error,
                               "No instance profile, or an instance profile with no role"};
    return rule;
  }

  void check_project(const ProjectContext& context, Reporter& out) const override {
    const Project& project = context.project;
    std::set<const InstanceProfile*> reported;
    for (const InfrastructureConfiguration& infra : project.infrastructures) {
      const Resource& r = *infra.resource;
      std::string property = code(property_name(r, "InstanceProfileName"));
      if (certainly_unset(infra.instance_profile_name)) {
        out.report(*r.file, infra.instance_profile_name.span_or(resource_anchor(r)),
                   "infrastructure configuration " + resource_label(r) + " has no " + property +
                       ": build and test instances need an instance profile whose role carries "
                       "`EC2InstanceProfileForImageBuilder` and `AmazonSSMManagedInstanceCore`; set " + property +
                       " to one");
        continue;
      }
      const InstanceProfile* profile = project.instance_profile_of(infra.instance_profile);
      if (!profile || !certainly_unset(profile->roles) || !reported.insert(profile).second) continue;
      const Resource& p = *profile->resource;
      Diagnostic& d = out.report(*p.file, profile->roles.span_or(p.anchor()),
                                 "instance profile " + p.label() +
                                     " has no role, so the build instance gets no credentials and SSM never "
                                     "registers it (the build times out); add the Image Builder instance role to `Roles`");
      d.related.push_back({infra.instance_profile_name.span_or(resource_anchor(r)),
                           "used by infrastructure configuration " + r.label(), r.file});
    }
  }
};

}  // namespace

std::unique_ptr<Rule> make_missing_instance_profile() { return std::make_unique<MissingInstanceProfile>(); }

}  // namespace iblint
