#include "fix/fixer.h"

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include "fix/apply_fixes.h"
#include "yaml/parser.h"

namespace iblint {
namespace {

/// What must not get worse: the syntax errors and duplicate keys of a text, by message.
struct YamlHealth {
  std::vector<std::string> problems;  ///< sorted

  static YamlHealth of(const SourceFile& file) {
    YamlHealth health;
    std::unique_ptr<yaml::Stream> stream = yaml::parse(file);
    for (const yaml::SyntaxError& e : stream->errors) health.problems.push_back("syntax: " + e.message);
    for (const yaml::DuplicateKey& d : stream->duplicate_keys) health.problems.push_back("duplicate key: " + d.key);
    std::sort(health.problems.begin(), health.problems.end());
    return health;
  }
  /// True when other has a problem this one does not have.
  bool worse(const YamlHealth& other) const {
    return !std::includes(problems.begin(), problems.end(), other.problems.begin(), other.problems.end());
  }
};

const Fix* chosen_fix(const Diagnostic& d, bool unsafe) {
  for (const Fix& fix : d.fixes) {
    if ((fix.safe || unsafe) && !fix.edits.empty()) return &fix;
  }
  return nullptr;
}

}  // namespace

FixResult fix_file(std::shared_ptr<const SourceFile> original, FileLint lint, const LintSettings& settings,
                   const FixOptions& options) {
  FixResult result;
  result.file = original;
  result.lint = std::move(lint);
  if (!result.lint.linted) return result;

  std::optional<YamlHealth> before;
  FileLint original_lint;
  for (int pass = 0; pass < options.max_passes; ++pass) {
    std::vector<const Fix*> fixes;
    for (const Diagnostic& d : result.lint.diagnostics) {
      if (const Fix* fix = chosen_fix(d, options.unsafe)) fixes.push_back(fix);
    }
    if (fixes.empty()) break;
    AppliedFixes applied = apply_fixes(result.file->bytes(), fixes);
    if (applied.count == 0 || applied.text == result.file->bytes()) break;

    auto next = std::make_shared<const SourceFile>(original->path(), std::move(applied.text));
    if (!before) {
      before = YamlHealth::of(*original);
      original_lint = result.lint;
    }
    if (before->worse(YamlHealth::of(*next))) {
      FixResult untouched;
      untouched.file = original;
      untouched.lint = std::move(original_lint);
      untouched.would_break_yaml = true;
      return untouched;
    }
    result.file = std::move(next);
    result.fixed += applied.count;
    result.lint = lint_file(*result.file, settings);
    if (!result.lint.linted) break;
  }
  result.changed = result.file->bytes() != original->bytes();
  if (!result.changed) result.fixed = 0;  // fixes that undid each other
  return result;
}

}  // namespace iblint
