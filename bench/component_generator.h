#pragma once
#include <cstdint>
#include <string>

namespace iblint::bench {

/// A reproducible component document with `steps` steps spread over build/validate/test,
/// mixing action modules, block scalars, quoted chaining inputs and comments, like real files.
std::string generate_component(uint32_t steps, uint32_t seed);

}  // namespace iblint::bench
