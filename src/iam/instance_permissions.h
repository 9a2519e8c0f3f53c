#pragma once
// What an Image Builder build instance may do: the policies of the role behind an
// infrastructure configuration's instance profile, as far as the project shows them.
#include <optional>
#include <string>
#include <vector>

#include "iam/policy.h"
#include "model/project.h"

namespace iblint::iam {

struct InstancePermissions {
  const InstanceProfile* profile = nullptr;
  const Role* role = nullptr;
  /// Inline policies, policy resources attached to the role, and its managed policies (AWS-managed
  /// ones from iblint's table; any policy iblint cannot read is kept as an unreadable Policy, so
  /// evaluation answers Unknown rather than guess).
  std::vector<Policy> policies;

  std::vector<const Policy*> view() const;
  Decision evaluate(const std::string& action, const Text& resource) const;
};

/// The permissions behind infra, or nullopt when its instance profile or that profile's role is
/// not a resource of the project (nothing can be judged then).
std::optional<InstancePermissions> instance_permissions(const Project& project, const InfrastructureConfiguration& infra);

/// The policies of one role of the project (see InstancePermissions::policies).
std::vector<Policy> policies_of_role(const Project& project, const Role& role);

/// `arn:${AWS::Partition}:s3:::` followed by path (`bucket/key`).
Text s3_arn(const Text& path);

/// Whether an AWS::S3::BucketPolicy of the project may be the policy of bucket: in the same
/// account a bucket policy alone can grant the role access, so identity policies do not decide.
bool bucket_policy_may_apply(const Project& project, const Text& bucket);

}  // namespace iblint::iam
