#include "fix/fix_session.h"

#include <ostream>

#include "fix/file_writer.h"
#include "fix/unified_diff.h"

namespace iblint {
namespace {

std::string plural(size_t n, std::string_view one, std::string_view many) {
  return std::to_string(n) + " " + std::string(n == 1 ? one : many);
}

}  // namespace

FileLint FixSession::fix(const std::string& display_path, std::shared_ptr<const SourceFile>& file, FileLint lint,
                         const LintSettings& settings, std::ostream& err) {
  return apply(display_path, file, prepare(file, std::move(lint), settings), settings, err);
}

FixResult FixSession::prepare(std::shared_ptr<const SourceFile> file, FileLint lint, const LintSettings& settings) const {
  return fix_file(std::move(file), std::move(lint), settings, options_);
}

FileLint FixSession::apply(const std::string& display_path, std::shared_ptr<const SourceFile>& file, FixResult result,
                           const LintSettings& settings, std::ostream& err) {
  if (result.would_break_yaml) {
    err << "iblint: " << display_path << ": fixes not applied: they would break the YAML\n";
  }
  if (!result.changed) return std::move(result.lint);

  if (mode_ == Mode::Diff) {
    diff_ += unified_diff(file->bytes(), result.file->bytes(), display_path);
  } else {
    std::string error;
    if (!replace_file_atomically(file->path(), result.file->bytes(), error)) {
      err << "iblint: " << display_path << ": " << error << "\n";
      write_failed_ = true;
      return lint_file(*file, settings);  // the file still holds what it held
    }
    file = result.file;
  }
  findings_ += result.fixed;
  ++files_;
  return std::move(result.lint);
}

void FixSession::print_summary(std::ostream& err) const {
  err << (mode_ == Mode::Write ? "Fixed " : "Would fix ") << plural(findings_, "finding", "findings") << " in "
      << plural(files_, "file", "files") << ".\n";
}

}  // namespace iblint
