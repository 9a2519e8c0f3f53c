#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace iblint::yaml {

/// A decoded scalar value and, when asked for, where each of its bytes came from: offsets[i]
/// is the index in the raw text of the byte that produced value[i] (a folded line break points
/// at the break; an escape sequence at its backslash); offsets has one extra entry, the end.
struct Decoded {
  std::string value;
  std::vector<uint32_t> offsets;
};

// Each function takes the scalar exactly as written in the file (quotes and block header
// included) and returns the value YAML gives it. Line breaks may be LF or CRLF. With
// track_offsets, Decoded::offsets is filled.

Decoded decode_plain(std::string_view raw, bool track_offsets = false);
Decoded decode_single_quoted(std::string_view raw, bool track_offsets = false);
Decoded decode_double_quoted(std::string_view raw, bool track_offsets = false);
/// raw starts at the `|` or `>` indicator. parent_indent is the indentation of the node that
/// owns the scalar, used when the header has an explicit indentation indicator.
Decoded decode_block(std::string_view raw, int parent_indent, bool track_offsets = false);

}  // namespace iblint::yaml
