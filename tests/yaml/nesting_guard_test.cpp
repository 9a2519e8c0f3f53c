#include "yaml/nesting_guard.h"

#include <gtest/gtest.h>

#include <string>

namespace iblint::yaml {
namespace {

std::string repeat(std::string_view piece, int times) {
  std::string out;
  for (int i = 0; i < times; ++i) out += piece;
  return out;
}

TEST(NestingGuard, OrdinaryDocumentsPass) {
  EXPECT_FALSE(find_excessive_nesting("phases:\n  - name: build\n    steps:\n      - name: A\n        action: UpdateOS\n"));
  EXPECT_FALSE(find_excessive_nesting("{\"a\": [1, {\"b\": [[]]}]}"));
  EXPECT_FALSE(find_excessive_nesting(""));
}

TEST(NestingGuard, FindsTheFirstByteBeyondTheLimit) {
  EXPECT_EQ(find_excessive_nesting(repeat("[", 5), 3), 3u);
  EXPECT_EQ(find_excessive_nesting(repeat("{a: ", 5), 3), 12u);
  EXPECT_EQ(find_excessive_nesting(repeat("- ", 5) + "x", 3), 6u);
  EXPECT_EQ(find_excessive_nesting("a:\n" + repeat(" ", 4) + "b", 3), 6u);  // indentation bounds block depth
  EXPECT_FALSE(find_excessive_nesting(repeat("[]", 100), 3));                // closed brackets do not add up
  // Indentation is counted as one run: the answer is still the exact byte.
  EXPECT_EQ(find_excessive_nesting("a:\n" + repeat(" ", 20000) + "b"), 3u + kMaxParseNesting);
  EXPECT_FALSE(find_excessive_nesting(repeat("a:\n" + repeat(" ", 9999) + "b\n", 3)));
  EXPECT_EQ(find_excessive_nesting("x\n  - - [[" + repeat(" ", 10), 3), 6u);  // indentation, then indicators
}

TEST(NestingGuard, TextNoLongerThanTheLimitCannotExceedIt) {
  // Each byte adds at most one level, which is why short texts are not scanned at all.
  EXPECT_FALSE(find_excessive_nesting(repeat("[", 3), 3));
  EXPECT_EQ(find_excessive_nesting(repeat("[", 4), 3), 3u);
  EXPECT_FALSE(find_excessive_nesting(repeat(" ", 3), 3));
  EXPECT_EQ(find_excessive_nesting(repeat(" ", 3) + "-", 3), 3u);  // a lone `-` at the end is an indicator
}

TEST(NestingGuard, BracketsInQuotesAndCommentsDoNotCount) {
  EXPECT_FALSE(find_excessive_nesting("a: \"[[[[[\"\nb: '{{{{''{{'\n# [[[[[[\nc: x # {{{{{{\n", 3));
  EXPECT_FALSE(find_excessive_nesting("a: \"\\\"[[[[[\"\n", 3));  // an escaped quote does not end the string
  // A bracket inside a word is not a comment or quote start; it counts.
  EXPECT_TRUE(find_excessive_nesting("a: x'[[[[\n", 3));
}

TEST(NestingGuard, AQuoteLeftOpenAtTheLineEndHidesNothing) {
  // Skipping an unclosed quote to the end of the file would let deep text through unseen.
  EXPECT_EQ(find_excessive_nesting("\"" + repeat("[", 5), 3), 4u);
  EXPECT_EQ(find_excessive_nesting("a: 'x\n" + repeat("[", 5), 3), 9u);
}

}  // namespace
}  // namespace iblint::yaml
