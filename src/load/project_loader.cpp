#include "load/project_loader.h"

#include <algorithm>
#include <map>
#include <unordered_map>

#include "load/api_request.h"
#include "load/document_kind.h"
#include "load/embedded_component.h"
#include "model/arn.h"

namespace iblint {

/// EmbeddedComponent is what Project::embedded owns.
struct EmbeddedComponent;

namespace {

ResourceKind kind_of_cfn_type(std::string_view type) {
  static const std::vector<std::pair<std::string_view, ResourceKind>> kinds = {
      {"AWS::ImageBuilder::Component", ResourceKind::Component},
      {"AWS::ImageBuilder::ImageRecipe", ResourceKind::ImageRecipe},
      {"AWS::ImageBuilder::ContainerRecipe", ResourceKind::ContainerRecipe},
      {"AWS::ImageBuilder::InfrastructureConfiguration", ResourceKind::InfrastructureConfiguration},
      {"AWS::ImageBuilder::DistributionConfiguration", ResourceKind::DistributionConfiguration},
      {"AWS::ImageBuilder::ImagePipeline", ResourceKind::ImagePipeline},
      {"AWS::ImageBuilder::Image", ResourceKind::Image},
      {"AWS::ImageBuilder::Workflow", ResourceKind::Workflow},
      {"AWS::IAM::Role", ResourceKind::Role},
      {"AWS::IAM::InstanceProfile", ResourceKind::InstanceProfile},
      {"AWS::IAM::ManagedPolicy", ResourceKind::ManagedPolicy},
      {"AWS::IAM::Policy", ResourceKind::Policy},
      {"AWS::IAM::RolePolicy", ResourceKind::Policy},
      {"AWS::EC2::SecurityGroup", ResourceKind::SecurityGroup},
      {"AWS::EC2::SecurityGroupIngress", ResourceKind::SecurityGroupIngress},
      {"AWS::EC2::VPCEndpoint", ResourceKind::VpcEndpoint},
      {"AWS::EC2::Subnet", ResourceKind::Subnet},
      {"AWS::EC2::VPC", ResourceKind::Vpc},
      {"AWS::KMS::Key", ResourceKind::KmsKey},
      {"AWS::S3::Bucket", ResourceKind::S3Bucket},
  };
  for (const auto& [name, kind] : kinds) {
    if (name == type) return kind;
  }
  return ResourceKind::Other;
}

/// The property that names a resource of this kind.
std::string_view name_property(ResourceKind kind) {
  switch (kind) {
    case ResourceKind::Role: return "RoleName";
    case ResourceKind::InstanceProfile: return "InstanceProfileName";
    case ResourceKind::ManagedPolicy: return "ManagedPolicyName";
    case ResourceKind::Policy: return "PolicyName";
    case ResourceKind::SecurityGroup: return "GroupName";
    case ResourceKind::S3Bucket: return "BucketName";
    case ResourceKind::SecurityGroupIngress:
    case ResourceKind::VpcEndpoint:
    case ResourceKind::Subnet:
    case ResourceKind::Vpc:
    case ResourceKind::KmsKey:
    case ResourceKind::Other: return "";
    default: return "Name";
  }
}

/// The resource-type segment of the ARNs of a kind ("" when not an Image Builder kind).
std::string_view arn_type_of(ResourceKind kind) {
  switch (kind) {
    case ResourceKind::Component: return "component";
    case ResourceKind::ImageRecipe: return "image-recipe";
    case ResourceKind::ContainerRecipe: return "container-recipe";
    case ResourceKind::InfrastructureConfiguration: return "infrastructure-configuration";
    case ResourceKind::DistributionConfiguration: return "distribution-configuration";
    case ResourceKind::ImagePipeline: return "image-pipeline";
    case ResourceKind::Image: return "image";
    default: return "";
  }
}

/// How a property refers to its target.
enum class RefStyle {
  ImageBuilderArn,  ///< an Image Builder ARN (or Ref/GetAtt of the resource)
  Name,             ///< a resource name (instance profile, role)
  Id,               ///< an EC2 id (sg-…, subnet-…)
  Arn,              ///< any ARN (IAM policy)
};

class Linker {
 public:
  explicit Linker(Project& project) : project_(project) {
    for (const Resource& r : project.resources) {
      if (r.tmpl) by_id_.emplace(std::make_pair(r.tmpl, r.logical_id), &r);
    }
  }

