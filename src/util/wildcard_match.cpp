#include "util/wildcard_match.h"

namespace iblint {

// On a mismatch only the last `*` seen takes one more byte: any split an earlier `*` could
// try, the later one covers too, so retrying earlier stars (exponential) is never needed.
// The `*` test comes before the literal comparison: a pattern `*` that meets a `*` in the
// text is still a wildcard (`*a` matches `*ba`).
bool wildcard_match(std::string_view pattern, std::string_view text, bool ignore_case) {
  constexpr size_t kNoStar = std::string_view::npos;
  size_t p = 0, t = 0;
  size_t star = kNoStar;  // the last `*` of pattern seen
  size_t star_text = 0;   // where in text that `*`'s run ends so far
  while (t < text.size()) {
    if (p < pattern.size() && pattern[p] == '*') {
      star = p++;
      star_text = t;
    } else if (p < pattern.size() && (pattern[p] == '?' || same_byte(pattern[p], text[t], ignore_case))) {
      ++p;
      ++t;
    } else if (star != kNoStar) {
      p = star + 1;
      t = ++star_text;
    } else {
      return false;
    }
  }
  while (p < pattern.size() && pattern[p] == '*') ++p;
  return p == pattern.size();
}

}  // namespace iblint
