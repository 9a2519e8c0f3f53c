#pragma once
#include <functional>
#include <memory>
#include <vector>

#include "engine/diagnostic.h"
#include "engine/linter.h"
#include "engine/profile.h"
#include "engine/rule.h"

namespace iblint {

struct Project;

/// Runs every project rule (engine/project_rule.h) for which enabled returns true (all when it
/// is empty). Each finding names its file (Diagnostic::file); the caller hands it to that file.
std::vector<Diagnostic> lint_project(const Project& project, Profile profile,
                                     const std::function<bool(const RuleInfo&)>& enabled = {},
                                     const std::vector<std::string>* trusted_accounts = nullptr);

/// One file of a run, linted by lint_file_unfinished (or already finished, e.g. by --fix).
struct LintedFile {
  std::shared_ptr<const SourceFile> file;
  FileLint* lint = nullptr;
  const LintSettings* settings = nullptr;
};

/// Builds one project from the files (those holding templates or API requests take part), runs
/// the project rules once per profile in use and appends each finding to its file's lint when
/// that file uses the profile and enables the rule. Unfinished lints get the findings before
/// finish_file_lint; finished ones get them suppressed, graded and sorted here.
void add_project_findings(const std::vector<LintedFile>& files, const std::function<bool(const RuleInfo&)>& enabled = {});

/// Lints files together as one project: what `iblint a.yaml b.json` does, without emitting.
std::vector<FileLint> lint_files(const std::vector<std::shared_ptr<const SourceFile>>& files, const LintSettings& settings);

}  // namespace iblint
