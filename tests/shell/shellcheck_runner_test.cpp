// Runs the real shellcheck (Debian package `shellcheck`). A missing shellcheck fails these
// tests, so that IB701 is never silently untested; set IBLINT_SKIP_SHELLCHECK=1 to skip them.
#include "shell/shellcheck_runner.h"

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

namespace iblint::shell {
namespace {

bool skip_requested() {
  const char* skip = std::getenv("IBLINT_SKIP_SHELLCHECK");
  return skip && std::string(skip) == "1";
}

/// Fails (or skips, with IBLINT_SKIP_SHELLCHECK=1) when shellcheck cannot run here.
#define REQUIRE_SHELLCHECK()                                                                            \
  do {                                                                                                  \
    std::string probe_error;                                                                            \
    if (!run_shellcheck("true\n", &probe_error)) {                                                      \
      if (skip_requested()) GTEST_SKIP() << "shellcheck unavailable: " << probe_error;                  \
      FAIL() << "shellcheck is needed for IB701's tests but cannot run: " << probe_error                \
             << " (install the Debian package `shellcheck`: sh tools/install-deps.sh --test; or set "  \
                "IBLINT_SKIP_SHELLCHECK=1 to skip)";                                                    \
    }                                                                                                   \
  } while (false)

TEST(ShellcheckRunner, ReportsCommentsWithCodeLevelAndRange) {
  REQUIRE_SHELLCHECK();
  std::string error;
  auto comments = run_shellcheck("x=\"$1\"\n\techo é $x\n", &error);
  ASSERT_TRUE(comments) << error;
  ASSERT_EQ(comments->size(), 1u);
  const ShellcheckComment& c = comments->front();
  EXPECT_EQ(c.code, 2086);
  EXPECT_EQ(c.level, "info");
  EXPECT_EQ(c.line, 2);
  EXPECT_EQ(c.column, 9);  // code points, a tab counts one
  EXPECT_EQ(c.end_line, 2);
  EXPECT_EQ(c.end_column, 11);
  EXPECT_NE(c.message.find("Double quote"), std::string::npos);
}

TEST(ShellcheckRunner, CleanScriptHasNoComments) {
  REQUIRE_SHELLCHECK();
  std::string error;
  auto comments = run_shellcheck("set -eu\necho \"$HOME\"\n", &error);
  ASSERT_TRUE(comments) << error;
  EXPECT_TRUE(comments->empty());
}

TEST(ShellcheckRunner, IgnoresShellcheckrcAndSourcedFiles) {
  REQUIRE_SHELLCHECK();
  std::string error;
  // SC1091 (not following a sourced file) is excluded; --norc means no .shellcheckrc applies.
  auto comments = run_shellcheck(". /etc/os-release\necho \"$ID\"\n", &error);
  ASSERT_TRUE(comments) << error;
  EXPECT_TRUE(comments->empty());
}

TEST(ShellcheckRunner, LargeScriptWithLargeOutputDoesNotDeadlock) {
  REQUIRE_SHELLCHECK();
  std::string script = "v=\"$1\"\n";
  for (int i = 0; i < 5000; ++i) script += "echo $v $v $v # padding padding padding padding padding padding\n";
  ShellcheckOptions options;
  options.timeout = std::chrono::seconds(120);
  std::string error;
  auto comments = run_shellcheck(script, options, &error);
  ASSERT_TRUE(comments) << error;
  EXPECT_EQ(comments->size(), 15000u);
}

TEST(ShellcheckRunner, MissingExecutableIsReported) {
  ShellcheckOptions options;
  options.executable = "/nonexistent/iblint-test/shellcheck";
  std::string error;
  EXPECT_FALSE(run_shellcheck("echo hi\n", options, &error));
  EXPECT_EQ(error, kShellcheckNotFound);
  options.executable = "iblint-no-such-shellcheck-on-path";
  EXPECT_FALSE(run_shellcheck("echo hi\n", options, &error));
  EXPECT_EQ(error, kShellcheckNotFound);
}

TEST(ShellcheckRunner, KillsAShellcheckThatHangs) {
  // A stand-in executable that never answers (our own test script; no user content runs).
  std::filesystem::path fake = std::filesystem::temp_directory_path() /
                               ("iblint-fake-shellcheck-" + std::to_string(::getpid()));
  std::ofstream(fake) << "#!/bin/sh\nexec sleep 30\n";
  ::chmod(fake.c_str(), 0700);
  ShellcheckOptions options;
  options.executable = fake.string();
  options.timeout = std::chrono::milliseconds(300);
  std::string error;
  auto start = std::chrono::steady_clock::now();
  EXPECT_FALSE(run_shellcheck("echo hi\n", options, &error));
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(10));
  EXPECT_NE(error.find("did not finish"), std::string::npos) << error;
  std::filesystem::remove(fake);
}

TEST(ShellcheckRunner, FailingExecutableIsReported) {
  std::filesystem::path fake = std::filesystem::temp_directory_path() /
                               ("iblint-failing-shellcheck-" + std::to_string(::getpid()));
  std::ofstream(fake) << "#!/bin/sh\necho 'bad option' >&2\nexit 4\n";
  ::chmod(fake.c_str(), 0700);
  ShellcheckOptions options;
  options.executable = fake.string();
  std::string error;
  EXPECT_FALSE(run_shellcheck("echo hi\n", options, &error));
  EXPECT_EQ(error, "shellcheck failed (exit status 4): bad option");
  std::filesystem::remove(fake);
}

TEST(ShellcheckRunner, ParsesJson1AndRejectsOtherOutput) {
  std::string error;
  auto parsed = parse_shellcheck_json(
      R"({"comments":[{"file":"-","line":3,"endLine":3,"column":2,"endColumn":5,"level":"warning","code":2164,"message":"m","fix":null}]})",
      &error);
  ASSERT_TRUE(parsed) << error;
  ASSERT_EQ(parsed->size(), 1u);
  EXPECT_EQ((*parsed)[0].code, 2164);
  EXPECT_EQ((*parsed)[0].line, 3);
  EXPECT_EQ((*parsed)[0].end_column, 5);
  EXPECT_FALSE(parse_shellcheck_json("In - line 1:", &error));
  EXPECT_FALSE(parse_shellcheck_json("[]", &error));
}

}  // namespace
}  // namespace iblint::shell
