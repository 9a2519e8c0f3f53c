#pragma once
#include <cstdint>
#include <string>

namespace iblint::bench {

/// A reproducible component document with `steps` steps spread over build/validate/test,
/// mixing action modules, block scalars, quoted chaining inputs and comments, like real files.
std::string generate_component(uint32_t steps, uint32_t seed);

/// A reproducible CloudFormation template (YAML) holding `components` components of `steps`
/// steps each as literal `Data: |` blocks, and a recipe, infrastructure configuration (role,
/// instance profile) and pipeline that use them, like a real pipeline stack.
std::string generate_template(uint32_t components, uint32_t steps, uint32_t seed);

}  // namespace iblint::bench
