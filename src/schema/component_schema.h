#pragma once
#include <nlohmann/json.hpp>

namespace iblint {

/// A JSON Schema (draft 2020-12) of AWSTOE component documents, generated from the action
/// catalog: top-level fields, parameters and constants, phases, steps with their options, and
/// for each action module the shape, keys, types, required inputs and allowed values of
/// `inputs` (undocumented input keys are allowed, as iblint only warns about them). Values holding a `{{ }}` expression are accepted wherever a typed value is
/// expected, since they are resolved at run time. It covers the `current` profile; iblint
/// itself checks much more (expressions, reboot semantics, platforms, security).
nlohmann::json component_schema();

}  // namespace iblint
