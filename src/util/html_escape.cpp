#include "util/html_escape.h"

#include <cstdint>

#include "source/source_file.h"

namespace iblint {
namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD

}  // namespace

std::string html_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  for (size_t at = 0; at < text.size();) {
    char c = text[at];
    switch (c) {
      case '&': out += "&amp;"; ++at; continue;
      case '<': out += "&lt;"; ++at; continue;
      case '>': out += "&gt;"; ++at; continue;
      case '"': out += "&quot;"; ++at; continue;
      case '\'': out += "&#39;"; ++at; continue;
      default: break;
    }
    auto byte = static_cast<uint8_t>(c);
    if (byte < 0x80) {
      bool allowed_control = c == '\t' || c == '\n' || c == '\r';
      if ((byte < 0x20 && !allowed_control) || byte == 0x7F) {
        out += kReplacement;
      } else {
        out += c;
      }
      ++at;
      continue;
    }
    size_t length = utf8_sequence_length(text, at);
    if (length == 0) {
      out += kReplacement;
      ++at;
      continue;
    }
    out.append(text.substr(at, length));
    at += length;
  }
  return out;
}

}  // namespace iblint
