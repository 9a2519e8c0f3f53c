#include "engine/linter.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "engine/registry.h"
#include "load/embedded_component.h"
#include "util/worker_pool.h"
#include "yaml/parser.h"

namespace iblint {
namespace {

std::vector<std::string> ids(const FileLint& lint) {
  std::vector<std::string> out;
  for (const Diagnostic& d : lint.diagnostics) out.emplace_back(d.rule->id);
  return out;
}

FileLint lint_text(std::string text, Profile profile = Profile::Current) {
  SourceFile file("t.yaml", std::move(text));
  LintSettings settings;
  settings.profile = profile;
  return lint_file(file, settings);
}

const std::string kHeader = "schemaVersion: 1.0\nphases:\n  - name: build\n    steps:\n";

std::string step(const std::string& name, const std::string& action = "UpdateOS") {
  return "      - name: " + name + "\n        action: " + action + "\n";
}

TEST(Linter, CleanComponentHasNoFindings) {
  FileLint lint = lint_text(kHeader + step("A") + step("B"));
  EXPECT_TRUE(lint.linted);
  EXPECT_TRUE(lint.diagnostics.empty());
}

TEST(Linter, FindingsAreSortedByPosition) {
  FileLint lint = lint_text(kHeader + step("A", "Nope") + step("A"));
  EXPECT_EQ(ids(lint), (std::vector<std::string>{"IB104", "IB103"}));
  EXPECT_LT(lint.diagnostics[0].span.begin, lint.diagnostics[1].span.begin);
}

TEST(Linter, OtherYamlIsSkipped) {
  EXPECT_FALSE(lint_text("apiVersion: v1\nkind: Pod\n").linted);
  EXPECT_FALSE(lint_text("on: push\njobs:\n  a: {}\n").linted);
  EXPECT_FALSE(lint_text("key: [unclosed\n").linted) << "broken YAML that is not a component is not ours";
  EXPECT_FALSE(lint_text("%{ if x ~}\nphases:\n%{ endif ~}\nschemaVersion: 1.0\n  bad: [\n").linted);
}

TEST(Linter, TemplatesAndApiRequestsAreLinted) {
  EXPECT_TRUE(lint_text("AWSTemplateFormatVersion: '2010-09-09'\nResources: {}\n").linted);
  EXPECT_TRUE(lint_text("{\"name\": \"i\", \"instanceProfileName\": \"p\"}").linted);
}

TEST(Linter, OnlyTemplatesAndApiRequestsKeepTheirNodeModel) {
  // The project reads templates and requests; any other file's nodes are freed after its rules.
  EXPECT_EQ(lint_text(kHeader + step("A")).yaml, nullptr);
  EXPECT_EQ(lint_text("apiVersion: v1\nkind: Pod\n").yaml, nullptr);
  FileLint tmpl = lint_text("AWSTemplateFormatVersion: '2010-09-09'\nResources: {}\n");
  ASSERT_NE(tmpl.yaml, nullptr);
  EXPECT_EQ(tmpl.yaml->documents.size(), 1u);
  EXPECT_NE(lint_text("{\"name\": \"i\", \"instanceProfileName\": \"p\"}").yaml, nullptr);
}

TEST(Linter, KeepsEmbeddedComponentsForTheProject) {
  FileLint lint = lint_text("Resources:\n  C:\n    Type: AWS::ImageBuilder::Component\n    Properties:\n      Data: |\n" +
                            std::string("        schemaVersion: 1.0\n        phases:\n          - name: build\n") +
                            "            steps:\n              - name: A\n                action: UpdateOS\n");
  ASSERT_EQ(lint.embedded.size(), 1u);
  ASSERT_TRUE(lint.embedded[0]->component);
  EXPECT_EQ(lint.embedded[0]->component->phases.size(), 1u);
  EXPECT_TRUE(lint_text(kHeader + step("A")).embedded.empty());
}

TEST(Linter, BrokenComponentReportsSyntaxAtTheMistake) {
  FileLint lint = lint_text(kHeader + step("A") + "      - name: 'B\n        action: UpdateOS\n");
  ASSERT_TRUE(lint.linted);
  std::vector<std::string> found = ids(lint);
  EXPECT_NE(std::find(found.begin(), found.end(), "IB001"), found.end());
}

TEST(Linter, EncodingProblems) {
  FileLint binary = lint_text(std::string("schemaVersion: 1.0\0phases: []", 29));
  EXPECT_EQ(ids(binary), (std::vector<std::string>{"IB003"}));
  FileLint utf16 = lint_text(std::string("\xFF\xFEs\0c\0", 6));
  EXPECT_EQ(ids(utf16), (std::vector<std::string>{"IB003"}));
  FileLint invalid = lint_text(kHeader + "      - name: A\xC3(\n        action: UpdateOS\n");
  std::vector<std::string> found = ids(invalid);
  EXPECT_NE(std::find(found.begin(), found.end(), "IB003"), found.end());
}

TEST(Linter, BomCrlfAndTabsInValuesAreFine) {
  std::string text = "\xEF\xBB\xBF" + kHeader + step("A") + "      - name: B\n        action: ExecuteBash\n"
                     "        inputs:\n          commands:\n            - \"echo\\tx\"\n";
  std::string crlf;
  for (char c : text) {
    if (c == '\n') crlf += '\r';
    crlf += c;
  }
  EXPECT_TRUE(lint_text(crlf).diagnostics.empty());
  FileLint dup = lint_text("\xEF\xBB\xBF" + kHeader + step("A") + step("A"));
  ASSERT_EQ(dup.diagnostics.size(), 1u);
}

TEST(Linter, DisabledRulesDoNotRun) {
  SourceFile file("t.yaml", kHeader + step("A") + step("A"));
  LintSettings settings;
  settings.enabled = [](const RuleInfo& rule) { return rule.id != "IB103"; };
  EXPECT_TRUE(lint_file(file, settings).diagnostics.empty());
}

TEST(Linter, SeverityOverrideApplies) {
  SourceFile file("t.yaml", kHeader + step("A") + step("A"));
  LintSettings settings;
  settings.severity = [](const RuleInfo&, Severity) { return Severity::Info; };
  FileLint lint = lint_file(file, settings);
  ASSERT_EQ(lint.diagnostics.size(), 1u);
  EXPECT_EQ(lint.diagnostics[0].severity, Severity::Info);
}

// The pinned grammar's scanner kept rows and columns in 16 bits; grammars/scanner.patch widens
// them. These documents are past both limits and must lint exactly like small ones.
/// Everything a finding says, for comparing two lints.
std::string describe(const FileLint& lint) {
  std::ostringstream out;
  for (const Diagnostic& d : lint.diagnostics) {
    out << d.rule->id << ' ' << d.span.begin << '-' << d.span.end << ' ' << d.message << " fixes " << d.fixes.size()
        << " related " << d.related.size() << '\n';
  }
  return out.str();
}

TEST(Linter, RulesSharedOverThreadsFindTheSameInTheSameOrder) {
  // The language server spreads a document's rules over a WorkerPool: every fixture (templates
  // with embedded components included) must give the same findings, in the same order, as one
  // thread. Each file is linted twice on the pool, so that the second lint meets the threads'
  // warm caches.
  WorkerPool pool(4);
  LintSettings serial, shared;
  serial.shellcheck = shared.shellcheck = false;
  shared.rule_threads = &pool;
  size_t files = 0, findings = 0;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(std::filesystem::path(IBLINT_SOURCE_DIR) / "fixtures")) {
    std::string ext = entry.path().extension().string();
    if (!entry.is_regular_file() || (ext != ".yaml" && ext != ".yml" && ext != ".json")) continue;
    std::ifstream in(entry.path(), std::ios::binary);
    std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    SourceFile file(entry.path().string(), bytes);
    std::string expected = describe(lint_file(file, serial));
    EXPECT_EQ(describe(lint_file(file, shared)), expected) << entry.path();
    EXPECT_EQ(describe(lint_file(file, shared)), expected) << entry.path() << " (warm caches)";
    ++files;
    findings += static_cast<size_t>(std::count(expected.begin(), expected.end(), '\n'));
  }
  EXPECT_GT(files, 200u);
  EXPECT_GT(findings, 200u);
}

TEST(Linter, HundredThousandLineDocumentLintsCorrectly) {
  std::string text = kHeader;
  for (int i = 0; i < 50000; ++i) text += step("S" + std::to_string(i));
  text += step("S7");  // a duplicate past line 100,000
  SourceFile file("big.yaml", text);
  ASSERT_GT(file.line_count(), 100000u);
  FileLint lint = lint_file(file, {});
  ASSERT_EQ(ids(lint), (std::vector<std::string>{"IB103"}));
  EXPECT_GT(file.position(lint.diagnostics[0].span.begin).line, 100000u);
}

TEST(Linter, FortyThousandColumnLineLintsCorrectly) {
  std::string text = kHeader + "      - name: Long\n        action: ExecuteBash\n        inputs:\n          commands:\n"
                     "            - echo " + std::string(40000, 'x') + "\n" + step("Long", "Nope");
  SourceFile file("wide.yaml", text);
  FileLint lint = lint_file(file, {});
  EXPECT_EQ(ids(lint), (std::vector<std::string>{"IB103", "IB104"}));
}

// Each level adds a column, so 3,000 levels is a 4.5 MB file; the 20,000-level case (200 MB)
// is parsed by the grammar tests, below our file-size limit here.
TEST(Linter, DeepIndentationIsBoundedAndDoesNotCrash) {
  for (int depth : {400, 3000}) {
    std::string text = kHeader + step("A") + "        inputs:\n";
    std::string indent = "          ";
    for (int i = 0; i < depth; ++i) {
      text += indent + "k:\n";
      indent += " ";
    }
    text += indent + "v\n";
    auto start = std::chrono::steady_clock::now();
    FileLint lint = lint_text(text);
    EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(30)) << depth;
    EXPECT_TRUE(lint.linted);
  }
}

}  // namespace
}  // namespace iblint

