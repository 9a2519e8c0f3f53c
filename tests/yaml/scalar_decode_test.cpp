#include "yaml/scalar_decode.h"

#include <gtest/gtest.h>

namespace iblint::yaml {
namespace {

TEST(ScalarDecode, PlainFoldsLines) {
  EXPECT_EQ(decode_plain("a\n  b\n\n  c").value, "a b\nc");
  EXPECT_EQ(decode_plain("  x  ").value, "x");
}

TEST(ScalarDecode, SingleQuotedEscapesQuote) {
  EXPECT_EQ(decode_single_quoted("'it''s'").value, "it's");
  EXPECT_EQ(decode_single_quoted("'a\n  b'").value, "a b");
}

TEST(ScalarDecode, DoubleQuotedEscapes) {
  EXPECT_EQ(decode_double_quoted(R"("a\nb\t\"c\" \\ \x41\u00e9")").value, "a\nb\t\"c\" \\ A\xC3\xA9");
  EXPECT_EQ(decode_double_quoted("\"one\\\n   two\"").value, "onetwo");
  EXPECT_EQ(decode_double_quoted("\"one\n   two\"").value, "one two");
}

TEST(ScalarDecode, LiteralBlockChomping) {
  EXPECT_EQ(decode_block("|\n  a\n  b\n\n", 0).value, "a\nb\n");
  EXPECT_EQ(decode_block("|-\n  a\n  b\n", 0).value, "a\nb");
  EXPECT_EQ(decode_block("|+\n  a\n\n", 0).value, "a\n\n");
  EXPECT_EQ(decode_block("|\n  a\n    indented\n  b\n", 0).value, "a\n  indented\nb\n");
}

TEST(ScalarDecode, FoldedBlock) {
  EXPECT_EQ(decode_block(">\n  a\n  b\n\n  c\n", 0).value, "a b\nc\n");
  EXPECT_EQ(decode_block(">\n  a\n    more\n  b\n", 0).value, "a\n  more\nb\n");
}

// One-line flow scalars skip the line folding; a CR left at the end (CRLF files) is dropped as
// the folding would drop it, and blanks inside quotes stay.
TEST(ScalarDecode, OneLineFlowScalarsMatchTheFoldedResult) {
  EXPECT_EQ(decode_plain("abc\r").value, "abc");
  EXPECT_EQ(decode_single_quoted("'  it''s  '").value, "  it's  ");
  EXPECT_EQ(decode_double_quoted("\" a\\tb \"").value, " a\tb ");
  EXPECT_EQ(decode_double_quoted("\"x\\\"").value, "x\\");  // a lone trailing backslash stays
  Decoded tracked = decode_plain("key\r", true);
  EXPECT_EQ(tracked.value, "key");
  EXPECT_EQ(tracked.offsets, (std::vector<uint32_t>{0, 1, 2, 4}));
}

TEST(ScalarDecode, CrlfBlock) { EXPECT_EQ(decode_block("|\r\n  a\r\n  b\r\n", 0).value, "a\nb\n"); }

TEST(ScalarDecode, ExplicitIndentation) { EXPECT_EQ(decode_block("|2\n    a\n  b\n", 0).value, "  a\nb\n"); }

}  // namespace
}  // namespace iblint::yaml

namespace iblint::yaml {
namespace {

/// The raw text each decoded byte came from, for readable assertions.
std::string sources(std::string_view raw, const Decoded& d) {
  std::string out;
  for (size_t i = 0; i < d.value.size(); ++i) out += raw[d.offsets[i]];
  return out;
}

TEST(ScalarDecode, OffsetsPointBackIntoTheRawText) {
  std::string_view plain = "echo {{ a.b }}";
  Decoded p = decode_plain(plain, true);
  ASSERT_EQ(p.offsets.size(), p.value.size() + 1);
  EXPECT_EQ(sources(plain, p), "echo {{ a.b }}");

  std::string_view single = "'it''s {{ x }}'";
  Decoded s = decode_single_quoted(single, true);
  EXPECT_EQ(s.value, "it's {{ x }}");
  EXPECT_EQ(s.offsets[5], 7u);  // the `{` after "it''s "

  std::string_view dq = "\"a\\tb {{ y }}\"";
  Decoded d = decode_double_quoted(dq, true);
  EXPECT_EQ(d.value, "a\tb {{ y }}");
  EXPECT_EQ(d.offsets[1], 2u);  // the tab comes from its backslash
  EXPECT_EQ(dq[d.offsets[4]], '{');

  std::string_view block = "|\n  line {{ z }}\n  second\n";
  Decoded b = decode_block(block, 0, true);
  EXPECT_EQ(b.value, "line {{ z }}\nsecond\n");
  EXPECT_EQ(block[b.offsets[5]], '{');
  EXPECT_EQ(block[b.offsets[13]], 's');
  EXPECT_EQ(b.offsets.back(), block.size());

  std::string_view folded_plain = "a\n    {{ w }}";
  Decoded f = decode_plain(folded_plain, true);
  EXPECT_EQ(f.value, "a {{ w }}");
  EXPECT_EQ(folded_plain[f.offsets[2]], '{');
}

}  // namespace
}  // namespace iblint::yaml
