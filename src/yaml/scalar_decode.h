#pragma once
#include <string>
#include <string_view>

namespace iblint::yaml {

// Each function takes the scalar exactly as written in the file (quotes and block header
// included) and returns the value YAML gives it. Line breaks may be LF or CRLF.

std::string decode_plain(std::string_view raw);
std::string decode_single_quoted(std::string_view raw);
std::string decode_double_quoted(std::string_view raw);
/// raw starts at the `|` or `>` indicator. parent_indent is the indentation of the node that
/// owns the scalar, used when the header has no explicit indentation indicator.
std::string decode_block(std::string_view raw, int parent_indent);

}  // namespace iblint::yaml
