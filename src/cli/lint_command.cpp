#include "cli/lint_command.h"

#include <cstdio>
#include <deque>
#include <filesystem>
#include <fstream>
#include <map>
#include <ostream>
#include <sstream>
#include <sys/stat.h>
#include <unistd.h>

#include "catalog/action_catalog.h"
#include "cli/file_walker.h"
#include "emit/github_emitter.h"
#include "emit/json_emitter.h"
#include "emit/junit_emitter.h"
#include "emit/sarif_emitter.h"
#include "emit/text_emitter.h"
#include "engine/baseline.h"
#include "engine/config.h"
#include "engine/linter.h"
#include "engine/project_lint.h"
#include "engine/registry.h"
#include "engine/report.h"
#include "engine/rule_selection.h"
#include "fix/fix_session.h"
#include "shell/process_slots.h"
#include "util/parallel_for.h"

namespace iblint {
namespace fs = std::filesystem;

namespace {

/// Writes text to path through a temporary file in the same folder and a rename, so a reader
/// never sees a half-written report and a failed run leaves any old report untouched.
bool write_atomically(const std::string& path, const std::string& text, std::string& error) {
  fs::path target(path);
  fs::path dir = target.parent_path().empty() ? fs::path(".") : target.parent_path();
  std::string tmp_template = (dir / ("." + target.filename().string() + ".XXXXXX")).string();
  std::vector<char> name(tmp_template.begin(), tmp_template.end());
  name.push_back('\0');
  int fd = ::mkstemp(name.data());
  if (fd < 0) {
    error = "cannot create a file in " + dir.string();
    return false;
  }
  size_t written = 0;
  while (written < text.size()) {
    ssize_t n = ::write(fd, text.data() + written, text.size() - written);
    if (n <= 0) break;
    written += static_cast<size_t>(n);
  }
  bool ok = written == text.size() && ::fchmod(fd, 0644) == 0 && ::fsync(fd) == 0;
  ok = ::close(fd) == 0 && ok;
  if (!ok || std::rename(name.data(), path.c_str()) != 0) {
    std::remove(name.data());
    error = "cannot write " + path;
    return false;
  }
  return true;
}

std::vector<std::string> split_commas(const std::vector<std::string>& values) {
  std::vector<std::string> out;
  for (const std::string& value : values) {
    std::stringstream ss(value);
    std::string item;
    while (std::getline(ss, item, ',')) {
      if (!item.empty()) out.push_back(item);
    }
  }
  return out;
}

/// The counts (unless --quiet) and, with --verbose, every baseline entry that matched nothing.
/// Unused entries are fixed findings (or findings whose line changed): regenerating the baseline
/// drops them.
void report_baseline(const Baseline& baseline, const BaselineOutcome& outcome, const LintCommand& command,
                     std::ostream& err) {
  if (command.verbose) {
    for (const BaselineEntry& e : outcome.unused) {
      err << "iblint: " << baseline.file.string() << ": unused entry (fixed, or its line changed): " << e.path;
      if (e.line > 0) err << ":" << e.line;
      err << " " << e.rule << (e.message.empty() ? "" : ": ") << e.message << "\n";
    }
  }
  if (!command.quiet || command.verbose || command.statistics) {
    err << "iblint: baseline " << baseline.file.string() << ": " << outcome.baselined << " findings baselined, "
        << outcome.unused.size() << " entries unused";
    if (!outcome.unused.empty()) err << " (run --write-baseline to drop them)";
    err << "\n";
  }
}

}  // namespace

int run_lint(const LintCommand& command, std::ostream& out, std::ostream& err) {
  const std::vector<const RuleInfo*> known = registered_rules();

  RuleSelection cli;
  cli.select = split_commas(command.select);
  cli.ignore = split_commas(command.ignore);
  for (const std::string& message : cli.validate(known)) {
    err << "iblint: " << message << "\n";
    return kExitError;
  }
  std::optional<Profile> cli_profile;
  if (!command.profile.empty()) {
    cli_profile = parse_profile(command.profile);
    if (!cli_profile) {
      err << "iblint: unknown profile `" << command.profile << "`; expected `current` or `seed-2020`\n";
      return kExitError;
    }
  }
  std::optional<Severity> fail_on;
  if (!command.fail_on.empty()) {
    fail_on = parse_severity(command.fail_on);
    if (!fail_on) {
      err << "iblint: --fail-on must be error, warning or info\n";
      return kExitError;
    }
  }

  std::vector<ConfigError> config_errors;
  std::optional<ConfigFinder> finder;
  if (!command.config.empty()) {
    std::optional<Config> config = load_config(command.config, config_errors, known);
    if (!config) {
      for (const ConfigError& e : config_errors) err << e.to_string() << "\n";
      return kExitError;
    }
    finder.emplace(std::move(*config));
  } else {
    finder.emplace(known);
  }
  if (!fail_on) {
    const Config* here = finder->for_directory(fs::current_path(), config_errors);
    if (here && here->fail_on) fail_on = here->fail_on;
  }

  std::optional<Baseline> baseline;
  if (!command.baseline.empty() && command.write_baseline.empty()) {
    std::string error;
    baseline = read_baseline(command.baseline, error);
    if (!baseline) {
      err << "iblint: " << error << "\n";
      return kExitError;
    }
  }

  WalkResult walked = walk_paths(command.paths);
  if (!walked.errors.empty()) {
    for (const std::string& e : walked.errors) err << "iblint: " << e << "\n";
    return kExitError;
  }

  Report report;
  for (const auto& rule : all_rules()) {
    if (cli.enabled(rule->info())) report.rules.push_back(&rule->info());
  }
  bool io_error = false;
  std::optional<FixSession> fixing;
  if (command.fix || command.diff) {
    fixing.emplace(command.diff ? FixSession::Mode::Diff : FixSession::Mode::Write, command.unsafe_fixes);
  }
  // Every file is linted first; project rules then see all templates and API requests at
  // once, and each file is finished (suppressions, severities, order) with its project findings.
  // Configuration is looked up in order on this thread; reading, parsing, the file rules
  // (shellcheck too) and fixes run on `jobs` threads; what each file says is reported in order.
  struct Pending {
    std::string display_path;
    std::shared_ptr<const SourceFile> file;
    FileLint lint;
    RuleSelection selection;
    LintSettings settings;      // settings.enabled refers to selection: entries never move
    std::string read_error;     // the file could not be read
    std::optional<FixResult> fixed;
    bool kept = false;          // linted: takes part in the project and the report
  };
  std::deque<Pending> pending;
  for (const WalkedFile& walked_file : walked.files) {
    fs::path absolute = fs::absolute(walked_file.path).lexically_normal();
    const Config* config = finder->for_file(absolute, config_errors);
    if (!config_errors.empty()) break;
    if (config && config->excluded(absolute)) {
      if (command.verbose) err << "iblint: " << walked_file.path << ": excluded by " << config->file.string() << "\n";
      continue;
    }
    Pending& entry = pending.emplace_back();
    entry.display_path = walked_file.path;
    entry.selection = config ? config->selection_for(absolute) : RuleSelection{};
    entry.selection.merge(cli);
    LintSettings& settings = entry.settings;
    const RuleSelection& selection = entry.selection;
    settings.profile = cli_profile ? *cli_profile : config && config->profile_for(absolute) ? *config->profile_for(absolute) : Profile::Current;
    settings.platform = command.platform == "linux" ? kLinux : command.platform == "windows" ? kWindows
                        : command.platform == "macos" ? kMacOS : 0u;
    settings.enabled = [&selection](const RuleInfo& rule) { return selection.enabled(rule); };
    settings.shellcheck = !command.no_shellcheck;
    settings.shellcheck_rc = command.shellcheckrc;
    settings.single_file_project = fixing.has_value();
    if (config) settings.trusted_accounts = config->trusted_accounts;
    settings.severity = [&selection](const RuleInfo& rule, Severity reported) {
      return selection.severity_override(rule).value_or(reported);  // a rule may grade its own findings
    };
  }

  const unsigned jobs = command.jobs > 0 ? command.jobs : default_job_count();
  shell::set_max_concurrent_processes(jobs);
  parallel_for(pending.size(), jobs, [&](size_t i) {
    Pending& entry = pending[i];
    ReadResult read = read_source_file(entry.display_path, command.max_file_size);
    if (!read.file) {
      entry.read_error = read.error;
      return;
    }
    entry.file = std::make_shared<const SourceFile>(std::move(*read.file));
    entry.lint = fixing ? lint_file(*entry.file, entry.settings) : lint_file_unfinished(*entry.file, entry.settings);
    if (fixing && entry.lint.linted) entry.fixed = fixing->prepare(entry.file, std::move(entry.lint), entry.settings);
  });

  for (Pending& entry : pending) {
    if (!entry.file) {
      err << "iblint: " << entry.display_path << ": " << entry.read_error << "\n";
      io_error = true;
      continue;
    }
    if (entry.fixed) {
      entry.lint = fixing->apply(entry.display_path, entry.file, std::move(*entry.fixed), entry.settings, err);
      entry.fixed.reset();
    }
    if (!entry.lint.linted) {
      ++report.files_skipped;
      if (command.verbose) err << "iblint: " << entry.display_path << ": skipped (" << entry.lint.description << ")\n";
      entry.lint = {};
      continue;
    }
    if (command.verbose) err << "iblint: " << entry.display_path << ": " << entry.lint.description << "\n";
    ++report.files_linted;
    entry.kept = true;
  }
  std::vector<Pending*> kept;
  for (Pending& entry : pending) {
    if (entry.kept) kept.push_back(&entry);
  }
  if (config_errors.empty()) {
    std::vector<LintedFile> linted;
    for (Pending* entry : kept) linted.push_back({entry->file, &entry->lint, &entry->settings});
    add_project_findings(linted, [&](const RuleInfo& rule) { return cli.enabled(rule); });
  }
  parallel_for(kept.size(), jobs, [&](size_t i) {
    Pending& entry = *kept[i];
    finish_file_lint(*entry.file, entry.lint, entry.settings);
    sort_diagnostics(entry.lint.diagnostics);
  });
  for (Pending* entry : kept) {
    report.files.push_back({entry->display_path, entry->file, std::move(entry->lint.diagnostics)});
  }
  if (!config_errors.empty()) {
    for (const ConfigError& e : config_errors) err << e.to_string() << "\n";
    return kExitError;
  }
  if (fixing) fixing->print_summary(err);
  if (io_error || (fixing && fixing->write_failed())) return kExitError;

  if (!command.write_baseline.empty()) {
    baseline = make_baseline(report, command.write_baseline);
    std::string error;
    if (!write_atomically(command.write_baseline, baseline_json(*baseline), error)) {
      err << "iblint: " << error << "\n";
      return kExitError;
    }
    err << "iblint: wrote " << baseline->entries.size() << " findings to the baseline " << command.write_baseline << "\n";
    apply_baseline(*baseline, report);  // every finding is now accepted
  }
  if (baseline && command.write_baseline.empty() && !command.diff) {
    report_baseline(*baseline, apply_baseline(*baseline, report), command, err);
  }

  std::ostringstream buffer;
  if (command.diff) buffer << fixing->diff();
  else if (command.format == "json") emit_json(report, buffer);
  else if (command.format == "sarif") emit_sarif(report, buffer);
  else if (command.format == "github") emit_github(report, buffer);
  else if (command.format == "junit") emit_junit(report, buffer);
  else emit_text(report, buffer, {command.color && command.output.empty(), command.quiet, command.statistics});

  if (command.output.empty()) {
    out << buffer.str();
    out.flush();
  } else {
    std::string error;
    if (!write_atomically(command.output, buffer.str(), error)) {
      err << "iblint: " << error << "\n";
      return kExitError;
    }
  }

  if (command.diff) return fixing->any_change() ? kExitFindings : kExitClean;
  Severity threshold = fail_on.value_or(Severity::Warning);
  for (const FileResult& file : report.files) {
    for (const Diagnostic& d : file.diagnostics) {
      if (d.severity >= threshold) return kExitFindings;
    }
  }
  return kExitClean;
}

}  // namespace iblint
