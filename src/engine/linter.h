#pragma once
#include <functional>
#include <string>
#include <vector>

#include "engine/diagnostic.h"
#include "engine/profile.h"
#include "engine/rule.h"
#include "load/document_kind.h"
#include "source/source_file.h"

namespace iblint {

namespace yaml { struct Stream; }

struct FileLint {
  bool linted = false;        ///< false: not an Image Builder document we lint (skipped)
  std::string description;    ///< what the file is, for --verbose
  std::vector<Diagnostic> diagnostics;  ///< sorted by position, suppressions applied
};

struct LintSettings {
  Profile profile = Profile::Current;
  unsigned platform = 0;  ///< --platform as catalog Platform bits; 0 = unknown (inferred by rules)
  bool shellcheck = true;  ///< IB701 runs shellcheck; false with --no-shellcheck
  /// Which rules run; all when empty.
  std::function<bool(const RuleInfo&)> enabled;
  /// The severity a rule's findings get (config overrides); the rule's own when empty.
  std::function<Severity(const RuleInfo&, Severity reported)> severity;
};

/// Lints one file: checks its encoding, parses it, decides what it is, runs the enabled rules on
/// each component document and applies inline suppressions.
FileLint lint_file(const SourceFile& file, const LintSettings& settings);

/// lint_file for a file whose YAML is already parsed (the language server reparses its
/// documents incrementally); parsed is ignored for an unreadable file.
FileLint lint_parsed_file(const SourceFile& file, const yaml::Stream& parsed, const LintSettings& settings);
/// Binary, UTF-16 or UTF-32 input: nothing to parse.
bool is_unreadable(const SourceFile& file);


}  // namespace iblint
