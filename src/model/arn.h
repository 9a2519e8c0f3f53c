#pragma once
#include <optional>
#include <string>
#include <string_view>

namespace iblint {

/// The parts of an Image Builder ARN
/// (`arn:<partition>:imagebuilder:<region>:<owner>:<type>/<name>[/<version>[/<build>]]`).
/// Text from a `!Sub` may hold `${…}` variables; a part containing one is reported as variable
/// (its value is not known), never guessed.
struct ImageBuilderArn {
  std::string owner;       ///< "aws", a 12-digit account, "aws-marketplace", or "" when variable
  bool owner_variable = false;
  std::string type;        ///< "component", "image-recipe", "image", "infrastructure-configuration", …
  std::string name;        ///< "" when variable
  bool name_variable = false;
  std::string version;     ///< "1.0.0", "x.x.x", "" when absent
  std::string build;       ///< "1" or ""
  bool amazon_owned() const { return owner == "aws" || owner.starts_with("aws-"); }
};

/// Parses text as an Image Builder ARN; nullopt when it is not one (wrong service, too few
/// parts). Only the shape is checked here: patterns are IB401's business.
std::optional<ImageBuilderArn> parse_imagebuilder_arn(std::string_view text);

/// Whether text starts like any ARN (`arn:`), possibly with `${AWS::Partition}`.
bool looks_like_arn(std::string_view text);

/// The name segment Image Builder puts in ARNs for a resource name: lower-cased, spaces and
/// underscores become hyphens (CDK's documented normalization; underscores: uncertain).
std::string arn_name_of(std::string_view resource_name);

}  // namespace iblint
