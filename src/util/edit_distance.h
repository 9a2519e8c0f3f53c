#pragma once
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace iblint {

/// Optimal-string-alignment distance between a and b: insertions, deletions, substitutions
/// and swaps of two adjacent characters each cost 1. Compares bytes, case-sensitively.
size_t edit_distance(std::string_view a, std::string_view b);

/// The candidate nearest to word, when its distance is at most max_distance; "" when none is
/// that close. A candidate equal to word ignoring ASCII case counts as distance 0 for ranking
/// (so `ib103` suggests `IB103`). Ties go to the earlier candidate.
std::string closest(std::string_view word, const std::vector<std::string_view>& candidates, size_t max_distance);

/// A max_distance for closest() that suits a typo in word: 1 for words of up to 3 characters,
/// else max(2, size / 4).
size_t typo_distance(std::string_view word);

}  // namespace iblint
