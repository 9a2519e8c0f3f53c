#include "iam/text_pattern.h"

#include <gtest/gtest.h>

#include <string>

namespace iblint::iam {
namespace {

Text lit(const char* s) { return Text::literal(s); }

TEST(TextPattern, LiteralsAndWildcards) {
  EXPECT_EQ(match(lit("arn:aws:s3:::logs/*"), lit("arn:aws:s3:::logs/a/b.txt")), Tri::Yes);
  EXPECT_EQ(match(lit("arn:aws:s3:::logs/*"), lit("arn:aws:s3:::logs")), Tri::No);
  EXPECT_EQ(match(lit("arn:aws:s3:::log?/x"), lit("arn:aws:s3:::logs/x")), Tri::Yes);
  EXPECT_EQ(match(lit("*"), lit("")), Tri::Yes);
  EXPECT_EQ(match(lit("arn:aws:s3:::my-*-logs/*"), lit("arn:aws:s3:::my-build-logs/k")), Tri::Yes);
  EXPECT_EQ(match(lit("arn:aws:s3:::my-*-logs/*"), lit("arn:aws:s3:::my-build-log/k")), Tri::No);
}

TEST(TextPattern, ActionsIgnoreCaseWhenAsked) {
  EXPECT_EQ(match(lit("s3:Put*"), lit("s3:putobject"), true), Tri::Yes);
  EXPECT_EQ(match(lit("s3:Put*"), lit("s3:putobject"), false), Tri::No);
}

TEST(TextPattern, SameSymbolMatchesItself) {
  Text pattern = lit("arn:aws:s3:::");
  pattern.append_symbol("LogBucket").append_literal("/*");
  Text subject = lit("arn:aws:s3:::");
  subject.append_symbol("LogBucket").append_literal("/builds/").append_symbol("key");
  EXPECT_EQ(match(pattern, subject), Tri::Yes);
}

TEST(TextPattern, UnknownSymbolsGiveMaybe) {
  Text pattern = lit("arn:aws:s3:::");
  pattern.append_symbol("BucketParameter").append_literal("/*");
  EXPECT_EQ(match(pattern, lit("arn:aws:s3:::logs/x")), Tri::Maybe);
  Text subject = lit("arn:aws:s3:::");
  subject.append_symbol("OtherBucket").append_literal("/x");
  EXPECT_EQ(match(lit("arn:aws:s3:::logs/*"), subject), Tri::Maybe);
  // A symbol cannot make a mismatch before it disappear.
  EXPECT_EQ(match(pattern, lit("arn:aws:ec2:::logs/x")), Tri::No);
}

TEST(TextPattern, PartitionMatchesAnyLiteralPartition) {
  Text subject = lit("arn:");
  subject.append_symbol(kPartition).append_literal(":s3:::logs/x");
  EXPECT_EQ(match(lit("arn:aws:s3:::logs/*"), subject), Tri::Yes);
  EXPECT_EQ(match(lit("arn:aws-cn:s3:::logs/*"), subject), Tri::Yes);
  EXPECT_EQ(match(lit("arn:aws:s3:::other/*"), subject), Tri::No);
  Text pattern = lit("arn:");
  pattern.append_symbol(kPartition).append_literal(":s3:::logs/*");
  EXPECT_EQ(match(pattern, subject), Tri::Yes);
  // The pattern's partition cannot stand for more than a partition name.
  EXPECT_EQ(match(pattern, lit("arn:aws:s3:::logs/x")), Tri::Yes);
  Text other = lit("arn:");
  other.append_symbol(kPartition).append_literal(":s3:::logs/other/*");
  Text key = lit("arn:");
  key.append_symbol(kPartition).append_literal(":s3:::logs/builds/").append_symbol("key");
  EXPECT_EQ(match(other, key), Tri::No);
}

TEST(TextPattern, BacktracksPastAnEarlierStar) {
  EXPECT_EQ(match(lit("*ab*ab"), lit("xabyabzab")), Tri::Yes);
  EXPECT_EQ(match(lit("*ab*abc"), lit("xabyabzab")), Tri::No);
  EXPECT_EQ(match(lit("a*?b"), lit("ab")), Tri::No);
  EXPECT_EQ(match(lit("a*?b"), lit("axb")), Tri::Yes);
  EXPECT_EQ(match(lit("**"), lit("")), Tri::Yes);
  EXPECT_EQ(match(lit(""), lit("")), Tri::Yes);
  EXPECT_EQ(match(lit(""), lit("a")), Tri::No);
  // A `*` or `?` in the subject is a character like any other.
  EXPECT_EQ(match(lit("a?c"), lit("a*c")), Tri::Yes);
  EXPECT_EQ(match(lit("a*"), lit("A*"), true), Tri::Yes);
  // A `*` of the pattern against a `*` of the subject is still a wildcard.
  EXPECT_EQ(match(lit("*a"), lit("*ba")), Tri::Yes);
}

TEST(TextPattern, LiteralPiecesWrittenSeparatelyMatchAsOneText) {
  Text pattern;
  pattern.pieces = {{false, "arn:aws:s3:::lo"}, {false, "gs/*"}};
  Text subject;
  subject.pieces = {{false, "arn:aws:s3:::"}, {false, "logs/"}, {false, "x"}};
  EXPECT_EQ(match(pattern, subject), Tri::Yes);
  subject.pieces.back().text = "";
  EXPECT_EQ(match(pattern, subject), Tri::Yes);
  subject.pieces = {{false, "arn:aws:s3:::"}, {false, "log"}};
  EXPECT_EQ(match(pattern, subject), Tri::No);
}

TEST(TextPattern, LongWildcardPatternsStayFast) {
  // Backtracking that retried every earlier star would take exponential time here.
  std::string pattern, subject(20000, 'a');
  for (int i = 0; i < 200; ++i) pattern += "*a";
  pattern += "*b";
  EXPECT_EQ(match(lit(pattern.c_str()), lit(subject.c_str())), Tri::No);
  subject.back() = 'b';
  EXPECT_EQ(match(lit(pattern.c_str()), lit(subject.c_str())), Tri::Yes);
}

TEST(TextPattern, TextHelpers) {
  Text t = lit("a");
  t.append_literal("b").append_symbol("X").append_literal("c");
  ASSERT_EQ(t.pieces.size(), 3u);
  EXPECT_EQ(t.str(), "ab${X}c");
  EXPECT_FALSE(t.is_literal());
  EXPECT_TRUE(lit("abc").is_literal());
  EXPECT_EQ(invert(Tri::Maybe), Tri::Maybe);
  EXPECT_EQ(invert(Tri::Yes), Tri::No);
}

}  // namespace
}  // namespace iblint::iam
