#include "cli/dry_run_command.h"

#include <filesystem>
#include <fstream>
#include <ostream>
#include <sstream>

#include "cli/file_walker.h"
#include "dryrun/dry_run.h"
#include "dryrun/html_plan.h"
#include "dryrun/plan_json.h"
#include "dryrun/plan_text.h"
#include "engine/severity.h"
#include "fix/file_writer.h"

namespace iblint {
namespace fs = std::filesystem;

namespace {

/// "name=value" → overrides; false (with why) for anything else.
bool parse_params(const std::vector<std::string>& params, dryrun::ParameterOverrides& out, std::string& error) {
  for (const std::string& p : params) {
    size_t eq = p.find('=');
    if (eq == std::string::npos || eq == 0) {
      error = "--param `" + p + "`: expected NAME=VALUE, e.g. --param Version=1.2.3";
      return false;
    }
    out[p.substr(0, eq)] = p.substr(eq + 1);
  }
  return true;
}

/// "Linux" / "Windows" from --platform in any case; "" when not given.
bool parse_platform(const std::string& text, std::string& out) {
  std::string lower;
  for (char c : text) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (lower.empty()) out.clear();
  else if (lower == "linux") out = "Linux";
  else if (lower == "windows") out = "Windows";
  else return false;
  return true;
}

/// Writes the report through a temporary file and a rename (fix/file_writer.h), creating the
/// file first when it does not exist; a failed write leaves no new file behind.
bool write_output(const std::string& path, const std::string& text, std::string& error) {
  bool existed = fs::exists(path);
  if (!existed) std::ofstream(path, std::ios::app);
  if (replace_file_atomically(path, text, error)) return true;
  if (!existed) fs::remove(path);
  return false;
}

}  // namespace

int run_dry_run(const DryRunCommand& command, std::ostream& out, std::ostream& err) {
  dryrun::DryRunOptions options;
  std::string error;
  if (!parse_params(command.params, options.overrides, error)) {
    err << "iblint: " << error << "\n";
    return 2;
  }
  if (!parse_platform(command.platform, options.platform)) {
    err << "iblint: --platform must be Linux or Windows\n";
    return 2;
  }
  if (!command.profile.empty()) {
    if (command.profile != "current" && command.profile != "seed-2020") {
      err << "iblint: unknown profile `" << command.profile << "`; expected `current` or `seed-2020`\n";
      return 2;
    }
    options.profile = command.profile;
  }
  std::optional<Severity> fail_on = parse_severity(command.fail_on);
  if (!fail_on) {
    err << "iblint: --fail-on must be error, warning or info\n";
    return 2;
  }
  if (command.format != "text" && command.format != "json" && command.format != "html") {
    err << "iblint: --format must be text, json or html\n";
    return 2;
  }
  if (command.paths.empty()) {
    err << "iblint: dry-run needs files: a pipeline (template or API requests), a recipe, or components with --platform\n";
    return 2;
  }
  WalkResult walked = walk_paths(command.paths);
  if (!walked.errors.empty()) {
    for (const std::string& e : walked.errors) err << "iblint: " << e << "\n";
    return 2;
  }
  std::vector<std::shared_ptr<const SourceFile>> files;
  for (const WalkedFile& walked_file : walked.files) {
    ReadResult read = read_source_file(walked_file.path, command.max_file_size);
    if (!read.file) {
      err << "iblint: " << walked_file.path << ": " << read.error << "\n";
      return 2;
    }
    files.push_back(std::make_shared<const SourceFile>(std::move(*read.file)));
  }
  std::unique_ptr<dryrun::DryRun> run = dryrun::dry_run(files, options);
  if (!run->plan) {
    err << "iblint: " << run->error << "\n";
    return 2;
  }
  std::ostringstream buffer;
  if (command.format == "json") {
    buffer << dryrun::plan_json(*run->plan, run->findings).dump(2, ' ', false, dryrun::Json::error_handler_t::replace) << "\n";
  } else if (command.format == "html") {
    buffer << dryrun::render_plan_html(dryrun::plan_json(*run->plan, run->findings));
  } else {
    dryrun::emit_plan_text(*run->plan, run->findings, buffer);
  }
  if (command.output.empty()) {
    out << buffer.str();
    out.flush();
  } else if (!write_output(command.output, buffer.str(), error)) {
    err << "iblint: " << command.output << ": " << error << "\n";
    return 2;
  }
  for (const Diagnostic& d : run->plan->findings) {
    if (d.severity >= *fail_on) return 1;
  }
  return 0;
}

}  // namespace iblint
