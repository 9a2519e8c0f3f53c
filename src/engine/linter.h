#pragma once
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "engine/diagnostic.h"
#include "engine/profile.h"
#include "engine/rule.h"
#include "load/document_kind.h"
#include "source/source_file.h"
#include "yaml/parser.h"

namespace iblint {

namespace yaml { struct Stream; }
struct EmbeddedComponent;
class WorkerPool;

struct FileLint {
  bool linted = false;        ///< false: not an Image Builder document we lint (skipped)
  std::string description;    ///< what the file is, for --verbose
  std::vector<Diagnostic> diagnostics;  ///< sorted by position, suppressions applied
  /// The parsed file, kept for the project (templates and API requests link across files);
  /// null for every other file (a component's model is released once its rules are done).
  std::shared_ptr<const yaml::Stream> yaml;
  /// The documents of its components' Data/data, parsed once for the file rules and reused by
  /// the project (load_project would otherwise parse each again).
  std::vector<std::shared_ptr<const EmbeddedComponent>> embedded;
  /// Every comment that may hold a suppression: the file's own and those of embedded documents.
  std::vector<Span> comments;
  bool finished = false;      ///< suppressions, severities and sorting applied (finish_file_lint)
};

struct LintSettings {
  Profile profile = Profile::Current;
  unsigned platform = 0;  ///< --platform as catalog Platform bits; 0 = unknown (inferred by rules)
  bool shellcheck = true;  ///< IB701 runs shellcheck; false with --no-shellcheck
  bool shellcheck_rc = false;  ///< shellcheck reads the .shellcheckrc above each file (--shellcheckrc)
  /// lint_file also runs the project rules on the file alone, so that their fixes take part
  /// in --fix (the run's cross-file pass then adds only what the other files reveal).
  bool single_file_project = false;
  /// Which rules run; all when empty.
  std::function<bool(const RuleInfo&)> enabled;
  /// The severity a rule's findings get (config overrides); the rule's own when empty.
  std::function<Severity(const RuleInfo&, Severity reported)> severity;
  /// `.iblint.yaml` `trusted-accounts` (IB606): account ids and organization/OU ARNs the AMI may
  /// be shared with; nullopt when not configured.
  std::optional<std::vector<std::string>> trusted_accounts;
  /// Threads that share the rules of one file: the language server lints one large document
  /// at a time and answers sooner when its rules run side by side. Null: the caller runs them
  /// (the command line already lints its files in parallel).
  WorkerPool* rule_threads = nullptr;
};

/// Lints one file: checks its encoding, parses it, decides what it is, runs the enabled rules on
/// each component document and applies inline suppressions.
FileLint lint_file(const SourceFile& file, const LintSettings& settings);

/// lint_file without the last step, so that project-rule findings (engine/project_rule.h) can
/// join the file's findings before finish_file_lint applies suppressions to all of them.
FileLint lint_file_unfinished(const SourceFile& file, const LintSettings& settings);
/// Applies inline suppressions, configured severities and the sorted order. Project-rule
/// findings for file may be appended to lint.diagnostics first (their file field is file).
void finish_file_lint(const SourceFile& file, FileLint& lint, const LintSettings& settings);
/// The order findings are shown in: by position, then rule id.
void sort_diagnostics(std::vector<Diagnostic>& diagnostics);
/// lint_file for a file whose YAML is already parsed (the language server reparses its
/// documents incrementally); parsed is ignored for an unreadable file.
FileLint lint_parsed_file(const SourceFile& file, const yaml::Stream& parsed, const LintSettings& settings);
/// Binary, UTF-16 or UTF-32 input: nothing to parse.
bool is_unreadable(const SourceFile& file);


}  // namespace iblint
