#include "expr/scanner.h"

#include <algorithm>
#include <cctype>

namespace iblint::expr {
namespace {

bool is_name_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-'; }
bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

enum class TokenKind { Name, Dot, LeftBracket, RightBracket, Other };

struct Token {
  TokenKind kind;
  Range range;
};

/// Splits the text between the braces into tokens; whitespace separates and is dropped.
std::vector<Token> lex(std::string_view value, Range inner) {
  std::vector<Token> tokens;
  tokens.reserve(8);  // `phase.step.outputs[0].name` is 9 tokens; most expressions have 1 to 7
  uint32_t i = inner.begin;
  while (i < inner.end) {
    char c = value[i];
    if (is_space(c)) {
      ++i;
    } else if (is_name_char(c)) {
      uint32_t start = i;
      while (i < inner.end && is_name_char(value[i])) ++i;
      tokens.push_back({TokenKind::Name, {start, i}});
    } else {
      TokenKind kind = c == '.' ? TokenKind::Dot : c == '[' ? TokenKind::LeftBracket : c == ']' ? TokenKind::RightBracket : TokenKind::Other;
      tokens.push_back({kind, {i, i + 1}});
      ++i;
    }
  }
  return tokens;
}

class Parser {
 public:
  Parser(std::string_view value, Range whole, Range inner) : value_(value), whole_(whole), inner_(inner), tokens_(lex(value, inner)) {}

  /// Grammar: name ( '.' name )* with one optional '[' index ']' right after `inputs`/`outputs`.
  bool parse(Expression& out, SyntaxError& error) {
    out.range = whole_;
    out.segments.reserve(4);  // the most a valid expression has
    if (tokens_.empty()) return fail(error, whole_, "empty expression `{{ }}`; write a parameter, constant, loop variable or `phase.step.outputs.name`");
    size_t i = 0;
    while (true) {
      if (i >= tokens_.size() || tokens_[i].kind != TokenKind::Name) {
        Range at = i < tokens_.size() ? tokens_[i].range : Range{inner_.end, inner_.end};
        std::string what = i < tokens_.size() ? "`" + text(tokens_[i].range) + "`" : "the end";
        return fail(error, at, "expected a name in `{{ " + text(inner_) + " }}`, found " + what);
      }
      out.segments.push_back({text(tokens_[i].range), tokens_[i].range});
      ++i;
      if (i < tokens_.size() && tokens_[i].kind == TokenKind::LeftBracket) {
        const std::string& previous = out.segments.back().text;
        if (out.index || (previous != "inputs" && previous != "outputs") || out.segments.size() != 3) {
          return fail(error, tokens_[i].range, "an index `[n]` may only follow `inputs` or `outputs` in `phase.step.outputs[n].name`");
        }
        size_t close = i + 1;
        while (close < tokens_.size() && tokens_[close].kind != TokenKind::RightBracket) ++close;
        if (close >= tokens_.size()) return fail(error, tokens_[i].range, "`[` is not closed; write `[0]`");
        Range index_range = close == i + 1 ? Range{tokens_[i].range.end, tokens_[i].range.end}
                                           : Range{tokens_[i + 1].range.begin, tokens_[close - 1].range.end};
        Index index{text(index_range), index_range, std::nullopt};
        if (close == i + 2 && !index.text.empty() && index.text.size() <= 18 &&
            std::all_of(index.text.begin(), index.text.end(), [](char c) { return c >= '0' && c <= '9'; })) {
          index.value = std::stoull(index.text);
        }
        out.index = index;
        i = close + 1;
      }
      if (i >= tokens_.size()) break;
      if (tokens_[i].kind != TokenKind::Dot) {
        return fail(error, tokens_[i].range, "unexpected `" + text(tokens_[i].range) + "` in `{{ " + text(inner_) +
                                                 " }}`; expected `.` or `}}`");
      }
      ++i;
    }
    return classify(out, error);
  }

