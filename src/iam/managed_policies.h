#pragma once
// The AWS-managed IAM policies iblint knows by name (those the spec names for Image Builder
// instances, and the S3 ones components commonly rely on), as policies the evaluator can read.
// Any other AWS-managed policy is unknown: what it grants is never guessed.
#include <string_view>

#include "iam/policy.h"

namespace iblint::iam {

/// The AWS-managed policy of that name (`AmazonSSMManagedInstanceCore`), or null when iblint
/// does not know it.
const Policy* find_managed_policy(std::string_view name);

/// The name of an AWS-managed policy ARN (`arn:<partition>:iam::aws:policy/[path/]Name`), or
/// "" when text is not one. text may be a Text whose only symbol is the partition.
std::string managed_policy_name(const Text& arn);

}  // namespace iblint::iam
