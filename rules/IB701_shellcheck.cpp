// IB701: runs shellcheck on the script of every ExecuteBash step and maps its comments back to
// the YAML. The script is built as AWSTOE builds it (commands joined with "\n"), each `{{ … }}`
// becomes `_` repeated (same length, so columns map back unchanged), and what that
// substitution alone provokes is dropped.
#include <algorithm>
#include <atomic>
#include <exception>
#include <filesystem>
#include <iterator>
#include <system_error>

#include "rules/rule_support.h"
#include "rules/rules.h"
#include "rules/step_inputs.h"
#include "shell/bash_script.h"
#include "shell/process_slots.h"
#include "shell/shellcheck_runner.h"
#include "util/parallel_for.h"

namespace iblint {
namespace {

using yaml::Node;

/// Codes a constant word provokes (`[ ____ = x ]`, `[ -n "____" ]`, `case ____ in`): after
/// substitution every `{{ … }}` is a constant, so these are dropped on lines that hold one.
constexpr int kConstantWordCodes[] = {2050, 2078, 2157, 2193, 2194, 2195};

Severity severity_of(const std::string& level) {
  if (level == "error") return Severity::Error;
  if (level == "warning") return Severity::Warning;
  return Severity::Info;  // info, style
}

/// The entries of a step's `commands` in order: scalars with a value (aliases resolved).
std::vector<const Node*> command_entries(const Node& inputs_entry) {
  std::vector<const Node*> out;
  const Node* commands = inputs_entry.find("commands");
  if (!commands) return out;
  const Node& c = commands->resolved();
  if (c.is_scalar() && !c.is_null()) out.push_back(&c);
  if (!c.is_sequence()) return out;
  for (const Node* item : c.items) {
    const Node& entry = item->resolved();
    if (entry.is_scalar() && !entry.is_null()) out.push_back(&entry);
  }
  return out;
}

bool provoked_by_substitution(const shell::BashScript& script, const shell::ShellcheckComment& c) {
  if (script.placeholders.empty()) return false;
  // In a Fn::Sub template, `${Name}` may be a template parameter that CloudFormation fills in.
  if (script.fn_sub_template && c.code == 2154) return true;
  uint32_t begin = script.offset(c.line, c.column);
  uint32_t end = std::max(begin, script.offset(c.end_line, c.end_column));
  for (const expr::Range& r : script.placeholders) {
    if (r.begin <= begin && end <= r.end) return true;  // about the placeholder itself
  }
  return std::find(std::begin(kConstantWordCodes), std::end(kConstantWordCodes), c.code) !=
             std::end(kConstantWordCodes) &&
         script.placeholder_on_lines(c.line, c.end_line);
}

class Shellcheck final : public Rule {
 public:
  const RuleInfo& info() const override {
    static const RuleInfo rule{"IB701", "shellcheck", Severity::Warning,
                               "shellcheck's findings in the script of an ExecuteBash step"};
    return rule;
  }

  void check(const LintContext& context, Reporter& out) const override {
    if (!context.shellcheck) return;
    std::vector<Run> runs;
    for (const Phase& phase : context.component->phases) {
      for (const Step& step : phase.steps) {
        if (step.action != "ExecuteBash") continue;
        for (const Node* entry : input_entries(step)) {
          std::vector<const Node*> entries = command_entries(*entry);
          if (entries.empty()) continue;
          shell::BashScript script = shell::build_bash_script(context.file, entries);
          if (script.text.find_first_not_of(" \t\r\n") == std::string::npos) continue;
          runs.push_back({std::move(script), std::nullopt, {}});
        }
      }
    }
    run_all(runs, context.shellcheck_rc ? rc_directory(context.file) : std::string());
    // Reported in document order, whatever order the runs finished in.
    for (const Run& run : runs) {
      if (!report(run, out)) return;
    }
  }

 private:
  /// One script and what shellcheck said about it.
  struct Run {
    shell::BashScript script;
    std::optional<std::vector<shell::ShellcheckComment>> comments;
    std::string error;
  };

  /// The linted file's folder (absolute): shellcheck finds the user's .shellcheckrc from there.
  static std::string rc_directory(const SourceFile& file) {
    std::error_code error;
    std::filesystem::path folder = std::filesystem::absolute(std::filesystem::path(file.path()).parent_path(), error);
    return error ? std::string() : folder.lexically_normal().string();
  }

  /// Runs shellcheck on every script, at most max_concurrent_processes() children at a time in
  /// the whole process (`-j`). Each run keeps its own time limit and goes through a temporary
  /// file, so no run can block another.
  static void run_all(std::vector<Run>& runs, const std::string& rc_folder) {
    std::atomic<bool> not_found{false};
    parallel_for(runs.size(), shell::max_concurrent_processes(), [&](size_t i) {
      Run& run = runs[i];
      if (not_found) {
        run.error = std::string(shell::kShellcheckNotFound);
        return;
      }
      try {
        run.comments = shell::run_shellcheck(run.script.text, &run.error, rc_folder);
      } catch (const std::exception& e) {  // out of memory: report, never terminate
        run.error = e.what();
      }
      if (!run.comments && run.error == shell::kShellcheckNotFound) not_found = true;
    });
  }

  /// false when shellcheck cannot run (the rest of the file is skipped too).
  static bool report(const Run& run, Reporter& out) {
    if (!run.comments) {
      if (run.error == shell::kShellcheckNotFound) {
        shell::note_once("shellcheck not found; IB701 skipped");
        return false;
      }
      shell::note_once("IB701: " + run.error + "; the script was not checked");
      return true;
    }
    for (const shell::ShellcheckComment& c : *run.comments) {
      if (provoked_by_substitution(run.script, c)) continue;
      Diagnostic& d = out.report(run.script.file_span(c.line, c.column, c.end_line, c.end_column),
                                 "SC" + std::to_string(c.code) + ": " + c.message);
      d.severity = severity_of(c.level);
    }
    return true;
  }
};

}  // namespace

std::unique_ptr<Rule> make_shellcheck() { return std::make_unique<Shellcheck>(); }

}  // namespace iblint
