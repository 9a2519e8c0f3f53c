#pragma once
// The project: every resource of every file given on one command line, linked into the graph
// pipeline → recipe → components / parent image; pipeline → infrastructure → instance profile →
// role → policies; infrastructure → subnet / security groups; pipeline → distribution.
//
// Reading it from a project rule (see engine/project_rule.h):
//   for (const ImagePipeline& p : project.pipelines) {
//     if (p.infrastructure.target) { const InfrastructureConfiguration* infra = project.infrastructure_of(p); … }
//     report at p.infrastructure.value.node->span in p.resource->file
//   }
// Every field is a cfn::Value holding its node (exact span); Links say how a reference
// resolved. Nothing is guessed: what depends on deployment stays Unknown/External.
#include <deque>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "catalog/managed_components.h"
#include "cfn/evaluator.h"
#include "cfn/template.h"
#include "cfn/value.h"
#include "model/component.h"
#include "source/source_file.h"
#include "yaml/node.h"
#include "yaml/parser.h"

namespace iblint {

enum class ResourceKind {
  Component,
  ImageRecipe,
  ContainerRecipe,
  InfrastructureConfiguration,
  DistributionConfiguration,
  ImagePipeline,
  Image,
  Workflow,
  Role,
  InstanceProfile,
  ManagedPolicy,   ///< AWS::IAM::ManagedPolicy
  Policy,          ///< AWS::IAM::Policy and AWS::IAM::RolePolicy (inline policy resources)
  SecurityGroup,
  SecurityGroupIngress,
  VpcEndpoint,
  Subnet,
  Vpc,
  KmsKey,
  S3Bucket,
  Other,
};

/// "image recipe", "infrastructure configuration", … for messages.
std::string_view kind_name(ResourceKind kind);

/// One resource of a CloudFormation template or one API request file.
struct Resource {
  ResourceKind kind = ResourceKind::Other;
  std::string type;            ///< CFN type ("AWS::ImageBuilder::Component") or API call ("CreateComponent")
  const SourceFile* file = nullptr;
  const yaml::Node* node = nullptr;        ///< CFN: the resource's definition; API: the document root
  const yaml::Node* properties = nullptr;  ///< CFN: Properties (may be null); API: the root mapping
  const yaml::Node* id_node = nullptr;     ///< CFN: the logical id key; API: null
  std::string logical_id;                  ///< CFN only
  const cfn::Template* tmpl = nullptr;     ///< CFN only; null for API files
  std::string condition;                   ///< CFN `Condition:` of the resource, "" when none
  cfn::Value name;                         ///< the Name / name property (RoleName, GroupName, … for others)

