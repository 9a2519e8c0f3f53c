#include "util/case_insensitive_search.h"

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
  const char first = lower_word.front();
  for (size_t at = 0, last = text.size() - lower_word.size(); at <= last; ++at) {
    if (ascii_lower(text[at]) == first && starts_with_ignoring_case(text.substr(at), lower_word)) return true;
  }
  return false;
}

}  // namespace iblint
