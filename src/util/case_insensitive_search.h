#pragma once
#include <string_view>

namespace iblint {

/// Whether text holds word, ignoring ASCII case; word must be lower-case. Allocates nothing:
/// rules use it as a cheap first look at every scalar before any closer (costlier) reading.
bool contains_ignoring_case(std::string_view text, std::string_view lower_word);

}  // namespace iblint
