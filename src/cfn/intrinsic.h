#pragma once
#include <string>
#include <string_view>

#include "yaml/node.h"

namespace iblint::cfn {

/// A CloudFormation intrinsic function call, in either spelling: the short-form YAML tag
/// (`!GetAtt Role.Arn`) or the long form a JSON template uses (`{"Fn::GetAtt": ["Role", "Arn"]}`).
struct Intrinsic {
  std::string name;                    ///< long-form name: "Ref", "Fn::GetAtt", "Fn::Sub", "Condition", ...
  const yaml::Node* call = nullptr;     ///< the node that is the call (tagged node or one-key mapping)
  const yaml::Node* argument = nullptr; ///< the argument node (for the short form, the tagged node itself)
};

/// The intrinsic call node is, or one with an empty name when it is plain data.
/// `!Condition`/`{"Condition": …}` count only where CloudFormation reads them (inside
/// Fn::If/And/Or/Not), so callers ask with allow_condition.
Intrinsic intrinsic_of(const yaml::Node& node, bool allow_condition = false);

/// "Fn::GetAtt" for the tag "!GetAtt"; "" for a tag that is not an intrinsic.
std::string long_name_of_tag(std::string_view tag);

}  // namespace iblint::cfn
