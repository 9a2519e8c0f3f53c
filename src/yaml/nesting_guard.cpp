#include "yaml/nesting_guard.h"

#include <algorithm>
#include <array>

namespace iblint::yaml {
namespace {

bool is_blank(char c) { return c == ' ' || c == '\t'; }
bool ends_token(std::string_view text, size_t i) { return i >= text.size() || is_blank(text[i]) || text[i] == '\n' || text[i] == '\r'; }
/// A quote or comment starts a token only at the line start or after a blank or flow indicator.
bool starts_token(std::string_view text, size_t i) {
  if (i == 0) return true;
  char before = text[i - 1];
  return is_blank(before) || before == '\n' || before == '\r' || before == '[' || before == '{' || before == ',';
}

/// Past a line's indentation, only these bytes can change a count or start a skipped token.
constexpr std::array<bool, 256> kSignificant = [] {
  std::array<bool, 256> table{};
  for (char c : std::string_view("\n-?:[{]}#\"'")) table[static_cast<unsigned char>(c)] = true;
  return table;
}();

}  // namespace

std::optional<uint32_t> find_excessive_nesting(std::string_view text, uint32_t limit) {
  // Each byte adds at most one level to either count, so a text no longer than the limit
  // cannot exceed it: nearly every real file skips the scan.
  if (text.size() <= limit) return std::nullopt;
  uint64_t flow = 0;   // open brackets
  uint64_t block = 0;  // this line's indentation plus its block indicators
  bool line_start = true;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (!line_start && !kSignificant[static_cast<unsigned char>(c)]) continue;  // most bytes
    if (c == '\n') {
      block = 0;
      line_start = true;
      continue;
    }
    if (line_start && c == ' ') {  // the indentation, as one run
      size_t end = std::min(text.find_first_not_of(' ', i), text.size());
      if (block + (end - i) > limit) return static_cast<uint32_t>(i + (limit - block));
      block += end - i;
      i = end - 1;
      continue;
    } else {
      line_start = false;
      if ((c == '-' || c == '?' || c == ':') && ends_token(text, i + 1)) {
        ++block;
      } else if (c == '[' || c == '{') {
        ++flow;
      } else if ((c == ']' || c == '}') && flow > 0) {
        --flow;
      } else if (c == '#' && starts_token(text, i)) {
        while (i + 1 < text.size() && text[i + 1] != '\n') ++i;
      } else if ((c == '"' || c == '\'') && starts_token(text, i)) {
        // Skip a quoted scalar closed on this line ('' and \" escape the quote). One that
        // goes on to the next line is read as plain text: counting too much is safe, too little not.
        size_t j = i + 1;
        for (; j < text.size() && text[j] != '\n'; ++j) {
          if (c == '"' && text[j] == '\\') {
            if (j + 1 < text.size() && text[j + 1] != '\n') ++j;
          } else if (text[j] == c) {
            if (c == '\'' && j + 1 < text.size() && text[j + 1] == '\'') ++j;
            else break;
          }
        }
        if (j < text.size() && text[j] == c) i = j;
      }
    }
    if (block > limit || flow > limit) return static_cast<uint32_t>(i);
  }
  return std::nullopt;
}

}  // namespace iblint::yaml
