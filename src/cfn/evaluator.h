#pragma once
#include <optional>
#include <string_view>

#include "cfn/template.h"
#include "cfn/value.h"
#include "yaml/node.h"

namespace iblint::cfn {

/// Turns property nodes into Values. With a template, intrinsics are understood: Ref/GetAtt
/// name their targets; Sub, Join, Select, Split, If and FindInMap are computed when every input
/// is known (literals, Mappings, Conditions built from literal Equals and parameter Defaults);
/// everything else is Unknown. A parameter's Default is used only where it selects (Equals in
/// Conditions, FindInMap keys); as a value, `!Ref Param` stays a Ref (Value::parameter_default
/// says what the default would give). Without a template (API request JSON) every node is data.
class Evaluator {
 public:
  explicit Evaluator(const Template* tmpl) : template_(tmpl) {}

  /// The value of node; Absent for null.
  Value evaluate(const yaml::Node* node) const;
  /// A named condition's truth, when statically known.
  std::optional<bool> condition(std::string_view name) const;

 private:
  Value eval(const yaml::Node& node, bool ignore_tag, int depth) const;
  Value call(const std::string& name, const yaml::Node& call, const yaml::Node& argument, int depth) const;
  Value data(const yaml::Node& node, bool ignore_tag, int depth) const;
  Value sub(const yaml::Node& call, const yaml::Node& argument, bool short_form, int depth) const;
  std::optional<bool> truth(const yaml::Node& node, bool ignore_tag, int depth) const;
  std::optional<bool> condition_at(std::string_view name, int depth) const;

  const Template* template_;
};

}  // namespace iblint::cfn
