#include "shell/bash_script.h"

#include <algorithm>

#include "expr/scanner.h"
#include "yaml/parser.h"

namespace iblint::shell {
namespace {

void substitute(std::string& text, uint32_t base, expr::Range range, std::vector<expr::Range>& placeholders) {
  uint32_t end = std::min<uint32_t>(range.end, static_cast<uint32_t>(text.size() - base));
  if (range.begin >= end) return;
  // Line breaks stay, so that script lines keep their numbers.
  for (uint32_t i = range.begin; i < end; ++i) {
    if (text[base + i] != '\n') text[base + i] = '_';
  }
  placeholders.push_back({base + range.begin, base + end});
}

bool is_continuation(unsigned char c) { return (c & 0xC0) == 0x80; }

/// How many file bytes at offset produced one value byte: an escape sequence of a
/// double-quoted scalar (`\t`, `\"`, `\x41`, `\u00e9`, `\U0001F600`) or a single byte.
uint32_t source_width(const SourceFile* file, const ScriptPiece& piece, uint32_t offset) {
  if (!file || !piece.double_quoted || offset + 1 >= file->size() || file->bytes()[offset] != '\\') return 1;
  switch (file->bytes()[offset + 1]) {
    case 'x': return 4;
    case 'u': return 6;
    case 'U': return 10;
    default: return 2;
  }
}

}  // namespace

BashScript build_bash_script(const SourceFile& file, const std::vector<const yaml::Node*>& entries) {
  BashScript script;
  script.file_ = &file;
  for (const yaml::Node* entry : entries) {
    if (!script.pieces.empty()) script.text += '\n';
    ScriptPiece piece;
    piece.begin = static_cast<uint32_t>(script.text.size());
    piece.decoded = yaml::decode_scalar(file, *entry, true);
    piece.double_quoted = entry->style == yaml::Style::DoubleQuoted;
    if (piece.decoded.offsets.size() != piece.decoded.value.size() + 1) {
      // Not expected; fall back to pointing at the scalar itself.
      piece.decoded.offsets.assign(piece.decoded.value.size() + 1, entry->span.begin);
      piece.decoded.offsets.back() = entry->span.end;
    }
    script.text += piece.decoded.value;
    if (expr::may_hold_expression(piece.decoded.value)) {
      expr::ScanResult scan = expr::scan(piece.decoded.value);
      for (const expr::Expression& e : scan.expressions) substitute(script.text, piece.begin, e.range, script.placeholders);
      for (const expr::Range& r : scan.foreign) substitute(script.text, piece.begin, r, script.placeholders);
      for (const expr::SyntaxError& e : scan.errors) {
        std::string_view text = std::string_view(piece.decoded.value).substr(e.range.begin, e.range.end - e.range.begin);
        if (text.size() >= 4 && text.starts_with("{{") && text.ends_with("}}")) {
          substitute(script.text, piece.begin, e.range, script.placeholders);
        }
      }
    }
    script.pieces.push_back(std::move(piece));
  }
  // CloudFormation pseudo parameters (`${AWS::Region}`): the document is a Fn::Sub template,
  // rendered before AWSTOE sees it, so they are placeholders too.
  for (size_t at = script.text.find("${AWS::"); at != std::string::npos; at = script.text.find("${AWS::", at + 1)) {
    size_t close = script.text.find_first_of("}\n", at);
    if (close == std::string::npos || script.text[close] != '}') continue;
    script.fn_sub_template = true;
    substitute(script.text, 0, {static_cast<uint32_t>(at), static_cast<uint32_t>(close + 1)}, script.placeholders);
  }
  std::sort(script.placeholders.begin(), script.placeholders.end(),
            [](const expr::Range& a, const expr::Range& b) { return a.begin < b.begin; });
  script.line_starts.push_back(0);
  for (uint32_t i = 0; i < script.text.size(); ++i) {
    if (script.text[i] == '\n') script.line_starts.push_back(i + 1);
  }
  return script;
}

uint32_t BashScript::offset(int line, int column) const {
  if (line < 1) return 0;
  if (static_cast<size_t>(line) > line_starts.size()) return static_cast<uint32_t>(text.size());
  uint32_t at = line_starts[line - 1];
  for (int c = 1; c < column && at < text.size() && text[at] != '\n'; ++c) {
    ++at;
    while (at < text.size() && is_continuation(static_cast<unsigned char>(text[at]))) ++at;
  }
  return at;
}

Span BashScript::file_span(uint32_t begin, uint32_t end) const {
  if (pieces.empty()) return {};
  end = std::max(begin, end);
  // The piece holding a start offset: the last one starting at or before it.
  auto holding = [&](uint32_t offset, bool is_end) -> const ScriptPiece& {
    auto it = std::upper_bound(pieces.begin(), pieces.end(), offset,
                               [](uint32_t o, const ScriptPiece& p) { return o < p.begin; });
    if (it != pieces.begin()) --it;
    // An end offset at the very start of a piece ends the previous one.
    if (is_end && it != pieces.begin() && offset == it->begin && offset > 0) --it;
    return *it;
  };
  auto to_file = [&](uint32_t offset, bool is_end) {
    const ScriptPiece& piece = holding(offset, is_end);
    uint32_t local = offset >= piece.begin ? offset - piece.begin : 0;
    local = std::min<uint32_t>(local, static_cast<uint32_t>(piece.decoded.value.size()));
    if (!is_end || local == 0) return piece.decoded.offsets[local];
    // An end is just after the source of the last byte (an escape is several file bytes), not
    // at the next byte's source: a closing quote or a folded line break may lie between.
    uint32_t last = piece.decoded.offsets[local - 1];
    return last + source_width(file_, piece, last);
  };
  uint32_t file_begin = to_file(begin, false);
  uint32_t file_end = begin == end ? file_begin : to_file(end, true);
  if (file_end < file_begin) {
    // A range over entries that are not in file order (aliases): keep the start's entry.
    const ScriptPiece& piece = holding(begin, false);
    file_end = std::max(file_begin, piece.decoded.offsets.back());
  }
  return {file_begin, file_end};
}

Span BashScript::file_span(int line, int column, int end_line, int end_column) const {
  uint32_t begin = offset(line, column);
  uint32_t end = offset(end_line, end_column);
  return file_span(begin, std::max(begin, end));
}

bool BashScript::placeholder_on_lines(int first_line, int last_line) const {
  if (placeholders.empty()) return false;
  uint32_t begin = offset(first_line, 1);
  uint32_t end = static_cast<size_t>(last_line) < line_starts.size() ? line_starts[last_line] : static_cast<uint32_t>(text.size());
  for (const expr::Range& r : placeholders) {
    if (r.begin < end && r.end > begin) return true;
  }
  return false;
}

}  // namespace iblint::shell
