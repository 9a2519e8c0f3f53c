#include "util/edit_distance.h"

#include <gtest/gtest.h>

namespace iblint {
namespace {

TEST(EditDistance, CountsInsertionsDeletionsAndSubstitutions) {
  EXPECT_EQ(edit_distance("", ""), 0u);
  EXPECT_EQ(edit_distance("abc", ""), 3u);
  EXPECT_EQ(edit_distance("", "abc"), 3u);
  EXPECT_EQ(edit_distance("kitten", "sitting"), 3u);
  EXPECT_EQ(edit_distance("select", "selct"), 1u);
  EXPECT_EQ(edit_distance("IB999", "IB099"), 1u);
  EXPECT_EQ(edit_distance("same", "same"), 0u);
}

TEST(EditDistance, AdjacentSwapCostsOne) {
  EXPECT_EQ(edit_distance("slecet", "select"), 2u);
  EXPECT_EQ(edit_distance("ignroe", "ignore"), 1u);
  EXPECT_EQ(edit_distance("ab", "ba"), 1u);
}

TEST(EditDistance, IsSymmetric) {
  EXPECT_EQ(edit_distance("exclude", "exlcdue"), edit_distance("exlcdue", "exclude"));
  EXPECT_EQ(edit_distance("fail-on", "failon"), edit_distance("failon", "fail-on"));
}

TEST(EditDistance, ClosestPicksNearestWithinLimit) {
  std::vector<std::string_view> keys = {"select", "ignore", "severity", "exclude", "profile", "fail-on"};
  EXPECT_EQ(closest("selct", keys, 2), "select");
  EXPECT_EQ(closest("failon", keys, 2), "fail-on");
  EXPECT_EQ(closest("excludes", keys, 2), "exclude");
  EXPECT_EQ(closest("something", keys, 2), "");
  EXPECT_EQ(closest("select", keys, 0), "select");
  EXPECT_EQ(closest("x", {}, 5), "");
}

TEST(EditDistance, ClosestPrefersCaseInsensitiveMatchAndEarlierTies) {
  EXPECT_EQ(closest("ib103", {"IB102", "IB103"}, 1), "IB103");
  EXPECT_EQ(closest("IB100", {"IB101", "IB102"}, 1), "IB101");
}

}  // namespace
}  // namespace iblint

namespace iblint {
namespace {

TEST(EditDistance, TypoDistanceGrowsWithWordLength) {
  EXPECT_EQ(typo_distance("IB3"), 1u);
  EXPECT_EQ(typo_distance("selct"), 2u);
  EXPECT_EQ(typo_distance("duplicate-step-nme"), 4u);
}

}  // namespace
}  // namespace iblint
