#include "rules/project_support.h"

#include "load/embedded_component.h"
#include "model/arn.h"

namespace iblint {

std::string property_name(const Resource& resource, std::string_view cfn_name) {
  return resource.api() ? Resource::api_name(cfn_name) : std::string(cfn_name);
}

bool certainly_set(const cfn::Value& value) {
  using K = cfn::Value::Kind;
  switch (value.kind) {
    case K::Absent:
    case K::Null: return false;
    case K::String: return !value.text.empty();
    case K::List: return !value.items.empty();
    case K::Unknown:
      // Fn::If keeps its branches in items: both present means set either way.
      return value.text == "Fn::If" ? value.items.size() == 2 : value.text != "Fn::If";
    default: return true;
  }
}

bool certainly_unset(const cfn::Value& value) {
  using K = cfn::Value::Kind;
  switch (value.kind) {
    case K::Absent:
    case K::Null: return true;
    case K::String: return value.text.empty();
    case K::List: return value.items.empty();
    default: return false;
  }
}

std::vector<const ImagePipeline*> pipelines_using(const Project& project, const InfrastructureConfiguration& infra) {
  std::vector<const ImagePipeline*> out;
  for (const ImagePipeline& p : project.pipelines) {
    if (project.infrastructure_of(p.infrastructure) == &infra) out.push_back(&p);
  }
  return out;
}

const EmbeddedComponent* embedded_of(const Project& project, const ComponentResource& component) {
  if (!component.document) return nullptr;
  for (const auto& e : project.embedded) {
    if (e->component && &*e->component == component.document) return e.get();
  }
  return nullptr;
}

}  // namespace iblint

namespace iblint {

const SecurityGroup* security_group_behind(const Project& project, const Link& link) {
  if (const SecurityGroup* group = project.security_group_of(link)) return group;
  if (link.status != Link::Status::Unknown || !link.target || link.value.kind != cfn::Value::Kind::GetAtt ||
      link.value.attribute != "GroupId")
    return nullptr;
  for (const SecurityGroup& group : project.security_groups) {
    if (group.resource == link.target) return &group;
  }
  return nullptr;
}

}  // namespace iblint

namespace iblint {

std::string resource_label(const Resource& resource) {
  if (!resource.logical_id.empty() || resource.name.literal()) return resource.label();
  for (std::string_view arn_property : {"InfrastructureConfigurationArn", "DistributionConfigurationArn", "ImagePipelineArn"}) {
    std::optional<std::string> text = resource.property(arn_property).literal();
    if (!text) continue;
    if (std::optional<ImageBuilderArn> arn = parse_imagebuilder_arn(*text); arn && !arn->name.empty())
      return "`" + arn->name + "`";
  }
  return resource.label();
}

}  // namespace iblint

namespace iblint {

Span resource_anchor(const Resource& resource) {
  Span anchor = resource.anchor();
  if (anchor.end > anchor.begin) return anchor;
  for (std::string_view arn_property : {"InfrastructureConfigurationArn", "DistributionConfigurationArn", "ImagePipelineArn"}) {
    if (const yaml::Node* node = resource.property_node(arn_property)) return node->span;
  }
  return anchor;
}

}  // namespace iblint
