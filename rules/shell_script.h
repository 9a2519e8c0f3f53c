#pragma once
// A small, forgiving reader of the bash and PowerShell scripts in ExecuteBash/ExecutePowerShell
// steps: it splits a script into simple commands made of words, so that security rules can ask
// "is this a `chmod` whose mode is 777?" instead of matching text. It is not a shell parser:
// comments are skipped, quotes are removed from words, `$(…)`, backticks and `<(…)` become
// nested commands, and a quote left open at the end of a line is closed there (so one stray
// apostrophe cannot hide the rest of a script). Offsets are byte offsets into the script text.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace iblint {

enum class Shell { Bash, PowerShell };

struct ShellWord {
  std::string text;    ///< the word's value: quotes removed, escapes resolved, `$(…)` kept as written
  uint32_t begin = 0;  ///< the word as written in the script, quotes included
  uint32_t end = 0;
  int substitution = -1;  ///< first command of a `$(…)`, backtick or `<(…)` inside the word, or -1
};

struct ShellCommand {
  std::vector<ShellWord> words;      ///< everything but redirections: assignments, `sudo`, name, arguments
  std::vector<ShellWord> redirects;  ///< targets of output redirections (`>`, `>>`, `&>`), in order
  int piped_from = -1;               ///< the command whose output this one reads (`a | b`), or -1
  uint32_t statement = 0;            ///< commands on one line (or one `;`-separated part of it) share it
};

struct ShellScript {
  /// In text order, except that the commands of a `$(…)` come before the command holding it.
  std::vector<ShellCommand> commands;
};

/// The script text with every comment replaced by spaces (same length, same offsets).
std::string blank_comments(std::string_view script, Shell shell);

/// Splits a script into commands (comments are skipped).
ShellScript parse_shell_script(std::string_view script, Shell shell);

/// Index in command.words of the command's name: after variable assignments, keywords (`if`,
/// `then`, `!`, …), wrappers (`sudo -E`, `env`, `nohup`, `exec`, `timeout 60`) and, in
/// PowerShell, the call operators `&` and `.`. words.size() when the command has no name.
size_t command_name_index(const ShellCommand& command, Shell shell);

/// The command's name as the checks compare it: the last path component, without `.exe`, and
/// lower-cased for PowerShell (which ignores case). "" when there is none.
std::string command_name(const ShellCommand& command, Shell shell);

/// Lower-cased ASCII copy.
std::string ascii_lower(std::string_view text);

/// Whether url (starting with `http://`) names this machine or the link-local instance metadata
/// service (localhost, 127.x, [::1], 169.254.x.x, [fd00:ec2::254]), where plain HTTP is normal.
bool is_local_http_url(std::string_view url);

}  // namespace iblint
