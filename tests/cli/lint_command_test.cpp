// End-to-end tests of the iblint binary: exit codes, output formats, --output, configuration and
// file discovery, run as a user would run them.
#include "cli/lint_command.h"

#include <gtest/gtest.h>
#include <sys/wait.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>

#include "tests/support/shell_command.h"
#include <nlohmann/json.hpp>
#include <utility>

namespace iblint {
namespace {
namespace fs = std::filesystem;

using test_support::RunResult;

/// Runs a shell command line with the iblint binary as $IB; captures stdout (stderr too when asked).
RunResult run(const std::string& args, bool with_stderr = false) {
  std::string command = std::string("IB=") + IBLINT_BINARY + "; " + args;
  return with_stderr ? test_support::run(command) : test_support::run_stdout(command);
}

class LintCommandTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("iblint-cli-" + std::to_string(::getpid()) + "-" +
                                        ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  std::string write(const std::string& name, const std::string& text) {
    fs::path p = dir_ / name;
    fs::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << text;
    return p.string();
  }
  std::string in_dir(const std::string& args) { return "cd '" + dir_.string() + "' && " + args; }
  fs::path dir_;
};

const char* kClean =
    "schemaVersion: 1.0\nphases:\n  - name: build\n    steps:\n      - name: Hello\n        action: ExecuteBash\n"
    "        inputs:\n          commands:\n            - echo hello\n";
const char* kDuplicateStep =
    "schemaVersion: 1.0\nphases:\n  - name: build\n    steps:\n      - name: A\n        action: UpdateOS\n"
    "      - name: A\n        action: UpdateOS\n";
const char* kUnexecutedPhase =
    "schemaVersion: 1.0\nphases:\n  - name: build\n    steps:\n      - name: A\n        action: UpdateOS\n"
    "  - name: deploy\n    steps:\n      - name: B\n        action: UpdateOS\n";

TEST_F(LintCommandTest, ExitCodesFollowFailOn) {
  write("clean.yaml", kClean);
  write("warn.yaml", kUnexecutedPhase);
  write("err.yaml", kDuplicateStep);
  EXPECT_EQ(run(in_dir("$IB clean.yaml")).code, 0);
  EXPECT_EQ(run(in_dir("$IB warn.yaml")).code, 1);
  EXPECT_EQ(run(in_dir("$IB --fail-on error warn.yaml")).code, 0);
  EXPECT_EQ(run(in_dir("$IB --fail-on error err.yaml")).code, 1);
  EXPECT_EQ(run(in_dir("$IB --ignore IB103 err.yaml")).code, 0);
  EXPECT_EQ(run(in_dir("$IB --select IB106 err.yaml")).code, 0);
}

TEST_F(LintCommandTest, UsageAndIoErrorsExitTwo) {
  write("clean.yaml", kClean);
  EXPECT_EQ(run(in_dir("$IB missing.yaml")).code, 2);
  EXPECT_EQ(run(in_dir("$IB --select IB999 clean.yaml")).code, 2);
  EXPECT_EQ(run(in_dir("$IB --format xml clean.yaml")).code, 2);
  EXPECT_EQ(run(in_dir("$IB")).code, 2);
  EXPECT_EQ(run(in_dir("$IB --max-file-size 10 clean.yaml")).code, 2);
  RunResult unknown = run(in_dir("$IB --select IB10 --select duplicate-step-nme clean.yaml"), true);
  EXPECT_EQ(unknown.code, 2);
  EXPECT_NE(unknown.out.find("duplicate-step-name"), std::string::npos) << unknown.out;
}

TEST_F(LintCommandTest, TextOutputHasLocationRuleAndCodeFrame) {
  write("err.yaml", kDuplicateStep);
  RunResult r = run(in_dir("$IB --no-color err.yaml"));
  EXPECT_NE(r.out.find("err.yaml:7:15: error: step `A` appears more than once in phase `build`"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("[IB103 duplicate-step-name]"), std::string::npos);
  EXPECT_NE(r.out.find("^"), std::string::npos);
  EXPECT_EQ(r.out.find("\x1b["), std::string::npos) << "no colour when not a terminal";
}

TEST_F(LintCommandTest, JsonOutputIsStable) {
  write("err.yaml", kDuplicateStep);
  RunResult r = run(in_dir("$IB --format json err.yaml"));
  EXPECT_EQ(r.code, 1);
  nlohmann::json j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["tool"], "iblint");
  ASSERT_EQ(j["diagnostics"].size(), 1u);
  const auto& d = j["diagnostics"][0];
  EXPECT_EQ(d["path"], "err.yaml");
  EXPECT_EQ(d["rule"], "IB103");
  EXPECT_EQ(d["name"], "duplicate-step-name");
  EXPECT_EQ(d["line"], 7);
  EXPECT_EQ(d["column"], 15);
  EXPECT_EQ(d["endColumn"], 16);
  EXPECT_EQ(d["related"][0]["line"], 5);
  EXPECT_EQ(j["summary"]["errors"], 1);
  EXPECT_EQ(j["summary"]["files"], 1);
}

TEST_F(LintCommandTest, GithubAndSarifFormats) {
  write("err.yaml", kDuplicateStep);
  RunResult gh = run(in_dir("$IB --format github err.yaml"));
  EXPECT_EQ(gh.out.rfind("::error file=err.yaml,line=7,col=15,endLine=7,endColumn=16,title=IB103", 0), 0u) << gh.out;
  RunResult sarif = run(in_dir("$IB --format sarif err.yaml"));
  nlohmann::json s = nlohmann::json::parse(sarif.out);
  EXPECT_EQ(s["version"], "2.1.0");
  EXPECT_EQ(s["runs"][0]["results"][0]["ruleId"], "IB103");
}

TEST_F(LintCommandTest, OutputFileIsWrittenWholeAndNotOnError) {
  write("err.yaml", kDuplicateStep);
  RunResult r = run(in_dir("$IB --format json --output report.json err.yaml"));
  EXPECT_EQ(r.code, 1);
  EXPECT_TRUE(r.out.empty());
  EXPECT_NO_THROW(nlohmann::json::parse(std::ifstream(dir_ / "report.json")));
  EXPECT_EQ(run(in_dir("$IB --format json --output other.json err.yaml missing.yaml")).code, 2);
  EXPECT_FALSE(fs::exists(dir_ / "other.json"));
  for (const auto& e : fs::directory_iterator(dir_)) EXPECT_EQ(e.path().filename().string().find(".report"), std::string::npos);
}

TEST_F(LintCommandTest, FoldersAreWalkedAndOtherYamlIsSkippedQuietly) {
  write("components/a.yaml", kDuplicateStep);
  write("components/nested/b.yml", kClean);
  write("k8s/deploy.yaml", "apiVersion: v1\nkind: Pod\nmetadata: {name: x}\n");
  write(".github/workflows/ci.yml", "on: push\njobs: {}\n");
  write("notes.txt", "phases: nope");
  RunResult r = run(in_dir("$IB --format json ."));
  nlohmann::json j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["summary"]["files"], 2);
  ASSERT_EQ(j["diagnostics"].size(), 1u);
  EXPECT_EQ(j["diagnostics"][0]["path"], "components/a.yaml");
  RunResult verbose = run(in_dir("$IB -v --no-color ."), true);
  EXPECT_NE(verbose.out.find("k8s/deploy.yaml: skipped (Kubernetes manifest)"), std::string::npos) << verbose.out;
}

TEST_F(LintCommandTest, ConfigFileSelectsAndOverridesSeverity) {
  write("err.yaml", kDuplicateStep);
  write(".iblint.yaml", "severity: {IB103: warning}\nfail-on: error\n");
  RunResult r = run(in_dir("$IB --no-color err.yaml"));
  EXPECT_EQ(r.code, 0) << r.out;
  EXPECT_NE(r.out.find("warning: step `A`"), std::string::npos) << r.out;
  write(".iblint.yaml", "selct: [IB1]\n");
  RunResult bad = run(in_dir("$IB err.yaml"), true);
  EXPECT_EQ(bad.code, 2);
  EXPECT_NE(bad.out.find("select"), std::string::npos) << bad.out;
}

TEST_F(LintCommandTest, ProfileSeed2020) {
  write("p.yaml",
        "schemaVersion: 1.0\nphases:\n  - name: build\n    steps:\n      - name: Get\n        action: WebDownload\n"
        "        onFailure: Ignore\n        inputs:\n          - source: https://example.com/a\n            destination: /tmp/a\n");
  EXPECT_EQ(run(in_dir("$IB p.yaml")).code, 0);
  RunResult r = run(in_dir("$IB --no-color --profile seed-2020 p.yaml"));
  EXPECT_EQ(r.code, 1);
  EXPECT_NE(r.out.find("[profile seed-2020]"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("IB104"), std::string::npos);
  EXPECT_NE(r.out.find("IB107"), std::string::npos);
}

TEST_F(LintCommandTest, RulesExplainAndVersion) {
  RunResult rules = run("$IB rules");
  EXPECT_EQ(rules.code, 0);
  EXPECT_NE(rules.out.find("IB103  duplicate-step-name"), std::string::npos) << rules.out;
  RunResult explain = run("$IB explain IB103");
  EXPECT_EQ(explain.code, 0);
  EXPECT_NE(explain.out.find("# IB103 duplicate-step-name"), std::string::npos) << explain.out;
  EXPECT_EQ(run("$IB explain duplicate-step-name").code, 0);
  RunResult unknown = run("$IB explain IB10", true);
  EXPECT_EQ(unknown.code, 2);
  RunResult version = run("$IB --version");
  EXPECT_EQ(version.code, 0);
  EXPECT_NE(version.out.find("iblint "), std::string::npos);
}

TEST_F(LintCommandTest, LintSubcommandIsTheDefault) {
  write("err.yaml", kDuplicateStep);
  EXPECT_EQ(run(in_dir("$IB lint --format json err.yaml")).out, run(in_dir("$IB --format json err.yaml")).out);
}

// ---- --baseline / --write-baseline (CI gates on new findings only) ---------------------------

TEST_F(LintCommandTest, BaselineGatesOnlyOnNewFindings) {
  write("comp/err.yaml", kDuplicateStep);
  write("comp/warn.yaml", kUnexecutedPhase);
  RunResult wrote = run(in_dir("$IB --write-baseline iblint-baseline.json comp"), true);
  EXPECT_EQ(wrote.code, 0) << "every finding is accepted once written:\n" << wrote.out;
  EXPECT_NE(wrote.out.find("wrote 2 findings to the baseline iblint-baseline.json"), std::string::npos) << wrote.out;
  nlohmann::json written = nlohmann::json::parse(std::ifstream(dir_ / "iblint-baseline.json"));
  ASSERT_EQ(written["findings"].size(), 2u);
  EXPECT_EQ(written["findings"][0]["path"], "comp/err.yaml");

  RunResult same = run(in_dir("$IB --no-color --baseline iblint-baseline.json comp"), true);
  EXPECT_EQ(same.code, 0) << same.out;
  EXPECT_NE(same.out.find("2 findings baselined, 0 entries unused"), std::string::npos) << same.out;

  // Lines added above both findings: still baselined. From another folder: paths still match.
  write("comp/err.yaml", std::string("# owner: team-a\n\n") + kDuplicateStep);
  write("comp/warn.yaml", std::string("# moved down\n") + kUnexecutedPhase);
  EXPECT_EQ(run(in_dir("$IB --baseline iblint-baseline.json comp")).code, 0);
  EXPECT_EQ(run(in_dir("cd comp && $IB --baseline ../iblint-baseline.json .")).code, 0);

  // A new finding is reported (alone); the fixed one leaves an unused entry that -v names.
  write("comp/warn.yaml", kClean);
  write("comp/err.yaml", std::string("# owner: team-a\n\n") + kDuplicateStep + "      - name: A\n        action: Reboot\n");
  RunResult json = run(in_dir("$IB --format json --baseline iblint-baseline.json comp"));
  EXPECT_EQ(json.code, 1);
  nlohmann::json j = nlohmann::json::parse(json.out);
  ASSERT_EQ(j["diagnostics"].size(), 1u) << json.out;
  EXPECT_EQ(j["diagnostics"][0]["line"], 11);
  EXPECT_EQ(j["summary"]["errors"], 1);
  RunResult verbose = run(in_dir("$IB --no-color -v --baseline iblint-baseline.json comp"), true);
  EXPECT_NE(verbose.out.find("iblint-baseline.json: unused entry (fixed, or its line changed): comp/warn.yaml:7 IB106"),
            std::string::npos) << verbose.out;
  EXPECT_NE(verbose.out.find("1 findings baselined, 1 entries unused (run --write-baseline to drop them)"),
            std::string::npos) << verbose.out;
}

TEST_F(LintCommandTest, BadBaselineFileExitsTwo) {
  write("err.yaml", kDuplicateStep);
  write("bad.json", "{\"iblint-baseline\": 1, \"findings\": {}}");
  RunResult bad = run(in_dir("$IB --baseline bad.json err.yaml"), true);
  EXPECT_EQ(bad.code, 2);
  EXPECT_NE(bad.out.find("bad.json: not an iblint baseline"), std::string::npos) << bad.out;
  EXPECT_EQ(run(in_dir("$IB --baseline missing.json err.yaml")).code, 2);
  EXPECT_EQ(run(in_dir("$IB --write-baseline no-such-dir/b.json err.yaml")).code, 2);
}

TEST_F(LintCommandTest, JunitFormatIsWellFormedXml) {
  write("err.yaml", kDuplicateStep);
  write("clean.yaml", kClean);
  RunResult r = run(in_dir("$IB --format junit --output report.xml err.yaml clean.yaml"));
  EXPECT_EQ(r.code, 1);
  RunResult xml = run(in_dir("xmllint --noout report.xml && grep -c '<testsuite ' report.xml"), true);
  EXPECT_EQ(xml.code, 0) << xml.out;
  EXPECT_EQ(xml.out, "2\n");
}

}  // namespace
}  // namespace iblint

