#pragma once
#include <string>

#include "catalog/action_catalog.h"

namespace iblint::lsp {

/// Markdown describing an action module from the catalog: summary, platforms, inputs (type,
/// required, default, allowed values) and outputs, for hover and completion.
std::string action_markdown(const ActionSpec& action);

/// Markdown describing one input of an action module.
std::string input_markdown(const ActionSpec& action, const InputSpec& input);

/// A short name for an input's value type ("string", "list of strings", ...).
std::string_view type_name(InputType type);

}  // namespace iblint::lsp
