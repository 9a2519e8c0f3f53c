// End-to-end tests of `iblint dry-run`: the real binary, its exit codes, formats and --output,
// and the proof that a dry run executes nothing.
#include "cli/dry_run_command.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "tests/support/shell_command.h"

namespace iblint {
namespace {
namespace fs = std::filesystem;
using test_support::run;

class DryRunCommandTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("iblint-dry-run-" + std::to_string(::getpid()) + "-" +
                                        ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  fs::path write(const std::string& name, const std::string& text) {
    std::ofstream(dir_ / name, std::ios::binary) << text;
    return dir_ / name;
  }
  std::string ib() const { return std::string("'") + IBLINT_BINARY + "'"; }
  fs::path dir_;
};

TEST_F(DryRunCommandTest, NothingIsExecuted) {
  fs::path marker = dir_ / "marker";
  fs::path component = write("touch.yaml", "name: Touch\nschemaVersion: 1.0\nphases:\n"
                                           "  - name: build\n    steps:\n"
                                           "      - name: Bash\n        action: ExecuteBash\n        inputs:\n"
                                           "          commands: ['touch " + marker.string() + "-bash']\n"
                                           "      - name: Shell\n        action: ExecutePowerShell\n        inputs:\n"
                                           "          commands: ['New-Item " + marker.string() + "-ps']\n"
                                           "      - name: File\n        action: CreateFile\n        inputs:\n"
                                           "          - path: " + marker.string() + "-file\n            content: x\n"
                                           "      - name: Binary\n        action: ExecuteBinary\n        inputs:\n"
                                           "          path: /usr/bin/touch\n          arguments: ['" + marker.string() + "-bin']\n");
  test_support::RunResult r = run(ib() + " dry-run --platform Linux --format json '" + component.string() + "'");
  ASSERT_EQ(r.code, 0) << r.out;
  nlohmann::json plan = nlohmann::json::parse(r.out);
  // Every step was planned with its command…
  ASSERT_EQ(plan["stages"][0]["steps"].size(), 4u);
  EXPECT_EQ(plan["stages"][0]["steps"][0]["inputs"]["commands"][0], "touch " + marker.string() + "-bash");
  // …and none of them ran.
  for (const char* suffix : {"-bash", "-ps", "-file", "-bin"}) {
    EXPECT_FALSE(fs::exists(marker.string() + suffix)) << suffix;
  }
  EXPECT_EQ(std::distance(fs::directory_iterator(dir_), fs::directory_iterator()), 1);  // only touch.yaml
}

TEST_F(DryRunCommandTest, LoneComponentNeedsAPlatform) {
  fs::path component = write("c.yaml", "name: C\nschemaVersion: 1.0\nphases:\n  - name: build\n    steps:\n"
                                       "      - {name: A, action: ExecuteBash, inputs: {commands: ['true']}}\n");
  test_support::RunResult r = run(ib() + " dry-run '" + component.string() + "'");
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.out.find("--platform Linux"), std::string::npos) << r.out;
  EXPECT_EQ(run(ib() + " dry-run --platform windows '" + component.string() + "'").code, 0);
}

TEST_F(DryRunCommandTest, ExitCodesFollowFindings) {
  fs::path component = write("c.yaml", "name: C\nschemaVersion: 1.0\nparameters:\n  - Version:\n      type: string\n"
                                       "phases:\n  - name: build\n    steps:\n"
                                       "      - {name: A, action: ExecuteBash, inputs: {commands: ['echo {{ Version }}']}}\n");
  test_support::RunResult unresolved = run(ib() + " dry-run --platform Linux '" + component.string() + "'");
  EXPECT_EQ(unresolved.code, 1);
  EXPECT_NE(unresolved.out.find("[IB801 unresolved-value]"), std::string::npos) << unresolved.out;
  test_support::RunResult given = run(ib() + " dry-run --platform Linux --param Version=1.2 '" + component.string() + "'");
  EXPECT_EQ(given.code, 0) << given.out;
  EXPECT_NE(given.out.find("echo 1.2"), std::string::npos) << given.out;
}

TEST_F(DryRunCommandTest, UsageAndInputErrorsExitTwo) {
  fs::path component = write("c.yaml", "name: C\nschemaVersion: 1.0\nphases: []\n");
  EXPECT_EQ(run(ib() + " dry-run --platform Linux --param novalue '" + component.string() + "'").code, 2);
  EXPECT_EQ(run(ib() + " dry-run --platform Solaris '" + component.string() + "'").code, 2);
  EXPECT_EQ(run(ib() + " dry-run --platform Linux '" + (dir_ / "missing.yaml").string() + "'").code, 2);
  fs::path other = write("k8s.yaml", "apiVersion: v1\nkind: Pod\n");
  test_support::RunResult nothing = run(ib() + " dry-run '" + other.string() + "'");
  EXPECT_EQ(nothing.code, 2);
  EXPECT_NE(nothing.out.find("nothing to plan"), std::string::npos) << nothing.out;
}

TEST_F(DryRunCommandTest, OutputFileIsWrittenWhole) {
  fs::path component = write("c.yaml", "name: C\nschemaVersion: 1.0\nphases:\n  - name: build\n    steps:\n"
                                       "      - {name: A, action: ExecuteBash, inputs: {commands: ['true']}}\n");
  fs::path output = dir_ / "plan.json";
  test_support::RunResult r = run(ib() + " dry-run --platform Linux -f json -o '" + output.string() + "' '" + component.string() + "'");
  ASSERT_EQ(r.code, 0) << r.out;
  EXPECT_TRUE(r.out.empty()) << r.out;
  nlohmann::json plan = nlohmann::json::parse(test_support::read_file(output));
  EXPECT_EQ(plan["stages"][0]["steps"][0]["step"], "A");
}

TEST_F(DryRunCommandTest, HtmlPageShowsEachFindingUnderItsStep) {
  fs::path page = dir_ / "plan.html";
  test_support::RunResult r = run(ib() + " dry-run -f html -o '" + page.string() + "' '" + IBLINT_SOURCE_DIR +
                                  "/fixtures/dryrun/cfn-pipeline.yaml'");
  EXPECT_EQ(r.code, 1) << r.out;  // the fixture's IB803 and IB807 warnings
  std::string html = test_support::read_file(page);
  ASSERT_EQ(html.rfind("<!DOCTYPE html>", 0), 0u) << html.substr(0, 200);
  // The step whose `if` never passes carries its IB803 finding inside its own list item.
  size_t step = html.find(">FullExtras<");
  ASSERT_NE(step, std::string::npos);
  size_t end = html.find("</li>", step);
  EXPECT_NE(html.substr(step, end - step).find("IB803"), std::string::npos) << html.substr(step, end - step);
}

TEST_F(DryRunCommandTest, RunDryRunDirectlyWritesTextPlan) {
  fs::path component = write("c.yaml", "name: C\nschemaVersion: 1.0\nphases:\n  - name: build\n    steps:\n"
                                       "      - {name: A, action: ExecuteBash, inputs: {commands: ['true']}}\n");
  DryRunCommand command;
  command.paths = {component.string()};
  command.platform = "Linux";
  std::ostringstream out, err;
  EXPECT_EQ(run_dry_run(command, out, err), 0) << err.str();
  EXPECT_NE(out.str().find("BUILD stage"), std::string::npos) << out.str();
  EXPECT_NE(out.str().find("Nothing was executed."), std::string::npos);
}

}  // namespace
}  // namespace iblint