namespace iblint {
namespace {

/// Where the first finding of rule lands, as "line:column" of the outer file.
std::string where(const std::string& path, const std::string& text, std::string_view rule) {
  SourceFile file(path, text);
  FileLint lint = lint_file(file, {});
  EXPECT_TRUE(lint.linted);
  for (const Diagnostic& d : lint.diagnostics) {
    if (d.rule->id != rule) continue;
    Position p = file.position(d.span.begin);
    return std::to_string(p.line) + ":" + std::to_string(p.column) + " " + std::string(file.text(d.span));
  }
  return "none";
}

TEST(LinterEmbedded, YamlTemplateBlockScalarFindingsKeepTemplatePositions) {
  std::string text =
      "Resources:\n  Component:\n    Type: AWS::ImageBuilder::Component\n    Properties:\n"
      "      Name: c\n      Version: 1.0.0\n      Platform: Linux\n      Data: |\n"
      "        name: c\n        schemaVersion: 1.0\n        phases:\n          - name: build\n"
      "            steps:\n              - name: Hello\n                action: ExecuteBsh\n";
  EXPECT_EQ(where("t.yaml", text, "IB104"), "15:25 ExecuteBsh");
}

TEST(LinterEmbedded, SubSubstitutionsAreNotExpressions) {
  std::string text =
      "Resources:\n  Component:\n    Type: AWS::ImageBuilder::Component\n    Properties:\n"
      "      Data: !Sub |\n        name: c\n        schemaVersion: 1.0\n        phases:\n"
      "          - name: build\n            steps:\n              - name: Download\n"
      "                action: S3Download\n                inputs:\n"
      "                  - source: s3://bucket-${AWS::Region}-${AWS::AccountId}/tool.zip\n"
      "                    destination: /tmp/tool.zip\n"
      "              - name: Bad\n                action: ExecuteBsh\n";
  SourceFile file("t.yaml", text);
  FileLint lint = lint_file(file, {});
  ASSERT_EQ(lint.diagnostics.size(), 1u) << lint.diagnostics[0].message;
  EXPECT_EQ(lint.diagnostics[0].rule->id, "IB104");
  EXPECT_EQ(file.position(lint.diagnostics[0].span.begin), (Position{17, 25}));
}

TEST(LinterEmbedded, JsonTemplateStringFindingsPointIntoTheString) {
  std::string text = R"({
  "Resources": {
    "Component": {
      "Type": "AWS::ImageBuilder::Component",
      "Properties": {
        "Data": "name: c\nschemaVersion: 1.0\nphases:\n  - name: build\n    steps:\n      - name: Hello\n        action: ExecuteBsh\n"
      }
    }
  }
}
)";
  std::string expected_column = std::to_string(text.substr(text.find("        \"Data\"")).find("ExecuteBsh") + 1);
  EXPECT_EQ(where("t.json", text, "IB104"), "6:" + expected_column + " ExecuteBsh");
}

TEST(LinterEmbedded, ApiRequestDataIsLinted) {
  std::string text = "{\n  \"name\": \"c\",\n  \"semanticVersion\": \"1.0.0\",\n  \"platform\": \"Linux\",\n"
                     "  \"data\": \"name: c\\nschemaVersion: 1.0\\nphases:\\n  - name: build\\n    steps:\\n"
                     "      - name: Hello\\n        action: ExecuteBsh\\n\"\n}\n";
  size_t line_start = text.find("  \"data\"");
  std::string expected_column = std::to_string(text.find("ExecuteBsh") - line_start + 1);
  EXPECT_EQ(where("c.json", text, "IB104"), "5:" + expected_column + " ExecuteBsh");
}

}  // namespace
}  // namespace iblint
