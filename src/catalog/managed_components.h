#pragma once
#include <string_view>
#include <vector>

namespace iblint {

/// An Amazon-managed component (`arn:aws:imagebuilder:<region>:aws:component/<name>/<version>`).
struct ManagedComponent {
  std::string_view name;
  unsigned platforms;  ///< catalog Platform bits (kLinux, kWindows, kMacOS)
  bool test = false;   ///< a TEST component (only a test phase)
  /// Parameters the component declares, when the spec lists them; parameters_known=false means
  /// the list is not known here, so rules must not judge a recipe's parameters for it.
  bool parameters_known = false;
  std::vector<std::string_view> parameters = {};
};

/// The small catalog of Amazon-managed components iblint recognises by name. Not exhaustive:
/// an Amazon-owned ARN naming a component missing here is treated as external, not wrong.
const std::vector<ManagedComponent>& managed_components();
const ManagedComponent* find_managed_component(std::string_view name);

}  // namespace iblint
