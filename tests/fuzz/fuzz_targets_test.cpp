// The fuzz targets' properties, checked by the normal test binary (GCC, no libFuzzer): every
// saved crash in tests/fuzz/regressions/<target>/ must pass now, and the fixtures that seed the
// fuzzers must pass every target, so a target that reports false alarms is caught before it
// wastes a fuzzing run.
#include "tests/fuzz/fuzz_targets.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "tests/support/shell_command.h"

namespace iblint::fuzz {
namespace {
namespace fs = std::filesystem;

std::vector<fs::path> files_under(const fs::path& folder) {
  std::vector<fs::path> files;
  if (!fs::is_directory(folder)) return files;
  for (const auto& entry : fs::recursive_directory_iterator(folder)) {
    if (entry.is_regular_file()) files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

std::vector<fs::path> fixtures() {
  std::vector<fs::path> files;
  for (const fs::path& path : files_under(fs::path(IBLINT_SOURCE_DIR) / "fixtures")) {
    std::string ext = path.extension().string();
    if (ext == ".yaml" || ext == ".yml" || ext == ".json") files.push_back(path);
  }
  return files;
}

TEST(FuzzTargets, RegressionsPass) {
  fs::path root = fs::path(IBLINT_SOURCE_DIR) / "tests" / "fuzz" / "regressions";
  for (const Target& target : targets()) {
    for (const fs::path& input : files_under(root / std::string(target.name))) {
      EXPECT_EQ(target.run(test_support::read_file(input)), "") << target.name << ": " << input;
    }
  }
}

TEST(FuzzTargets, EveryTargetHasARegressionFolderOrNone) {
  // A folder under regressions/ that names no target would never be replayed.
  fs::path root = fs::path(IBLINT_SOURCE_DIR) / "tests" / "fuzz" / "regressions";
  if (!fs::is_directory(root)) GTEST_SKIP() << "no regressions yet";
  for (const auto& entry : fs::directory_iterator(root)) {
    bool known = false;
    for (const Target& target : targets()) known = known || entry.path().filename() == target.name;
    EXPECT_TRUE(known) << entry.path() << " is not a fuzz target";
  }
}

TEST(FuzzTargets, FixturesPassEveryTarget) {
  std::vector<fs::path> files = fixtures();
  ASSERT_GT(files.size(), 100u);
  for (const fs::path& path : files) {
    std::string bytes = test_support::read_file(path);
    // The lint/fix selector byte: .json names for JSON, the seed-2020 profile for its fixtures.
    char selector = static_cast<char>((path.extension() == ".json" ? 2 : 0) |
                                      (path.filename().string().find(".seed-2020.") != std::string::npos ? 4 : 0));
    EXPECT_EQ(lint_buffer(selector + bytes), "") << path;
    EXPECT_EQ(fix_and_relint(selector + bytes), "") << path;
    EXPECT_EQ(load_cloudformation(bytes), "") << path;
    EXPECT_EQ(parse_in_pieces_like_whole(std::string(1, '\x3f') + bytes), "") << path;
  }
}

TEST(FuzzTargets, PiecesTargetComparesTheNodeModels) {
  // Three steps are cut into pieces of one byte (selector 0); a different model would be reported.
  std::string component =
      "phases:\n  - name: build\n    steps:\n      - name: A\n        action: Reboot\n"
      "      - name: B\n        action: Reboot\n      - name: C\n        action: Reboot\n      - name: D\n        action: Reboot\n";
  EXPECT_EQ(parse_in_pieces_like_whole(std::string(1, '\0') + component), "");
  EXPECT_EQ(parse_in_pieces_like_whole(""), "");
}

TEST(FuzzTargets, ExpressionScannerKeepsRangesInsideTheValue) {
  for (const char* value : {"{{ build.Step.outputs[0].stdout }}", "{{", "}}{{ a }", "{{ loop.value }}{{{ x }}}",
                            "a {{ imagebuilder:parentImage }} {{ b.c }}", "{{ a[ }}", "\xff{{\x80 }}"}) {
    EXPECT_EQ(scan_expressions(value), "") << value;
  }
}

TEST(FuzzTargets, LanguageServerSurvivesGarbageAndHalfMessages) {
  std::string body = R"({"jsonrpc":"2.0","id":1,"method":"initialize","params":{}})";
  std::string framed = "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body;
  for (const std::string& input : {framed, framed.substr(0, framed.size() - 3), std::string("Content-Length: 99999999999\r\n\r\n{"),
                                   std::string("\r\n\r\n\r\n"), std::string("Content-Length: 2\r\n\r\n[]"),
                                   "Content-Length: 12\r\n\r\n" + std::string(12, '[')}) {
    EXPECT_EQ(serve_lsp(input), "") << input;
  }
}

TEST(FuzzTargets, FixTargetNoticesAFixThatIsApplied) {
  // `executeBash` has a safe fix (IB104, wrong case): the target applies it and finds it gone.
  std::string component =
      "schemaVersion: 1.0\nphases:\n  - name: build\n    steps:\n      - name: Hello\n        action: executeBash\n"
      "        inputs:\n          commands:\n            - echo hello\n";
  EXPECT_EQ(fix_and_relint(std::string(1, '\0') + component), "");
}

}  // namespace
}  // namespace iblint::fuzz