namespace iblint {
namespace {

class ProjectLintTest : public LintCommandTest {};

const char* kPipelineRequest = R"({
  "name": "web-pipeline",
  "imageRecipeArn": "arn:aws:imagebuilder:us-west-2:123456789012:image-recipe/web-recipe/1.0.0",
  "infrastructureConfigurationArn": "arn:aws:imagebuilder:us-west-2:123456789012:infrastructure-configuration/web",
  "distributionConfigurationArn": "web-distribution"
}
)";
const char* kRecipeRequest = R"({"name": "web-recipe", "semanticVersion": "1.0.0", "parentImage": "ami-0123456789abcdef0",
  "components": [{"componentArn": "arn:aws:imagebuilder:us-west-2:aws:component/update-linux/x.x.x"}]}
)";

TEST_F(ProjectLintTest, FilesOfOneRunFormOneProjectAndFindingsLandInTheirFile) {
  write("pipeline.json", kPipelineRequest);
  write("recipe.json", kRecipeRequest);
  RunResult r = run(in_dir("$IB --format json pipeline.json recipe.json"));
  EXPECT_EQ(r.code, 1);
  auto json = nlohmann::json::parse(r.out);
  ASSERT_EQ(json["diagnostics"].size(), 1u) << r.out;
  EXPECT_EQ(json["diagnostics"][0]["path"], "pipeline.json");
  EXPECT_EQ(json["diagnostics"][0]["rule"], "IB402");
  EXPECT_EQ(json["diagnostics"][0]["line"], 5);
}