 private:
  bool classify(Expression& out, SyntaxError& error) {
    size_t n = out.segments.size();
    if (n == 1 && !out.index) {
      out.kind = ExpressionKind::Variable;
      return true;
    }
    if (n == 2 && !out.index && (out.segments[1].text == "index" || out.segments[1].text == "value")) {
      out.kind = ExpressionKind::Loop;
      return true;
    }
    if (n == 4 && (out.segments[2].text == "inputs" || out.segments[2].text == "outputs")) {
      out.kind = ExpressionKind::Chaining;
      return true;
    }
    if (n >= 3 && out.segments[2].text != "inputs" && out.segments[2].text != "outputs") {
      std::string hint = out.segments[2].text == "output" || out.segments[2].text == "input"
                             ? "; did you mean `" + out.segments[2].text + "s`?"
                             : "; chaining reads `phase.step.inputs.name` or `phase.step.outputs.name`";
      return fail(error, out.segments[2].range, "`" + out.segments[2].text + "` cannot follow `phase.step`" + hint);
    }
    if (n == 3) return fail(error, {out.segments[2].range.begin, out.index ? out.index->range.end + 1 : out.segments[2].range.end},
                            "`{{ " + text(inner_) + " }}` names no field; add one, e.g. `." + (out.segments[2].text == "outputs" ? "stdout" : "path") + "`");
    if (n == 2) return fail(error, out.segments[1].range, "`" + out.segments[1].text + "` after `" + out.segments[0].text +
                                                              "`: expected `index` or `value` (a loop variable) or `" +
                                                              out.segments[0].text + "." + out.segments[1].text + ".outputs.name` (chaining)");
    return fail(error, out.segments[4 < n ? 4 : n - 1].range, "`{{ " + text(inner_) + " }}` has too many parts; chaining is `phase.step.outputs.name`");
  }

  bool fail(SyntaxError& error, Range range, std::string message) {
    error = {range, std::move(message)};
    return false;
  }
  std::string text(Range r) const {
    std::string_view t = value_.substr(r.begin, r.end - r.begin);
    while (!t.empty() && is_space(t.front())) t.remove_prefix(1);
    while (!t.empty() && is_space(t.back())) t.remove_suffix(1);
    return std::string(t);
  }

  std::string_view value_;
  Range whole_;
  Range inner_;
  std::vector<Token> tokens_;
};

/// Image Builder's own placeholders, resolved by the service, not by AWSTOE.
bool is_foreign(std::string_view inner) {
  size_t start = inner.find_first_not_of(" \t");
  if (start == std::string_view::npos) return false;
  inner.remove_prefix(start);
  while (!inner.empty() && is_space(inner.back())) inner.remove_suffix(1);
  return inner.starts_with("imagebuilder:") || inner.starts_with("ssm:") || inner == "workingDirectory";
}

}  // namespace

std::string Expression::text() const {
  std::string out;
  for (size_t i = 0; i < segments.size(); ++i) {
    if (i) out += '.';
    out += segments[i].text;
    if (i == 2 && index) out += "[" + index->text + "]";
  }
  return out;
}

bool may_hold_expression(std::string_view value) { return value.find("{{") != std::string_view::npos; }

ScanResult scan(std::string_view value) {
  ScanResult result;
  size_t pos = 0;
  while ((pos = value.find("{{", pos)) != std::string_view::npos) {
    size_t open_end = pos + 2;
    bool triple = open_end < value.size() && value[open_end] == '{';
    if (triple) ++open_end;
    size_t close = value.find(triple ? "}}}" : "}}", open_end);
    // Only a `{{` before the close matters: the search stops there instead of running on to
    // the next expression or the end of a long script.
    size_t nested = value.substr(0, close == std::string_view::npos ? value.size() : close).find("{{", open_end);
    if (close == std::string_view::npos || (nested != std::string_view::npos && nested < close)) {
      result.errors.push_back({{static_cast<uint32_t>(pos), static_cast<uint32_t>(open_end)},
                               "`{{` is not closed; an expression ends with `}}`"});
      pos = open_end;
      continue;
    }
    Range whole{static_cast<uint32_t>(pos), static_cast<uint32_t>(close + (triple ? 3 : 2))};
    Range inner{static_cast<uint32_t>(open_end), static_cast<uint32_t>(close)};
    std::string_view inner_text = value.substr(inner.begin, inner.end - inner.begin);
    if (triple || is_foreign(inner_text)) {
      result.foreign.push_back(whole);
    } else {
      Expression expression;
      SyntaxError error;
      if (Parser(value, whole, inner).parse(expression, error)) result.expressions.push_back(std::move(expression));
      else result.errors.push_back(std::move(error));
    }
    pos = whole.end;
  }
  return result;
}

}  // namespace iblint::expr
