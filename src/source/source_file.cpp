#include "source/source_file.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace iblint {

SourceFile::SourceFile(std::string path, std::string bytes) : path_(std::move(path)), bytes_(std::move(bytes)) {
  if (bytes_.size() >= 3 && static_cast<unsigned char>(bytes_[0]) == 0xEF &&
      static_cast<unsigned char>(bytes_[1]) == 0xBB && static_cast<unsigned char>(bytes_[2]) == 0xBF) {
    content_begin_ = 3;
  }
  line_starts_.push_back(0);
  // memchr steps over many bytes at a time; a byte-by-byte loop cost about 8 instructions per
  // byte of every file (and of every language-server edit).
  const char* const data = bytes_.data();
  const size_t size = bytes_.size();
  for (size_t at = 0; at < size;) {
    const void* found = std::memchr(data + at, '\n', size - at);
    if (!found) break;
    at = static_cast<size_t>(static_cast<const char*>(found) - data) + 1;
    line_starts_.push_back(static_cast<uint32_t>(at));
  }
}

std::string_view SourceFile::text(Span span) const {
  uint32_t begin = std::min<uint32_t>(span.begin, size());
  uint32_t end = std::clamp<uint32_t>(span.end, begin, size());
  return std::string_view(bytes_).substr(begin, end - begin);
}

uint32_t SourceFile::line_of(uint32_t offset) const {
  auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
  return static_cast<uint32_t>(it - line_starts_.begin());
}

uint32_t SourceFile::line_start(uint32_t line) const {
  if (line == 0) return 0;
  if (line > line_starts_.size()) return size();
  return line_starts_[line - 1];
}

std::string_view SourceFile::line_text(uint32_t line) const {
  uint32_t begin = line_start(line);
  uint32_t end = line < line_starts_.size() ? line_starts_[line] : size();
  if (end > begin && bytes_[end - 1] == '\n') --end;
  if (end > begin && bytes_[end - 1] == '\r') --end;
  return std::string_view(bytes_).substr(begin, end - begin);
}

static bool is_continuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

Position SourceFile::position(uint32_t offset) const {
  offset = std::min(offset, size());
  uint32_t line = line_of(offset);
  uint32_t begin = std::max(line_start(line), line == 1 ? content_begin_ : 0u);
  uint32_t column = 1;
  for (uint32_t i = begin; i < offset; ++i) {
    if (!is_continuation(bytes_[i])) ++column;
  }
  return {line, column};
}

uint32_t SourceFile::utf16_column(uint32_t offset) const {
  offset = std::min(offset, size());
  uint32_t line = line_of(offset);
  uint32_t i = std::max(line_start(line), line == 1 ? content_begin_ : 0u);
  uint32_t units = 0;
  while (i < offset) {
    size_t len = utf8_sequence_length(bytes_, i);
    if (len == 0) len = 1;  // an invalid byte counts as one replacement character
    units += len == 4 ? 2 : 1;
    i += static_cast<uint32_t>(len);
  }
  return units;
}

uint32_t SourceFile::offset_of(Position position) const {
  uint32_t line = std::clamp<uint32_t>(position.line, 1, line_count());
  std::string_view text = line_text(line);
  uint32_t begin = std::max(line_start(line), line == 1 ? content_begin_ : 0u);
  uint32_t offset = begin;
  uint32_t end = line_start(line) + static_cast<uint32_t>(text.size());
  for (uint32_t column = 1; column < position.column && offset < end; ++column) {
    ++offset;
    while (offset < end && is_continuation(bytes_[offset])) ++offset;
  }
  return offset;
}

