#pragma once
// Reads IAM policy documents written in a CloudFormation template (or any project file) into
// the evaluator's Policy, keeping what depends on deployment as symbols (iam/text_pattern.h).
#include <optional>
#include <string>

#include "cfn/value.h"
#include "iam/policy.h"
#include "model/project.h"

namespace iblint::iam {

/// A value as Text: literals as they are; `${X}` of a Sub, `!Ref X` and `!GetAtt X.Attr` as
/// symbols named X / X.Attr (an S3 bucket of the template with a literal BucketName becomes
/// that name, its `Arn` the bucket's ARN); Fn::Join of such parts. nullopt when it cannot be
/// read (Fn::If, Fn::Select of a parameter, a list, …).
std::optional<Text> text_of(const cfn::Value& value, const Resource& where);

/// A `${name}` of a Sub (`Bucket`, `Bucket.Arn`, a parameter) as text_of reads it.
Text variable_text(const Resource& where, const std::string& name);

/// The PolicyDocument value as a Policy named name. What cannot be read makes the affected
/// statement (or the whole policy) unknown, never permissive or restrictive by guess.
Policy read_policy(const cfn::Value& document, const Resource& where, std::string name);

}  // namespace iblint::iam
