#include "yaml/comment_runs.h"

#include <gtest/gtest.h>

#include <string>

namespace iblint::yaml {
namespace {

TEST(CommentRuns, OnlyRunsLongerThanTheLimitAreReturned) {
  std::string text = "a: 1\n# one\n  # two\n\n# three\nb: 2 # not alone\n# four\n";
  std::vector<Span> found = comments_in_long_runs(text, 2);
  ASSERT_EQ(found.size(), 3u);  // one, two, three (blank lines do not end a run); four is alone
  EXPECT_EQ(text.substr(found[0].begin, found[0].end - found[0].begin), "# one");
  EXPECT_EQ(text.substr(found[1].begin, found[1].end - found[1].begin), "# two");
  EXPECT_EQ(text.substr(found[2].begin, found[2].end - found[2].begin), "# three");
  EXPECT_TRUE(comments_in_long_runs(text, 3).empty());
}

TEST(CommentRuns, CarriageReturnsStayAndBlankingKeepsOffsets) {
  std::string text = "# a\r\n# b\r\nk: v\r\n";
  std::vector<Span> found = comments_in_long_runs(text, 1);
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(found[0], (Span{0, 3}));
  EXPECT_EQ(blank_out(text, found), "   \r\n   \r\nk: v\r\n");
}

}  // namespace
}  // namespace iblint::yaml
