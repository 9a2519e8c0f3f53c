#include "lsp/text_lines.h"

#include <gtest/gtest.h>

namespace iblint::lsp {
namespace {

TEST(TextLinesTest, CountsLfCrlfAndCrLineBreaks) {
  std::string text = "a\nb\r\nc\rd";
  TextLines lines(text);
  ASSERT_EQ(lines.count(), 4u);
  EXPECT_EQ(lines.start(2), 5u);
  EXPECT_EQ(lines.content_end(text, 1), 3u);
  EXPECT_EQ(lines.line_of(6), 2u);
}

TEST(TextLinesTest, Utf16CountsSurrogatePairsAsTwoUnits) {
  std::string text = "x: \xF0\x9F\x98\x80\xC3\xA9z\n";  // 😀 (4 bytes, 2 units), é (2 bytes, 1 unit)
  TextLines lines(text);
  uint32_t z = static_cast<uint32_t>(text.find('z'));
  EXPECT_EQ(lines.position(text, z, PositionEncoding::Utf16), (LspPosition{0, 6}));
  EXPECT_EQ(lines.position(text, z, PositionEncoding::Utf8), (LspPosition{0, 9}));
  EXPECT_EQ(lines.offset(text, {0, 6}, PositionEncoding::Utf16), z);
  EXPECT_EQ(lines.offset(text, {0, 9}, PositionEncoding::Utf8), z);
  // Half a surrogate pair or the middle of a UTF-8 sequence: the character's start.
  EXPECT_EQ(lines.offset(text, {0, 4}, PositionEncoding::Utf16), 3u);
  EXPECT_EQ(lines.offset(text, {0, 5}, PositionEncoding::Utf8), 3u);
}

TEST(TextLinesTest, PositionsPastTheEndAreClamped) {
  std::string text = "ab\ncd";
  TextLines lines(text);
  EXPECT_EQ(lines.offset(text, {0, 99}, PositionEncoding::Utf16), 2u);
  EXPECT_EQ(lines.offset(text, {7, 0}, PositionEncoding::Utf16), 5u);
  EXPECT_EQ(lines.position(text, 99, PositionEncoding::Utf16), (LspPosition{1, 2}));
}

}  // namespace
}  // namespace iblint::lsp
