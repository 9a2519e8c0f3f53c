#pragma once
#include <cstdint>
#include <string_view>
#include <vector>

namespace iblint::lsp {

/// How an LSP position counts characters within a line (negotiated at initialize).
enum class PositionEncoding { Utf16, Utf8 };

/// An LSP position: 0-based line, and character offset in the negotiated encoding.
struct LspPosition {
  uint32_t line = 0;
  uint32_t character = 0;
  friend bool operator==(const LspPosition&, const LspPosition&) = default;
};

/// The lines of a text as LSP counts them (breaks: `\n`, `\r\n`, `\r`), converting between byte
/// offsets and LSP positions. It does not own the text: pass the text it was built from.
class TextLines {
 public:
  explicit TextLines(std::string_view text);

  uint32_t count() const { return static_cast<uint32_t>(starts_.size()); }
  /// Byte offset where 0-based line begins.
  uint32_t start(uint32_t line) const { return starts_[line]; }
  /// Byte offset where the line's content ends (before its line break).
  uint32_t content_end(std::string_view text, uint32_t line) const;
  /// 0-based line holding offset.
  uint32_t line_of(uint32_t offset) const;

  LspPosition position(std::string_view text, uint32_t offset, PositionEncoding encoding) const;
  /// The byte offset of position. A character past the end of its line means the line's end,
  /// a line past the last means the end of the text; a position inside a character (half a
  /// UTF-16 surrogate pair, the middle of a UTF-8 sequence) means the start of that character.
  uint32_t offset(std::string_view text, LspPosition position, PositionEncoding encoding) const;
  /// After bytes inside line were replaced by text without line breaks (delta bytes longer):
  /// moves the starts of the later lines, instead of reading the whole text again.
  void shift_after(uint32_t line, int64_t delta);

 private:
  std::vector<uint32_t> starts_;
};

}  // namespace iblint::lsp
