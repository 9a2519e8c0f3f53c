#include "util/wildcard_match.h"

#include <gtest/gtest.h>

#include <random>
#include <string>

namespace iblint {
namespace {

TEST(WildcardMatch, EmptyPatternMatchesOnlyEmptyText) {
  EXPECT_TRUE(wildcard_match("", ""));
  EXPECT_FALSE(wildcard_match("", "a"));
  EXPECT_FALSE(wildcard_match("a", ""));
  EXPECT_FALSE(wildcard_match("?", ""));
}

TEST(WildcardMatch, LoneStarMatchesAnything) {
  EXPECT_TRUE(wildcard_match("*", ""));
  EXPECT_TRUE(wildcard_match("*", "anything at all"));
  EXPECT_TRUE(wildcard_match("**", ""));
  EXPECT_TRUE(wildcard_match("***", "abc"));
}

TEST(WildcardMatch, ManyStarsBacktrackToTheLastOne) {
  EXPECT_TRUE(wildcard_match("a*b*c", "abc"));
  EXPECT_TRUE(wildcard_match("a*b*c", "axxbyyc"));
  EXPECT_FALSE(wildcard_match("a*b*c", "axxbyy"));
  EXPECT_TRUE(wildcard_match("*ab*ab", "xabyabzab"));
  EXPECT_FALSE(wildcard_match("*ab*abc", "xabyabzab"));
  EXPECT_TRUE(wildcard_match("arn:aws:s3:::my-*-logs/*", "arn:aws:s3:::my-build-logs/k"));
  EXPECT_FALSE(wildcard_match("arn:aws:s3:::my-*-logs/*", "arn:aws:s3:::my-build-log/k"));
}

TEST(WildcardMatch, QuestionMarkIsExactlyOneByte) {
  EXPECT_TRUE(wildcard_match("a?c", "abc"));
  EXPECT_FALSE(wildcard_match("a?c", "ac"));
  EXPECT_FALSE(wildcard_match("a?c", "abbc"));
  EXPECT_FALSE(wildcard_match("a*?b", "ab"));
  EXPECT_TRUE(wildcard_match("a*?b", "axb"));
  EXPECT_TRUE(wildcard_match("a?b", "a/b"));  // '/' is an ordinary byte here
}

TEST(WildcardMatch, CaseFoldingIsAsciiOnlyAndOptional) {
  EXPECT_FALSE(wildcard_match("s3:Put*", "s3:putobject"));
  EXPECT_TRUE(wildcard_match("s3:Put*", "s3:putobject", true));
  EXPECT_TRUE(wildcard_match("S3:GETOBJECT", "s3:getObject", true));
  EXPECT_FALSE(wildcard_match("s3:Get?bject", "s3:getobjekt", true));
  // Bytes outside ASCII are compared as they are: no locale folding of `É` / `é`.
  EXPECT_FALSE(wildcard_match("\xc3\x89", "\xc3\xa9", true));
  // Only letters fold: '@' (0x40) and '`' (0x60) differ by the case bit but are not a pair.
  EXPECT_FALSE(wildcard_match("@", "`", true));
}

TEST(WildcardMatch, StarInPatternStaysAWildcardAgainstAStarInText) {
  EXPECT_TRUE(wildcard_match("*a", "*ba"));
  EXPECT_TRUE(wildcard_match("*.yml", "*draft*.yml"));
  EXPECT_FALSE(wildcard_match("*a", "*ab"));
  // In text, `*` and `?` are ordinary bytes.
  EXPECT_TRUE(wildcard_match("a?c", "a*c"));
  EXPECT_FALSE(wildcard_match("a*c", "a?b"));
  EXPECT_TRUE(wildcard_match("a*", "A*", true));
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
