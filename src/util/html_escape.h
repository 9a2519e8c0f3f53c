#pragma once
#include <string>
#include <string_view>

namespace iblint {

/// Text made safe for HTML element content and quoted attribute values: `& < > " '` become
/// character references, invalid UTF-8 and control characters other than tab and line breaks
/// become U+FFFD (the page must stay valid UTF-8 whatever bytes the input held).
std::string html_escape(std::string_view text);

}  // namespace iblint
