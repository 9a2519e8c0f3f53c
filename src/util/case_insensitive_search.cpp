#include "util/case_insensitive_search.h"

namespace iblint {
namespace {

constexpr char ascii_lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

}  // namespace

bool contains_ignoring_case(std::string_view text, std::string_view lower_word) {
  if (lower_word.empty()) return true;
  if (text.size() < lower_word.size()) return false;
  const char first = lower_word.front();
  for (size_t at = 0, last = text.size() - lower_word.size(); at <= last; ++at) {
    if (ascii_lower(text[at]) != first) continue;
    size_t i = 1;
    while (i < lower_word.size() && ascii_lower(text[at + i]) == lower_word[i]) ++i;
    if (i == lower_word.size()) return true;
  }
  return false;
}

}  // namespace iblint
