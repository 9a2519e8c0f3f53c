#pragma once
#include <cstddef>
#include <memory>

#include "engine/linter.h"
#include "source/source_file.h"

namespace iblint {

struct FixOptions {
  bool unsafe = false;  ///< also apply fixes not marked safe
  int max_passes = 10;  ///< lint, fix, lint again… at most this many times
};

/// What fixing one file came to.
struct FixResult {
  std::shared_ptr<const SourceFile> file;  ///< the fixed content (the original when nothing changed)
  FileLint lint;                           ///< the lint of that content: what remains
  size_t fixed = 0;                        ///< findings whose fix was applied
  bool changed = false;                    ///< file differs from the original
  bool would_break_yaml = false;           ///< fixes were left out because the result would not parse
};

/// Applies the fixes of a linted file's findings (one per finding: its first safe fix, or its
/// first fix with options.unsafe), lints the result and repeats until no fix applies or
/// options.max_passes passes have run, like ESLint. Overlapping fixes are applied one per pass.
/// When a pass would add YAML syntax errors or duplicate keys, nothing is applied: the result
/// is the original with would_break_yaml set.
FixResult fix_file(std::shared_ptr<const SourceFile> original, FileLint lint, const LintSettings& settings,
                   const FixOptions& options = {});

}  // namespace iblint
