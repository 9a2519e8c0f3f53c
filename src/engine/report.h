#pragma once
#include <memory>
#include <string>
#include <vector>

#include "engine/diagnostic.h"
#include "source/source_file.h"

namespace iblint {

/// The findings for one linted file, sorted by position.
struct FileResult {
  std::string display_path;  ///< as the user should see it (relative when given relative)
  std::shared_ptr<const SourceFile> file;  ///< null when the file could not be read
  std::vector<Diagnostic> diagnostics;
};

/// The outcome of one run: what emitters print.
struct Report {
  std::vector<FileResult> files;          ///< every linted file, sorted by display_path
  std::vector<const RuleInfo*> rules;     ///< every rule that ran, in id order
  size_t files_linted = 0;
  size_t files_skipped = 0;               ///< not Image Builder documents
  size_t count(Severity severity) const;
  /// The result of the file that holds source (null when not in the report).
  const FileResult* result_for(const SourceFile* source) const;
  /// Where a related location is: its own file (project findings may point into another
  /// file) or, by default, the file of the finding.
  const FileResult& related_file(const FileResult& owner, const Related& related) const;
};

}  // namespace iblint
