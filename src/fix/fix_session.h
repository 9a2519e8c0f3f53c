#pragma once
#include <cstddef>
#include <iosfwd>
#include <memory>
#include <string>

#include "engine/linter.h"
#include "fix/fixer.h"
#include "source/source_file.h"

namespace iblint {

/// `iblint --fix` (write the fixed files) and `iblint --diff` (print what --fix would change)
/// over the files of one run.
class FixSession {
 public:
  enum class Mode { Write, Diff };
  FixSession(Mode mode, bool unsafe) : mode_(mode) { options_.unsafe = unsafe; }

  /// Fixes one linted file: writes it (Write) or appends its diff (Diff), and returns the lint
  /// of what the file now holds, replacing file with that content. Problems go to err.
  FileLint fix(const std::string& display_path, std::shared_ptr<const SourceFile>& file, FileLint lint,
               const LintSettings& settings, std::ostream& err);
  /// fix() in two halves, so that `-j` can compute fixes in parallel and record them in order:
  /// prepare touches neither the session nor the disk (safe on any thread)...
  FixResult prepare(std::shared_ptr<const SourceFile> file, FileLint lint, const LintSettings& settings) const;
  /// ...and apply writes the file or appends its diff, and returns what fix() returns.
  FileLint apply(const std::string& display_path, std::shared_ptr<const SourceFile>& file, FixResult result,
                 const LintSettings& settings, std::ostream& err);

  /// `Fixed N findings in M files.` (Write) or `Would fix N findings in M files.` (Diff).
  void print_summary(std::ostream& err) const;

  bool write_failed() const { return write_failed_; }
  bool any_change() const { return files_ > 0; }
  const std::string& diff() const { return diff_; }

 private:
  Mode mode_;
  FixOptions options_;
  size_t findings_ = 0;
  size_t files_ = 0;
  bool write_failed_ = false;
  std::string diff_;
};

}  // namespace iblint