  bool api() const { return tmpl == nullptr; }
  /// The request member for a CloudFormation property name: "Version" → "semanticVersion",
  /// "LaunchPermissionConfiguration" → "launchPermission", otherwise the first letter lower-cased.
  static std::string api_name(std::string_view cfn_name);
  /// The node of a property by its CloudFormation name (the API member for API files), or null.
  const yaml::Node* property_node(std::string_view cfn_name) const;
  /// The evaluated property (Absent when not written).
  cfn::Value property(std::string_view cfn_name) const;
  /// A field of an evaluated mapping by CloudFormation name (API spelling for API files).
  const cfn::Value& field(const cfn::Value& map, std::string_view cfn_name) const;
  /// Evaluates any node of this resource with its template's knowledge.
  cfn::Value evaluate(const yaml::Node* node) const;
  /// Where a finding about the whole resource points: its logical id, else its name, else the
  /// start of the document.
  Span anchor() const;
  /// "`MyRecipe`" (CFN logical id), "`my-recipe`" (API name) or "in this `UpdateImagePipeline`
  /// request" (API request without a literal name), for messages.
  std::string label() const;
};

/// How a reference resolved.
struct Link {
  enum class Status {
    None,       ///< no reference written
    Resolved,   ///< a resource of the project (target set)
    Managed,    ///< an Amazon-managed component of the catalog (managed set)
    External,   ///< a well-formed reference to something outside the project (an ARN, a name, sg-…)
    Unknown,    ///< depends on deployment (parameter without default, import, pseudo parameter, …)
    Dangling,   ///< points at nothing: a missing logical id, or a name/ARN that cannot exist
  };
  Status status = Status::None;
  cfn::Value value;                         ///< the reference as written
  const Resource* target = nullptr;
  const ManagedComponent* managed = nullptr;
  std::string note;                         ///< why Dangling/External, for messages
};

/// A component document parsed from a Component's Data/data (see load/embedded_document.h).
struct EmbeddedComponent;

struct ComponentResource {
  const Resource* resource = nullptr;
  cfn::Value version, platform, data, uri, supported_os_versions;
  /// The AWSTOE document of Data/data, when inline and parsable; null otherwise.
  const Component* document = nullptr;
  const SourceFile* document_file = nullptr;  ///< the file the document's nodes point into
  /// How the document was read (load/embedded_component.h); null when document is null.
  const EmbeddedComponent* embedded = nullptr;
  /// A span of a document node as a span of the resource's file, where findings must go.
  Span outer_span(Span document_span) const;
};

struct RecipeParameter {
  const yaml::Node* node = nullptr;  ///< the {Name, Value} entry
  cfn::Value name, value;
};

struct RecipeComponent {
  const yaml::Node* node = nullptr;  ///< the Components entry
  Link component;                    ///< from ComponentArn / componentArn
  std::vector<RecipeParameter> parameters;
};

struct ImageRecipe {
  const Resource* resource = nullptr;
  bool container = false;  ///< AWS::ImageBuilder::ContainerRecipe / CreateContainerRecipe
  cfn::Value version, parent_image, block_device_mappings, working_directory, additional_instance_configuration;
  std::vector<RecipeComponent> components;  ///< in execution order
  Link parent;  ///< parent image: Resolved when it names another recipe's image in the project (rare)
};

struct InfrastructureConfiguration {
  const Resource* resource = nullptr;
  cfn::Value instance_profile_name, subnet_id, security_group_ids, logging, instance_metadata_options,
      instance_types, key_pair, terminate_instance_on_failure;
  Link instance_profile;
  Link subnet;
  std::vector<Link> security_groups;
  /// Logging.S3Logs.S3BucketName / S3KeyPrefix (Absent when not configured).
  cfn::Value logging_bucket, logging_prefix;
};

struct DistributionConfiguration {
  const Resource* resource = nullptr;
  cfn::Value distributions;  ///< the list; read entries with resource->field(entry, "Region") …
};

/// An ImagePipeline, or an Image (one-off build: is_image) which links the same way.
struct ImagePipeline {
  const Resource* resource = nullptr;
  bool is_image = false;
  Link recipe;           ///< ImageRecipeArn or ContainerRecipeArn
  bool container = false;
  Link infrastructure;
  Link distribution;
  cfn::Value schedule, status, image_tests, workflows, execution_role;
};

struct InlinePolicy {
  const yaml::Node* node = nullptr;  ///< the policy entry or resource
  cfn::Value name;
  cfn::Value document;  ///< PolicyDocument (Statement list inside)
};

struct Role {
  const Resource* resource = nullptr;
  cfn::Value role_name, managed_policy_arns, assume_role_policy;
  std::vector<InlinePolicy> inline_policies;      ///< Policies property
  std::vector<const Resource*> attached_policies; ///< ManagedPolicy/Policy resources naming this role
  std::vector<Link> managed_policy_links;         ///< each ManagedPolicyArns entry
};

struct InstanceProfile {
  const Resource* resource = nullptr;
  cfn::Value profile_name, roles;
  std::vector<Link> role_links;
};

struct Policy {
  const Resource* resource = nullptr;
  bool managed = false;
  cfn::Value document, roles;
  std::vector<Link> role_links;
};

struct IngressRule {
  const yaml::Node* node = nullptr;       ///< the rule's mapping (in SecurityGroupIngress or the resource)
  const Resource* resource = nullptr;     ///< the SecurityGroupIngress resource, or null when inline
  cfn::Value cidr_ip, cidr_ipv6, ip_protocol, from_port, to_port;
};

struct SecurityGroup {
  const Resource* resource = nullptr;
  cfn::Value vpc_id;
  std::vector<IngressRule> ingress;  ///< inline rules and separate SecurityGroupIngress resources
};

struct VpcEndpoint {
  const Resource* resource = nullptr;
  cfn::Value service_name, endpoint_type, subnet_ids, security_group_ids;
};

struct Subnet {
  const Resource* resource = nullptr;
  cfn::Value vpc_id, cidr_block, map_public_ip;
};

/// One input file of the project.
struct ProjectFile {
  std::shared_ptr<const SourceFile> file;
  std::shared_ptr<const yaml::Stream> yaml;
  std::vector<std::unique_ptr<cfn::Template>> templates;  ///< one per CloudFormation document
  bool api = false;  ///< holds an API request
};

struct Project {
  std::vector<ProjectFile> files;
  std::deque<Resource> resources;  ///< every resource of every file, in input order
  std::deque<ComponentResource> components;
  std::deque<ImageRecipe> recipes;  ///< image and container recipes
  std::deque<InfrastructureConfiguration> infrastructures;
  std::deque<DistributionConfiguration> distributions;
  std::deque<ImagePipeline> pipelines;  ///< pipelines and one-off images
  std::deque<Role> roles;
  std::deque<InstanceProfile> instance_profiles;
  std::deque<Policy> policies;
  std::deque<SecurityGroup> security_groups;
  std::deque<VpcEndpoint> vpc_endpoints;
  std::deque<Subnet> subnets;
  /// Parsed Data/data documents, owned here (ComponentResource::document points into them).
  std::vector<std::shared_ptr<const EmbeddedComponent>> embedded;

  // Typed views of link targets (null when the link is not Resolved to that kind).
  const ComponentResource* component_of(const Link& link) const;
  const ImageRecipe* recipe_of(const Link& link) const;
  const InfrastructureConfiguration* infrastructure_of(const Link& link) const;
  const DistributionConfiguration* distribution_of(const Link& link) const;
  const InstanceProfile* instance_profile_of(const Link& link) const;
  const Role* role_of(const Link& link) const;
  const SecurityGroup* security_group_of(const Link& link) const;
  const Subnet* subnet_of(const Link& link) const;
  /// Every resource of a kind.
  std::vector<const Resource*> of_kind(ResourceKind kind) const;
};

}  // namespace iblint
