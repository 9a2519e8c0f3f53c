// The repository's .pre-commit-hooks.yaml driven by the real pre-commit (Debian package), offline,
// in throwaway git repositories: a hook repository holding our manifest and a consumer that uses
// it through `pre-commit install` and `git commit`, the way a user's repository does.
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "tests/support/shell_command.h"

namespace iblint {
namespace {
namespace fs = std::filesystem;

using test_support::read_file;
using test_support::run;
using test_support::RunResult;

const char* kClean =
    "schemaVersion: 1.0\nphases:\n  - name: build\n    steps:\n      - name: Hello\n        action: ExecuteBash\n"
    "        inputs:\n          commands:\n            - echo hello\n";
const char* kDuplicateStep =
    "schemaVersion: 1.0\nphases:\n  - name: build\n    steps:\n      - name: A\n        action: UpdateOS\n"
    "      - name: A\n        action: UpdateOS\n";
// `executeBash` has a safe fix (IB104: the action in the wrong case).
const char* kFixable =
    "schemaVersion: 1.0\nphases:\n  - name: build\n    steps:\n      - name: Hello\n        action: executeBash\n"
    "        inputs:\n          commands:\n            - echo hello\n";

class PreCommitHooks : public ::testing::Test {
 protected:
  void SetUp() override {
    if (run("command -v pre-commit").code != 0) {
      const char* skip = std::getenv("IBLINT_SKIP_PRE_COMMIT");
      if (skip != nullptr && std::string(skip) == "1") GTEST_SKIP() << "IBLINT_SKIP_PRE_COMMIT=1 and pre-commit is missing";
      FAIL() << "pre-commit is not installed; run `sh tools/install-deps.sh --test` (Debian package pre-commit)"
             << " or set IBLINT_SKIP_PRE_COMMIT=1";
    }
    dir_ = fs::temp_directory_path() / ("iblint-pre-commit-" + std::to_string(::getpid()) + "-" +
                                        ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_ / "hooks");
    fs::create_directories(dir_ / "consumer");
    // Everything pre-commit and git need lives in the temporary folder: no user config, no
    // cache shared with other runs, no prompts (CI=true, stdin is /dev/null), the built iblint
    // first on PATH for `language: system`.
    env_ = "export HOME='" + dir_.string() + "' PRE_COMMIT_HOME='" + (dir_ / "cache").string() +
           "' CI=true GIT_CONFIG_NOSYSTEM=1 PATH='" + fs::path(IBLINT_BINARY).parent_path().string() + ":'\"$PATH\"; " +
           "git config --global user.email t@example.com && git config --global user.name t && "
           "git config --global init.defaultBranch main && git config --global commit.gpgsign false && ";

    fs::copy_file(fs::path(IBLINT_SOURCE_DIR) / ".pre-commit-hooks.yaml", dir_ / "hooks" / ".pre-commit-hooks.yaml");
    RunResult hooks = in("hooks", "git init -q && git add .pre-commit-hooks.yaml && git commit -q -m hooks && git rev-parse HEAD");
    ASSERT_EQ(hooks.code, 0) << hooks.out;
    hooks_rev_ = hooks.out.substr(0, hooks.out.find('\n'));
    ASSERT_EQ(hooks_rev_.size(), 40u) << hooks.out;
    ASSERT_EQ(in("consumer", "git init -q").code, 0);
  }
  void TearDown() override {
    if (!HasFailure() && !dir_.empty()) fs::remove_all(dir_);
  }

  RunResult in(const std::string& sub, const std::string& command) {
    return run(env_ + "cd '" + (dir_ / sub).string() + "' && " + command);
  }
  void write(const std::string& name, const std::string& text) {
    std::ofstream(dir_ / "consumer" / name, std::ios::binary) << text;
  }
  /// The consumer's .pre-commit-config.yaml, as README shows it, pinned to our manifest's commit.
  void use_hook(const std::string& id) {
    write(".pre-commit-config.yaml", "repos:\n  - repo: " + (dir_ / "hooks").string() + "\n    rev: " + hooks_rev_ +
                                         "\n    hooks:\n      - id: " + id + "\n");
    RunResult installed = in("consumer", "pre-commit validate-config .pre-commit-config.yaml && pre-commit install && "
                                         "git add .pre-commit-config.yaml");
    ASSERT_EQ(installed.code, 0) << installed.out;
  }

