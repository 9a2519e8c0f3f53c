// IB701 runs shellcheck for the steps of a file concurrently; these tests check that every
// step's findings still come back, each at its exact span, and that a large script (far past a
// pipe's 64 KiB) among many small ones finishes.
#include <gtest/gtest.h>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "engine/linter.h"
#include "shell/shellcheck_runner.h"
#include "source/source_file.h"

namespace iblint {
namespace {

bool shellcheck_installed() {
  std::string error;
  return shell::run_shellcheck("true\n", &error) || error != shell::kShellcheckNotFound;
}

std::vector<Diagnostic> shellcheck_findings(const SourceFile& file, bool rc = false) {
  LintSettings settings;
  settings.shellcheck_rc = rc;
  settings.enabled = [](const RuleInfo& info) { return info.id == "IB701"; };
  return lint_file(file, settings).diagnostics;
}

/// steps ExecuteBash steps; step i runs `echo $VAR_i` (SC2086) and, if i == big, many more lines.
std::string document(int steps, int big) {
  std::string text = "name: T\nschemaVersion: 1.0\nphases:\n  - name: build\n    steps:\n";
  for (int i = 0; i < steps; ++i) {
    text += "      - name: S" + std::to_string(i) + "\n        action: ExecuteBash\n        inputs:\n"
            "          commands:\n            - echo $VAR_" + std::to_string(i) + "\n";
    if (i == big) {
      for (int line = 0; line < 4000; ++line) text += "            - echo \"line " + std::to_string(line) + " of a long script\"\n";
    }
  }
  return text;
}

TEST(Shellcheck, EveryStepOfConcurrentRunsIsReportedAtItsSpan) {
  if (!shellcheck_installed()) GTEST_SKIP() << "shellcheck is not installed";
  SourceFile file("component.yaml", document(12, 5));
  std::vector<Diagnostic> first = shellcheck_findings(file);
  ASSERT_EQ(first.size(), 12u);
  for (size_t i = 0; i < first.size(); ++i) {
    EXPECT_EQ(first[i].message.rfind("SC2086: ", 0), 0u) << first[i].message;
    EXPECT_EQ(file.text(first[i].span), "$VAR_" + std::to_string(i));
    if (i > 0) {
      EXPECT_LT(first[i - 1].span.begin, first[i].span.begin);
    }
  }
  std::vector<Diagnostic> again = shellcheck_findings(file);
  ASSERT_EQ(again.size(), first.size());
  for (size_t i = 0; i < first.size(); ++i) EXPECT_EQ(again[i].span.begin, first[i].span.begin);
}

TEST(Shellcheck, ReadsTheUsersShellcheckrcOnlyWhenAsked) {
  if (!shellcheck_installed()) GTEST_SKIP() << "shellcheck is not installed";
  namespace fs = std::filesystem;
  fs::path project = fs::temp_directory_path() / ("iblint-rc-" + std::to_string(::getpid()));
  fs::create_directories(project / "components");
  std::ofstream(project / ".shellcheckrc") << "disable=SC2086\n";
  // A relative path, as users type it: the rc is still found above the file's folder.
  fs::path cwd = fs::current_path();
  fs::current_path(project);
  SourceFile file("components/component.yaml", document(1, -1));
  size_t ignored_rc = shellcheck_findings(file).size();
  size_t with_rc = shellcheck_findings(file, true).size();
  fs::current_path(cwd);
  fs::remove_all(project);
  EXPECT_EQ(ignored_rc, 1u);  // SC2086, the rc is not read by default
  EXPECT_EQ(with_rc, 0u);     // --shellcheckrc: the rc disables SC2086
}

}  // namespace
}  // namespace iblint
