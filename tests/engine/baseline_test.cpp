#include "engine/baseline.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <memory>
#include <string>

#include <nlohmann/json.hpp>

#include "engine/rule.h"
#include "tests/support/diagnostic_builders.h"

namespace iblint {
namespace {
using test_support::find;
using test_support::make;
namespace fs = std::filesystem;

const RuleInfo kDuplicate{"IBT03", "duplicate-step-name", Severity::Error, "Step names must be unique"};
const RuleInfo kUnknown{"IBT04", "unknown-action", Severity::Error, "Unknown action"};

const std::string kText =
    "phases:\n"
    "  - name: build\n"
    "    steps:\n"
    "      - name: A\n"
    "        action: ExecuteBAsh\n"
    "      - name: A\n"
    "        action: UpdateOS\n";

/// What the two rules would report on text: the second `A` and an unknown `ExecuteBAsh`, when present.
Report lint(const std::string& text, const std::string& path = "comp/a.yaml") {
  FileResult file{path, std::make_shared<SourceFile>(path, text), {}};
  if (text.find("ExecuteBAsh") != std::string::npos) {
    file.diagnostics.push_back(make(kUnknown, find(text, "ExecuteBAsh"), "unknown action"));
  }
  file.diagnostics.push_back(make(kDuplicate, find(text, "name: A", 1), "step `A` twice"));
  Report report;
  report.files.push_back(std::move(file));
  return report;
}

class BaselineTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("iblint-baseline-" + std::to_string(::getpid()) + "-" +
                                        ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  /// Writes the baseline of report to a file and reads it back, as --write-baseline then --baseline do.
  Baseline round_trip(const Report& report) {
    fs::path file = fs::current_path() / "baseline.json";  // paths relative to the current folder
    Baseline written = make_baseline(report, file);
    std::ofstream(dir_ / "baseline.json") << baseline_json(written);
    std::string error;
    std::optional<Baseline> read = read_baseline(dir_ / "baseline.json", error);
    EXPECT_TRUE(read) << error;
    read->file = file;
    return *read;
  }
  fs::path dir_;
};

TEST_F(BaselineTest, FileListsEveryFindingSortedWithPathRuleAndFingerprint) {
  Baseline baseline = make_baseline(lint(kText), fs::current_path() / "baseline.json");
  nlohmann::json json = nlohmann::json::parse(baseline_json(baseline));
  EXPECT_EQ(json["iblint-baseline"], 1);
  ASSERT_EQ(json["findings"].size(), 2u);
  EXPECT_EQ(json["findings"][0]["path"], "comp/a.yaml");
  EXPECT_EQ(json["findings"][0]["rule"], "IBT04");
  EXPECT_EQ(json["findings"][0]["line"], 5);
  EXPECT_EQ(json["findings"][0]["message"], "unknown action");
  EXPECT_EQ(json["findings"][1]["rule"], "IBT03");
  EXPECT_EQ(json["findings"][1]["line"], 6);
  EXPECT_TRUE(json["findings"][1]["fingerprint"].get<std::string>().ends_with(":1"));
}

TEST_F(BaselineTest, PathsAreRelativeToTheBaselineFolder) {
  Baseline in_sub = make_baseline(lint(kText, "comp/a.yaml"), fs::current_path() / "comp" / "bl.json");
  EXPECT_EQ(in_sub.entries[0].path, "a.yaml");
  Baseline dotted = make_baseline(lint(kText, "./x/../comp/a.yaml"), fs::current_path() / "bl.json");
  EXPECT_EQ(dotted.entries[0].path, "comp/a.yaml");
  Baseline outside = make_baseline(lint(kText, "/elsewhere/a.yaml"), fs::current_path() / "bl.json");
  EXPECT_EQ(outside.entries[0].path, "/elsewhere/a.yaml");
}

TEST_F(BaselineTest, LinesShiftedAboveAFindingStayBaselined) {
  Baseline baseline = round_trip(lint(kText));
  Report shifted = lint("# a new comment\n\n# and a blank line above\n" + kText);
  BaselineOutcome outcome = apply_baseline(baseline, shifted);
  EXPECT_EQ(outcome.baselined, 2u);
  EXPECT_TRUE(outcome.unused.empty());
  EXPECT_TRUE(shifted.files[0].diagnostics.empty());
}

TEST_F(BaselineTest, NewFindingIsReportedAndFixedFindingLeavesAnUnusedEntry) {
  Baseline baseline = round_trip(lint(kText));
  // ExecuteBAsh fixed; a third `A` added: a new finding of the same rule on an identical line.
  std::string edited = kText;
  edited.replace(edited.find("ExecuteBAsh"), 11, "ExecuteBash");
  edited += "      - name: A\n        action: Reboot\n";
  Report report = lint(edited);
  report.files[0].diagnostics.push_back(make(kDuplicate, find(edited, "name: A", 2), "step `A` three times"));
  BaselineOutcome outcome = apply_baseline(baseline, report);
  EXPECT_EQ(outcome.baselined, 1u);
  ASSERT_EQ(report.files[0].diagnostics.size(), 1u);
  EXPECT_EQ(report.files[0].diagnostics[0].message, "step `A` three times");
  ASSERT_EQ(outcome.unused.size(), 1u);
  EXPECT_EQ(outcome.unused[0].rule, "IBT04");
  EXPECT_EQ(outcome.unused[0].line, 5u);
  EXPECT_EQ(report.count(Severity::Error), 1u);
}

TEST_F(BaselineTest, SameFindingInAnotherFileIsNotBaselined) {
  Baseline baseline = round_trip(lint(kText, "comp/a.yaml"));
  Report other = lint(kText, "comp/b.yaml");
  BaselineOutcome outcome = apply_baseline(baseline, other);
  EXPECT_EQ(outcome.baselined, 0u);
  EXPECT_EQ(other.files[0].diagnostics.size(), 2u);
  EXPECT_EQ(outcome.unused.size(), 2u);
}

TEST_F(BaselineTest, BadFilesAreRefusedWithAReason) {
  auto error_for = [&](const std::string& text) {
    std::ofstream(dir_ / "bad.json") << text;
    std::string error;
    EXPECT_FALSE(read_baseline(dir_ / "bad.json", error));
    return error;
  };
  EXPECT_NE(error_for("{\"iblint-baseline\": 1, ").find("invalid JSON at byte"), std::string::npos);
  EXPECT_NE(error_for("[]").find("not an iblint baseline"), std::string::npos);
  EXPECT_NE(error_for("{\"iblint-baseline\": 2, \"findings\": []}").find("format 2"), std::string::npos);
  EXPECT_NE(error_for("{\"iblint-baseline\": 1}").find("\"findings\" must be an array"), std::string::npos);
  EXPECT_NE(error_for("{\"iblint-baseline\": 1, \"findings\": [{\"path\": \"a\", \"rule\": \"IB1\"}]}")
                .find("findings[0].fingerprint"),
            std::string::npos);
  // Copying a value this deep would recurse once per level: refused before parsing.
  EXPECT_NE(error_for("{\"iblint-baseline\": 1, \"findings\": [" + std::string(100000, '[') + "]}")
                .find("nested deeper than 512 levels"),
            std::string::npos);
  std::string error;
  EXPECT_FALSE(read_baseline(dir_ / "missing.json", error));
  EXPECT_NE(error.find("cannot read"), std::string::npos);
}

}  // namespace
}  // namespace iblint
