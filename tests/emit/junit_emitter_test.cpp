#include "emit/junit_emitter.h"

#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>

#include <nlohmann/json.hpp>

#include "engine/rule.h"
#include "tests/support/diagnostic_builders.h"
#include "tests/support/shell_command.h"

namespace iblint {
namespace {
using test_support::find;
using test_support::make;
namespace fs = std::filesystem;
using nlohmann::json;

const RuleInfo kDuplicateStep{"IBT03", "duplicate-step-name", Severity::Error, "Step names must be unique"};
const RuleInfo kTabs{"IBT04", "tab-indent", Severity::Warning, "Indent with spaces"};

const std::string kText = "name: caf\xC3\xA9\n  - name: A\n  - name: A\n\tx: <&>\n";

Report sample() {
  Report report;
  FileResult bad{"dir/a&b <1>.yaml", std::make_shared<SourceFile>("a", kText), {}};
  Diagnostic dup = make(kDuplicateStep, find(kText, "A", 1), "step `A` \"twice\" & <more>");
  dup.related.push_back({find(kText, "A", 0), "first 'A' here"});
  dup.fixes.push_back({"Rename it", {{dup.span, "B"}}, true});
  bad.diagnostics.push_back(dup);
  // Control characters, invalid UTF-8, a line break and a non-character XML cannot carry.
  bad.diagnostics.push_back(make(kTabs, find(kText, "\t"), std::string("tab\x01 bad\xFF utf8\r\nnext \xEF\xBF\xBF")));
  bad.diagnostics.push_back(make(kTabs, find(kText, "\t"), "same place again"));
  report.files.push_back(std::move(bad));
  report.files.push_back({"clean.yaml", std::make_shared<SourceFile>("c", "a: 1\n"), {}});
  return report;
}

std::string render(const Report& report) {
  std::ostringstream out;
  emit_junit(report, out);
  return out.str();
}

/// Parses the XML with Python's xml.etree (an independent, strict XML parser) and returns its
/// structure as JSON: [{suite attributes, "cases": [{case attributes, "failure": {…, "text"}}]}].
json parse_with_python(const std::string& xml) {
  fs::path dir = fs::temp_directory_path() / ("iblint-junit-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  std::ofstream(dir / "report.xml", std::ios::binary) << xml;
  std::ofstream(dir / "parse.py") << R"(import json, sys, xml.etree.ElementTree as ET
root = ET.parse(sys.argv[1]).getroot()
out = {"root": root.tag, "attrs": root.attrib, "suites": []}
for suite in root:
    s = dict(suite.attrib, tag=suite.tag, cases=[])
    for case in suite:
        c = dict(case.attrib, tag=case.tag)
        for failure in case:
            c["failure"] = dict(failure.attrib, tag=failure.tag, text=failure.text)
        s["cases"].append(c)
    out["suites"].append(s)
print(json.dumps(out))
)";
  auto [code, out] = test_support::run("python3 '" + (dir / "parse.py").string() + "' '" + (dir / "report.xml").string() + "'");
  fs::remove_all(dir);
  EXPECT_EQ(code, 0) << "python3 could not parse the XML:\n" << out << "\n" << xml;
  json parsed = json::parse(out, nullptr, false);
  EXPECT_FALSE(parsed.is_discarded()) << out;
  return parsed;
}

TEST(JunitEmitter, OneSuitePerFileOneFailingCasePerFinding) {
  json doc = parse_with_python(render(sample()));
  EXPECT_EQ(doc["root"], "testsuites");
  EXPECT_EQ(doc["attrs"]["tests"], "4");
  EXPECT_EQ(doc["attrs"]["failures"], "3");
  ASSERT_EQ(doc["suites"].size(), 2u);
  const json& bad = doc["suites"][0];
  EXPECT_EQ(bad["tag"], "testsuite");
  EXPECT_EQ(bad["name"], "dir/a&b <1>.yaml");
  EXPECT_EQ(bad["tests"], "3");
  EXPECT_EQ(bad["failures"], "3");
  ASSERT_EQ(bad["cases"].size(), 3u);
  const json& dup = bad["cases"][0];
  EXPECT_EQ(dup["classname"], "dir/a&b <1>.yaml");
  EXPECT_EQ(dup["file"], "dir/a&b <1>.yaml");
  EXPECT_EQ(dup["name"], "IBT03 duplicate-step-name at 3:11");
  EXPECT_EQ(dup["line"], "3");
  EXPECT_EQ(dup["failure"]["type"], "error");
  EXPECT_EQ(dup["failure"]["message"], "step `A` \"twice\" & <more>");
  EXPECT_EQ(dup["failure"]["text"],
            "dir/a&b <1>.yaml:3:11: error: step `A` \"twice\" & <more> [IBT03 duplicate-step-name]\n"
            "  note: dir/a&b <1>.yaml:2:11: first 'A' here\n"
            "  help: Rename it");
  const json& tab = bad["cases"][1];
  EXPECT_EQ(tab["name"], "IBT04 tab-indent at 4:1");
  EXPECT_EQ(tab["failure"]["type"], "warning");
  EXPECT_EQ(tab["failure"]["message"], "tab\xEF\xBF\xBD bad\xEF\xBF\xBD utf8\r\nnext \xEF\xBF\xBD");
  EXPECT_EQ(bad["cases"][2]["name"], "IBT04 tab-indent at 4:1 (2)") << "names stay unique (GitLab drops repeats)";
  const json& clean = doc["suites"][1];
  EXPECT_EQ(clean["name"], "clean.yaml");
  EXPECT_EQ(clean["failures"], "0");
  ASSERT_EQ(clean["cases"].size(), 1u);
  EXPECT_EQ(clean["cases"][0]["name"], "iblint");
  EXPECT_FALSE(clean["cases"][0].contains("failure"));
}

TEST(JunitEmitter, EmptyReportIsAnEmptyValidDocument) {
  std::string xml = render(Report{});
  EXPECT_EQ(xml,
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            "<testsuites name=\"iblint\" tests=\"0\" failures=\"0\" errors=\"0\" skipped=\"0\" time=\"0\">\n"
            "</testsuites>\n");
  EXPECT_EQ(parse_with_python(xml)["suites"], json::array());
}

TEST(JunitEmitter, DiagnosticWithoutRuleOrFile) {
  Report report;
  Diagnostic d;
  d.message = "cannot read";
  report.files.push_back({"gone.yaml", nullptr, {d}});
  json doc = parse_with_python(render(report));
  EXPECT_EQ(doc["suites"][0]["cases"][0]["name"], "iblint at 1:1");
  EXPECT_EQ(doc["suites"][0]["cases"][0]["failure"]["text"], "gone.yaml:1:1: error: cannot read");
}

}  // namespace
}  // namespace iblint
