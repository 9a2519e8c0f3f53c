#pragma once
// A finding's identity that survives edits elsewhere in its file, for SARIF partialFingerprints
// and for --baseline.
#include <string>
#include <string_view>
#include <vector>

#include "engine/report.h"

namespace iblint {

/// The text a finding is anchored to: the line where its span starts, without the line break,
/// leading and trailing white space, and with every run of inner white space made one space.
/// Lines added, removed or re-indented above or around the finding do not change it.
std::string anchor_text(const SourceFile* file, Span span);

/// One fingerprint per diagnostic of file, in order: "<16 hex digits>:<n>", the FNV-1a hash of
/// the rule id and the anchor text, then n, the occurrence of that hash in the file (1, 2, …),
/// so two findings of one rule on identical lines stay apart.
std::vector<std::string> fingerprints(const FileResult& file);

}  // namespace iblint