  Link link(const Resource& from, cfn::Value value, std::vector<ResourceKind> kinds, RefStyle style) const {
    Link l;
    l.value = std::move(value);
    const cfn::Value& v = l.value;
    using K = cfn::Value::Kind;
    using T = cfn::Value::RefTarget;
    switch (v.kind) {
      case K::Absent:
      case K::Null: l.status = Link::Status::None; return l;
      case K::Ref:
      case K::GetAtt:
        if (v.ref_target == T::Resource) {
          std::string id = v.text;
          return by_logical_id(from, id, kinds, std::move(l));
        }
        if (v.ref_target == T::Missing) {
          l.status = Link::Status::Dangling;
          l.note = "no resource or parameter named `" + v.text + "` in this template";
          return l;
        }
        l.status = Link::Status::Unknown;
        return l;
      case K::Sub: {
        // `!Sub "${Recipe.Arn}"` is a GetAtt in disguise.
        if (v.pieces.size() == 1 && v.pieces[0].variable && !v.text.empty()) {
          std::string name = v.pieces[0].text.substr(0, v.pieces[0].text.find('.'));
          if (from.tmpl && from.tmpl->resource(name)) return by_logical_id(from, name, kinds, std::move(l));
        }
        std::string text = v.text;
        return by_text(text, kinds, style, std::move(l), true);
      }
      case K::String: {
        std::string text = v.text;
        return by_text(text, kinds, style, std::move(l), false);
      }
      case K::Number:
      case K::Bool:
      case K::List:
      case K::Map:
        l.status = Link::Status::Dangling;
        l.note = "a reference must be a string, not " + v.describe();
        return l;
      case K::Unknown: l.status = Link::Status::Unknown; return l;
    }
    return l;
  }

  /// One Link per item of a list value (or one for a single value such as a list parameter).
  std::vector<Link> links(const Resource& from, const cfn::Value& value, std::vector<ResourceKind> kinds,
                          RefStyle style) const {
    std::vector<Link> out;
    if (value.kind == cfn::Value::Kind::List) {
      for (const cfn::Value& item : value.items) out.push_back(link(from, item, kinds, style));
    } else if (!value.absent()) {
      out.push_back(link(from, value, kinds, style));
    }
    return out;
  }

 private:
  Link by_logical_id(const Resource& from, const std::string& id, const std::vector<ResourceKind>& kinds, Link l) const {
    bool get_att = l.value.kind == cfn::Value::Kind::GetAtt;
    auto found = by_id_.find({from.tmpl, id});
    if (found != by_id_.end()) {
      const Resource& r = *found->second;
      // A type iblint does not model, or an attribute of a non-Image Builder resource (a VPC's
      // DefaultSecurityGroup is a security group id): cannot judge.
      if (r.kind == ResourceKind::Other || (get_att && arn_type_of(r.kind).empty())) {
        l.status = Link::Status::Unknown;
        l.target = &r;
      } else if (std::find(kinds.begin(), kinds.end(), r.kind) != kinds.end()) {
        l.status = Link::Status::Resolved;
        l.target = &r;
      } else {
        l.status = Link::Status::Dangling;
        l.target = &r;
        l.note = "`" + id + "` is " + article(kind_name(r.kind)) + " (" + r.type + "), not " +
                 article(kind_name(kinds.front()));
      }
      return l;
    }
    l.status = Link::Status::Dangling;
    l.note = "no resource named `" + id + "` in this template";
    return l;
  }

  static std::string article(std::string_view noun) {
    bool vowel = !noun.empty() && std::string_view("aeiouAEIOU").find(noun[0]) != std::string_view::npos;
    return std::string(vowel ? "an " : "a ") + std::string(noun);
  }

