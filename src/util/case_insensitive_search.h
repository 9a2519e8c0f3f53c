#pragma once
#include <string_view>

namespace iblint {

/// c in lower case when it is an ASCII capital letter; every other byte as it is (bytes, not
/// the locale: texts are compared as written).
constexpr char ascii_lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

/// Whether text starts with word, ignoring ASCII case; word must be lower-case.
bool starts_with_ignoring_case(std::string_view text, std::string_view lower_word);

/// Whether text holds word, ignoring ASCII case; word must be lower-case. Allocates nothing:
/// rules use it as a cheap first look at every scalar before any closer (costlier) reading.
bool contains_ignoring_case(std::string_view text, std::string_view lower_word);

}  // namespace iblint
