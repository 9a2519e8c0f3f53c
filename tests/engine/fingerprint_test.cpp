#include "engine/fingerprint.h"

#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "engine/rule.h"
#include "tests/support/diagnostic_builders.h"

namespace iblint {
namespace {
using test_support::find;

const RuleInfo kRuleA{"IBT01", "rule-a", Severity::Error, "A"};
const RuleInfo kRuleB{"IBT02", "rule-b", Severity::Error, "B"};

FileResult file_with(const std::string& text, std::vector<std::pair<const RuleInfo*, Span>> findings) {
  FileResult file{"f.yaml", std::make_shared<SourceFile>("f.yaml", text), {}};
  for (auto [rule, span] : findings) {
    Diagnostic d;
    d.rule = rule;
    d.span = span;
    file.diagnostics.push_back(d);
  }
  return file;
}

TEST(Fingerprint, AnchorTextIsTheLineTrimmedWithSpacesCollapsed) {
  std::string text = "\xEF\xBB\xBFkey:  value\r\n  \t- name:\t\tA   # note  \r\nlast";
  SourceFile file("f", text);
  EXPECT_EQ(anchor_text(&file, find(text, "value")), "key: value");  // BOM and CRLF dropped
  EXPECT_EQ(anchor_text(&file, find(text, "A")), "- name: A # note");
  EXPECT_EQ(anchor_text(&file, {static_cast<uint32_t>(text.size()), static_cast<uint32_t>(text.size())}), "last");
  EXPECT_EQ(anchor_text(&file, {9999, 9999}), "last");  // clamped, never past the end
  EXPECT_EQ(anchor_text(nullptr, {0, 0}), "");
}

TEST(Fingerprint, SurvivesLinesAddedAboveAndReindentation) {
  std::string text = "a: 1\nsteps:\n  - name: A\n";
  std::string moved = "# new\n\nextra: 2\na: 1\nsteps:\n    -   name: A\n";
  auto before = fingerprints(file_with(text, {{&kRuleA, find(text, "A")}}));
  auto after = fingerprints(file_with(moved, {{&kRuleA, find(moved, "A")}}));
  ASSERT_EQ(before.size(), 1u);
  EXPECT_EQ(before, after);
  EXPECT_EQ(before[0].size(), 18u);
  EXPECT_EQ(before[0].substr(16), ":1");
}

TEST(Fingerprint, DependsOnRuleAndLineTextAndCountsRepeats) {
  std::string text = "- name: A\n- name: A\n- name: B\n";
  auto prints = fingerprints(file_with(text, {{&kRuleA, find(text, "A", 0)},
                                              {&kRuleA, find(text, "A", 1)},
                                              {&kRuleB, find(text, "A", 1)},
                                              {&kRuleA, find(text, "B")}}));
  ASSERT_EQ(prints.size(), 4u);
  EXPECT_EQ(prints[0].substr(0, 16), prints[1].substr(0, 16));  // same rule, identical lines
  EXPECT_EQ(prints[0].substr(16), ":1");
  EXPECT_EQ(prints[1].substr(16), ":2");
  EXPECT_NE(prints[1].substr(0, 16), prints[2].substr(0, 16));  // another rule
  EXPECT_EQ(prints[2].substr(16), ":1");
  EXPECT_NE(prints[0].substr(0, 16), prints[3].substr(0, 16));  // another line
}

TEST(Fingerprint, ChangesWhenTheFindingsLineChanges) {
  std::string text = "action: ExecuteBAsh\n";
  std::string edited = "action: ExecuteBAshh\n";
  EXPECT_NE(fingerprints(file_with(text, {{&kRuleA, {8, 19}}})), fingerprints(file_with(edited, {{&kRuleA, {8, 20}}})));
}

}  // namespace
}  // namespace iblint