  Link by_text(std::string text, const std::vector<ResourceKind>& kinds, RefStyle style, Link l,
               bool substitution) const {
    if (style == RefStyle::ImageBuilderArn) {
      std::optional<ImageBuilderArn> arn = parse_imagebuilder_arn(text);
      if (!arn) {
        l.status = substitution ? Link::Status::Unknown : Link::Status::Dangling;
        l.note = "it is not an Image Builder ARN; expected `arn:<partition>:imagebuilder:<region>:<account>:" +
                 std::string(arn_type_of(kinds.front())) + "/<name>…`";
        return l;
      }
      std::string_view expected = arn_type_of(kinds.front());
      if (!expected.empty() && arn->type != expected) {
        l.status = Link::Status::Dangling;
        l.note = "the ARN names " + (arn->type.empty() ? std::string("nothing") : "a `" + arn->type + "`") +
                 ", not " + article(kind_name(kinds.front())) + " (`…:" + std::string(expected) + "/…`)";
        return l;
      }
      if (kinds.front() == ResourceKind::Component && arn->amazon_owned() && !arn->name_variable) {
        if (const ManagedComponent* managed = find_managed_component(arn->name)) {
          l.status = Link::Status::Managed;
          l.managed = managed;
          return l;
        }
      }
      if (!arn->name_variable && !arn->amazon_owned()) {
        if (const Resource* r = by_name(arn->name, kinds, true)) {
          l.status = Link::Status::Resolved;
          l.target = r;
          return l;
        }
      }
      l.status = arn->name_variable ? Link::Status::Unknown : Link::Status::External;
      if (arn->amazon_owned() && kinds.front() == ResourceKind::Component)
        l.note = "Amazon-managed component `" + arn->name + "` is not in iblint's catalog";
      return l;
    }
    if (substitution) {
      l.status = Link::Status::Unknown;
      return l;
    }
    if (style == RefStyle::Name) {
      if (const Resource* r = by_name(text, kinds, false)) {
        l.status = Link::Status::Resolved;
        l.target = r;
        return l;
      }
    }
    l.status = Link::Status::External;
    return l;
  }

  /// A project resource of one of kinds whose literal name is name (as an ARN name segment when
  /// arn_segment: lower-cased, spaces and maybe underscores as hyphens).
  const Resource* by_name(const std::string& name, const std::vector<ResourceKind>& kinds, bool arn_segment) const {
    for (const Resource& r : project_.resources) {
      if (std::find(kinds.begin(), kinds.end(), r.kind) == kinds.end()) continue;
      std::optional<std::string> own = r.name.literal();
      if (!own) continue;
      if (arn_segment) {
        std::string normalized = arn_name_of(*own);
        std::string keep_underscores = *own;
        for (char& c : keep_underscores) {
          if (c == ' ') c = '-';
          else if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
        }
        if (name == normalized || name == keep_underscores) return &r;
      } else if (*own == name) {
        return &r;
      }
    }
    return nullptr;
  }