TEST_F(ProjectLintTest, ProjectFindingsObeySuppressionsAndSelection) {
  write("t.yaml",
        "Resources:\n  Pipeline:\n    Type: AWS::ImageBuilder::ImagePipeline\n    Properties:\n"
        "      Name: p\n      InfrastructureConfigurationArn: !Ref Infra  # iblint-disable-line IB402\n"
        "      ImageRecipeArn: !Ref Recipe\n");
  RunResult all = run(in_dir("$IB --no-color t.yaml"));
  EXPECT_EQ(all.code, 1);
  EXPECT_NE(all.out.find("t.yaml:7:23"), std::string::npos) << all.out;   // `!Ref Recipe`
  EXPECT_EQ(all.out.find("t.yaml:6:"), std::string::npos) << all.out;     // suppressed, and not unused
  EXPECT_EQ(all.out.find("IB009"), std::string::npos) << all.out;
  RunResult ignored = run(in_dir("$IB --no-color --ignore IB402 t.yaml"));
  EXPECT_EQ(ignored.out.find("IB402"), std::string::npos) << ignored.out;
  EXPECT_EQ(ignored.out.find("IB009"), std::string::npos) << "a directive for a rule that did not run is not unused";
}

}  // namespace
}  // namespace iblint

namespace iblint {
namespace {

TEST_F(LintCommandTest, TrustedAccountsComeFromTheConfigFile) {
  write("shared/distribution.json",
        R"({"name": "web", "distributions": [{"region": "us-west-2",
            "amiDistributionConfiguration": {"targetAccountIds": ["111122223333", "210987654321"]}}]})");
  // No list: both targets are infos, and infos do not fail the run.
  RunResult open = run(in_dir("$IB --no-color shared/distribution.json"));
  EXPECT_EQ(open.code, 0) << open.out;
  EXPECT_NE(open.out.find("0 warnings and 2 infos"), std::string::npos) << open.out;
  write(".iblint.yaml", "trusted-accounts: [\"111122223333\"]\n");
  RunResult listed = run(in_dir("$IB --no-color shared/distribution.json"));
  EXPECT_EQ(listed.code, 1) << listed.out;
  EXPECT_NE(listed.out.find("`210987654321` is not in `trusted-accounts`"), std::string::npos) << listed.out;
  EXPECT_EQ(listed.out.find("`111122223333` is not in"), std::string::npos) << listed.out;
  write(".iblint.yaml", "trusted-accounts: [\"1111\"]\n");
  EXPECT_EQ(run(in_dir("$IB --no-color shared/distribution.json")).code, 2);
}

}  // namespace
}  // namespace iblint

