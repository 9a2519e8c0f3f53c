#include "emit/json_emitter.h"

#include <gtest/gtest.h>

#include <memory>
#include <sstream>
#include <string>

#include <nlohmann/json.hpp>

#include "engine/rule.h"

namespace iblint {
namespace {

const RuleInfo kDuplicateStep{"IB103", "duplicate-step-name", Severity::Error, "Step names must be unique"};
const RuleInfo kTabs{"IB004", "tab-indent", Severity::Warning, "Indent with spaces"};

// Multi-byte UTF-8 ("é", "✓", "😀" outside the BMP), a tab and CRLF line breaks.
const std::string kText =
    "name: caf\xC3\xA9\r\n"                          // 1
    "steps:\r\n"                                     // 2
    "  - name: \xF0\x9F\x98\x80\xE2\x9C\x93Step\r\n"  // 3
    "  - name: \xF0\x9F\x98\x80\xE2\x9C\x93Step\r\n"  // 4
    "\tbad: x\r\n";                                  // 5

Span find(std::string_view needle, int nth = 0) {
  size_t at = kText.find(needle);
  while (nth-- > 0) at = kText.find(needle, at + 1);
  return {static_cast<uint32_t>(at), static_cast<uint32_t>(at + needle.size())};
}

Report sample_report() {
  FileResult file;
  file.display_path = "comp.yaml";
  file.file = std::make_shared<SourceFile>("comp.yaml", kText);
  Diagnostic dup;
  dup.rule = &kDuplicateStep;
  dup.severity = Severity::Error;
  dup.message = "step appears twice";
  dup.span = find("\xF0\x9F\x98\x80\xE2\x9C\x93Step", 1);
  dup.related.push_back({find("\xF0\x9F\x98\x80\xE2\x9C\x93Step", 0), "first defined here"});
  dup.fixes.push_back({"Rename the step", {{dup.span, "Other"}}, false});
  file.diagnostics.push_back(dup);
  Diagnostic tab;
  tab.rule = &kTabs;
  tab.severity = Severity::Info;  // configured below its default
  tab.message = "tab \"used\"";
  tab.span = find("bad");
  file.diagnostics.push_back(tab);
  Diagnostic empty = tab;
  empty.severity = Severity::Warning;
  empty.span = {find("steps:").end, find("steps:").end};  // empty, at the end of line 2
  file.diagnostics.push_back(empty);
  Report report;
  report.files.push_back(std::move(file));
  report.rules = {&kTabs, &kDuplicateStep};
  report.files_linted = 2;
  return report;
}

nlohmann::json emit(const Report& report, std::string* text = nullptr) {
  std::ostringstream out;
  emit_json(report, out);
  if (text != nullptr) *text = out.str();
  return nlohmann::json::parse(out.str());
}

TEST(JsonEmitter, HasTheStableTopLevelShape) {
  std::string text;
  nlohmann::json j = emit(sample_report(), &text);
  EXPECT_EQ(j["tool"], "iblint");
  EXPECT_EQ(j["version"], IBLINT_VERSION);
  ASSERT_EQ(j["diagnostics"].size(), 3u);
  EXPECT_EQ(j["summary"], nlohmann::json({{"files", 2}, {"errors", 1}, {"warnings", 1}, {"infos", 1}}));
  // Pretty printed with two spaces, keys in the documented order, a trailing newline.
  EXPECT_TRUE(text.starts_with("{\n  \"tool\": \"iblint\",\n  \"version\": \"" IBLINT_VERSION "\",\n")) << text;
  EXPECT_EQ(text.back(), '\n');
  EXPECT_LT(text.find("\"path\""), text.find("\"rule\""));
  EXPECT_LT(text.find("\"endColumn\""), text.find("\"related\""));
  EXPECT_LT(text.find("\"diagnostics\""), text.find("\"summary\""));
}

TEST(JsonEmitter, PositionsCountCodePointsWithExclusiveEnds) {
  nlohmann::json d = emit(sample_report())["diagnostics"][0];
  EXPECT_EQ(d["path"], "comp.yaml");
  EXPECT_EQ(d["rule"], "IB103");
  EXPECT_EQ(d["name"], "duplicate-step-name");
  EXPECT_EQ(d["severity"], "error");
  EXPECT_EQ(d["message"], "step appears twice");
  EXPECT_EQ(d["line"], 4);
  EXPECT_EQ(d["column"], 11);
  EXPECT_EQ(d["endLine"], 4);
  EXPECT_EQ(d["endColumn"], 17);  // 😀 ✓ S t e p: six code points
  EXPECT_EQ(d["related"], nlohmann::json::parse(
                              R"([{"path":"comp.yaml","line":3,"column":11,"message":"first defined here"}])"));
  ASSERT_EQ(d["fixes"].size(), 1u);
  EXPECT_EQ(d["fixes"][0]["title"], "Rename the step");
  EXPECT_EQ(d["fixes"][0]["safe"], false);
  nlohmann::json edit = d["fixes"][0]["edits"][0];
  EXPECT_EQ(edit["line"], 4);
  EXPECT_EQ(edit["column"], 11);
  EXPECT_EQ(edit["endLine"], 4);
  EXPECT_EQ(edit["endColumn"], 17);
  EXPECT_EQ(edit["offset"], kText.rfind("\xF0\x9F\x98\x80"));
  EXPECT_EQ(edit["length"], 11);  // bytes: 4 + 3 + 4
  EXPECT_EQ(edit["replacement"], "Other");
}

TEST(JsonEmitter, TabsCountAsOneColumnAndSeverityIsTheDiagnostics) {
  nlohmann::json d = emit(sample_report())["diagnostics"][1];
  EXPECT_EQ(d["severity"], "info");
  EXPECT_EQ(d["message"], "tab \"used\"");
  EXPECT_EQ(d["line"], 5);
  EXPECT_EQ(d["column"], 2);
  EXPECT_EQ(d["endColumn"], 5);
  EXPECT_EQ(d["related"], nlohmann::json::array());
  EXPECT_EQ(d["fixes"], nlohmann::json::array());
}

TEST(JsonEmitter, EmptySpanAtEndOfLine) {
  nlohmann::json d = emit(sample_report())["diagnostics"][2];
  EXPECT_EQ(d["line"], 2);
  EXPECT_EQ(d["column"], 7);
  EXPECT_EQ(d["endLine"], 2);
  EXPECT_EQ(d["endColumn"], 7);
}

TEST(JsonEmitter, ReversedSpanNeverEndsBeforeItStarts) {
  Report report = sample_report();
  report.files[0].diagnostics[0].span = {20, 10};
  nlohmann::json d = emit(report)["diagnostics"][0];
  EXPECT_EQ(d["line"], d["endLine"]);
  EXPECT_EQ(d["column"], d["endColumn"]);
}

TEST(JsonEmitter, EmptyReportAndUnreadableFile) {
  Report report;
  nlohmann::json j = emit(report);
  EXPECT_EQ(j["diagnostics"], nlohmann::json::array());
  EXPECT_EQ(j["summary"]["files"], 0);

  Diagnostic d;
  d.message = "cannot read \xFF";  // invalid UTF-8 is replaced, not thrown on
  report.files.push_back({"gone.yaml", nullptr, {d}});
  j = emit(report);
  EXPECT_EQ(j["diagnostics"][0]["rule"], nullptr);
  EXPECT_EQ(j["diagnostics"][0]["line"], 1);
  EXPECT_EQ(j["diagnostics"][0]["endColumn"], 1);
  EXPECT_EQ(j["diagnostics"][0]["message"], "cannot read \xEF\xBF\xBD");
}

}  // namespace
}  // namespace iblint
