#include "util/case_insensitive_search.h"

#include <gtest/gtest.h>

namespace iblint {
namespace {

TEST(CaseInsensitiveSearch, FindsTheWordInAnyCase) {
  EXPECT_TRUE(contains_ignoring_case("AdminPassword", "pass"));
  EXPECT_TRUE(contains_ignoring_case("sudo SHUTDOWN -r now", "shutdown"));
  EXPECT_TRUE(contains_ignoring_case("Restart-Computer", "restart-computer"));
  EXPECT_TRUE(contains_ignoring_case("token", "token"));
  EXPECT_TRUE(contains_ignoring_case("exiexit", "exit"));  // a partial match first
  EXPECT_TRUE(contains_ignoring_case("anything", ""));
}

TEST(CaseInsensitiveSearch, MissesWhatIsNotThere) {
  EXPECT_FALSE(contains_ignoring_case("echo step 1", "exit"));
  EXPECT_FALSE(contains_ignoring_case("exi", "exit"));
  EXPECT_FALSE(contains_ignoring_case("", "key"));
  EXPECT_FALSE(contains_ignoring_case("p\xC3\xA4ss", "pass"));  // only ASCII letters fold
}

TEST(CaseInsensitiveSearch, StartsWithComparesOnlyThePrefix) {
  EXPECT_TRUE(starts_with_ignoring_case("SecretKey", "secret"));
  EXPECT_TRUE(starts_with_ignoring_case("key", "key"));
  EXPECT_TRUE(starts_with_ignoring_case("x", ""));
  EXPECT_FALSE(starts_with_ignoring_case("MySecret", "secret"));  // not at the start
  EXPECT_FALSE(starts_with_ignoring_case("ke", "key"));
  EXPECT_FALSE(starts_with_ignoring_case("\xC3\x84KIA", "\xC3\xA4kia"));  // only ASCII letters fold
  EXPECT_EQ(ascii_lower('Q'), 'q');
  EXPECT_EQ(ascii_lower('['), '[');  // the byte after 'Z'
  EXPECT_EQ(ascii_lower('@'), '@');  // the byte before 'A'
}

}  // namespace
}  // namespace iblint
