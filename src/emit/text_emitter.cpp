#include "emit/text_emitter.h"

#include <algorithm>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "emit/emit_support.h"
#include "engine/rule.h"

namespace iblint {
namespace {

constexpr uint32_t kTabWidth = 4;         // tabs expand to the next multiple of this column
constexpr uint32_t kMaxFrameWidth = 200;  // longer lines are shown as a window around the span
constexpr uint32_t kWindowWidth = 120;    // columns of source such a window shows
constexpr uint32_t kWindowLead = 40;      // columns of the window before the span starts
constexpr std::string_view kEllipsis = "\xE2\x80\xA6";  // U+2026

constexpr const char* kBold = "\x1b[1m";
constexpr const char* kReset = "\x1b[0m";

const char* severity_color(Severity severity) {
  switch (severity) {
    case Severity::Error: return "\x1b[1;31m";
    case Severity::Warning: return "\x1b[1;33m";
    case Severity::Info: return "\x1b[1;34m";
  }
  return "";
}

class Painter {
 public:
  explicit Painter(bool on) : on_(on) {}
  std::string operator()(std::string_view text, const char* code) const {
    if (!on_ || text.empty()) return std::string(text);
    return std::string(code) + std::string(text) + kReset;
  }

 private:
  bool on_;
};

// ---- code frame ----------------------------------------------------------------------------

/// One code point of a source line as the terminal shows it.
struct Cell {
  uint32_t offset;  ///< byte offset of the code point in the file
  uint32_t column;  ///< display column where it starts (0-based)
  uint32_t width;   ///< display columns it takes
  std::string text; ///< what is printed for it
};

uint32_t decode(std::string_view s, size_t i, size_t len) {
  auto byte = [&](size_t k) { return static_cast<unsigned char>(s[i + k]); };
  if (len == 1) return byte(0);
  uint32_t cp = byte(0) & (0xFF >> (len + 1));
  for (size_t k = 1; k < len; ++k) cp = (cp << 6) | (byte(k) & 0x3F);
  return cp;
}

std::string encode(uint32_t cp) {
  std::string s;
  if (cp < 0x80) {
    s += static_cast<char>(cp);
  } else if (cp < 0x800) {
    s += static_cast<char>(0xC0 | (cp >> 6));
    s += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    s += static_cast<char>(0xE0 | (cp >> 12));
    s += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    s += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    s += static_cast<char>(0xF0 | (cp >> 18));
    s += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    s += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    s += static_cast<char>(0x80 | (cp & 0x3F));
  }
  return s;
}

bool in(uint32_t cp, uint32_t lo, uint32_t hi) { return lo <= cp && cp <= hi; }

/// Terminal columns of a printable code point: 0 for combining marks, 2 for East Asian wide
/// and emoji, else 1. An approximation of wcwidth that needs no locale.
uint32_t display_width(uint32_t cp) {
  if (in(cp, 0x0300, 0x036F) || in(cp, 0x1AB0, 0x1AFF) || in(cp, 0x1DC0, 0x1DFF) || in(cp, 0x20D0, 0x20FF) ||
      in(cp, 0xFE00, 0xFE0F) || in(cp, 0xFE20, 0xFE2F) || in(cp, 0x200B, 0x200D) || cp == 0xFEFF) {
    return 0;
  }
  if (in(cp, 0x1100, 0x115F) || in(cp, 0x2E80, 0x303E) || in(cp, 0x3041, 0x33FF) || in(cp, 0x3400, 0x4DBF) ||
      in(cp, 0x4E00, 0x9FFF) || in(cp, 0xA000, 0xA4CF) || in(cp, 0xAC00, 0xD7A3) || in(cp, 0xF900, 0xFAFF) ||
      in(cp, 0xFE30, 0xFE4F) || in(cp, 0xFF00, 0xFF60) || in(cp, 0xFFE0, 0xFFE6) || in(cp, 0x1F300, 0x1F64F) ||
      in(cp, 0x1F900, 0x1F9FF) || in(cp, 0x20000, 0x2FFFD) || in(cp, 0x30000, 0x3FFFD)) {
    return 2;
  }
  return 1;
}

/// The line as display cells. Tabs expand to spaces; control characters become their Unicode
/// pictures (U+2400…) and invalid bytes U+FFFD, so source text never drives the terminal;
/// bidirectional controls also become U+FFFD so the frame shows the bytes in file order.
std::vector<Cell> layout(std::string_view line, uint32_t line_offset) {
  std::vector<Cell> cells;
  uint32_t column = 0;
  size_t i = 0;
  while (i < line.size()) {
    size_t len = utf8_sequence_length(line, i);
    Cell cell{line_offset + static_cast<uint32_t>(i), column, 1, {}};
    if (len == 0) {
      len = 1;
      cell.text = "\xEF\xBF\xBD";
    } else {
      uint32_t cp = decode(line, i, len);
      if (cp == '\t') {
        cell.width = kTabWidth - column % kTabWidth;
        cell.text.assign(cell.width, ' ');
      } else if (cp < 0x20) {
        cell.text = encode(0x2400 + cp);
      } else if (cp == 0x7F) {
        cell.text = encode(0x2421);
      } else if (in(cp, 0x80, 0x9F) || in(cp, 0x202A, 0x202E) || in(cp, 0x2066, 0x2069)) {
        cell.text = "\xEF\xBF\xBD";
      } else {
        cell.width = display_width(cp);
        cell.text = std::string(line.substr(i, len));
      }
    }
    column += cell.width;
    cells.push_back(std::move(cell));
    i += len;
  }
  return cells;
}

/// Display column of the code point at or after offset (the line's width past its end).
uint32_t column_at(const std::vector<Cell>& cells, uint32_t offset, uint32_t width) {
  auto it = std::find_if(cells.begin(), cells.end(), [&](const Cell& c) { return c.offset >= offset; });
  return it == cells.end() ? width : it->column;
}

void write_frame(std::ostream& out, const SourceFile& file, Span span, const std::string& caret_style,
                 const Painter& paint) {
  span = clamp_span(&file, span);
  uint32_t line = file.line_of(span.begin);
  uint32_t line_offset = file.line_start(line);
  std::string_view text = file.line_text(line);
  if (line == 1) {  // a byte order mark is not part of the text
    uint32_t bom = std::min<uint32_t>(file.content_begin(), static_cast<uint32_t>(text.size()));
    text.remove_prefix(bom);
    line_offset += bom;
  }
  uint32_t line_end = line_offset + static_cast<uint32_t>(text.size());

  std::vector<Cell> cells = layout(text, line_offset);
  uint32_t width = cells.empty() ? 0 : cells.back().column + cells.back().width;
  uint32_t start = column_at(cells, span.begin, width);
  // A span that goes past this line is underlined to the end of the line.
  uint32_t end = span.end <= line_end ? column_at(cells, span.end, width) : width;
  end = std::max(end, start);

  uint32_t window_begin = 0;
  uint32_t window_end = width;
  if (width > kMaxFrameWidth) {
    window_begin = start > kWindowLead ? start - kWindowLead : 0;
    window_end = std::min(width, window_begin + kWindowWidth);
    if (window_end == width) window_begin = width - kWindowWidth;
  }
  bool cut_before = window_begin > 0;
  bool cut_after = window_end < width;

  std::string shown;
  uint32_t shown_column = window_begin;
  if (cut_before) shown += kEllipsis;
  for (const Cell& cell : cells) {
    if (cell.column < window_begin || cell.column + cell.width > window_end) continue;
    shown.append(cell.column - shown_column, ' ');  // a wide character cut by the window edge
    shown += cell.text;
    shown_column = cell.column + cell.width;
  }
  if (cut_after) shown += kEllipsis;

  uint32_t caret_column = start - window_begin + (cut_before ? 1 : 0);
  uint32_t carets = std::max<uint32_t>(1, std::min(end, window_end) - std::min(start, window_end));

  std::string number = std::to_string(line);
  std::string gutter(number.size(), ' ');
  out << ' ' << number << " |";
  if (!shown.empty()) out << ' ' << shown;
  out << '\n';
  out << ' ' << gutter << " | " << std::string(caret_column, ' ')
      << paint(std::string(carets, '^'), caret_style.c_str()) << '\n';
}

// ---- lines -----------------------------------------------------------------------------------

std::string plural(size_t n, std::string_view one, std::string_view many) {
  return std::to_string(n) + " " + std::string(n == 1 ? one : many);
}

std::string location(const Painter& paint, const std::string& path, Position position) {
  return paint(path, kBold) + ":" + std::to_string(position.line) + ":" + std::to_string(position.column);
}

void write_first_line(std::ostream& out, const FileResult& file, const Diagnostic& d, const Painter& paint) {
  Range range = range_of(file.file.get(), d.span);
  out << location(paint, file.display_path, range.start) << ": "
      << paint(to_string(d.severity), severity_color(d.severity)) << ": " << d.message;
  if (d.rule != nullptr) out << " [" << d.rule->id << ' ' << d.rule->name << ']';
  out << '\n';
}

void write_statistics(std::ostream& out, const Report& report) {
  std::map<std::string_view, std::pair<std::string_view, size_t>> counts;  // id -> (name, count)
  for (const FileResult& file : report.files) {
    for (const Diagnostic& d : file.diagnostics) {
      auto& entry = counts[rule_id(d)];
      entry.first = rule_name(d);
      ++entry.second;
    }
  }
  std::vector<std::pair<std::string_view, std::pair<std::string_view, size_t>>> rows(counts.begin(), counts.end());
  std::stable_sort(rows.begin(), rows.end(),
                   [](const auto& a, const auto& b) { return a.second.second > b.second.second; });
  size_t count_width = rows.empty() ? 1 : std::to_string(rows.front().second.second).size();
  for (const auto& [id, entry] : rows) {
    std::string count = std::to_string(entry.second);
    out << std::string(count_width - count.size(), ' ') << count << "  " << (id.empty() ? "-" : id) << "  "
        << (entry.first.empty() ? "-" : entry.first) << '\n';
  }
}

}  // namespace

void emit_text(const Report& report, std::ostream& out, const TextOptions& options) {
  Painter paint(options.color);
  size_t total = 0;
  for (const FileResult& file : report.files) {
    for (const Diagnostic& d : file.diagnostics) {
      ++total;
      write_first_line(out, file, d, paint);
      if (options.quiet) continue;
      const SourceFile* source = file.file.get();
      if (source != nullptr) write_frame(out, *source, d.span, severity_color(d.severity), paint);
      for (const Related& related : d.related) {
        const FileResult& where = report.related_file(file, related);
        out << "  " << paint("note", kBold) << ": "
            << location(paint, where.display_path, range_of(where.file.get(), related.span).start) << ": "
            << related.message
            << '\n';
      }
      for (const Fix& fix : d.fixes) out << "  " << paint("help", kBold) << ": " << fix.title << '\n';
      out << '\n';
    }
  }
  if (options.quiet) return;

  if (options.statistics && total > 0) {
    write_statistics(out, report);
    out << '\n';
  }
  std::string files = plural(report.files_linted, "file", "files");
  if (total == 0) {
    out << "No problems found in " << files << ".\n";
  } else {
    out << "Found " << plural(report.count(Severity::Error), "error", "errors") << ", "
        << plural(report.count(Severity::Warning), "warning", "warnings") << " and "
        << plural(report.count(Severity::Info), "info", "infos") << " in " << files << ".\n";
  }
}

}  // namespace iblint
