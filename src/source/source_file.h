#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "source/span.h"

namespace iblint {

/// The bytes of one input file, kept exactly as read (BOM and CRLF included), with a line
/// index so that byte offsets convert to lines and columns.
class SourceFile {
 public:
  SourceFile(std::string path, std::string bytes);

  const std::string& path() const { return path_; }
  const std::string& bytes() const { return bytes_; }
  std::string_view text(Span span) const;

  /// Offset of the first content byte: 3 when the file starts with a UTF-8 BOM, else 0.
  uint32_t content_begin() const { return content_begin_; }
  uint32_t size() const { return static_cast<uint32_t>(bytes_.size()); }

  uint32_t line_count() const { return static_cast<uint32_t>(line_starts_.size()); }
  /// 1-based line holding the byte at offset (offset may equal size()).
  uint32_t line_of(uint32_t offset) const;
  uint32_t line_start(uint32_t line) const;
  /// The line's bytes without its line break (LF or CRLF).
  std::string_view line_text(uint32_t line) const;

  /// Line and code-point column; a BOM does not count as a column.
  Position position(uint32_t offset) const;
  /// 0-based column in UTF-16 code units (the LSP default encoding).
  uint32_t utf16_column(uint32_t offset) const;
  /// Inverse of position(): byte offset of a 1-based line and code-point column (clamped).
  uint32_t offset_of(Position position) const;

  /// First byte offset that is not valid UTF-8, if any.
  std::optional<uint32_t> first_invalid_utf8() const;
  /// A NUL byte in the content: binary data, not a text document.
  std::optional<uint32_t> first_nul() const;
  /// UTF-16 or UTF-32 byte order mark at the start.
  bool has_utf16_or_utf32_bom() const;

 private:
  std::string path_;
  std::string bytes_;
  uint32_t content_begin_ = 0;
  std::vector<uint32_t> line_starts_;
};

/// Length of the UTF-8 sequence starting at s[i], or 0 when it is not valid UTF-8.
size_t utf8_sequence_length(std::string_view s, size_t i);

/// Default maximum input size (64 MiB).
inline constexpr uint64_t kDefaultMaxFileBytes = 64ull * 1024 * 1024;

struct ReadResult {
  std::optional<SourceFile> file;
  std::string error;  ///< set when file is empty: why it could not be read
};

/// Reads a file whole. Refuses files over max_bytes, directories and unreadable paths.
ReadResult read_source_file(const std::string& path, uint64_t max_bytes = kDefaultMaxFileBytes);

}  // namespace iblint
