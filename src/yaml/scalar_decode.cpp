#include "yaml/scalar_decode.h"

#include <cstdint>
#include <vector>

namespace iblint::yaml {
namespace {

bool is_blank(char c) { return c == ' ' || c == '\t'; }

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
std::string fold_flow_lines(std::string_view body) {
  std::vector<std::string_view> lines = split_lines(body);
  if (lines.size() == 1) return std::string(body);
  std::string out;
  size_t empty_run = 0;
  for (size_t i = 0; i < lines.size(); ++i) {
    std::string_view line = lines[i];
    if (i == 0) { while (!line.empty() && is_blank(line.back())) line.remove_suffix(1); }
    else if (i + 1 == lines.size()) { while (!line.empty() && is_blank(line.front())) line.remove_prefix(1); }
    else line = trim(line);
    if (i > 0 && line.empty() && i + 1 < lines.size()) { ++empty_run; continue; }
    if (i > 0) out += empty_run > 0 ? std::string(empty_run, '\n') : std::string(" ");
    empty_run = 0;
    out += line;
  }
  return out;
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

}  // namespace

std::string decode_plain(std::string_view raw) { return fold_flow_lines(trim(raw)); }

std::string decode_single_quoted(std::string_view raw) {
  if (raw.size() >= 2 && raw.front() == '\'' && raw.back() == '\'') raw = raw.substr(1, raw.size() - 2);
  else if (!raw.empty() && raw.front() == '\'') raw.remove_prefix(1);
  std::string folded = fold_flow_lines(raw);
  std::string out;
  out.reserve(folded.size());
  for (size_t i = 0; i < folded.size(); ++i) {
    out += folded[i];
    if (folded[i] == '\'' && i + 1 < folded.size() && folded[i + 1] == '\'') ++i;
  }
  return out;
}

std::string decode_double_quoted(std::string_view raw) {
  if (raw.size() >= 2 && raw.front() == '"' && raw.back() == '"') raw = raw.substr(1, raw.size() - 2);
  else if (!raw.empty() && raw.front() == '"') raw.remove_prefix(1);
  // Escaped line breaks ("\" at the end of a line) join lines without a space; handle them
  // before folding by marking them with a private sentinel that cannot come from escapes.
  std::string out;
  std::vector<std::string_view> lines = split_lines(raw);
  std::string joined;  // lines folded, escapes still raw
  size_t empty_run = 0;
  bool escaped_break = false;
  for (size_t i = 0; i < lines.size(); ++i) {
    std::string_view line = lines[i];
    if (i > 0) { while (!line.empty() && is_blank(line.front())) line.remove_prefix(1); }
    bool last = i + 1 == lines.size();
    // Count trailing backslashes to know whether the line break is escaped.
    size_t slashes = 0;
    if (!last) {
      std::string_view t = line;
      while (!t.empty() && is_blank(t.back())) t.remove_suffix(1);
      while (slashes < t.size() && t[t.size() - 1 - slashes] == '\\') ++slashes;
      if (slashes % 2 == 1) { line = t.substr(0, t.size() - 1); }
      else line = t;
    }
    if (i > 0 && line.empty() && !last) { ++empty_run; continue; }
    if (i > 0 && !escaped_break) joined += empty_run > 0 ? std::string(empty_run, '\n') : std::string(" ");
    empty_run = 0;
    joined += line;
    escaped_break = !last && slashes % 2 == 1;
  }
  for (size_t i = 0; i < joined.size(); ++i) {
    char c = joined[i];
    if (c != '\\' || i + 1 >= joined.size()) { out += c; continue; }
    char e = joined[++i];
    switch (e) {
      case '0': out += '\0'; break;
      case 'a': out += '\a'; break;
      case 'b': out += '\b'; break;
      case 't': case '\t': out += '\t'; break;
      case 'n': out += '\n'; break;
      case 'v': out += '\v'; break;
      case 'f': out += '\f'; break;
      case 'r': out += '\r'; break;
      case 'e': out += '\x1b'; break;
      case ' ': out += ' '; break;
      case '"': out += '"'; break;
      case '/': out += '/'; break;
      case '\\': out += '\\'; break;
      case 'N': append_utf8(out, 0x85); break;
      case '_': append_utf8(out, 0xA0); break;
      case 'L': append_utf8(out, 0x2028); break;
      case 'P': append_utf8(out, 0x2029); break;
      case 'x': case 'u': case 'U': {
        size_t digits = e == 'x' ? 2 : e == 'u' ? 4 : 8;
        uint32_t cp = 0;
        size_t k = 0;
        for (; k < digits && i + 1 + k < joined.size(); ++k) {
          int v = hex_value(joined[i + 1 + k]);
          if (v < 0) break;
          cp = cp * 16 + static_cast<uint32_t>(v);
        }
        if (k == digits && cp <= 0x10FFFF) { append_utf8(out, cp); i += digits; }
        else { out += '\\'; out += e; }
        break;
      }
      default: out += '\\'; out += e; break;
    }
  }
  return out;
}

std::string decode_block(std::string_view raw, int parent_indent) {
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
  std::string out;
  std::string trailing;  // line breaks after the last content line
  bool previous_more_indented = false;
  bool have_content = false;
  for (size_t i = 1; i < lines.size(); ++i) {
    std::string_view l = lines[i];
    size_t n = 0;
    while (n < l.size() && n < static_cast<size_t>(indent) && l[n] == ' ') ++n;
    bool is_empty = trim(l).empty() && l.size() <= static_cast<size_t>(indent);
    if (is_empty || (n == l.size())) { trailing += '\n'; continue; }
    std::string_view text = l.substr(n);
    bool more_indented = !text.empty() && is_blank(text.front());
    if (have_content) {
      if (folded && !more_indented && !previous_more_indented) {
        // A single break folds to a space; empty lines in between are kept as breaks.
        out += trailing.empty() ? std::string(" ") : trailing;
      } else {
        out += '\n';
        out += trailing;
      }
    } else {
      out += trailing;
    }
    trailing.clear();
    out += text;
    have_content = true;
    previous_more_indented = more_indented;
  }
  if (!have_content) return chomp == 'k' ? trailing : std::string();
  if (chomp == 'c') out += '\n';
  else if (chomp == 'k') { out += '\n'; out += trailing; }
  return out;
}

}  // namespace iblint::yaml
