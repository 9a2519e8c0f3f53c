#include "util/html_escape.h"

#include <gtest/gtest.h>

#include <string>

namespace iblint {
namespace {

TEST(HtmlEscape, MarkupCharactersBecomeReferences) {
  EXPECT_EQ(html_escape("<script>alert('x') & \"y\"</script>"),
            "&lt;script&gt;alert(&#39;x&#39;) &amp; &quot;y&quot;&lt;/script&gt;");
}

TEST(HtmlEscape, PlainTextAndValidUtf8StayAsTheyAre) {
  EXPECT_EQ(html_escape("caf\xC3\xA9 \xE2\x9C\x93 \xF0\x9F\x98\x80\ttab\nline"),
            "caf\xC3\xA9 \xE2\x9C\x93 \xF0\x9F\x98\x80\ttab\nline");
  EXPECT_EQ(html_escape(""), "");
}

TEST(HtmlEscape, InvalidUtf8BecomesReplacementCharacter) {
  const std::string kReplacement = "\xEF\xBF\xBD";
  EXPECT_EQ(html_escape("a\xFFz"), "a" + kReplacement + "z");
  EXPECT_EQ(html_escape("\xC3"), kReplacement);                                 // cut short
  EXPECT_EQ(html_escape("\xC0\xAF"), kReplacement + kReplacement);             // overlong
  EXPECT_EQ(html_escape("\xED\xA0\x80"), kReplacement + kReplacement + kReplacement);  // surrogate
  EXPECT_EQ(html_escape("\xF4\x90\x80\x80"), kReplacement + kReplacement + kReplacement + kReplacement);  // > U+10FFFF
}

TEST(HtmlEscape, ControlCharactersOtherThanWhitespaceAreReplaced) {
  EXPECT_EQ(html_escape(std::string("a\0b\x1B\x7F", 5)), "a\xEF\xBF\xBD" "b\xEF\xBF\xBD\xEF\xBF\xBD");
  EXPECT_EQ(html_escape("a\r\nb"), "a\r\nb");
}

}  // namespace
}  // namespace iblint