size_t utf8_sequence_length(std::string_view s, size_t i) {
  auto byte = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
  unsigned char c = byte(i);
  if (c < 0x80) return 1;
  size_t len;
  uint32_t min;
  uint32_t cp;
  if ((c & 0xE0) == 0xC0) { len = 2; min = 0x80; cp = c & 0x1F; }
  else if ((c & 0xF0) == 0xE0) { len = 3; min = 0x800; cp = c & 0x0F; }
  else if ((c & 0xF8) == 0xF0) { len = 4; min = 0x10000; cp = c & 0x07; }
  else return 0;
  if (i + len > s.size()) return 0;
  for (size_t k = 1; k < len; ++k) {
    if ((byte(i + k) & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (byte(i + k) & 0x3F);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
  return len;
}

std::optional<uint32_t> SourceFile::first_invalid_utf8() const {
  size_t i = content_begin_;
  while (i < bytes_.size()) {
    // Runs of ASCII are most of any file: step over them eight bytes at a time (IB003 and the
    // language server read every file, after every keystroke).
    uint64_t eight;
    while (i + sizeof eight <= bytes_.size()) {
      std::memcpy(&eight, bytes_.data() + i, sizeof eight);
      if (eight & 0x8080808080808080ull) break;
      i += sizeof eight;
    }
    if (i >= bytes_.size()) break;
    size_t len = utf8_sequence_length(bytes_, i);
    if (len == 0) return static_cast<uint32_t>(i);
    i += len;
  }
  return std::nullopt;
}

std::optional<uint32_t> SourceFile::first_nul() const {
  size_t pos = bytes_.find('\0', content_begin_);
  if (pos == std::string::npos) return std::nullopt;
  return static_cast<uint32_t>(pos);
}

bool SourceFile::has_utf16_or_utf32_bom() const {
  auto starts = [&](std::string_view bom) { return bytes_.compare(0, bom.size(), bom) == 0; };
  using namespace std::string_view_literals;
  return starts("\xFF\xFE"sv) || starts("\xFE\xFF"sv) || starts("\x00\x00\xFE\xFF"sv);
}

namespace {

/// Closes a file descriptor when reading ends, whichever way.
struct FdCloser {
  int fd;
  ~FdCloser() { ::close(fd); }
};

std::string kind_of(mode_t mode) {
  if (S_ISFIFO(mode)) return "a FIFO";
  if (S_ISSOCK(mode)) return "a socket";
  if (S_ISCHR(mode) || S_ISBLK(mode)) return "a device";
  return "not a regular file";
}

}  // namespace

ReadResult read_source_file(const std::string& path, uint64_t max_bytes) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) return {std::nullopt, std::string("cannot read: ") + std::strerror(errno)};
  if (S_ISDIR(st.st_mode)) return {std::nullopt, "is a directory"};
  // A FIFO, socket or device could block or never end; only regular files are read. The type is
  // checked again on the opened file (O_NONBLOCK: opening a FIFO without a writer never waits),
  // so a path swapped after stat() cannot make the read hang.
  if (!S_ISREG(st.st_mode)) return {std::nullopt, "is " + kind_of(st.st_mode) + ", not a regular file"};
  int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
  if (fd < 0) return {std::nullopt, std::string("cannot open: ") + std::strerror(errno)};
  FdCloser closer{fd};
  if (::fstat(fd, &st) != 0) return {std::nullopt, std::string("cannot read: ") + std::strerror(errno)};
  if (!S_ISREG(st.st_mode)) return {std::nullopt, "is " + kind_of(st.st_mode) + ", not a regular file"};
  if (static_cast<uint64_t>(st.st_size) > max_bytes) {
    return {std::nullopt, "file is " + std::to_string(st.st_size) + " bytes, over the limit of " +
                              std::to_string(max_bytes) + " (raise it with --max-file-size)"};
  }
  std::string bytes;
  bytes.reserve(static_cast<size_t>(st.st_size));
  char buffer[1 << 16];
  for (;;) {
    ssize_t n = ::read(fd, buffer, sizeof buffer);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return {std::nullopt, std::string("read error: ") + std::strerror(errno)};
    if (n == 0) break;
    bytes.append(buffer, static_cast<size_t>(n));
    if (bytes.size() > max_bytes) return {std::nullopt, "file grew over the size limit while reading"};
  }
  if (bytes.size() > UINT32_MAX - 1) return {std::nullopt, "file too large"};
  return {SourceFile(path, std::move(bytes)), {}};
}

}  // namespace iblint
