#include "yaml/scalar_decode.h"

namespace iblint::yaml {
namespace {

bool is_blank(char c) { return c == ' ' || c == '\t'; }

/// Builds a Decoded value, recording each byte's raw position when tracking.
class Writer {
 public:
  Writer(std::string_view raw, bool track) : raw_(raw), track_(track) {}
  /// Appends text that lies in raw (a view into it): positions follow the text.
  void copy(std::string_view text) {
    out_.value.append(text);
    if (track_) {
      uint32_t at = static_cast<uint32_t>(text.data() - raw_.data());
      for (size_t i = 0; i < text.size(); ++i) out_.offsets.push_back(at + static_cast<uint32_t>(i));
    }
  }
  /// Appends bytes produced by the raw text at position `at` (a folded break, an escape).
  void put(std::string_view bytes, size_t at) {
    out_.value.append(bytes);
    if (track_) out_.offsets.insert(out_.offsets.end(), bytes.size(), static_cast<uint32_t>(at));
  }
  void put(char c, size_t at) { put(std::string_view(&c, 1), at); }
  size_t position(std::string_view view) const { return static_cast<size_t>(view.data() - raw_.data()); }
  Decoded finish(size_t end) {
    if (track_) out_.offsets.push_back(static_cast<uint32_t>(end));
    return std::move(out_);
  }

 private:
  std::string_view raw_;
  bool track_;
  Decoded out_;
};

std::vector<std::string_view> split_lines(std::string_view raw) {
  std::vector<std::string_view> lines;
  size_t start = 0;
  while (true) {
    size_t nl = raw.find('\n', start);
    std::string_view line = raw.substr(start, nl == std::string_view::npos ? std::string_view::npos : nl - start);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    lines.push_back(line);
    if (nl == std::string_view::npos) break;
    start = nl + 1;
  }
  return lines;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && is_blank(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_blank(s.back())) s.remove_suffix(1);
  return s;
}

/// Flow scalar line folding: one line break becomes a space, n>1 breaks become n-1 newlines.
/// Calls emit(line) for each line's kept text and w.put for the breaks. A line for which
/// escaped_break(line) is true joins the next line without a space (double-quoted `\` ending).
template <typename Emit>
void fold_flow_lines(std::string_view body, Writer& w, Emit&& emit, bool double_quoted) {
  if (body.find('\n') == std::string_view::npos) {  // one line, most scalars: nothing to fold
    if (!body.empty() && body.back() == '\r') body.remove_suffix(1);
    emit(body);
    return;
  }
  std::vector<std::string_view> lines = split_lines(body);
  size_t empty_run = 0;
  bool escaped_break = false;
  size_t break_at = 0;
  for (size_t i = 0; i < lines.size(); ++i) {
    std::string_view line = lines[i];
    bool first = i == 0, last = i + 1 == lines.size();
    if (!first) { while (!line.empty() && is_blank(line.front())) line.remove_prefix(1); }
    bool escaped = false;
    if (!last) {
      while (!line.empty() && is_blank(line.back())) line.remove_suffix(1);
      if (double_quoted) {
        size_t slashes = 0;
        while (slashes < line.size() && line[line.size() - 1 - slashes] == '\\') ++slashes;
        if (slashes % 2 == 1) {
          line.remove_suffix(1);
          escaped = true;
        }
      }
    }
    if (!first && line.empty() && !last) {
      ++empty_run;
      continue;
    }
    if (!first && !escaped_break) {
      if (empty_run > 0) w.put(std::string(empty_run, '\n'), break_at);
      else w.put(' ', break_at);
    }
    empty_run = 0;
    emit(line);
    escaped_break = escaped;
    break_at = w.position(line) + line.size();
  }
}

void append_utf8(std::string& out, uint32_t cp) {
  if (cp < 0x80) out += static_cast<char>(cp);
  else if (cp < 0x800) { out += static_cast<char>(0xC0 | (cp >> 6)); out += static_cast<char>(0x80 | (cp & 0x3F)); }
  else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12)); out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18)); out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F)); out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

/// Strips the quote characters, keeping the view inside raw.
std::string_view unquote(std::string_view raw, char quote) {
  if (raw.size() >= 2 && raw.front() == quote && raw.back() == quote) return raw.substr(1, raw.size() - 2);
  if (!raw.empty() && raw.front() == quote) return raw.substr(1);
  return raw;
}

