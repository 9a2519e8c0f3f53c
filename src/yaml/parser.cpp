#include "yaml/parser.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstring>
#include <deque>
#include <optional>
#include <string>
#include <string_view>
#include <tree_sitter/api.h>
#include <unordered_map>

#include "yaml/alias_budget.h"
#include "yaml/comment_runs.h"
#include "yaml/nesting_guard.h"
#include "yaml/node_builder.h"
#include "yaml/piecewise_parse.h"
#include "yaml/scalar_decode.h"

extern "C" const TSLanguage* tree_sitter_yaml();

namespace iblint::yaml {
namespace {

struct ParserDeleter { void operator()(TSParser* p) const { ts_parser_delete(p); } };
struct TreeDeleter { void operator()(TSTree* t) const { ts_tree_delete(t); } };

Span span_of(TSNode node) { return {ts_node_start_byte(node), ts_node_end_byte(node)}; }
bool is(TSNode node, const char* type) { return std::strcmp(ts_node_type(node), type) == 0; }

/// Whether the nearest non-blank line above span's line is a comment.
bool previous_line_is_comment(const SourceFile& file, Span span) {
  for (uint32_t line = file.line_of(span.begin); line > 1; --line) {
    std::string_view text = file.line_text(line - 1);
    size_t start = text.find_first_not_of(" \t");
    if (start == std::string_view::npos) continue;
    return text[start] == '#';
  }
  return false;
}

/// A line whose value starts with an unquoted `{{`, as in `- {{ a.b }}` or `key: {{ a.b }}`.
bool unquoted_expression(std::string_view line) {
  size_t braces = line.find("{{");
  if (braces == std::string_view::npos) return false;
  std::string_view before = line.substr(0, braces);
  while (!before.empty() && before.back() == ' ') before.remove_suffix(1);
  return before.empty() || before.back() == '-' || before.back() == ':';
}

/// Text safe to quote in a message: invalid UTF-8 bytes become U+FFFD.
std::string printable(std::string_view text) {
  std::string out;
  for (size_t i = 0; i < text.size();) {
    size_t len = utf8_sequence_length(text, i);
    if (len == 0) {
      out += "\xEF\xBF\xBD";
      ++i;
    } else {
      out.append(text.substr(i, len));
      i += len;
    }
  }
  return out;
}

/// Describes the syntax error whose unreadable text is region, pointing at its first line and
/// explaining it in words a YAML author can act on.
SyntaxError describe_error(const SourceFile& file, Span region) {
  SyntaxError error{region, region, ""};
  std::string_view text = file.text(region);
  size_t start = text.find_first_not_of(" \t\r\n");
  if (start != std::string_view::npos) error.span.begin += static_cast<uint32_t>(start);
  uint32_t line_no = file.line_of(error.span.begin);
  std::string_view line = file.line_text(line_no);
  uint32_t line_begin = file.line_start(line_no);
  error.span.end = std::min(error.span.end, line_begin + static_cast<uint32_t>(line.size()));
  std::string_view shown = file.text(error.span);
  while (!shown.empty() && shown.back() == ' ') shown.remove_suffix(1);
  bool cut = shown.size() > 40;
  if (cut) shown = shown.substr(0, 40);
  std::string message = "YAML syntax error";
  if (!shown.empty()) message += ": cannot parse `" + printable(shown) + (cut ? "…`" : "`");
  size_t indent_end = std::min(line.find_first_not_of(" \t"), line.size());
  auto count = [&](char c) { return std::count(line.begin(), line.end(), c); };
  if (line.substr(0, indent_end).find('\t') != std::string_view::npos) {
    error.span = {line_begin, line_begin + static_cast<uint32_t>(indent_end)};
    message = "YAML does not allow tabs for indentation; indent this line with spaces";
  } else if (unquoted_expression(line)) {
    message += "; an unquoted value starting with `{{` is read as a YAML flow mapping: quote the whole value "
               "(`'{{ … }}'`)";
  } else if (previous_line_is_comment(file, error.span) && line.find(": ") == std::string_view::npos) {
    message += "; a comment line ended the multi-line plain value above, so this line cannot continue it: "
               "write scripts as a literal block scalar (`- |`)";
  } else if (count('[') > count(']') || count('{') > count('}')) {
    bool list = count('[') > count(']');
    size_t open = line.rfind(list ? '[' : '{');
    error.span = {line_begin + static_cast<uint32_t>(open), line_begin + static_cast<uint32_t>(open) + 1};
    message = std::string("the flow ") + (list ? "list opened with `[`" : "mapping opened with `{`") +
              " is never closed; add `" + (list ? "]" : "}") + "` (or write it in block style)";
  } else if (count('"') % 2 == 1) {
    message += "; a quoted value is not closed, or has text after its closing quote";
  } else if (shown.find(": ") != std::string_view::npos || shown.find(" #") != std::string_view::npos) {
    message += "; a plain value cannot contain `: ` or ` #`: quote the value or use a block scalar (`|`)";
  } else {
    message += "; check the indentation and quoting here";
  }
  error.message = std::move(message);
  return error;
}

/// Walks the whole tree once, without recursion, collecting comments and syntax errors. A tree
/// without errors, built whole, needs no walk: the Builder has collected its comments.
void collect_comments_and_errors(const SourceFile& file, TSNode root, Stream& out) {
  if (!ts_node_has_error(root) && !out.too_deep) return;
  out.comments.clear();
  TSTreeCursor cursor = ts_tree_cursor_new(root);
  constexpr size_t kMaxErrors = 20;
  while (true) {
    TSNode node = ts_tree_cursor_current_node(&cursor);
    bool descend = true;
    if (is(node, "comment")) {
      out.comments.push_back(span_of(node));
      descend = false;
    } else if (ts_node_is_missing(node)) {
      if (out.errors.size() < kMaxErrors) {
        std::string type = ts_node_type(node);
        out.errors.push_back({span_of(node), span_of(node), "YAML syntax error: expected `" + type + "` here"});
      }
      descend = false;
    } else if (is(node, "ERROR")) {
      if (out.errors.size() < kMaxErrors) out.errors.push_back(describe_error(file, span_of(node)));
      descend = false;  // nested ERROR nodes are the same mistake, reported once
    }
    if (descend && ts_tree_cursor_goto_first_child(&cursor)) continue;
    while (!ts_tree_cursor_goto_next_sibling(&cursor)) {
      if (!ts_tree_cursor_goto_parent(&cursor)) {
        ts_tree_cursor_delete(&cursor);
        return;
      }
    }
  }
}

/// Tree-sitter's error recovery may wrap a whole document in one ERROR node that starts at the
/// top of the file, far from the mistake. The first line whose prefix no longer parses is
/// where the mistake is: find it by bisection over line prefixes (a few extra parses, only for
/// broken files).
uint32_t first_broken_line(const SourceFile& file, std::string_view text, TSParser* parser) {
  auto prefix_has_error = [&](uint32_t lines) {
    uint32_t end = lines >= file.line_count() ? file.size() : file.line_start(lines + 1);
    std::unique_ptr<TSTree, TreeDeleter> tree(ts_parser_parse_string(parser, nullptr, text.data(), end));
    return !tree || ts_node_has_error(ts_tree_root_node(tree.get()));
  };
  uint32_t good = 0, bad = file.line_count();
  while (bad - good > 1) {
    uint32_t mid = good + (bad - good) / 2;
    (prefix_has_error(mid) ? bad : good) = mid;
  }
  return bad;
}

void locate_first_error(const SourceFile& file, std::string_view text, TSParser* parser, Stream& stream, double parse_ms) {
  constexpr uint32_t kMaxBisectBytes = 8u << 20;
  if (stream.errors.empty() || stream.too_deep || file.size() > kMaxBisectBytes) return;
  // Bisection costs about log2(lines) parses; pathological inputs that already parse slowly
  // keep tree-sitter's position instead of multiplying their cost.
  if (parse_ms * std::log2(std::max<uint32_t>(file.line_count(), 2)) > 500.0) return;
  SyntaxError& first = stream.errors.front();
  uint32_t line = first_broken_line(file, text, parser);
  if (line <= file.line_of(first.span.begin)) return;
  Span region = {file.line_start(line), std::max(first.region.end, file.line_start(line))};
  first = describe_error(file, region);
}

/// Puts the comments hidden from the parser back among the stream's comments, in file order.
void add_hidden_comments(Stream& stream, const std::vector<Span>& hidden) {
  if (hidden.empty()) return;
  stream.comments.insert(stream.comments.end(), hidden.begin(), hidden.end());
  std::sort(stream.comments.begin(), stream.comments.end(), [](Span a, Span b) { return a.begin < b.begin; });
}

/// A stream for text refused before parsing because it may nest deeper than the parser takes:
/// one error at the place where the nesting got too deep, one empty document.
std::unique_ptr<Stream> refused_too_deep(const SourceFile& file, uint32_t at) {
  auto stream = std::make_unique<Stream>();
  stream->too_deep = true;
  stream->not_parsed = true;
  at = std::min(at, file.size());
  stream->errors.push_back({{at, std::min(at + 1, file.size())}, {at, file.size()},
                            "nesting is deeper than " + std::to_string(kMaxParseNesting) +
                                " levels here; iblint does not parse a file nested this deep"});
  stream->documents.push_back(&stream->arena.emplace_back());
  return stream;
}

}  // namespace

Decoded decode_scalar(const SourceFile& file, const Node& node, bool track_offsets) {
  std::string_view raw = file.text(node.span);
  Decoded d;
  switch (node.style) {
    case Style::Plain: d = decode_plain(raw, track_offsets); break;
    case Style::SingleQuoted: d = decode_single_quoted(raw, track_offsets); break;
    case Style::DoubleQuoted: d = decode_double_quoted(raw, track_offsets); break;
    case Style::Literal:
    case Style::Folded: {
      std::string_view line = file.line_text(file.line_of(node.span.begin));
      int indent = 0;
      while (indent < static_cast<int>(line.size()) && line[indent] == ' ') ++indent;
      d = decode_block(raw, indent, track_offsets);
      break;
    }
  }
  for (uint32_t& offset : d.offsets) offset += node.span.begin;
  return d;
}

std::unique_ptr<Stream> parse_ranges(const SourceFile& file, const std::vector<Span>& ranges) {
  auto stream = std::make_unique<Stream>();
  std::vector<TSRange> included;
  auto point = [&](uint32_t offset) {
    uint32_t line = file.line_of(offset);
    return TSPoint{line - 1, offset - file.line_start(line)};
  };
  for (Span span : ranges) {
    if (span.begin >= span.end || span.end > file.size()) continue;
    if (!included.empty() && span.begin < included.back().end_byte) continue;
    included.push_back({point(span.begin), point(span.end), span.begin, span.end});
  }
  std::string joined;  // the text the parser will read: the ranges one after another
  for (const TSRange& r : included) joined.append(file.bytes(), r.start_byte, r.end_byte - r.start_byte);
  if (std::optional<uint32_t> deep = find_excessive_nesting(joined)) {
    uint32_t at = included.front().start_byte;  // map the offset in joined back into the file
    uint32_t left = *deep;
    for (const TSRange& r : included) {
      at = r.start_byte + left;
      if (left < r.end_byte - r.start_byte) break;
      left -= r.end_byte - r.start_byte;
    }
    return refused_too_deep(file, at);
  }
  std::unique_ptr<TSParser, ParserDeleter> parser(ts_parser_new());
  ts_parser_set_language(parser.get(), tree_sitter_yaml());
  std::unique_ptr<TSTree, TreeDeleter> tree;
  std::vector<Span> hidden_comments;
  if (!included.empty() && ts_parser_set_included_ranges(parser.get(), included.data(), static_cast<uint32_t>(included.size())))
  {
    std::vector<Span> hidden;  // long comment runs inside the ranges, as in parse_with
    for (Span c : comments_in_long_runs(file.bytes())) {
      for (const TSRange& r : included) {
        if (r.start_byte <= c.begin && c.end <= r.end_byte) hidden.push_back(c);
      }
    }
    if (!hidden.empty()) {
      std::string masked = blank_out(file.bytes(), hidden);
      tree.reset(ts_parser_parse_string(parser.get(), nullptr, masked.data(), file.size()));
      hidden_comments = std::move(hidden);
    } else {
      tree.reset(ts_parser_parse_string(parser.get(), nullptr, file.bytes().data(), file.size()));
    }
  }
  if (!tree) {
    uint32_t at = included.empty() ? 0 : included.front().start_byte;
    stream->errors.push_back({{at, at}, {at, at}, "the YAML parser gave up on this document"});
    stream->documents.push_back(&stream->arena.emplace_back());
    return stream;
  }
  TSNode root = ts_tree_root_node(tree.get());
  NodeBuilder(file, *stream).build_stream(root);
  collect_comments_and_errors(file, root, *stream);
  add_hidden_comments(*stream, hidden_comments);
  limit_alias_expansion(*stream);
  return stream;
}

namespace {

/// Parses with parser, reusing previous (an edited tree of the last text) when given, and
/// builds the node model. The new tree is returned through kept when asked for.
std::unique_ptr<Stream> parse_with(const SourceFile& file, TSParser* parser, TSTree* previous, TSTree** kept) {
  std::string_view content = std::string_view(file.bytes()).substr(file.content_begin());
  if (std::optional<uint32_t> deep = find_excessive_nesting(content)) {
    return refused_too_deep(file, file.content_begin() + *deep);
  }
  auto stream = std::make_unique<Stream>();
  // Parse from after the BOM, keeping byte offsets relative to the whole file.
  TSRange range{{0, file.content_begin()}, {UINT32_MAX, UINT32_MAX}, file.content_begin(), UINT32_MAX};
  ts_parser_set_included_ranges(parser, &range, 1);
  auto start = std::chrono::steady_clock::now();
  // Long runs of comments are hidden from the parser (see comment_runs.h) and added back below.
  std::vector<Span> hidden = comments_in_long_runs(file.bytes());
  std::string masked = hidden.empty() ? std::string() : blank_out(file.bytes(), hidden);
  std::string_view text = hidden.empty() ? std::string_view(file.bytes()) : std::string_view(masked);
  std::unique_ptr<TSTree, TreeDeleter> tree(ts_parser_parse_string(parser, previous, text.data(), file.size()));
  double parse_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  if (!tree) {
    stream->errors.push_back({{0, 0}, {0, file.size()}, "the YAML parser gave up on this file"});
    stream->documents.push_back(&stream->arena.emplace_back());
    return stream;
  }
  TSNode root = ts_tree_root_node(tree.get());
  NodeBuilder(file, *stream).build_stream(root);
  collect_comments_and_errors(file, root, *stream);
  add_hidden_comments(*stream, hidden);
  locate_first_error(file, text, parser, *stream, parse_ms);
  limit_alias_expansion(*stream);  // after locate_first_error, which reworks the parser's first error
  if (kept) *kept = tree.release();
  return stream;
}

}  // namespace

std::unique_ptr<Stream> parse(const SourceFile& file) {
  if (std::unique_ptr<Stream> stream = parse_in_pieces(file)) return stream;
  return parse_whole(file);
}

std::unique_ptr<Stream> parse_whole(const SourceFile& file) {
  std::unique_ptr<TSParser, ParserDeleter> parser(ts_parser_new());
  ts_parser_set_language(parser.get(), tree_sitter_yaml());
  return parse_with(file, parser.get(), nullptr, nullptr);
}

std::unique_ptr<Stream> parse(const SourceFile& file, SyntaxTree& tree) {
  TSTree* next = nullptr;
  std::unique_ptr<Stream> stream = parse_with(file, tree.parser(), tree.tree(), &next);
  tree.replace(next);  // null when the parser gave up: the next parse starts afresh
  return stream;
}

}  // namespace iblint::yaml
