#pragma once
#include <cstdint>
#include <optional>
#include <string_view>

namespace iblint::yaml {

/// Deepest nesting handed to the tree-sitter parser. Its runtime (0.20.7) corrupts its heap on
/// some inputs nested about 66,000 levels deep and slows down far earlier, so text that may
/// nest deeper than this is refused before parsing. Real documents nest a few dozen levels.
inline constexpr uint32_t kMaxParseNesting = 10000;

/// The offset of the first byte at which text may nest deeper than limit, or nullopt.
///
/// A cheap upper bound, not a parse: block nesting on a line is at most its indentation plus its
/// `- `, `? ` and `: ` indicators; flow nesting is the count of open brackets outside quotes and
/// comments. So it never misses deep input, and only absurd text (indented by 10,000 columns,
/// or with 10,000 unclosed brackets in a block scalar) is refused without being deep.
std::optional<uint32_t> find_excessive_nesting(std::string_view text, uint32_t limit = kMaxParseNesting);

}  // namespace iblint::yaml