namespace iblint {
namespace {

/// The corpus, when this checkout has it beside (../shared/corpus), else nothing.
std::string corpus_argument() {
  fs::path corpus = fs::path(IBLINT_SOURCE_DIR) / ".." / "shared" / "corpus";
  return fs::is_directory(corpus) ? " ../shared/corpus" : "";
}

TEST(ParallelLint, OutputIsTheSameWhateverTheNumberOfJobs) {
  std::string in_source = std::string("cd '") + IBLINT_SOURCE_DIR + "' && ";
  std::string everything = " fixtures" + corpus_argument();
  // shellcheck (IB701) runs on a few folders only: at -j1 it takes tens of seconds on all of them.
  const std::pair<std::string, std::string> runs[] = {
      {"--no-color --no-shellcheck", everything},
      {"--format json --no-shellcheck", everything},
      {"--format sarif --no-shellcheck", everything},
      {"--diff --no-shellcheck", everything},
      {"--no-color", " fixtures/rules/IB701 fixtures/rules/IB603 fixtures/examples"},
  };
  for (const auto& [options, paths] : runs) {
    RunResult serial = run(in_source + "$IB -j1 " + options + paths);
    RunResult parallel = run(in_source + "$IB -j8 " + options + paths);
    EXPECT_EQ(serial.code, parallel.code) << options;
    EXPECT_GT(serial.out.size(), 1000u) << options << ": " << serial.out;
    EXPECT_TRUE(serial.out == parallel.out) << options << paths << ": -j1 and -j8 differ";
  }
}

TEST_F(LintCommandTest, JobsMustBeAPositiveCount) {
  write("clean.yaml", kClean);
  EXPECT_EQ(run(in_dir("$IB -j0 clean.yaml")).code, 2);
  EXPECT_EQ(run(in_dir("$IB --jobs x clean.yaml")).code, 2);
  EXPECT_EQ(run(in_dir("$IB --jobs 3 clean.yaml")).code, 0);
  EXPECT_NE(run("$IB --help").out.find("-j,--jobs"), std::string::npos);
}

TEST_F(LintCommandTest, AtMostJobsShellcheckProcessesRunAtOnce) {
  // A stand-in shellcheck that records how many of its kind run while it does.
  fs::create_directories(dir_ / "bin");
  fs::create_directories(dir_ / "running");
  std::string fake = write("bin/shellcheck",
                           "#!/bin/sh\nmkdir \"$RUNNING/$$\"\nls \"$RUNNING\" | wc -l >> \"$RUNNING.log\"\nsleep 0.15\n"
                           "rmdir \"$RUNNING/$$\"\necho '{\"comments\":[]}'\n");
  fs::permissions(fake, fs::perms::owner_all);
  for (int file = 0; file < 4; ++file) {
    std::string text = "schemaVersion: 1.0\nphases:\n  - name: build\n    steps:\n";
    for (int step = 0; step < 4; ++step) {
      text += "      - name: S" + std::to_string(step) + "\n        action: ExecuteBash\n        inputs:\n"
              "          commands:\n            - echo " + std::to_string(file * 10 + step) + "\n";
    }
    write("c" + std::to_string(file) + ".yaml", text);
  }
  auto most_at_once = [&](const std::string& jobs) {
    fs::remove(dir_ / "running.log");
    RunResult r = run(in_dir("PATH=\"$PWD/bin:$PATH\" RUNNING=\"$PWD/running\" $IB " + jobs + " c0.yaml c1.yaml c2.yaml c3.yaml"));
    EXPECT_EQ(r.code, 0) << r.out;
    std::ifstream log(dir_ / "running.log");
    int most = 0, runs = 0;
    for (int count; log >> count; ++runs) most = std::max(most, count);
    EXPECT_EQ(runs, 16) << "one shellcheck per script";
    return most;
  };
  EXPECT_EQ(most_at_once("-j1"), 1);
  int three = most_at_once("-j3");
  EXPECT_GE(three, 2) << "scripts are checked in parallel";
  EXPECT_LE(three, 3);
}

}  // namespace
}  // namespace iblint
