#include "util/case_insensitive_search.h"

#include <algorithm>
#include <cstring>

namespace iblint {

bool starts_with_ignoring_case(std::string_view text, std::string_view lower_word) {
  if (text.size() < lower_word.size()) return false;
  for (size_t i = 0; i < lower_word.size(); ++i) {
    if (ascii_lower(text[i]) != lower_word[i]) return false;
  }
  return true;
}

bool contains_ignoring_case(std::string_view text, std::string_view lower_word) {
  if (lower_word.empty()) return true;
  if (text.size() < lower_word.size()) return false;
  // memchr finds the next place the word can start (its first byte, as written or capital)
  // many bytes at a time; a byte-by-byte loop cost about 6 instructions per byte of every
  // script, for every word IB302 and IB607 look for.
  const char lower = lower_word.front();
  const char upper = lower >= 'a' && lower <= 'z' ? static_cast<char>(lower - 'a' + 'A') : lower;
  const char* const data = text.data();
  const size_t last = text.size() - lower_word.size();  // the last place the word can start
  const size_t none = text.size();                      // past last: no more starts
  auto next = [&](char c, size_t from) {
    const void* found = std::memchr(data + from, c, last + 1 - from);
    return found ? static_cast<size_t>(static_cast<const char*>(found) - data) : none;
  };
  size_t next_lower = next(lower, 0);
  size_t next_upper = upper == lower ? none : next(upper, 0);
  for (;;) {
    size_t at = std::min(next_lower, next_upper);
    if (at == none) return false;
    if (starts_with_ignoring_case(text.substr(at), lower_word)) return true;
    if (at == next_lower) next_lower = next(lower, at + 1);
    else next_upper = next(upper, at + 1);
  }
}

}  // namespace iblint
