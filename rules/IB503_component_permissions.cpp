#include <set>
#include <utility>

#include "engine/project_rule.h"
#include "iam/instance_permissions.h"
#include "load/embedded_component.h"
#include "rules/component_s3_access.h"
#include "model/project.h"
#include "rules/project_support.h"
#include "rules/rule_support.h"
#include "rules/rules.h"

namespace iblint {
namespace {

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
    for (const auto& [action, resource] : s3_requests(access, shown)) {
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
