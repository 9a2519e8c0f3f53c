#include "rules/script_findings_cache.h"

#include <gtest/gtest.h>

#include <string>

namespace iblint {
namespace {

const RuleInfo kRule{"IBT01", "test-rule", Severity::Warning, "test", false};
const RuleInfo kOtherRule{"IBT02", "other-test-rule", Severity::Warning, "test", false};

/// A plain scalar over file bytes [begin, begin + value.size()).
yaml::Node scalar_at(const std::string& bytes, const std::string& value, yaml::Style style = yaml::Style::Plain) {
  yaml::Node node;
  node.type = yaml::ScalarType::String;
  node.style = style;
  node.value = value;
  size_t begin = bytes.find(value);
  node.span = {static_cast<uint32_t>(begin), static_cast<uint32_t>(begin + value.size())};
  if (style == yaml::Style::DoubleQuoted) node.span = {node.span.begin - 1, node.span.end + 1};
  return node;
}

/// Reports `chmod` inside the scalar (with a fix and a related place there) and counts its runs.
struct CountingCheck {
  const yaml::Node& node;
  int& runs;
  void operator()(Reporter& out) const {
    ++runs;
    size_t at = node.value.find("chmod");
    if (at == std::string::npos) return;
    uint32_t begin = node.span.begin + (node.style == yaml::Style::Plain ? 0 : 1) + static_cast<uint32_t>(at);
    Diagnostic& d = out.report({begin, begin + 5}, "chmod here");
    d.related.push_back({{node.span.begin, node.span.end}, "in this script", nullptr});
    d.fixes.push_back({"drop it", {{{begin, begin + 5}, "true"}}, true});
  }
};

/// Turns the caches on for one test (the language server's setting) and off again after it.
class ScriptFindingsCache : public ::testing::Test {
 protected:
  void SetUp() override { keep_results_between_lints(true); }
  void TearDown() override { keep_results_between_lints(false); }
};

std::vector<Diagnostic> run(const RuleInfo& rule, const SourceFile& file, const yaml::Node& node, Shell shell, int& runs) {
  Reporter out(rule);
  cached_script_findings(rule, file, node, shell, out, CountingCheck{node, runs});
  return out.diagnostics();
}

TEST_F(ScriptFindingsCache, ReplaysTheSameScriptMovedWithItsSpans) {
  const std::string value = "sudo chmod 777 /etc/cache-test-1";
  SourceFile first("a.yaml", "- " + value + "\n");
  SourceFile moved("a.yaml", "# a comment\n- other\n- " + value + "\n");
  yaml::Node a = scalar_at(first.bytes(), value), b = scalar_at(moved.bytes(), value);
  int runs = 0;
  std::vector<Diagnostic> found = run(kRule, first, a, Shell::Bash, runs);
  std::vector<Diagnostic> replayed = run(kRule, moved, b, Shell::Bash, runs);
  EXPECT_EQ(runs, 1);  // the second came from the cache
  ASSERT_EQ(found.size(), 1u);
  ASSERT_EQ(replayed.size(), 1u);
  uint32_t delta = b.span.begin - a.span.begin;
  EXPECT_EQ(replayed[0].span.begin, found[0].span.begin + delta);
  EXPECT_EQ(moved.text(replayed[0].span), "chmod");
  EXPECT_EQ(replayed[0].related[0].span.begin, b.span.begin);
  EXPECT_EQ(replayed[0].fixes[0].edits[0].span.begin, replayed[0].span.begin);
  EXPECT_EQ(replayed[0].message, "chmod here");
  EXPECT_EQ(replayed[0].rule, &kRule);
}

TEST_F(ScriptFindingsCache, AnotherRuleShellOrSourceTextChecksAgain) {
  const std::string value = "chmod 777 /etc/cache-test-2";
  SourceFile plain("a.yaml", "- " + value + "\n");
  SourceFile quoted("a.yaml", "- \"" + value + "\"\n");
  yaml::Node p = scalar_at(plain.bytes(), value), q = scalar_at(quoted.bytes(), value, yaml::Style::DoubleQuoted);
  int runs = 0;
  run(kRule, plain, p, Shell::Bash, runs);
  run(kOtherRule, plain, p, Shell::Bash, runs);
  run(kRule, plain, p, Shell::PowerShell, runs);
  std::vector<Diagnostic> in_quotes = run(kRule, quoted, q, Shell::Bash, runs);  // same value, other text
  EXPECT_EQ(runs, 4);
  ASSERT_EQ(in_quotes.size(), 1u);
  EXPECT_EQ(quoted.text(in_quotes[0].span), "chmod");
  run(kRule, quoted, q, Shell::Bash, runs);
  EXPECT_EQ(runs, 4);
}

TEST_F(ScriptFindingsCache, SameSourceTextWithAnotherValueChecksAgain) {
  // Only the source text is hashed; the value is still compared (a check reads both).
  const std::string value = "chmod 777 /etc/cache-test-5";
  SourceFile file("a.yaml", "- " + value + "\n");
  yaml::Node node = scalar_at(file.bytes(), value);
  yaml::Node other_value = node;
  other_value.value = "echo other /etc/cache-test-5";
  int runs = 0;
  EXPECT_EQ(run(kRule, file, node, Shell::Bash, runs).size(), 1u);
  EXPECT_TRUE(run(kRule, file, other_value, Shell::Bash, runs).empty());
  EXPECT_EQ(runs, 2);
  EXPECT_EQ(run(kRule, file, node, Shell::Bash, runs).size(), 1u);
  EXPECT_EQ(runs, 2);  // the first is still there
}

TEST_F(ScriptFindingsCache, FindingsOutsideTheScalarAreNeverReplayed) {
  const std::string value = "echo cache-test-3";
  SourceFile file("a.yaml", "key: x\n- " + value + "\n");
  yaml::Node node = scalar_at(file.bytes(), value);
  int runs = 0;
  auto outside = [&](Reporter& out) {
    ++runs;
    out.report({0, 3}, "at the key");
  };
  for (int i = 0; i < 2; ++i) {
    Reporter out(kRule);
    cached_script_findings(kRule, file, node, Shell::Bash, out, outside);
    ASSERT_EQ(out.diagnostics().size(), 1u);
    EXPECT_EQ(out.diagnostics()[0].span.begin, 0u);
  }
  EXPECT_EQ(runs, 2);
}

TEST(ScriptFindingsCacheOff, EveryCheckRunsWhenResultsAreNotKept) {
  keep_results_between_lints(false);  // the command line's default (the language server turns it on)
  const std::string value = "chmod 777 /etc/cache-test-4";
  SourceFile file("a.yaml", "- " + value + "\n");
  yaml::Node node = scalar_at(file.bytes(), value);
  int runs = 0;
  run(kRule, file, node, Shell::Bash, runs);
  EXPECT_EQ(run(kRule, file, node, Shell::Bash, runs).size(), 1u);
  EXPECT_EQ(runs, 2);
}

}  // namespace
}  // namespace iblint
