#pragma once
#include <cstdint>
#include <iosfwd>
#include <string>
#include <vector>

#include "source/source_file.h"

namespace iblint {

/// Everything `iblint [lint] PATH...` was asked to do.
struct LintCommand {
  std::vector<std::string> paths;
  std::string format = "text";  ///< text | json | sarif | github | junit
  std::string output;           ///< file to write instead of stdout
  std::vector<std::string> select;
  std::vector<std::string> ignore;
  std::string fail_on;          ///< "" = from config, else warning
  std::string config;           ///< explicit --config FILE
  std::string profile;          ///< "" = from config, else current
  std::string platform;         ///< linux | windows | macos; "" = infer from the document
  bool color = false;
  bool quiet = false;
  bool statistics = false;
  bool verbose = false;
  bool no_shellcheck = false;  ///< skip IB701 (never run shellcheck)
  bool shellcheckrc = false;   ///< let shellcheck read the .shellcheckrc found above each file
  bool fix = false;           ///< apply fixes and rewrite the files
  bool diff = false;          ///< print what --fix would change as a unified diff; write nothing
  bool unsafe_fixes = false;  ///< with fix/diff: also fixes not marked safe
  uint64_t max_file_size = kDefaultMaxFileBytes;
  unsigned jobs = 0;           ///< files linted at once (-j); 0 = the usable cores
  std::string baseline;        ///< report only findings this baseline file does not list
  std::string write_baseline;  ///< record every current finding in this file
};

/// Exit codes: 0 nothing at or above --fail-on, 1 findings, 2 usage, I/O or internal error.
inline constexpr int kExitClean = 0;
inline constexpr int kExitFindings = 1;
inline constexpr int kExitError = 2;

/// Runs a lint: finds files, reads configuration, lints, and writes the report to out (or to
/// the --output file, atomically). Errors go to err.
int run_lint(const LintCommand& command, std::ostream& out, std::ostream& err);

}  // namespace iblint
