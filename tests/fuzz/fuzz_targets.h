#pragma once
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

// What each libFuzzer target does with one input, shared by the fuzz executables
// (tests/fuzz/*_fuzz.cpp, built with clang by -DIBLINT_FUZZ=ON) and by the normal test binary,
// which replays every saved crash in tests/fuzz/regressions/<target>/.
namespace iblint::fuzz {

/// Runs one input through a target. Returns "" when every property held, otherwise what broke.
/// A crash, hang or sanitizer report is a failure too, found by the sanitizers, not returned.
using TargetFunction = std::string (*)(std::string_view input);

/// Lints the input as one file of a run (project rules included). The first byte picks the
/// file name (.yaml, .yml, .json, .template), the profile and the --platform; the rest is the file.
std::string lint_buffer(std::string_view input);
/// Scans the input as a scalar's value for `{{ }}` expressions.
std::string scan_expressions(std::string_view input);
/// Parses the input as YAML/JSON, loads every CloudFormation template and API request in it,
/// evaluates every resource's properties and condition, and builds the project.
std::string load_cloudformation(std::string_view input);
/// Feeds the input to the language server as the bytes a client sent on stdin.
std::string serve_lsp(std::string_view input);
/// Lints like lint_buffer, applies the safe fixes once and lints again: each fixed finding must
/// be gone and the fixed text must parse as well as the original; then runs the whole --fix loop.
std::string fix_and_relint(std::string_view input);

/// Parses the input as YAML in pieces (forced, whatever its size; the first byte picks the piece
/// size, 1 to 256 bytes) and whole: when the pieces are used, both node models must be the same.
std::string parse_in_pieces_like_whole(std::string_view input);

struct Target {
  std::string_view name;  ///< fuzz_<name> executable, tests/fuzz/regressions/<name>/
  TargetFunction run;
};
const std::vector<Target>& targets();

/// For LLVMFuzzerTestOneInput: runs the target and aborts with the reason when a property broke,
/// so that libFuzzer keeps the input as a reproducer.
void run_or_abort(TargetFunction target, const uint8_t* data, size_t size);

}  // namespace iblint::fuzz
