#include "iam/text_pattern.h"

#include <gtest/gtest.h>

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
