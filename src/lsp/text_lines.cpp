#include "lsp/text_lines.h"

#include <algorithm>

#include "source/source_file.h"

namespace iblint::lsp {

TextLines::TextLines(std::string_view text) {
  starts_.push_back(0);
  for (uint32_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\n') {
      starts_.push_back(i + 1);
    } else if (text[i] == '\r') {
      if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
      starts_.push_back(i + 1);
    }
  }
}

void TextLines::shift_after(uint32_t line, int64_t delta) {
  for (size_t i = line + 1; i < starts_.size(); ++i) starts_[i] = static_cast<uint32_t>(starts_[i] + delta);
}

uint32_t TextLines::content_end(std::string_view text, uint32_t line) const {
  uint32_t end = line + 1 < count() ? starts_[line + 1] : static_cast<uint32_t>(text.size());
  if (end > starts_[line] && text[end - 1] == '\n') --end;
  if (end > starts_[line] && text[end - 1] == '\r') --end;
  return end;
}

uint32_t TextLines::line_of(uint32_t offset) const {
  auto it = std::upper_bound(starts_.begin(), starts_.end(), offset);
  return static_cast<uint32_t>(it - starts_.begin()) - 1;
}

LspPosition TextLines::position(std::string_view text, uint32_t offset, PositionEncoding encoding) const {
  offset = std::min<uint32_t>(offset, static_cast<uint32_t>(text.size()));
  uint32_t line = line_of(offset);
  uint32_t i = starts_[line];
  if (encoding == PositionEncoding::Utf8) return {line, offset - i};
  uint32_t units = 0;
  while (i < offset) {
    size_t len = utf8_sequence_length(text, i);
    if (len == 0) len = 1;  // an invalid byte counts as one character
    units += len == 4 ? 2 : 1;
    i += static_cast<uint32_t>(len);
  }
  return {line, units};
}

uint32_t TextLines::offset(std::string_view text, LspPosition position, PositionEncoding encoding) const {
  if (position.line >= count()) return static_cast<uint32_t>(text.size());
  uint32_t i = starts_[position.line];
  uint32_t end = content_end(text, position.line);
  uint32_t counted = 0;
  while (i < end) {
    size_t len = utf8_sequence_length(text, i);
    if (len == 0) len = 1;
    uint32_t width = encoding == PositionEncoding::Utf8 ? static_cast<uint32_t>(len) : (len == 4 ? 2 : 1);
    if (counted + width > position.character) break;
    counted += width;
    i += static_cast<uint32_t>(len);
  }
  return i;
}

}  // namespace iblint::lsp
