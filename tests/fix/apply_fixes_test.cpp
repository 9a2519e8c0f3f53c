#include "fix/apply_fixes.h"

#include <gtest/gtest.h>

namespace iblint {
namespace {

Fix replace(uint32_t begin, uint32_t end, std::string replacement, bool safe = true) {
  return Fix{"fix", {Edit{{begin, end}, std::move(replacement)}}, safe};
}

AppliedFixes apply_all(std::string_view text, const std::vector<Fix>& fixes) {
  std::vector<const Fix*> pointers;
  for (const Fix& fix : fixes) pointers.push_back(&fix);
  return apply_fixes(text, pointers);
}

TEST(ApplyFixes, AppliesEditsByPositionWhateverTheRequestOrder) {
  //                 0123456789
  std::string text = "aaa bbb ccc";
  AppliedFixes out = apply_all(text, {replace(8, 11, "CCC"), replace(0, 3, "A"), replace(4, 7, "bbbbb")});
  EXPECT_EQ(out.text, "A bbbbb CCC");
  EXPECT_EQ(out.count, 3u);
  EXPECT_EQ(out.applied, (std::vector<bool>{true, true, true}));
}

TEST(ApplyFixes, InsertionsAndDeletions) {
  AppliedFixes out = apply_all("key: value\n", {replace(0, 0, "schemaVersion: 1.0\n"), replace(5, 10, "")});
  EXPECT_EQ(out.text, "schemaVersion: 1.0\nkey: \n");
}

TEST(ApplyFixes, LaterOverlappingFixIsSkipped) {
  std::string text = "abcdefghij";
  AppliedFixes out = apply_all(text, {replace(4, 8, "X"), replace(2, 6, "Y")});
  EXPECT_EQ(out.text, "abYghij");  // [2,6) comes first by position
  EXPECT_EQ(out.applied, (std::vector<bool>{false, true}));
  EXPECT_EQ(out.count, 1u);
}

TEST(ApplyFixes, TouchingOrNestedEditsConflictAndWaitForTheNextPass) {
  EXPECT_EQ(apply_all("abcdef", {replace(0, 3, "X"), replace(3, 6, "Y")}).text, "Xdef");
  EXPECT_EQ(apply_all("abcdef", {replace(0, 6, "X"), replace(2, 3, "Y")}).text, "X");
  EXPECT_EQ(apply_all("abcdef", {replace(2, 2, "X"), replace(2, 2, "Y")}).text, "abXcdef");
  EXPECT_EQ(apply_all("abcdef", {replace(1, 4, "X"), replace(4, 4, "Y")}).text, "aXef");
}

TEST(ApplyFixes, AFixIsAppliedWholeOrNotAtAll) {
  Fix both{"both", {Edit{{0, 1}, "A"}, Edit{{4, 5}, "E"}}, true};
  Fix blocker = replace(3, 4, "D");
  AppliedFixes out = apply_all("abcdef", {blocker, both});
  // `both` comes first (its first edit is at 0); `blocker` touches its second edit.
  EXPECT_EQ(out.text, "AbcdEf");
  EXPECT_EQ(out.applied, (std::vector<bool>{false, true}));

  Fix self_overlapping{"bad", {Edit{{0, 3}, "x"}, Edit{{2, 4}, "y"}}, true};
  EXPECT_EQ(apply_all("abcdef", {self_overlapping}).count, 0u);
}

TEST(ApplyFixes, EditsOutsideTheTextOrOnTheByteOrderMarkAreRefused) {
  EXPECT_EQ(apply_all("abc", {replace(2, 9, "X")}).text, "abc");
  EXPECT_EQ(apply_all("abc", {replace(2, 1, "X")}).text, "abc");
  std::string bom = "\xEF\xBB\xBFkey: v\n";
  EXPECT_EQ(apply_all(bom, {replace(0, 3, "")}).count, 0u);
  EXPECT_EQ(apply_all(bom, {replace(3, 6, "name")}).text, "\xEF\xBB\xBFname: v\n");
}

TEST(ApplyFixes, FixesThatChangeNothingAreNotCounted) {
  AppliedFixes out = apply_all("abc", {replace(0, 1, "a")});
  EXPECT_EQ(out.count, 0u);
  EXPECT_EQ(out.text, "abc");
}

TEST(ApplyFixes, KeepsCrlfBomAndTrailingWhitespace) {
  std::string text = "\xEF\xBB\xBF" "a: abort  \r\nb: x\t\r\n\r\n";
  AppliedFixes out = apply_all(text, {replace(6, 11, "Abort")});
  EXPECT_EQ(out.text, "\xEF\xBB\xBF" "a: Abort  \r\nb: x\t\r\n\r\n");
}

TEST(ApplyFixes, LineBreaksOfReplacementsFollowTheFile) {
  EXPECT_EQ(apply_all("a: 1\r\n", {replace(0, 0, "x: 1\n")}).text, "x: 1\r\na: 1\r\n");
  EXPECT_EQ(apply_all("a: 1\r\n", {replace(0, 0, "x: 1\r\n")}).text, "x: 1\r\na: 1\r\n");
  EXPECT_EQ(apply_all("a: 1\n", {replace(0, 0, "x: 1\n")}).text, "x: 1\na: 1\n");
}

TEST(ApplyFixes, ManyFixesAreFast) {
  std::string text;
  std::vector<Fix> fixes;
  for (uint32_t i = 0; i < 100000; ++i) {
    fixes.push_back(replace(static_cast<uint32_t>(text.size()), static_cast<uint32_t>(text.size()) + 3, "yes"));
    text += "no \n";
  }
  AppliedFixes out = apply_all(text, fixes);
  EXPECT_EQ(out.count, 100000u);
  EXPECT_EQ(out.text.substr(0, 8), "yes\nyes\n");
}

}  // namespace
}  // namespace iblint
