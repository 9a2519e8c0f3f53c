#include "iam/instance_permissions.h"

#include "iam/managed_policies.h"
#include "iam/policy_reader.h"

namespace iblint::iam {
namespace {

Policy unreadable(std::string name) {
  Policy p;
  p.name = std::move(name);
  p.unreadable = true;
  return p;
}

const iblint::Policy* policy_resource(const Project& project, const Resource* r) {
  for (const iblint::Policy& p : project.policies) {
    if (p.resource == r) return &p;
  }
  return nullptr;
}

}  // namespace

std::vector<const Policy*> InstancePermissions::view() const {
  std::vector<const Policy*> out;
  for (const Policy& p : policies) out.push_back(&p);
  return out;
}

Decision InstancePermissions::evaluate(const std::string& action, const Text& resource) const {
  return iam::evaluate(view(), action, resource);
}

std::vector<Policy> policies_of_role(const Project& project, const Role& role) {
  std::vector<Policy> out;
  const Resource& r = *role.resource;
  // A property behind Fn::If (or any unknown function) may hold anything.
  if (r.property("Policies").kind == cfn::Value::Kind::Unknown) out.push_back(unreadable("Policies"));
  if (role.managed_policy_arns.kind == cfn::Value::Kind::Unknown || role.managed_policy_arns.kind == cfn::Value::Kind::Ref)
    out.push_back(unreadable("ManagedPolicyArns"));
  for (const InlinePolicy& inline_policy : role.inline_policies) {
    std::string name = inline_policy.name.literal().value_or("inline policy");
    out.push_back(read_policy(inline_policy.document, r, name));
  }
  for (const Resource* attached : role.attached_policies) {
    if (const iblint::Policy* p = policy_resource(project, attached))
      out.push_back(read_policy(p->document, *attached, attached->label()));
  }
  if (role.managed_policy_arns.kind == cfn::Value::Kind::List) {
    for (const Link& link : role.managed_policy_links) {
      if (link.status == Link::Status::Resolved) {
        if (const iblint::Policy* p = policy_resource(project, link.target))
          out.push_back(read_policy(p->document, *link.target, link.target->label()));
        else out.push_back(unreadable(link.target->label()));
        continue;
      }
      std::optional<Text> arn = text_of(link.value, r);
      std::string name = arn ? managed_policy_name(*arn) : "";
      if (const Policy* known = name.empty() ? nullptr : find_managed_policy(name)) out.push_back(*known);
      else out.push_back(unreadable(name.empty() ? link.value.describe() : name));
    }
  }
  return out;
}

std::optional<InstancePermissions> instance_permissions(const Project& project, const InfrastructureConfiguration& infra) {
  const InstanceProfile* profile = project.instance_profile_of(infra.instance_profile);
  if (!profile) return std::nullopt;
  const Role* role = nullptr;
  for (const Link& link : profile->role_links) {
    role = project.role_of(link);
    break;  // an instance profile holds at most one role
  }
  if (!role) return std::nullopt;
  InstancePermissions out;
  out.profile = profile;
  out.role = role;
  out.policies = policies_of_role(project, *role);
  return out;
}

Text s3_arn(const Text& path) {
  Text arn = Text::literal("arn:");
  arn.append_symbol(kPartition).append_literal(":s3:::").append(path);
  return arn;
}

bool bucket_policy_may_apply(const Project& project, const Text& bucket) {
  for (const Resource& r : project.resources) {
    if (r.type != "AWS::S3::BucketPolicy") continue;
    std::optional<Text> target = text_of(r.property("Bucket"), r);
    if (!target || match(*target, bucket) != Tri::No) return true;
  }
  return false;
}

}  // namespace iblint::iam
