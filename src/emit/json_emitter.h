#pragma once
#include <ostream>

#include "engine/report.h"

namespace iblint {

/// Machine-readable output with a stable shape:
/// {"tool","version","diagnostics":[{"path","rule","name","severity","message","line","column",
///  "endLine","endColumn","related":[…],"fixes":[…]}],"summary":{"files","errors","warnings","infos"}}.
/// Lines and columns are 1-based, columns count Unicode code points, ends are exclusive.
void emit_json(const Report& report, std::ostream& out);

}  // namespace iblint
