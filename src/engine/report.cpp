#include "engine/report.h"

namespace iblint {

size_t Report::count(Severity severity) const {
  size_t n = 0;
  for (const FileResult& file : files) {
    for (const Diagnostic& d : file.diagnostics) n += d.severity == severity;
  }
  return n;
}

const FileResult* Report::result_for(const SourceFile* source) const {
  for (const FileResult& file : files) {
    if (file.file.get() == source) return &file;
  }
  return nullptr;
}

const FileResult& Report::related_file(const FileResult& owner, const Related& related) const {
  if (!related.file || related.file == owner.file.get()) return owner;
  const FileResult* other = result_for(related.file);
  return other ? *other : owner;
}

}  // namespace iblint
