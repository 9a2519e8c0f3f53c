#include "fix/fixer.h"

#include <gtest/gtest.h>

#include "engine/registry.h"
#include "engine/rule.h"

namespace iblint {
namespace {

const std::string kHeader = "schemaVersion: 1.0\nphases:\n  - name: build\n    steps:\n";

FixResult fix(const std::string& text, FixOptions options = {}, LintSettings settings = {}) {
  auto file = std::make_shared<const SourceFile>("t.yaml", text);
  return fix_file(file, lint_file(*file, settings), settings, options);
}

std::vector<std::string> ids(const FileLint& lint) {
  std::vector<std::string> out;
  for (const Diagnostic& d : lint.diagnostics) out.emplace_back(d.rule->id);
  return out;
}

TEST(FixFile, AppliesSafeFixesAndReportsWhatRemains) {
  std::string text = kHeader + "      - name: A\n        action: ExecuteBAsh\n        onFailure: abort\n"
                               "        inputs:\n          commands: [echo]\n";
  FixResult result = fix(text);
  EXPECT_TRUE(result.changed);
  EXPECT_EQ(result.fixed, 2u);
  EXPECT_EQ(result.file->bytes(), kHeader + "      - name: A\n        action: ExecuteBash\n        onFailure: Abort\n"
                                            "        inputs:\n          commands: [echo]\n");
  EXPECT_TRUE(result.lint.diagnostics.empty());
}

TEST(FixFile, RelintsUntilNoFixApplies) {
  // The value of a misspelled key is checked only once the key is renamed: two passes.
  std::string text = kHeader + "      - name: A\n        action: UpdateOS\n        onfailure: abort\n";
  FixResult result = fix(text);
  EXPECT_EQ(result.file->bytes(), kHeader + "      - name: A\n        action: UpdateOS\n        onFailure: Abort\n");
  EXPECT_EQ(result.fixed, 2u);

  FixResult one_pass = fix(text, {false, 1});
  EXPECT_EQ(one_pass.file->bytes(), kHeader + "      - name: A\n        action: UpdateOS\n        onFailure: abort\n");
  EXPECT_EQ(ids(one_pass.lint), std::vector<std::string>{"IB107"});
}

TEST(FixFile, IsIdempotent) {
  std::string text = kHeader + "      - name: A\n        action: executebash\n        onfailure: abort\n"
                               "        inputs:\n          commands: [echo]\n";
  FixResult first = fix(text);
  ASSERT_TRUE(first.changed);
  FixResult second = fix(first.file->bytes());
  EXPECT_FALSE(second.changed);
  EXPECT_EQ(second.fixed, 0u);
  EXPECT_EQ(second.file->bytes(), first.file->bytes());
}

TEST(FixFile, UnsafeFixesOnlyWhenAsked) {
  std::string text = kHeader + "      - name: A\n        action: UpdateOS\n  - name: Test\n    steps:\n"
                               "      - name: B\n        action: UpdateOS\n";
  FixResult safe = fix(text);
  EXPECT_FALSE(safe.changed);
  EXPECT_EQ(ids(safe.lint), std::vector<std::string>{"IB106"});
  FixResult unsafe = fix(text, {true});
  EXPECT_TRUE(unsafe.changed);
  EXPECT_NE(unsafe.file->bytes().find("  - name: test\n"), std::string::npos);
  EXPECT_TRUE(unsafe.lint.diagnostics.empty());
}

TEST(FixFile, SuppressedFindingsAndDisabledRulesAreNotFixed) {
  std::string suppressed = kHeader + "      - name: A\n        action: executebash  # iblint-disable-line IB104\n"
                                     "        inputs:\n          commands: [echo]\n";
  EXPECT_FALSE(fix(suppressed).changed);

  std::string text = kHeader + "      - name: A\n        action: executebash\n        onFailure: abort\n"
                               "        inputs:\n          commands: [echo]\n";
  LintSettings settings;
  settings.enabled = [](const RuleInfo& rule) { return rule.id != "IB104"; };
  FixResult result = fix(text, {}, settings);
  EXPECT_NE(result.file->bytes().find("action: executebash\n"), std::string::npos);
  EXPECT_NE(result.file->bytes().find("onFailure: Abort\n"), std::string::npos);
}

TEST(FixFile, KeepsCrlfBomAndTrailingWhitespace) {
  std::string text = "\xEF\xBB\xBFschemaVersion: 1.0  \r\nphases:\r\n  - name: build\r\n    steps:\r\n"
                     "      - name: A\t\r\n        action: ExecuteBAsh \r\n        inputs:\r\n"
                     "          commands: [echo]\r\n\r\n";
  FixResult result = fix(text);
  std::string expected = text;
  expected.replace(expected.find("ExecuteBAsh"), 11, "ExecuteBash");
  EXPECT_EQ(result.file->bytes(), expected);
}

TEST(FixFile, AFixThatWouldBreakTheYamlIsNotApplied) {
  std::string text = kHeader + "      - name: A\n        action: UpdateOS\n";
  auto file = std::make_shared<const SourceFile>("t.yaml", text);
  FileLint lint = lint_file(*file, {});
  ASSERT_TRUE(lint.linted);
  Diagnostic d;
  d.rule = &all_rules().front()->info();
  uint32_t at = static_cast<uint32_t>(text.find("UpdateOS"));
  d.span = {at, at + 8};
  d.fixes.push_back({"break it", {{d.span, "[UpdateOS"}}, true});
  lint.diagnostics.push_back(d);

  FixResult result = fix_file(file, lint, {});
  EXPECT_TRUE(result.would_break_yaml);
  EXPECT_FALSE(result.changed);
  EXPECT_EQ(result.fixed, 0u);
  EXPECT_EQ(result.file->bytes(), text);
  ASSERT_EQ(result.lint.diagnostics.size(), 1u);  // the report is of the untouched file

  // A fix that makes a duplicate key breaks it too.
  std::string two = kHeader + "      - name: A\n        action: UpdateOS\n        onFailure: Abort\n";
  auto file2 = std::make_shared<const SourceFile>("t.yaml", two);
  Diagnostic rename;
  rename.rule = d.rule;
  uint32_t key = static_cast<uint32_t>(two.find("onFailure"));
  rename.span = {key, key + 9};
  rename.fixes.push_back({"rename", {{rename.span, "action"}}, true});
  FileLint lint2 = lint_file(*file2, {});
  lint2.diagnostics.push_back(rename);
  EXPECT_TRUE(fix_file(file2, lint2, {}).would_break_yaml);
}

TEST(FixFile, ExistingSyntaxErrorsDoNotBlockOtherFixes) {
  std::string text = kHeader + "      - name: A\n        action: UpdateOS\n        x: \"unclosed\n";
  auto file = std::make_shared<const SourceFile>("t.yaml", text);
  FileLint lint = lint_file(*file, {});
  ASSERT_TRUE(lint.linted);
  ASSERT_FALSE(lint.diagnostics.empty());  // the syntax error
  Diagnostic d;
  d.rule = &all_rules().front()->info();
  uint32_t at = static_cast<uint32_t>(text.find("A\n"));
  d.span = {at, at + 1};
  d.fixes.push_back({"rename", {{d.span, "Install"}}, true});
  lint.diagnostics.push_back(d);
  FixResult result = fix_file(file, lint, {});
  EXPECT_FALSE(result.would_break_yaml);
  EXPECT_TRUE(result.changed);
  EXPECT_NE(result.file->bytes().find("- name: Install\n"), std::string::npos);
}

TEST(FixFile, FilesThatAreNotLintedAreLeftAlone) {
  FixResult result = fix("apiVersion: v1\nkind: ConfigMap\n");
  EXPECT_FALSE(result.changed);
  EXPECT_FALSE(result.lint.linted);
}

}  // namespace
}  // namespace iblint
