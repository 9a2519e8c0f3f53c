#pragma once
#include <ostream>

#include "engine/report.h"

namespace iblint {

/// SARIF 2.1.0 for GitHub code scanning and other SARIF consumers: one run whose driver lists
/// every rule in report.rules (plus any rule a diagnostic names that is not there), results with
/// code-point regions (run.columnKind "unicodeCodePoints"), related locations, fixes and a
/// content-anchored partial fingerprint. Paths under the current directory are relative to
/// %SRCROOT% (the current directory); others are absolute file URIs.
void emit_sarif(const Report& report, std::ostream& out);

}  // namespace iblint
