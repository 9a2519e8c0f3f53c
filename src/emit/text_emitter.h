#pragma once
#include <ostream>

#include "engine/report.h"

namespace iblint {

struct TextOptions {
  bool color = false;       ///< ANSI colours: severity in red/yellow/blue, paths in bold
  bool quiet = false;       ///< only the first line of each diagnostic: no code frame, no summary
  bool statistics = false;  ///< a table of counts per rule before the summary
};

/// Human-readable output: per diagnostic `path:line:col: severity: message [ID name]`, a code
/// frame with carets under the span, related notes and fix hints; then a one-line summary.
void emit_text(const Report& report, std::ostream& out, const TextOptions& options);

}  // namespace iblint
