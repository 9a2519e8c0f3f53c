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

}  // namespace
}  // namespace iblint
