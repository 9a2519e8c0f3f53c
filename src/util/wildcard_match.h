#pragma once
#include <string_view>

#include "util/case_insensitive_search.h"

namespace iblint {

/// Whether two bytes are equal; with ignore_case, ASCII letters equal their other case too
/// (bytes, not the locale: patterns and texts are compared as written).
inline bool same_byte(char a, char b, bool ignore_case) {
  if (a == b) return true;
  return ignore_case && ascii_lower(a) == ascii_lower(b);
}

/// Whether the whole of text matches pattern, where `*` in pattern matches any run of bytes
/// (none included) and `?` any one byte; every other byte matches itself (see same_byte). A `*`
/// or `?` in text is an ordinary byte. No escapes, no character classes, nothing special about
/// '/': callers that split paths into segments do so first. Iterative, O(pattern × text) at
/// worst and allocation-free.
bool wildcard_match(std::string_view pattern, std::string_view text, bool ignore_case = false);

}  // namespace iblint
