// iblint: a linter for EC2 Image Builder documents. This file only wires the command line.
#include <CLI/CLI.hpp>
#include <cstdlib>
#include <exception>
#include <iostream>
#include <unistd.h>

#include "cli/dry_run_command.h"
#include "cli/info_commands.h"
#include "cli/lint_command.h"
#include "lsp/server.h"
#include "schema/component_schema.h"

int main(int argc, char** argv) {
  using namespace iblint;
  CLI::App app{"iblint: lint EC2 Image Builder component documents before the build does"};
  app.name("iblint");
  app.set_version_flag("--version", std::string("iblint ") + IBLINT_VERSION);
  app.require_subcommand(0, 1);

  LintCommand lint;
  bool no_color = false;
  auto add_lint_options = [&](CLI::App& a) {
    a.add_option("-f,--format", lint.format, "Output format")
        ->check(CLI::IsMember({"text", "json", "sarif", "github", "junit"}))
        ->capture_default_str();
    a.add_option("-o,--output", lint.output, "Write the report to FILE (atomically) instead of stdout");
    a.add_option("--select", lint.select, "Only run these rules (ids, names or id prefixes, comma-separated)")
        ->delimiter(',')->allow_extra_args(false);
    a.add_option("--ignore", lint.ignore, "Do not run these rules (ids, names or id prefixes)")->delimiter(',')->allow_extra_args(false);
    a.add_option("--fail-on", lint.fail_on, "Exit 1 when a finding is at least this severe (default: warning)")
        ->check(CLI::IsMember({"error", "warning", "info"}));
    a.add_option("--config", lint.config, "Use this configuration file instead of finding .iblint.yaml")
        ->check(CLI::ExistingFile);
    a.add_option("--profile", lint.profile, "Service profile: current (default) or seed-2020")
        ->check(CLI::IsMember({"current", "seed-2020"}));
    a.add_option("--platform", lint.platform, "The OS the components run on: linux, windows or macos (default: inferred)")
        ->check(CLI::IsMember({"linux", "windows", "macos"}));
    a.add_option("--max-file-size", lint.max_file_size, "Refuse files larger than this many bytes")
        ->capture_default_str();
    a.add_option("-j,--jobs", lint.jobs, "Lint this many files at once (default: the number of cores; 1: one at a time)")
        ->check(CLI::Range(1u, 1024u));
    a.add_flag("--no-color", no_color, "Never colour the output (NO_COLOR is honoured too)");
    a.add_flag("-q,--quiet", lint.quiet, "Print only the findings' first lines");
    a.add_flag("--statistics", lint.statistics, "Print a count of findings per rule");
    a.add_flag("-v,--verbose", lint.verbose, "Say which files were linted or skipped, and why");
    a.add_flag("--no-shellcheck", lint.no_shellcheck, "Do not run shellcheck on ExecuteBash scripts (IB701)");
    a.add_flag("--shellcheckrc", lint.shellcheckrc,
               "Let shellcheck read the .shellcheckrc found from each file's folder upward (ignored by default)");
    a.add_flag("--fix", lint.fix, "Apply safe fixes to the files, then report what remains");
    a.add_flag("--diff", lint.diff, "Print what --fix would change as a unified diff; write nothing (exit 1 if any)");
    a.add_flag("--unsafe-fixes", lint.unsafe_fixes, "With --fix or --diff, also apply fixes that may change meaning");
    a.add_option("--baseline", lint.baseline, "Report only findings this baseline file does not list")
        ->check(CLI::ExistingFile);
    a.add_option("--write-baseline", lint.write_baseline, "Record every current finding in FILE (then none is new)");
  };
  add_lint_options(app);
  app.add_option("paths", lint.paths, "Files and folders to lint (folders: *.yml, *.yaml, *.json)");

  CLI::App* lint_cmd = app.add_subcommand("lint", "Lint files and folders (the default command)");
  lint_cmd->fallthrough();
  lint_cmd->add_option("paths", lint.paths, "Files and folders to lint")->required();

  CLI::App* rules_cmd = app.add_subcommand("rules", "List every rule");
  std::string explain_id;
  CLI::App* explain_cmd = app.add_subcommand("explain", "Print a rule's documentation");
  explain_cmd->add_option("rule", explain_id, "Rule id or name, e.g. IB103")->required();

  CLI::App* lsp_cmd = app.add_subcommand("lsp", "Run the language server (LSP 3.17 on stdin/stdout)");
  std::string schema_kind;
  CLI::App* schema_cmd = app.add_subcommand("schema", "Print the JSON Schema (draft 2020-12) of a document kind");
  schema_cmd->add_option("kind", schema_kind, "The document kind: component")->required()->check(CLI::IsMember({"component"}));

  DryRunCommand dry_run;
  CLI::App* dry_run_cmd = app.add_subcommand("dry-run", "Simulate the pipeline: the ordered plan of every stage and step, nothing executed");
  dry_run_cmd->add_option("paths", dry_run.paths, "A pipeline (template or API request files), a recipe, or component documents")->required();
  dry_run_cmd->add_option("-f,--format", dry_run.format, "Output format")
      ->check(CLI::IsMember({"text", "json", "html"}))
      ->capture_default_str();
  dry_run_cmd->add_option("--param", dry_run.params, "Component parameter value NAME=VALUE (repeatable; wins over recipe and default)")
      ->allow_extra_args(false);
  dry_run_cmd->add_option("--platform", dry_run.platform, "The OS the instance runs: Linux or Windows (required for lone components)");
  dry_run_cmd->add_option("--profile", dry_run.profile, "Service profile: current (default) or seed-2020")
      ->check(CLI::IsMember({"current", "seed-2020"}));
  dry_run_cmd->add_option("-o,--output", dry_run.output, "Write the plan to FILE (atomically) instead of stdout");
  dry_run_cmd->add_option("--fail-on", dry_run.fail_on, "Exit 1 when a finding is at least this severe")
      ->check(CLI::IsMember({"error", "warning", "info"}))
      ->capture_default_str();

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int rc = app.exit(e);
    return rc == 0 ? 0 : kExitError;
  }

  try {
    if (*rules_cmd) {
      print_rules(std::cout);
      return kExitClean;
    }
    if (*explain_cmd) return explain_rule(explain_id, std::cout, std::cerr);
    if (*lsp_cmd) return lsp::run_language_server();
    if (*dry_run_cmd) return run_dry_run(dry_run, std::cout, std::cerr);
    if (*schema_cmd) {
      std::cout << component_schema().dump(2) << "\n";
      return kExitClean;
    }
    if (lint.paths.empty()) {
      std::cerr << "iblint: no paths given; try `iblint fixtures/examples` or `iblint --help`\n";
      return kExitError;
    }
    const char* no_color_env = std::getenv("NO_COLOR");
    lint.color = !no_color && !(no_color_env && *no_color_env) && ::isatty(STDOUT_FILENO);
    return run_lint(lint, std::cout, std::cerr);
  } catch (const std::exception& e) {
    std::cerr << "iblint: internal error: " << e.what() << "\n";
    return kExitError;
  }
}
