#pragma once
#include <ostream>

#include <nlohmann/json.hpp>

#include "engine/report.h"

namespace iblint {

/// Machine-readable output with a stable shape:
/// {"tool","version","diagnostics":[{"path","rule","name","severity","message","line","column",
///  "endLine","endColumn","related":[…],"fixes":[…]}],"summary":{"files","errors","warnings","infos"}}.
/// Lines and columns are 1-based, columns count Unicode code points, ends are exclusive.
void emit_json(const Report& report, std::ostream& out);

/// One diagnostic of file as the JSON object above (also used by the dry run's plan).
nlohmann::ordered_json diagnostic_json(const Report& report, const FileResult& file, const Diagnostic& d);

}  // namespace iblint
