#pragma once
// Runs the external `shellcheck` on a bash script and returns its comments. shellcheck only
// reads the script; nothing of the script is ever executed. The script goes through a private
// temporary file (mkstemp), never a pipe, so a large script cannot deadlock us, and each run
// has a time limit after which the child is killed.
#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace iblint::shell {

/// One comment of `shellcheck -f json1`. Lines and columns are 1-based, columns count code
/// points (a tab is one column), ends are exclusive.
struct ShellcheckComment {
  int line = 0;
  int column = 0;
  int end_line = 0;
  int end_column = 0;
  int code = 0;         ///< 2086 for SC2086
  std::string level;    ///< error | warning | info | style
  std::string message;
};

struct ShellcheckOptions {
  std::string executable = "shellcheck";  ///< a name looked up on PATH, or a path with a `/`
  std::chrono::milliseconds timeout{10000};
  /// Codes passed to `-e`: SC1090/SC1091, sourced files cannot be followed (they exist only on
  /// the build instance).
  std::vector<int> exclude{1090, 1091};
  /// Empty: `--norc`, the user's .shellcheckrc files are ignored. Otherwise shellcheck runs in
  /// this folder and reads the .shellcheckrc it finds from there upward (then in the home
  /// folder), as it would for a script kept in that folder.
  std::string rc_directory;
};

/// The error text run_shellcheck gives when the executable cannot be found.
inline constexpr std::string_view kShellcheckNotFound = "shellcheck not found";

/// Runs `shellcheck --norc -s bash -f json1 -e … -` on script, when one of the process slots
/// (shell/process_slots.h) is free. nullopt on failure, with the
/// reason in *error (kShellcheckNotFound when it is not installed, a timeout, a bad exit
/// status or unreadable output). Results are cached by script text and rc_directory for the
/// process (the same script is checked again on each --fix pass). Thread-safe.
std::optional<std::vector<ShellcheckComment>> run_shellcheck(std::string_view script, std::string* error,
                                                             const std::string& rc_directory = {});
std::optional<std::vector<ShellcheckComment>> run_shellcheck(std::string_view script, const ShellcheckOptions& options,
                                                             std::string* error);

/// Parses the JSON that `shellcheck -f json1` prints; nullopt (with *error) when it is not that.
std::optional<std::vector<ShellcheckComment>> parse_shellcheck_json(std::string_view json, std::string* error);

/// Writes `iblint: MESSAGE` to stderr the first time this message is given in the process.
void note_once(const std::string& message);

}  // namespace iblint::shell
