#pragma once
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "engine/diagnostic.h"

namespace iblint {

/// The text after applying fixes, and which of them were applied.
struct AppliedFixes {
  std::string text;
  std::vector<bool> applied;  ///< one entry per requested fix, in request order
  size_t count = 0;           ///< how many fixes were applied
};

/// Applies fixes to text, keeping every byte outside their edits exactly as it was.
///
/// Fixes are taken in order of position (their first edit); a fix is skipped when one of its
/// edits overlaps or touches an edit already taken (the next pass of the fixer takes it), when
/// an edit lies outside the text, would cut into a UTF-8 byte order mark or overlaps another
/// edit of the same fix, and when it would change nothing. All edits of a fix are applied or
/// none. In a file whose line breaks are CRLF, the LF line breaks of replacements become CRLF.
AppliedFixes apply_fixes(std::string_view text, const std::vector<const Fix*>& fixes);

}  // namespace iblint
