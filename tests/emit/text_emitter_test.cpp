#include "emit/text_emitter.h"

#include <gtest/gtest.h>

#include <memory>
#include <sstream>
#include <string>

#include "engine/rule.h"
#include "tests/support/diagnostic_builders.h"

namespace iblint {
namespace {
using test_support::make;

const RuleInfo kDuplicateStep{"IB103", "duplicate-step-name", Severity::Error, "Step names must be unique"};
const RuleInfo kTabs{"IB004", "tab-indent", Severity::Warning, "Indent with spaces"};
const RuleInfo kNote{"IB900", "odd-name", Severity::Info, "A name that reads oddly"};

// Multi-byte UTF-8 ("café", "✓"), a tab and CRLF line breaks.
const std::string kText =
    "name: caf\xC3\xA9\r\n"             // 1
    "phases:\r\n"                       // 2
    "  - name: build\r\n"               // 3
    "    steps:\r\n"                    // 4
    "      - name: \xE2\x9C\x93Step\r\n"  // 5
    "      - name: \xE2\x9C\x93Step\r\n"  // 6
    "\tbad: x\r\n";                     // 7

/// The span of the nth occurrence (0-based) of needle in kText.
Span find(std::string_view needle, int nth = 0) {
  size_t at = kText.find(needle);
  while (nth-- > 0) at = kText.find(needle, at + 1);
  return {static_cast<uint32_t>(at), static_cast<uint32_t>(at + needle.size())};
}

Report sample_report() {
  FileResult file;
  file.display_path = "dir/comp.yaml";
  file.file = std::make_shared<SourceFile>("dir/comp.yaml", kText);
  file.diagnostics.push_back(make(kNote, find("caf\xC3\xA9"), "name is odd"));
  Diagnostic dup = make(kDuplicateStep, find("\xE2\x9C\x93Step", 1), "step `\xE2\x9C\x93Step` appears twice");
  dup.related.push_back({find("\xE2\x9C\x93Step", 0), "first step named `\xE2\x9C\x93Step`"});
  dup.fixes.push_back({"Rename the step", {{find("\xE2\x9C\x93Step", 1), "\xE2\x9C\x93Step2"}}, true});
  file.diagnostics.push_back(dup);
  file.diagnostics.push_back(make(kTabs, find("bad"), "tab used for indentation"));
  Report report;
  report.files.push_back(std::move(file));
  report.rules = {&kTabs, &kDuplicateStep, &kNote};
  report.files_linted = 1;
  return report;
}

std::string render(const Report& report, TextOptions options = {}) {
  std::ostringstream out;
  emit_text(report, out, options);
  return out.str();
}

TEST(TextEmitter, PrintsFramesNotesHelpAndSummary) {
  EXPECT_EQ(render(sample_report()),
            "dir/comp.yaml:1:7: info: name is odd [IB900 odd-name]\n"
            " 1 | name: caf\xC3\xA9\n"
            "   |       ^^^^\n"
            "\n"
            "dir/comp.yaml:6:15: error: step `\xE2\x9C\x93Step` appears twice [IB103 duplicate-step-name]\n"
            " 6 |       - name: \xE2\x9C\x93Step\n"
            "   |               ^^^^^\n"
            "  note: dir/comp.yaml:5:15: first step named `\xE2\x9C\x93Step`\n"
            "  help: Rename the step\n"
            "\n"
            "dir/comp.yaml:7:2: warning: tab used for indentation [IB004 tab-indent]\n"
            " 7 |     bad: x\n"
            "   |     ^^^\n"
            "\n"
            "Found 1 error, 1 warning and 1 info in 1 file.\n");
}

TEST(TextEmitter, QuietPrintsOnlyFirstLines) {
  EXPECT_EQ(render(sample_report(), {.quiet = true}),
            "dir/comp.yaml:1:7: info: name is odd [IB900 odd-name]\n"
            "dir/comp.yaml:6:15: error: step `\xE2\x9C\x93Step` appears twice [IB103 duplicate-step-name]\n"
            "dir/comp.yaml:7:2: warning: tab used for indentation [IB004 tab-indent]\n");
}

TEST(TextEmitter, EmptyReportSaysNoProblems) {
  Report report;
  report.files_linted = 3;
  EXPECT_EQ(render(report), "No problems found in 3 files.\n");
  report.files_linted = 1;
  EXPECT_EQ(render(report), "No problems found in 1 file.\n");
  EXPECT_EQ(render(report, {.quiet = true}), "");
}

TEST(TextEmitter, SummaryPluralizesEachCount) {
  Report report = sample_report();
  report.files[0].diagnostics.push_back(make(kDuplicateStep, find("build"), "again"));
  report.files[0].diagnostics.push_back(make(kNote, find("steps"), "odd"));
  report.files_linted = 2;
  std::string out = render(report);
  EXPECT_NE(out.find("Found 2 errors, 1 warning and 2 infos in 2 files.\n"), std::string::npos) << out;
}

TEST(TextEmitter, StatisticsSortByCountThenId) {
  Report report = sample_report();
  report.files[0].diagnostics.push_back(make(kDuplicateStep, find("build"), "again"));
  report.files[0].diagnostics.push_back(make(kNote, find("steps"), "odd"));
  std::string out = render(report, {.statistics = true});
  EXPECT_NE(out.find("\n"
                     "2  IB103  duplicate-step-name\n"
                     "2  IB900  odd-name\n"
                     "1  IB004  tab-indent\n"
                     "\n"
                     "Found 2 errors, 1 warning and 2 infos in 1 file.\n"),
            std::string::npos)
      << out;
}

TEST(TextEmitter, ColorsSeverityPathAndCarets) {
  Report report = sample_report();
  report.files[0].diagnostics.resize(1);
  std::string out = render(report, {.color = true});
  EXPECT_EQ(out,
            "\x1b[1mdir/comp.yaml\x1b[0m:1:7: \x1b[1;34minfo\x1b[0m: name is odd [IB900 odd-name]\n"
            " 1 | name: caf\xC3\xA9\n"
            "   |       \x1b[1;34m^^^^\x1b[0m\n"
            "\n"
            "Found 0 errors, 0 warnings and 1 info in 1 file.\n");
  EXPECT_EQ(render(report).find('\x1b'), std::string::npos);
}

TEST(TextEmitter, EmptySpanAtEndOfLineGetsOneCaret) {
  Report report = sample_report();
  Span end_of_phases{find("phases:").end, find("phases:").end};
  report.files[0].diagnostics = {make(kNote, end_of_phases, "value missing")};
  EXPECT_EQ(render(report, {}),
            "dir/comp.yaml:2:8: info: value missing [IB900 odd-name]\n"
            " 2 | phases:\n"
            "   |        ^\n"
            "\n"
            "Found 0 errors, 0 warnings and 1 info in 1 file.\n");
}

TEST(TextEmitter, MultiLineSpanUnderlinesToEndOfFirstLine) {
  Report report = sample_report();
  Span step{find("name: build").begin, find("steps:").end};
  report.files[0].diagnostics = {make(kNote, step, "whole phase")};
  std::string out = render(report, {.quiet = false});
  EXPECT_NE(out.find(" 3 |   - name: build\n"
                     "   |     ^^^^^^^^^^^\n"),
            std::string::npos)
      << out;
}

TEST(TextEmitter, TabsExpandConsistentlyWithCarets) {
  SourceFile file("t.yaml", "a:\tb\tc\n");
  Report report;
  report.files.push_back({"t.yaml", std::make_shared<SourceFile>(file), {}});
  report.files[0].diagnostics.push_back(make(kTabs, {5, 6}, "c"));  // the "c" after two tabs
  report.files_linted = 1;
  EXPECT_NE(render(report).find(" 1 | a:  b   c\n"
                                "   |         ^\n"),
            std::string::npos)
      << render(report);
}

TEST(TextEmitter, ControlCharactersAndBomAreNotPrintedRaw) {
  Report report;
  report.files.push_back(
      {"c.yaml", std::make_shared<SourceFile>("c.yaml", "\xEF\xBB\xBFk: \x1b[31mx\n"), {}});
  report.files[0].diagnostics.push_back(make(kNote, {6, 7}, "escape"));
  report.files_linted = 1;
  std::string out = render(report);
  EXPECT_EQ(out.find('\x1b'), std::string::npos) << out;
  EXPECT_NE(out.find("c.yaml:1:4: info: escape [IB900 odd-name]\n"
                     " 1 | k: \xE2\x90\x9B[31mx\n"
                     "   |    ^\n"),
            std::string::npos)
      << out;
}

TEST(TextEmitter, LongLinesShowAWindowAroundTheSpan) {
  std::string line = "key: " + std::string(300, 'a') + "TARGET" + std::string(300, 'b');
  Report report;
  report.files.push_back({"long.yaml", std::make_shared<SourceFile>("long.yaml", line + "\n"), {}});
  uint32_t at = static_cast<uint32_t>(line.find("TARGET"));
  report.files[0].diagnostics.push_back(make(kNote, {at, at + 6}, "here"));
  report.files_linted = 1;
  std::string out = render(report);
  std::string expected_source = " 1 | \xE2\x80\xA6" + std::string(40, 'a') + "TARGET" + std::string(74, 'b') +
                                "\xE2\x80\xA6\n";
  std::string expected_carets = "   | " + std::string(41, ' ') + "^^^^^^\n";
  EXPECT_NE(out.find(expected_source + expected_carets), std::string::npos) << out;
}

TEST(TextEmitter, UnreadableFileHasNoFrame) {
  Report report;
  report.files.push_back({"gone.yaml", nullptr, {make(kNote, {0, 0}, "cannot read")}});
  report.files_linted = 1;
  EXPECT_EQ(render(report),
            "gone.yaml:1:1: info: cannot read [IB900 odd-name]\n"
            "\n"
            "Found 0 errors, 0 warnings and 1 info in 1 file.\n");
}

}  // namespace
}  // namespace iblint