  fs::path dir_;
  std::string env_;
  std::string hooks_rev_;
};

TEST_F(PreCommitHooks, ManifestIsValid) {
  RunResult r = run("pre-commit validate-manifest '" + std::string(IBLINT_SOURCE_DIR) + "/.pre-commit-hooks.yaml'");
  EXPECT_EQ(r.code, 0) << r.out;
}

TEST_F(PreCommitHooks, BadFileFailsTheCommitWithIblintsMessage) {
  use_hook("iblint");
  write("component.yaml", kDuplicateStep);
  RunResult commit = in("consumer", "git add component.yaml && git commit -m bad");
  EXPECT_NE(commit.code, 0) << commit.out;
  EXPECT_NE(commit.out.find("Failed"), std::string::npos) << commit.out;
  EXPECT_NE(commit.out.find("component.yaml:7:15: error: step `A` appears more than once"), std::string::npos)
      << commit.out;
  EXPECT_NE(commit.out.find("[IB103 duplicate-step-name]"), std::string::npos) << commit.out;
  EXPECT_NE(in("consumer", "git rev-parse --verify -q HEAD").code, 0) << "nothing was committed";
}

TEST_F(PreCommitHooks, GoodFilesAndOtherYamlPass) {
  use_hook("iblint");
  write("component.yaml", kClean);
  // Not a component: recognised by content and skipped, so the hook may see every YAML file.
  write("workflow.yml", "name: ci\non: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: true\n");
  write("notes.txt", "schemaVersion: not yaml to the hook\n");
  // A clean template and API request: linted as one project, nothing to report.
  write("template.yaml",
        "AWSTemplateFormatVersion: \"2010-09-09\"\nResources:\n  Comp:\n    Type: AWS::ImageBuilder::Component\n"
        "    Properties:\n      Name: hello-world\n      Platform: Linux\n      Version: 1.0.0\n      Data: !Sub |\n"
        "        name: hello\n        schemaVersion: 1.0\n        phases:\n          - name: build\n            steps:\n"
        "              - name: Hi\n                action: ExecuteBash\n                inputs:\n"
        "                  commands:\n                    - echo hi\n");
  write("request.json",
        "{\"name\":\"hello-world\",\"semanticVersion\":\"1.0.0\",\"platform\":\"Linux\",\"data\":\"name: hello\\n"
        "schemaVersion: 1.0\\nphases:\\n  - name: build\\n    steps:\\n      - name: Hi\\n        action: ExecuteBash\\n"
        "        inputs:\\n          commands:\\n            - echo hi\\n\"}\n");
  RunResult commit = in("consumer", "git add -A && git commit -m good");
  EXPECT_EQ(commit.code, 0) << commit.out;
  EXPECT_NE(commit.out.find("Passed"), std::string::npos) << commit.out;
  // The hook saw the YAML and JSON files; iblint linted the component, the template and the
  // request and skipped the workflow by content.
  RunResult verbose = in("consumer", "pre-commit run iblint --all-files --verbose");
  EXPECT_EQ(verbose.code, 0) << verbose.out;
  EXPECT_NE(verbose.out.find("No problems found in 3 files"), std::string::npos) << verbose.out;
}

TEST_F(PreCommitHooks, FixHookRewritesTheFileAndTheRetryPasses) {
  use_hook("iblint-fix");
  write("component.yaml", kFixable);
  RunResult first = in("consumer", "git add component.yaml && git commit -m fix");
  EXPECT_NE(first.code, 0) << "pre-commit fails a hook that changed files:\n" << first.out;
  EXPECT_NE(first.out.find("files were modified by this hook"), std::string::npos) << first.out;
  std::string fixed = read_file(dir_ / "consumer" / "component.yaml");
  EXPECT_NE(fixed.find("action: ExecuteBash\n"), std::string::npos) << fixed;
  EXPECT_EQ(fixed.find("executeBash"), std::string::npos) << fixed;
  RunResult second = in("consumer", "git add component.yaml && git commit -m fixed");
  EXPECT_EQ(second.code, 0) << second.out;
}

}  // namespace
}  // namespace iblint