  Project& project_;
  std::map<std::pair<const cfn::Template*, std::string>, const Resource*> by_id_;  ///< (template, logical id)
};

void add_template_resources(Project& project, const ProjectFile& pf, const cfn::Template& t) {
  for (const cfn::TemplateResource& tr : t.resources) {
    Resource& r = project.resources.emplace_back();
    r.kind = kind_of_cfn_type(tr.type);
    r.type = tr.type;
    r.file = pf.file.get();
    r.node = tr.definition;
    r.properties = tr.properties;
    r.id_node = tr.id_node;
    r.logical_id = tr.logical_id;
    r.tmpl = &t;
    r.condition = tr.condition;
    if (std::string_view prop = name_property(r.kind); !prop.empty()) r.name = r.property(prop);
  }
}

void add_api_resource(Project& project, const ProjectFile& pf, const yaml::Node& root) {
  ApiShape shape = api_shape(root);
  if (shape.kind == ResourceKind::Other) return;
  Resource& r = project.resources.emplace_back();
  r.kind = shape.kind;
  r.type = shape.operation;
  r.file = pf.file.get();
  r.node = &root;
  r.properties = &root.resolved();
  r.name = r.property("Name");
}

/// The documents the inputs already hold, by their Data/data node.
using ParsedDocuments = std::unordered_map<const yaml::Node*, std::shared_ptr<const EmbeddedComponent>>;

void type_resources(Project& project, const Linker& linker, const ParsedDocuments& parsed) {
  using RK = ResourceKind;
  for (const Resource& r : project.resources) {
    switch (r.kind) {
      case RK::Component: {
        ComponentResource& c = project.components.emplace_back();
        c.resource = &r;
        c.version = r.property("Version");
        c.platform = r.property("Platform");
        c.data = r.property("Data");
        c.uri = r.property("Uri");
        c.supported_os_versions = r.property("SupportedOsVersions");
        if (const yaml::Node* data = r.property_node("Data")) {
          auto found = parsed.find(data);
          std::shared_ptr<const EmbeddedComponent> doc =
              found != parsed.end() && found->second->outer == r.file ? found->second
                                                                      : load_embedded_component(*r.file, *data);
          if (doc && doc->component) {
            c.document = &*doc->component;
            c.document_file = &doc->file();
            c.embedded = doc.get();
          }
          if (doc) project.embedded.push_back(std::move(doc));
        }
        break;
      }
      case RK::ImageRecipe:
      case RK::ContainerRecipe: {
        ImageRecipe& recipe = project.recipes.emplace_back();
        recipe.resource = &r;
        recipe.container = r.kind == RK::ContainerRecipe;
        recipe.version = r.property("Version");
        recipe.parent_image = r.property("ParentImage");
        recipe.block_device_mappings = recipe.container
                                           ? r.field(r.property("InstanceConfiguration"), "BlockDeviceMappings")
                                           : r.property("BlockDeviceMappings");
        recipe.working_directory = r.property("WorkingDirectory");
        recipe.additional_instance_configuration = r.property("AdditionalInstanceConfiguration");
        cfn::Value components = r.property("Components");
        for (const cfn::Value& entry : components.items) {
          RecipeComponent& rc = recipe.components.emplace_back();
          rc.node = entry.node;
          rc.component = linker.link(r, r.field(entry, "ComponentArn"), {RK::Component}, RefStyle::ImageBuilderArn);
          for (const cfn::Value& p : r.field(entry, "Parameters").items) {
            rc.parameters.push_back({p.node, r.field(p, "Name"), r.field(p, "Value")});
          }
        }
        recipe.parent = linker.link(r, recipe.parent_image, {RK::Image}, RefStyle::ImageBuilderArn);
        if (recipe.parent.status == Link::Status::Dangling && !recipe.parent_image.literal().value_or("").starts_with("arn:"))
          recipe.parent.status = Link::Status::External;  // AMI ids, ssm: parameters, Marketplace ids
        break;
      }
      case RK::InfrastructureConfiguration: {
        InfrastructureConfiguration& infra = project.infrastructures.emplace_back();
        infra.resource = &r;
        infra.instance_profile_name = r.property("InstanceProfileName");
        infra.subnet_id = r.property("SubnetId");
        infra.security_group_ids = r.property("SecurityGroupIds");
        infra.logging = r.property("Logging");
        infra.instance_metadata_options = r.property("InstanceMetadataOptions");
        infra.instance_types = r.property("InstanceTypes");
        infra.key_pair = r.property("KeyPair");
        infra.terminate_instance_on_failure = r.property("TerminateInstanceOnFailure");
        const cfn::Value& s3 = r.field(infra.logging, "S3Logs");
        infra.logging_bucket = r.field(s3, "S3BucketName");
        infra.logging_prefix = r.field(s3, "S3KeyPrefix");
        infra.instance_profile = linker.link(r, infra.instance_profile_name, {RK::InstanceProfile}, RefStyle::Name);
        infra.subnet = linker.link(r, infra.subnet_id, {RK::Subnet}, RefStyle::Id);
        infra.security_groups = linker.links(r, infra.security_group_ids, {RK::SecurityGroup}, RefStyle::Id);
        break;
      }
      case RK::DistributionConfiguration: {
        DistributionConfiguration& d = project.distributions.emplace_back();
        d.resource = &r;
        d.distributions = r.property("Distributions");
        break;
      }
      case RK::ImagePipeline:
      case RK::Image: {
        ImagePipeline& p = project.pipelines.emplace_back();
        p.resource = &r;
        p.is_image = r.kind == RK::Image;
        cfn::Value recipe = r.property("ImageRecipeArn");
        if (recipe.absent()) {
          recipe = r.property("ContainerRecipeArn");
          p.container = !recipe.absent();
        }
        p.recipe = linker.link(r, recipe, {p.container ? RK::ContainerRecipe : RK::ImageRecipe}, RefStyle::ImageBuilderArn);
        p.infrastructure = linker.link(r, r.property("InfrastructureConfigurationArn"),
                                       {RK::InfrastructureConfiguration}, RefStyle::ImageBuilderArn);
        p.distribution = linker.link(r, r.property("DistributionConfigurationArn"), {RK::DistributionConfiguration},
                                     RefStyle::ImageBuilderArn);
        p.schedule = r.property("Schedule");
        p.status = r.property("Status");
        p.image_tests = r.property("ImageTestsConfiguration");
        p.workflows = r.property("Workflows");
        p.execution_role = r.property("ExecutionRole");
        break;
      }
      case RK::Role: {
        Role& role = project.roles.emplace_back();
        role.resource = &r;
        role.role_name = r.name;
        role.managed_policy_arns = r.property("ManagedPolicyArns");
        role.assume_role_policy = r.property("AssumeRolePolicyDocument");
        role.managed_policy_links = linker.links(r, role.managed_policy_arns, {RK::ManagedPolicy}, RefStyle::Arn);
        for (const cfn::Value& p : r.property("Policies").items) {
          role.inline_policies.push_back({p.node, r.field(p, "PolicyName"), r.field(p, "PolicyDocument")});
        }
        break;
      }
      case RK::InstanceProfile: {
        InstanceProfile& ip = project.instance_profiles.emplace_back();
        ip.resource = &r;
        ip.profile_name = r.name;
        ip.roles = r.property("Roles");
        ip.role_links = linker.links(r, ip.roles, {RK::Role}, RefStyle::Name);
        break;
      }
      case RK::ManagedPolicy:
      case RK::Policy: {
        Policy& p = project.policies.emplace_back();
        p.resource = &r;
        p.managed = r.kind == RK::ManagedPolicy;
        p.document = r.property("PolicyDocument");
        p.roles = r.type == "AWS::IAM::RolePolicy" ? r.property("RoleName") : r.property("Roles");
        p.role_links = linker.links(r, p.roles, {RK::Role}, RefStyle::Name);
        break;
      }
      case RK::SecurityGroup: {
        SecurityGroup& sg = project.security_groups.emplace_back();
        sg.resource = &r;
        sg.vpc_id = r.property("VpcId");
        for (const cfn::Value& rule : r.property("SecurityGroupIngress").items) {
          sg.ingress.push_back({rule.node, nullptr, r.field(rule, "CidrIp"), r.field(rule, "CidrIpv6"),
                                r.field(rule, "IpProtocol"), r.field(rule, "FromPort"), r.field(rule, "ToPort")});
        }
        break;
      }
      case RK::VpcEndpoint: {
        VpcEndpoint& e = project.vpc_endpoints.emplace_back();
        e.resource = &r;
        e.service_name = r.property("ServiceName");
        e.endpoint_type = r.property("VpcEndpointType");
        e.subnet_ids = r.property("SubnetIds");
        e.security_group_ids = r.property("SecurityGroupIds");
        break;
      }
      case RK::Subnet: {
        Subnet& s = project.subnets.emplace_back();
        s.resource = &r;
        s.vpc_id = r.property("VpcId");
        s.cidr_block = r.property("CidrBlock");
        s.map_public_ip = r.property("MapPublicIpOnLaunch");
        break;
      }
      default: break;
    }
  }
  // Second pass: links that attach resources to ones typed above.
  for (Policy& p : project.policies) {
    for (const Link& l : p.role_links) {
      for (Role& role : project.roles) {
        if (l.target == role.resource) role.attached_policies.push_back(p.resource);
      }
    }
  }
  for (const Resource& r : project.resources) {
    if (r.kind != RK::SecurityGroupIngress) continue;
    Link group = linker.link(r, r.property("GroupId"), {RK::SecurityGroup}, RefStyle::Id);
    for (SecurityGroup& sg : project.security_groups) {
      if (group.target != sg.resource) continue;
      sg.ingress.push_back({r.properties, &r, r.property("CidrIp"), r.property("CidrIpv6"), r.property("IpProtocol"),
                            r.property("FromPort"), r.property("ToPort")});
    }
  }
}

}  // namespace

std::unique_ptr<Project> load_project(const std::vector<ProjectInput>& inputs) {
  auto project = std::make_unique<Project>();
  ParsedDocuments parsed;
  for (const ProjectInput& input : inputs) {
    if (!input.file || !input.yaml) continue;
    for (const auto& doc : input.embedded) {
      if (doc && doc->data) parsed.emplace(doc->data, doc);
    }
    ProjectFile& pf = project->files.emplace_back();
    pf.file = input.file;
    pf.yaml = input.yaml;
    for (const yaml::Node* root : input.yaml->documents) {
      DocumentKind kind = classify(*root).kind;
      if (kind == DocumentKind::CloudFormation) {
        pf.templates.push_back(std::make_unique<cfn::Template>(cfn::load_template(*input.file, *root)));
        add_template_resources(*project, pf, *pf.templates.back());
      } else if (kind == DocumentKind::ApiRequest) {
        pf.api = true;
        add_api_resource(*project, pf, *root);
      }
    }
  }
  Linker linker(*project);
  type_resources(*project, linker, parsed);
  return project;
}

}  // namespace iblint
