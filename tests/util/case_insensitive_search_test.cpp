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

TEST(CaseInsensitiveSearch, FindsTheWordAtEitherEndAndAfterFalseStarts) {
  EXPECT_TRUE(contains_ignoring_case("Exit 194", "exit"));              // at the start, capital
  EXPECT_TRUE(contains_ignoring_case("echo done; EXIT", "exit"));       // at the very end
  EXPECT_TRUE(contains_ignoring_case("eE eXeXiT", "exit"));             // capital and small starts interleaved
  EXPECT_TRUE(contains_ignoring_case("x-y-z-1.2", "-1."));             // a word that starts with no letter
  EXPECT_FALSE(contains_ignoring_case("eeeeEEEEexi", "exit"));          // starts everywhere, none complete
  EXPECT_FALSE(contains_ignoring_case("exiT", "exits"));                // longer than the text
  EXPECT_FALSE(contains_ignoring_case(std::string_view("ex\0it", 5), "exit"));  // a NUL is a byte like any other
  EXPECT_TRUE(contains_ignoring_case(std::string_view("a\0EXIT", 6), "exit"));
  std::string long_text(5000, 'e');
  EXPECT_FALSE(contains_ignoring_case(long_text, "exit"));
  EXPECT_TRUE(contains_ignoring_case(long_text + "xit", "exit"));
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
