#include "util/wildcard_match.h"

#include <gtest/gtest.h>

#include <initializer_list>
#include <random>
#include <string>
#include <string_view>

namespace iblint {
namespace {

/// One expectation: whether pattern matches text, with or without ASCII case folding.
struct Case {
  std::string_view pattern, text;
  bool matches;
};

void expect_cases(std::initializer_list<Case> cases, bool ignore_case = false) {
  for (const Case& c : cases) {
    EXPECT_EQ(wildcard_match(c.pattern, c.text, ignore_case), c.matches)
        << "pattern `" << c.pattern << "` text `" << c.text << "` ignore_case " << ignore_case;
  }
}

TEST(WildcardMatch, EmptyPatternMatchesOnlyEmptyText) {
  expect_cases({{"", "", true}, {"", "a", false}, {"a", "", false}, {"?", "", false}});
}

TEST(WildcardMatch, LoneStarMatchesAnything) {
  expect_cases({{"*", "", true}, {"*", "anything at all", true}, {"**", "", true}, {"***", "abc", true}});
}

TEST(WildcardMatch, ManyStarsBacktrackToTheLastOne) {
  expect_cases({{"a*b*c", "abc", true}, {"a*b*c", "axxbyyc", true}, {"a*b*c", "axxbyy", false}});
  expect_cases({{"*ab*ab", "xabyabzab", true}, {"*ab*abc", "xabyabzab", false}});
  expect_cases({
      {"arn:aws:s3:::my-*-logs/*", "arn:aws:s3:::my-build-logs/k", true},
      {"arn:aws:s3:::my-*-logs/*", "arn:aws:s3:::my-build-log/k", false},
  });
}

TEST(WildcardMatch, QuestionMarkIsExactlyOneByte) {
  expect_cases({{"a?c", "abc", true}, {"a?c", "ac", false}, {"a?c", "abbc", false}});
  expect_cases({{"a*?b", "ab", false}, {"a*?b", "axb", true}});
  expect_cases({{"a?b", "a/b", true}});  // '/' is an ordinary byte here
}

TEST(WildcardMatch, CaseFoldingIsAsciiOnlyAndOptional) {
  expect_cases({{"s3:Put*", "s3:putobject", false}, {"S3:GETOBJECT", "s3:getObject", false}});
  expect_cases(
      {
          {"s3:Put*", "s3:putobject", true},
          {"S3:GETOBJECT", "s3:getObject", true},
          {"s3:Get?bject", "s3:getobjekt", false},
          {"\xc3\x89", "\xc3\xa9", false},  // `É` and `é`: bytes outside ASCII stay as they are
          {"@", "`", false},                // 0x40 and 0x60 differ by the case bit but are not letters
      },
      true);
}

TEST(WildcardMatch, StarInPatternStaysAWildcardAgainstAStarInText) {
  expect_cases({{"*a", "*ba", true}, {"*.yml", "*draft*.yml", true}, {"*a", "*ab", false}});
  // In text, `*` and `?` are ordinary bytes.
  expect_cases({{"a?c", "a*c", true}, {"a*c", "a?b", false}});
  expect_cases({{"a*", "A*", true}}, true);
}

TEST(WildcardMatch, PathologicalPatternFinishesFast) {
  // Retrying every earlier star would take exponential time on these; backtracking only to
  // the last star is linear in the text for them.
  const std::string run_of_a(1'000'000, 'a');
  EXPECT_FALSE(wildcard_match("*a*a*a*a*b", run_of_a));
  EXPECT_TRUE(wildcard_match("*a*a*a*a*b", run_of_a + "b"));
  EXPECT_TRUE(wildcard_match("*a*a*a*a*", run_of_a));
  EXPECT_FALSE(wildcard_match("*?*?*?*?*b", run_of_a));
}

/// The wildcards by their definition, tried split by split (exponential, for small inputs):
/// the reference the fast matcher must agree with.
bool reference_match(std::string_view pattern, std::string_view text, bool ignore_case) {
  if (pattern.empty()) return text.empty();
  if (pattern[0] == '*') {
    for (size_t take = 0; take <= text.size(); ++take) {
      if (reference_match(pattern.substr(1), text.substr(take), ignore_case)) return true;
    }
    return false;
  }
  if (text.empty()) return false;
  char p = pattern[0], t = text[0];
  if (ignore_case) {
    if (p >= 'A' && p <= 'Z') p = static_cast<char>(p - 'A' + 'a');
    if (t >= 'A' && t <= 'Z') t = static_cast<char>(t - 'A' + 'a');
  }
  if (pattern[0] != '?' && p != t) return false;
  return reference_match(pattern.substr(1), text.substr(1), ignore_case);
}

TEST(WildcardMatch, AgreesWithTheDefinitionOnRandomInputs) {
  std::mt19937 rng(7);
  const std::string pattern_bytes = "abA*?", text_bytes = "abAB*?";
  for (int round = 0; round < 20000; ++round) {
    std::string pattern, text;
    for (size_t n = rng() % 7; n > 0; --n) pattern += pattern_bytes[rng() % pattern_bytes.size()];
    for (size_t n = rng() % 9; n > 0; --n) text += text_bytes[rng() % text_bytes.size()];
    const bool ignore_case = rng() % 2;
    ASSERT_EQ(wildcard_match(pattern, text, ignore_case), reference_match(pattern, text, ignore_case))
        << "pattern `" << pattern << "` text `" << text << "` ignore_case " << ignore_case;
  }
}

TEST(WildcardMatch, SameByteFoldsOnlyWhenAsked) {
  EXPECT_TRUE(same_byte('a', 'a', false));
  EXPECT_FALSE(same_byte('a', 'A', false));
  EXPECT_TRUE(same_byte('a', 'A', true));
  EXPECT_TRUE(same_byte('Z', 'z', true));
  EXPECT_FALSE(same_byte('[', '{', true));
}

}  // namespace
}  // namespace iblint
