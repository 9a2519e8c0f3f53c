#pragma once
// Reading step inputs for the security rules: the entries of a step's `inputs` and the scripts
// of its ExecuteBash/ExecutePowerShell steps.
#include <string_view>
#include <vector>

#include "model/component.h"
#include "rules/shell_script.h"
#include "yaml/node.h"

namespace iblint {

/// The input mappings of a step: `inputs` itself when it is a mapping, each mapping entry when
/// it is a list (aliases resolved). Empty when there are none.
std::vector<const yaml::Node*> input_entries(const Step& step);

/// entry[key] when it is a scalar with a value (aliases resolved), else null.
const yaml::Node* scalar_input(const yaml::Node& entry, std::string_view key);

/// One script of a step: an item of `commands` (or `commands` itself when it is one string).
struct StepScript {
  const Step* step = nullptr;
  const yaml::Node* node = nullptr;  ///< a string scalar; its value is the script text
  Shell shell = Shell::Bash;
};

/// The scripts of every ExecuteBash (bash) and ExecutePowerShell (PowerShell) step, in order.
std::vector<StepScript> step_scripts(const Component& component);

}  // namespace iblint
