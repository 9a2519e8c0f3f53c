#pragma once
#include <cstddef>
#include <string_view>

namespace iblint {

/// Deepest JSON nesting iblint reads (language-server messages, baseline files).
/// nlohmann::json parses without recursion, but copying, comparing and printing a value
/// recurse once per level, so deeper input is refused before parsing.
inline constexpr size_t kMaxJsonNesting = 512;

/// Whether the JSON text nests arrays and objects deeper than limit (brackets inside strings do
/// not count). Cheap, and safe on any bytes.
bool json_nested_deeper_than(std::string_view json, size_t limit = kMaxJsonNesting);

}  // namespace iblint
