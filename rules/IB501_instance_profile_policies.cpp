#include <vector>

#include "engine/project_rule.h"
#include "iam/instance_permissions.h"
#include "model/project.h"
#include "rules/project_support.h"
#include "rules/rule_support.h"
#include "rules/rules.h"

namespace iblint {
namespace {

/// A managed policy the build instance's role must carry, and the actions that show whether it
/// (or an equivalent policy) is there.
struct Need {
  std::string_view policy;
  std::vector<std::string> actions;
  std::string_view consequence;
};

const Need kImageBuilder{"EC2InstanceProfileForImageBuilder",
                         {"imagebuilder:GetComponent"},
                         "AWSTOE cannot fetch the recipe's components"};
const Need kContainer{"EC2InstanceProfileForImageBuilderECRContainerBuilds",
                      {"imagebuilder:GetComponent", "ecr:GetAuthorizationToken", "ecr:PutImage"},
                      "the container build cannot fetch its components or push the image to ECR"};
const Need kSsm{"AmazonSSMManagedInstanceCore",
                {"ssm:UpdateInstanceInformation", "ssmmessages:CreateControlChannel", "ec2messages:GetMessages"},
                "the SSM agent cannot register and the build times out waiting for it"};

/// The instance role behind an infrastructure configuration must carry the Image Builder and
/// SSM managed policies (the ECR variant for container recipes).
class InstanceProfilePolicies final : public ProjectRule {
 public:
  const RuleInfo& info() const override {
    static const RuleInfo rule{"IB501", "instance-profile-policies", Severity::Error,
                               "The instance profile's role lacks EC2InstanceProfileForImageBuilder or "
                               "AmazonSSMManagedInstanceCore (container recipes: the ECR variant)"};
    return rule;
  }

  void check_project(const ProjectContext& context, Reporter& out) const override {
    const Project& project = context.project;
    for (const InfrastructureConfiguration& infra : project.infrastructures) {
      std::optional<iam::InstancePermissions> permissions = iam::instance_permissions(project, infra);
      if (!permissions) continue;  // the role is not in the project: nothing to judge
      bool container = false;
      for (const ImagePipeline* p : pipelines_using(project, infra)) container = container || p->container;
      for (const Need* need : {container ? &kContainer : &kImageBuilder, &kSsm}) check(infra, *permissions, *need, out);
    }
  }

 private:
  static void check(const InfrastructureConfiguration& infra, const iam::InstancePermissions& permissions,
                    const Need& need, Reporter& out) {
    const iam::Text any_resource = iam::Text::symbol("resource");
    for (const std::string& action : need.actions) {
      iam::Decision decision = permissions.evaluate(action, any_resource);
      if (decision != iam::Decision::NotAllowed && decision != iam::Decision::Denied) continue;
      const Resource& r = *infra.resource;
      const Resource& role = *permissions.role->resource;
      std::string why = decision == iam::Decision::Denied ? "a statement denies " + code(action)
                                                          : "no policy allows " + code(action);
      Diagnostic& d = out.report(
          *r.file, infra.instance_profile_name.span_or(r.anchor()),
          "the role " + role.label() + " of instance profile " + permissions.profile->resource->label() +
              " (infrastructure configuration " + r.label() + ") lacks the AWS-managed policy " + code(need.policy) +
              " (" + why + "): " + std::string(need.consequence) + "; add `arn:${AWS::Partition}:iam::aws:policy/" +
              std::string(need.policy) + "` to its `ManagedPolicyArns`");
      const cfn::Value& managed = permissions.role->managed_policy_arns;
      d.related.push_back({managed.span_or(role.anchor()),
                           managed.absent() ? "the role " + role.label() + " is defined here"
                                            : "the managed policies of role " + role.label(),
                           role.file});
      return;  // one finding per missing policy
    }
  }
};

}  // namespace

std::unique_ptr<Rule> make_instance_profile_policies() { return std::make_unique<InstanceProfilePolicies>(); }

}  // namespace iblint