/// Decodes the escapes of one double-quoted line.
void unescape_line(std::string_view line, Writer& w) {
  size_t i = 0;
  while (i < line.size()) {
    size_t next = line.find('\\', i);
    if (next == std::string_view::npos || next + 1 >= line.size()) {
      w.copy(line.substr(i));
      return;
    }
    w.copy(line.substr(i, next - i));
    size_t at = w.position(line) + next;
    char e = line[next + 1];
    i = next + 2;
    std::string bytes;
    switch (e) {
      case '0': bytes = std::string(1, '\0'); break;
      case 'a': bytes = "\a"; break;
      case 'b': bytes = "\b"; break;
      case 't': case '\t': bytes = "\t"; break;
      case 'n': bytes = "\n"; break;
      case 'v': bytes = "\v"; break;
      case 'f': bytes = "\f"; break;
      case 'r': bytes = "\r"; break;
      case 'e': bytes = "\x1b"; break;
      case ' ': bytes = " "; break;
      case '"': bytes = "\""; break;
      case '/': bytes = "/"; break;
      case '\\': bytes = "\\"; break;
      case 'N': append_utf8(bytes, 0x85); break;
      case '_': append_utf8(bytes, 0xA0); break;
      case 'L': append_utf8(bytes, 0x2028); break;
      case 'P': append_utf8(bytes, 0x2029); break;
      case 'x': case 'u': case 'U': {
        size_t digits = e == 'x' ? 2 : e == 'u' ? 4 : 8;
        uint32_t cp = 0;
        size_t k = 0;
        for (; k < digits && i + k < line.size(); ++k) {
          int v = hex_value(line[i + k]);
          if (v < 0) break;
          cp = cp * 16 + static_cast<uint32_t>(v);
        }
        if (k == digits && cp <= 0x10FFFF) {
          append_utf8(bytes, cp);
          i += digits;
        } else {
          bytes = std::string("\\") + e;
        }
        break;
      }
      default: bytes = std::string("\\") + e; break;
    }
    w.put(bytes, at);
  }
}

}  // namespace

Decoded decode_plain(std::string_view raw, bool track) {
  Writer w(raw, track);
  fold_flow_lines(trim(raw), w, [&](std::string_view line) { w.copy(line); }, false);
  return w.finish(raw.size());
}

Decoded decode_single_quoted(std::string_view raw, bool track) {
  Writer w(raw, track);
  fold_flow_lines(unquote(raw, '\''), w, [&](std::string_view line) {
    size_t i = 0;
    while (i < line.size()) {
      size_t q = line.find("''", i);
      if (q == std::string_view::npos) {
        w.copy(line.substr(i));
        break;
      }
      w.copy(line.substr(i, q + 1 - i));
      i = q + 2;
    }
  }, false);
  return w.finish(raw.size());
}

Decoded decode_double_quoted(std::string_view raw, bool track) {
  Writer w(raw, track);
  fold_flow_lines(unquote(raw, '"'), w, [&](std::string_view line) { unescape_line(line, w); }, true);
  return w.finish(raw.size());
}

Decoded decode_block(std::string_view raw, int parent_indent, bool track) {
  Writer w(raw, track);
  std::vector<std::string_view> lines = split_lines(raw);
  if (lines.size() > 1 && lines.back().empty()) lines.pop_back();  // the rest after the final line break
  std::string_view header = lines.front();
  bool folded = !header.empty() && header.front() == '>';
  char chomp = 'c';  // clip
  int explicit_indent = 0;
  for (size_t i = 1; i < header.size(); ++i) {
    char c = header[i];
    if (c == '-') chomp = 's';
    else if (c == '+') chomp = 'k';
    else if (c >= '1' && c <= '9') explicit_indent = c - '0';
    else break;
  }
  // Content indentation: explicit, or that of the first non-empty line.
  int indent = -1;
  if (explicit_indent > 0) indent = (parent_indent < 0 ? 0 : parent_indent) + explicit_indent;
  for (size_t i = 1; i < lines.size() && indent < 0; ++i) {
    std::string_view l = lines[i];
    size_t n = 0;
    while (n < l.size() && l[n] == ' ') ++n;
    if (n < l.size()) indent = static_cast<int>(n);
  }
  if (indent < 0) indent = 0;
  size_t trailing = 0;       // empty lines after the last content line
  size_t break_at = 0;       // where the last content line ended
  bool previous_more_indented = false;
  bool have_content = false;
  for (size_t i = 1; i < lines.size(); ++i) {
    std::string_view l = lines[i];
    size_t n = 0;
    while (n < l.size() && n < static_cast<size_t>(indent) && l[n] == ' ') ++n;
    if (n == l.size()) {
      ++trailing;
      continue;
    }
    std::string_view text = l.substr(n);
    bool more_indented = is_blank(text.front());
    if (have_content) {
      if (folded && !more_indented && !previous_more_indented) {
        // A single break folds to a space; empty lines in between are kept as breaks.
        w.put(trailing == 0 ? std::string(" ") : std::string(trailing, '\n'), break_at);
      } else {
        w.put(std::string(trailing + 1, '\n'), break_at);
      }
    } else if (trailing > 0) {
      w.put(std::string(trailing, '\n'), w.position(l));
    }
    trailing = 0;
    w.copy(text);
    break_at = w.position(text) + text.size();
    have_content = true;
    previous_more_indented = more_indented;
  }
  if (!have_content) {
    if (chomp == 'k') w.put(std::string(trailing, '\n'), raw.size());
    return w.finish(raw.size());
  }
  if (chomp == 'c') w.put('\n', break_at);
  else if (chomp == 'k') w.put(std::string(trailing + 1, '\n'), break_at);
  return w.finish(raw.size());
}

}  // namespace iblint::yaml
