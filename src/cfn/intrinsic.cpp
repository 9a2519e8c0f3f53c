#include "cfn/intrinsic.h"

#include <array>

namespace iblint::cfn {
namespace {

// Every short-form tag CloudFormation defines (with `!Ref` and `!Condition` outside "Fn::").
constexpr std::array<std::string_view, 17> kFunctions = {
    "Base64", "Cidr", "FindInMap", "GetAtt", "GetAZs", "ImportValue", "Join", "Select", "Split",
    "Sub", "If", "Equals", "Not", "And", "Or", "Transform", "Length"};

}  // namespace

std::string long_name_of_tag(std::string_view tag) {
  if (!tag.starts_with("!") || tag.starts_with("!!")) return "";
  std::string_view bare = tag.substr(1);
  if (bare == "Ref" || bare == "Condition") return std::string(bare);
  for (std::string_view f : kFunctions) {
    if (bare == f) return "Fn::" + std::string(f);
  }
  return "";
}

Intrinsic intrinsic_of(const yaml::Node& node, bool allow_condition) {
  if (!node.tag.empty()) {
    std::string name = long_name_of_tag(node.tag);
    if (name.empty() || (name == "Condition" && !allow_condition)) return {};
    return {name, &node, &node};
  }
  const yaml::Node& map = node.resolved();
  if (!map.is_mapping() || map.pairs.size() != 1) return {};
  const yaml::Node& key = map.pairs[0].key->resolved();
  if (!key.is_scalar()) return {};
  const std::string& k = key.value;
  bool is_function = k == "Ref" || (k == "Condition" && allow_condition);
  if (!is_function && k.starts_with("Fn::")) {
    for (std::string_view f : kFunctions) is_function = is_function || k.substr(4) == f;
  }
  if (!is_function) return {};
  return {k, &node, map.pairs[0].value};
}

}  // namespace iblint::cfn
