// Edge cases of IB210 parameter-definition, IB211 loop-definition and IB212
// condition-definition that the golden fixtures do not spell out: which unquoted values keep
// their text, which regular expressions are valid for RE2 (Go) or ECMAScript, and which
// constant conditions are left alone because the spec does not settle their result.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "engine/linter.h"
#include "source/source_file.h"

namespace iblint {
namespace {

/// The messages one rule reports on a document.
std::vector<std::string> findings(const std::string& rule, const std::string& text) {
  SourceFile file("component.yaml", text);
  LintSettings settings;
  settings.shellcheck = false;
  settings.enabled = [&](const RuleInfo& info) { return info.id == rule; };
  std::vector<std::string> out;
  for (const Diagnostic& d : lint_file(file, settings).diagnostics) out.push_back(d.message);
  return out;
}

std::string with_default(const std::string& value) {
  return "name: P\nschemaVersion: 1.0\nparameters:\n  - Value:\n      type: string\n      default: " + value +
         "\nphases:\n  - name: build\n    steps:\n      - name: S\n        action: ExecuteBash\n        inputs:\n"
         "          commands:\n            - \"echo {{ Value }}\"\n";
}

TEST(ParameterDefinition, ValuesThatKeepTheirTextAreNotReported) {
  for (const char* value : {"'1.10'", "\"yes\"", "1.5", "8080", "0", "-3", "true", "false", "v1.10", "1.2.3",
                            "/opt/app", "''", "us-east-1", "10.0.0.1"}) {
    EXPECT_TRUE(findings("IB210", with_default(value)).empty()) << value;
  }
}

TEST(ParameterDefinition, ValuesThatYamlRewritesAreReported) {
  for (const char* value : {"1.10", "3.0", "1e3", ".5", "0755", "007", "0089", "0x1F", "0o17", "+5", "1_000", "yes",
                            "No", "ON", "off", "y", "True", "FALSE", "2024-01-31", ".inf"}) {
    std::vector<std::string> f = findings("IB210", with_default(value));
    ASSERT_EQ(f.size(), 1u) << value;
    EXPECT_NE(f[0].find("unquoted `" + std::string(value) + "`"), std::string::npos) << f[0];
  }
}

std::string with_pattern(const std::string& pattern, const std::string& value = "'{{ build.S.outputs.stdout }}'") {
  return "name: P\nschemaVersion: 1.0\nphases:\n  - name: build\n    steps:\n      - name: S\n        action: ExecuteBash\n"
         "        inputs:\n          commands:\n            - uname -a\n  - name: validate\n    steps:\n"
         "      - name: Check\n        action: Assert\n        inputs:\n          patternMatches: '" + pattern +
         "'\n          value: " + value + "\n";
}

TEST(ConditionDefinition, Re2PatternsAreAccepted) {
  for (const char* re : {"^[a-zA-Z]+$", "(?i)^linux", "(?P<major>\\d+)\\.(?P<minor>\\d+)", "(?<n>a)", "\\pL+",
                         "\\p{Greek}", "\\Qa.b\\E", "\\Aabc\\z", "a{", "{foo}", "a{,3}", "x{2,}", "[]a]", "[^]a]",
                         "[[:alpha:]]+", "\\x{41}", "(?s:.)", "^*", "a*?b+?c??", "[a\\-z]", "[\\w-]", "\\_", "a|b|",
                         "(?:a|b)+", "\\b\\B\\d\\D\\s\\S\\w\\W", "[.]", "\\123"}) {
    EXPECT_TRUE(findings("IB212", with_pattern(re)).empty()) << re;
  }
}

TEST(ConditionDefinition, BrokenPatternsAreReported) {
  for (const char* re : {"(abc", "abc)", "[abc", "*abc", "a|*b", "(+a)", "a**", "a+*", "x{2}{3}", "a{3,1}", "[z-a]",
                         "[\\d-z]", "abc\\"}) {
    std::vector<std::string> f = findings("IB212", with_pattern(re));
    ASSERT_EQ(f.size(), 1u) << re;
    EXPECT_NE(f[0].find("is not a valid regular expression"), std::string::npos) << f[0];
  }
}

TEST(ConditionDefinition, ConstantPatternIsReportedOnlyWhenSearchAndFullMatchAgree) {
  EXPECT_EQ(findings("IB212", with_pattern("^abc$", "'abc'")).size(), 1u);
  EXPECT_EQ(findings("IB212", with_pattern("^abc$", "'xyz'")).size(), 1u);
  EXPECT_TRUE(findings("IB212", with_pattern("abc", "'xabcx'")).empty());  // search yes, full match no
}

std::string with_condition(const std::string& condition) {
  return "name: P\nschemaVersion: 1.0\nphases:\n  - name: build\n    steps:\n      - name: S\n        action: ExecuteBash\n"
         "        if:\n" + condition + "        inputs:\n          commands:\n            - uname -a\n";
}

TEST(ConditionDefinition, ConstantStringComparisonsDependingOnCaseAreLeftAlone) {
  EXPECT_TRUE(findings("IB212", with_condition("          stringEquals: 'Linux'\n          value: 'linux'\n")).empty());
  std::vector<std::string> same = findings("IB212", with_condition("          stringEquals: 'a'\n          value: 'a'\n"));
  ASSERT_EQ(same.size(), 1u);
  EXPECT_NE(same[0].find("always true"), std::string::npos);
  std::vector<std::string> differ = findings("IB212", with_condition("          stringEquals: 'a'\n          value: 'b'\n"));
  ASSERT_EQ(differ.size(), 1u);
  EXPECT_NE(differ[0].find("always false"), std::string::npos);
  // Which side is the left of `<` is not documented: only an order-independent result is reported.
  EXPECT_TRUE(findings("IB212", with_condition("          numberLessThan: 1\n          value: 2\n")).empty());
  EXPECT_EQ(findings("IB212", with_condition("          numberLessThan: 2\n          value: 2\n")).size(), 1u);
}

TEST(ConditionDefinition, NumbersInOtherNotationsAreNotCalledNonNumeric) {
  for (const char* n : {"'0x10'", "'1e3'", "' 42 '", "'-1.5'", "'.5'", "'Inf'"}) {
    EXPECT_TRUE(findings("IB212", with_condition(std::string("          numberEquals: ") + n +
                                                 "\n          value: '{{ build.X.outputs.stdout }}'\n"))
                    .empty())
        << n;
  }
}

TEST(LoopDefinition, ExpressionsInForAreLeftToTheChainingRuleButVariablesAreReported) {
  auto loop = [](const std::string& end) {
    return "name: P\nschemaVersion: 1.0\nparameters:\n  - Count:\n      type: string\n      default: '3'\n"
           "phases:\n  - name: build\n    steps:\n      - name: S\n        action: ExecuteBash\n        loop:\n"
           "          for:\n            start: 1\n            end: " + end + "\n            updateBy: 1\n"
           "        inputs:\n          commands:\n            - \"echo {{ loop.value }}\"\n";
  };
  EXPECT_TRUE(findings("IB211", loop("'{{ build.X.outputs.stdout }}'")).empty());
  EXPECT_EQ(findings("IB211", loop("'{{ Count }}'")).size(), 1u);
  EXPECT_TRUE(findings("IB211", loop("1")).empty());  // start == end runs once
}

}  // namespace
}  // namespace iblint
