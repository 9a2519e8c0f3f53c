#pragma once
#include <ostream>

#include "engine/report.h"

namespace iblint {

/// GitHub Actions workflow commands, one line per diagnostic:
/// `::error file=P,line=L,col=C,endLine=EL,endColumn=EC,title=ID name::message`
/// (`::warning` for warnings, `::notice` for infos), escaped per GitHub's rules.
void emit_github(const Report& report, std::ostream& out);

}  // namespace iblint
