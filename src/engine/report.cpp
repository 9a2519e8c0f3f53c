#include "engine/report.h"

namespace iblint {

size_t Report::count(Severity severity) const {
  size_t n = 0;
  for (const FileResult& file : files) {
    for (const Diagnostic& d : file.diagnostics) n += d.severity == severity;
  }
  return n;
}

}  // namespace iblint
