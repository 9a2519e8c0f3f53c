#pragma once
#include <string_view>
#include <vector>

#include "model/project.h"

namespace iblint {

/// The shapes of Image Builder resources (spec/resources.md), in both spellings: CloudFormation
/// property names and API request members.
enum class FieldType { String, Integer, Boolean, StringList, StringMap, Object, ObjectList };

/// Named value patterns of spec/resources.md §0.
enum class FieldPattern {
  None,
  ResourceName,       ///< ^[-_A-Za-z-0-9][-_A-Za-z0-9 ]{1,126}[-_A-Za-z-0-9]$
  Version,            ///< ^[0-9]+\.[0-9]+\.[0-9]+$
  RecipeVersion,      ///< R-WILDVER with the wildcard rule (seed-2020: Version)
  InstanceProfileName,
  AccountId,
  AmiName,
  LaunchTemplateId,
  Base64,
  ComponentArn,       ///< component version/build ARN (checked when it is a component ARN)
  SnsTopicArn,
  LogGroupName,
  SsmParameterName,
  ParallelGroup,
  KmsKey,             ///< key ARN, alias ARN, key id or alias name
  SecurityGroupId,    ///< sg- and 8 or 17 hex digits (EC2 id format)
  SubnetId,           ///< subnet- and 8 or 17 hex digits
  LicenseConfigurationArn,
  OrganizationArn,
  OrganizationalUnitArn,
};

struct Field {
  std::string_view cfn;  ///< CloudFormation property name; "" when the API has no counterpart
  std::string_view api;  ///< request member; "" when only CloudFormation has it
  FieldType type = FieldType::String;
  bool required_cfn = false;
  bool required_api = false;
  std::vector<std::string_view> allowed = {};       ///< enum values (current)
  std::vector<std::string_view> seed_allowed = {};  ///< enum values in profile seed-2020, when they differ
  FieldPattern pattern = FieldPattern::None;  ///< for StringList: the pattern of each item
  long long min = -1, max = -1;  ///< string length, integer value, or list items; -1 = no bound
  const std::vector<Field>* children = nullptr;  ///< Object / ObjectList members
  std::string_view since = {};   ///< "2021-07" when added after the seed (informational)
};

/// The fields of a resource kind, null for kinds without a schema here.
const std::vector<Field>* resource_fields(ResourceKind kind);

}  // namespace iblint
