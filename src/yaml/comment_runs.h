#pragma once
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "source/span.h"

namespace iblint::yaml {

/// Longest run of comment lines the tree-sitter parser is given. Its runtime (0.20.7) corrupts
/// its heap after about 65,000 comments in a row, with nothing but blank lines between them.
inline constexpr size_t kMaxCommentRun = 20000;

/// The comments of every run longer than max_run: lines whose first non-blank character is `#`,
/// with only blank lines between them. Each span runs from the `#` to the end of its line.
std::vector<Span> comments_in_long_runs(std::string_view text, size_t max_run = kMaxCommentRun);

/// text with the bytes of each span replaced by spaces: the same offsets, no comment tokens.
std::string blank_out(std::string_view text, const std::vector<Span>& spans);

}  // namespace iblint::yaml
