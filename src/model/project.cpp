#include "model/project.h"

#include "load/embedded_component.h"

namespace iblint {

std::string_view kind_name(ResourceKind kind) {
  switch (kind) {
    case ResourceKind::Component: return "component";
    case ResourceKind::ImageRecipe: return "image recipe";
    case ResourceKind::ContainerRecipe: return "container recipe";
    case ResourceKind::InfrastructureConfiguration: return "infrastructure configuration";
    case ResourceKind::DistributionConfiguration: return "distribution configuration";
    case ResourceKind::ImagePipeline: return "image pipeline";
    case ResourceKind::Image: return "image";
    case ResourceKind::Workflow: return "workflow";
    case ResourceKind::Role: return "IAM role";
    case ResourceKind::InstanceProfile: return "instance profile";
    case ResourceKind::ManagedPolicy: return "managed policy";
    case ResourceKind::Policy: return "IAM policy";
    case ResourceKind::SecurityGroup: return "security group";
    case ResourceKind::SecurityGroupIngress: return "security group ingress rule";
    case ResourceKind::VpcEndpoint: return "VPC endpoint";
    case ResourceKind::Subnet: return "subnet";
    case ResourceKind::Vpc: return "VPC";
    case ResourceKind::KmsKey: return "KMS key";
    case ResourceKind::S3Bucket: return "S3 bucket";
    case ResourceKind::Other: return "resource";
  }
  return "resource";
}

std::string Resource::api_name(std::string_view cfn_name) {
  if (cfn_name == "Version") return "semanticVersion";
  if (cfn_name == "LaunchPermissionConfiguration") return "launchPermission";
  std::string out(cfn_name);
  if (!out.empty() && out[0] >= 'A' && out[0] <= 'Z') out[0] = static_cast<char>(out[0] - 'A' + 'a');
  return out;
}

const yaml::Node* Resource::property_node(std::string_view cfn_name) const {
  if (!properties) return nullptr;
  return properties->find(api() ? api_name(cfn_name) : std::string(cfn_name));
}

cfn::Value Resource::property(std::string_view cfn_name) const { return evaluate(property_node(cfn_name)); }

const cfn::Value& Resource::field(const cfn::Value& map, std::string_view cfn_name) const {
  return map.field(api() ? api_name(cfn_name) : std::string(cfn_name));
}

cfn::Value Resource::evaluate(const yaml::Node* node) const { return cfn::Evaluator(tmpl).evaluate(node); }

Span Resource::anchor() const {
  if (id_node) return id_node->span;
  if (name.node) return name.node->span;
  if (node) return {node->span.begin, node->span.begin};
  return {};
}

std::string Resource::label() const {
  if (!logical_id.empty()) return "`" + logical_id + "`";
  if (std::optional<std::string> n = name.literal()) return "`" + *n + "`";
  return "in this `" + type + "` request";
}

Span ComponentResource::outer_span(Span document_span) const {
  return embedded ? embedded->to_outer(document_span) : document_span;
}

namespace {

template <typename T>
const T* find_by_resource(const std::deque<T>& items, const Link& link) {
  if (link.status != Link::Status::Resolved || !link.target) return nullptr;
  for (const T& item : items) {
    if (item.resource == link.target) return &item;
  }
  return nullptr;
}

}  // namespace

const ComponentResource* Project::component_of(const Link& link) const { return find_by_resource(components, link); }
const ImageRecipe* Project::recipe_of(const Link& link) const { return find_by_resource(recipes, link); }
const InfrastructureConfiguration* Project::infrastructure_of(const Link& link) const {
  return find_by_resource(infrastructures, link);
}
const DistributionConfiguration* Project::distribution_of(const Link& link) const {
  return find_by_resource(distributions, link);
}
const InstanceProfile* Project::instance_profile_of(const Link& link) const {
  return find_by_resource(instance_profiles, link);
}
const Role* Project::role_of(const Link& link) const { return find_by_resource(roles, link); }
const SecurityGroup* Project::security_group_of(const Link& link) const { return find_by_resource(security_groups, link); }
const Subnet* Project::subnet_of(const Link& link) const { return find_by_resource(subnets, link); }

std::vector<const Resource*> Project::of_kind(ResourceKind kind) const {
  std::vector<const Resource*> out;
  for (const Resource& r : resources) {
    if (r.kind == kind) out.push_back(&r);
  }
  return out;
}

}  // namespace iblint
