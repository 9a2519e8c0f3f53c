#pragma once
#include <string>
#include <string_view>

namespace iblint {

/// A unified diff of two texts, line by line, as `diff -u` and git print it:
/// `--- a/PATH` and `+++ b/PATH`, then @@ hunks with `context` lines of context. Lines keep their
/// own line breaks (a CR of a CRLF stays in the line); a last line without a line break is
/// followed by `\ No newline at end of file`. Empty when the texts are equal.
///
/// Only the region between the common first and last lines is compared, with Myers' linear-space
/// algorithm: O((N+M)·D) time and O(N+M) memory, where D is the number of changed lines. Past a
/// work budget (texts that differ almost everywhere) the rest is shown as replaced whole: still a
/// correct diff, only not the shortest.
std::string unified_diff(std::string_view before, std::string_view after, std::string_view path, int context = 3);

}  // namespace iblint
