#include "util/edit_distance.h"

#include <algorithm>
#include <cctype>
#include <limits>

namespace iblint {

size_t edit_distance(std::string_view a, std::string_view b) {
  const size_t n = a.size(), m = b.size();
  if (n == 0) return m;
  if (m == 0) return n;
  // Three rolling rows: two back (for transpositions), one back, and the current one.
  std::vector<size_t> prev2(m + 1), prev(m + 1), cur(m + 1);
  for (size_t j = 0; j <= m; ++j) prev[j] = j;
  for (size_t i = 1; i <= n; ++i) {
    cur[0] = i;
    for (size_t j = 1; j <= m; ++j) {
      size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      size_t best = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) best = std::min(best, prev2[j - 2] + 1);
      cur[j] = best;
    }
    std::swap(prev2, prev);
    std::swap(prev, cur);
  }
  return prev[m];
}

namespace {

bool equal_ignoring_case(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
         });
}

}  // namespace

std::string closest(std::string_view word, const std::vector<std::string_view>& candidates, size_t max_distance) {
  size_t best = std::numeric_limits<size_t>::max();
  std::string_view found;
  bool any = false;
  for (std::string_view candidate : candidates) {
    size_t d = equal_ignoring_case(word, candidate) ? 0 : edit_distance(word, candidate);
    if (d <= max_distance && d < best) {
      best = d;
      found = candidate;
      any = true;
    }
  }
  return any ? std::string(found) : std::string();
}

size_t typo_distance(std::string_view word) {
  if (word.size() <= 3) return 1;
  return std::max<size_t>(2, word.size() / 4);
}

}  // namespace iblint
