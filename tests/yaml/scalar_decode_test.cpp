#include "yaml/scalar_decode.h"

#include <gtest/gtest.h>

namespace iblint::yaml {
namespace {

TEST(ScalarDecode, PlainFoldsLines) {
  EXPECT_EQ(decode_plain("a\n  b\n\n  c"), "a b\nc");
  EXPECT_EQ(decode_plain("  x  "), "x");
}

TEST(ScalarDecode, SingleQuotedEscapesQuote) {
  EXPECT_EQ(decode_single_quoted("'it''s'"), "it's");
  EXPECT_EQ(decode_single_quoted("'a\n  b'"), "a b");
}

TEST(ScalarDecode, DoubleQuotedEscapes) {
  EXPECT_EQ(decode_double_quoted(R"("a\nb\t\"c\" \\ \x41\u00e9")"), "a\nb\t\"c\" \\ A\xC3\xA9");
  EXPECT_EQ(decode_double_quoted("\"one\\\n   two\""), "onetwo");
  EXPECT_EQ(decode_double_quoted("\"one\n   two\""), "one two");
}

TEST(ScalarDecode, LiteralBlockChomping) {
  EXPECT_EQ(decode_block("|\n  a\n  b\n\n", 0), "a\nb\n");
  EXPECT_EQ(decode_block("|-\n  a\n  b\n", 0), "a\nb");
  EXPECT_EQ(decode_block("|+\n  a\n\n", 0), "a\n\n");
  EXPECT_EQ(decode_block("|\n  a\n    indented\n  b\n", 0), "a\n  indented\nb\n");
}

TEST(ScalarDecode, FoldedBlock) {
  EXPECT_EQ(decode_block(">\n  a\n  b\n\n  c\n", 0), "a b\nc\n");
  EXPECT_EQ(decode_block(">\n  a\n    more\n  b\n", 0), "a\n  more\nb\n");
}

TEST(ScalarDecode, CrlfBlock) { EXPECT_EQ(decode_block("|\r\n  a\r\n  b\r\n", 0), "a\nb\n"); }

TEST(ScalarDecode, ExplicitIndentation) { EXPECT_EQ(decode_block("|2\n    a\n  b\n", 0), "  a\nb\n"); }

}  // namespace
}  // namespace iblint::yaml
