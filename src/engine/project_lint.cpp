#include "engine/project_lint.h"

#include <set>

#include "engine/project_rule.h"
#include "engine/registry.h"
#include "engine/suppressions.h"
#include "load/project_loader.h"
#include "rules/rules.h"

namespace iblint {

std::vector<Diagnostic> lint_project(const Project& project, Profile profile,
                                     const std::function<bool(const RuleInfo&)>& enabled,
                                     const std::vector<std::string>* trusted_accounts) {
  std::vector<Diagnostic> out;
  ProjectContext context{project, profile, trusted_accounts};
  for (const auto& rule : all_rules()) {
    if (!rule->is_project_rule() || (enabled && !enabled(rule->info()))) continue;
    Reporter reporter(rule->info());
    static_cast<const ProjectRule&>(*rule).check_project(context, reporter);
    for (Diagnostic& d : reporter.diagnostics()) {
      if (d.file) out.push_back(std::move(d));  // a finding without its file has nowhere to go
    }
  }
  return out;
}

namespace {

/// A finding for a file whose lint is already finished: suppressions in a pass of its own (no
/// unused-suppression findings: the file's own pass judged its directives), then severity.
void add_to_finished(const LintedFile& target, Diagnostic d) {
  const LintSettings& settings = *target.settings;
  // Found already when the file was linted as a project of its own (--fix).
  for (const Diagnostic& seen : target.lint->diagnostics) {
    if (seen.rule == d.rule && seen.span == d.span && seen.message == d.message) return;
  }
  std::vector<const RuleInfo*> known;
  for (const auto& rule : all_rules()) known.push_back(&rule->info());
  std::vector<Diagnostic> kept = apply_suppressions(*target.file, target.lint->comments, {std::move(d)},
                                                    unused_suppression_rule(), known,
                                                    [](const RuleInfo&) { return false; });
  for (Diagnostic& k : kept) {
    if (k.rule == &unused_suppression_rule()) continue;
    if (settings.severity) k.severity = settings.severity(*k.rule, k.severity);
    target.lint->diagnostics.push_back(std::move(k));
  }
  sort_diagnostics(target.lint->diagnostics);
}

}  // namespace

void add_project_findings(const std::vector<LintedFile>& files, const std::function<bool(const RuleInfo&)>& enabled) {
  // The project rules run once per distinct (profile, trusted-accounts) pair in use.
  using Variant = std::pair<Profile, std::optional<std::vector<std::string>>>;
  std::vector<ProjectInput> inputs;
  std::set<Variant> variants;
  for (const LintedFile& f : files) {
    if (!f.lint || !f.lint->linted || !f.lint->yaml) continue;
    inputs.push_back({f.file, f.lint->yaml, f.lint->embedded});
    variants.insert({f.settings->profile, f.settings->trusted_accounts});
  }
  if (inputs.empty()) return;
  std::unique_ptr<Project> project = load_project(inputs);
  for (const Variant& variant : variants) {
    const auto& [profile, trusted] = variant;
    for (Diagnostic& d : lint_project(*project, profile, enabled, trusted ? &*trusted : nullptr)) {
      for (const LintedFile& f : files) {
        if (f.file.get() != d.file || !f.lint || f.settings->profile != profile || f.settings->trusted_accounts != trusted)
          continue;
        if (f.settings->enabled && !f.settings->enabled(*d.rule)) break;
        if (f.lint->finished) add_to_finished(f, std::move(d));
        else f.lint->diagnostics.push_back(std::move(d));
        break;
      }
    }
  }
}

std::vector<FileLint> lint_files(const std::vector<std::shared_ptr<const SourceFile>>& files, const LintSettings& settings) {
  std::vector<FileLint> lints;
  lints.reserve(files.size());
  for (const auto& file : files) lints.push_back(lint_file_unfinished(*file, settings));
  std::vector<LintedFile> linted;
  for (size_t i = 0; i < files.size(); ++i) linted.push_back({files[i], &lints[i], &settings});
  add_project_findings(linted);
  for (size_t i = 0; i < files.size(); ++i) {
    if (lints[i].linted) finish_file_lint(*files[i], lints[i], settings);
  }
  return lints;
}

}  // namespace iblint
