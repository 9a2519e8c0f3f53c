#include "lsp/text_document.h"

#include <algorithm>
#include <utility>

namespace iblint::lsp {
namespace {

/// Tree-sitter's point of offset: rows are counted by `\n` alone, columns in bytes.
yaml::TreePoint tree_point(std::string_view text, uint32_t offset) {
  std::string_view before = text.substr(0, offset);
  auto row = static_cast<uint32_t>(std::count(before.begin(), before.end(), '\n'));
  size_t last_break = before.rfind('\n');
  uint32_t column = last_break == std::string_view::npos ? offset : offset - static_cast<uint32_t>(last_break) - 1;
  return {row, column};
}

/// The point after inserting inserted at start.
yaml::TreePoint advance(yaml::TreePoint start, std::string_view inserted) {
  auto rows = static_cast<uint32_t>(std::count(inserted.begin(), inserted.end(), '\n'));
  if (rows == 0) return {start.row, start.column + static_cast<uint32_t>(inserted.size())};
  return {start.row + rows, static_cast<uint32_t>(inserted.size() - inserted.rfind('\n') - 1)};
}

}  // namespace

TextDocument::TextDocument(std::string uri, std::string text, int64_t version)
    : uri_(std::move(uri)), text_(std::move(text)), version_(version), lines_(text_) {}

void TextDocument::replace(uint32_t begin, uint32_t end, std::string_view replacement) {
  begin = std::min<uint32_t>(begin, static_cast<uint32_t>(text_.size()));
  uint32_t old_end = std::clamp<uint32_t>(end, begin, static_cast<uint32_t>(text_.size()));
  yaml::TreeEdit edit;
  edit.start = begin;
  edit.old_end = old_end;
  edit.new_end = begin + static_cast<uint32_t>(replacement.size());
  edit.start_point = tree_point(text_, begin);
  edit.old_end_point = tree_point(text_, old_end);
  edit.new_end_point = advance(edit.start_point, replacement);
  tree_.edit(edit);
  if (!whole_text_replaced_) {
    constexpr size_t kKept = 256;  // longer edits are not scalar typing: they take a full parse
    TextEdit recorded{begin, old_end, "", "", 0, false};
    if (old_end - begin <= kKept && replacement.size() <= kKept) {
      recorded.removed = text_.substr(begin, old_end - begin);
      recorded.inserted = std::string(replacement);
    } else {
      recorded.removed.assign(kKept + 1, '\n');
    }
    uint32_t line_start = lines_.start(lines_.line_of(begin));
    recorded.line_start = line_start;
    std::string_view before = std::string_view(text_).substr(line_start, begin - line_start);
    recorded.after_indentation = before.find_first_not_of(" \t") != std::string_view::npos;
    edits_.push_back(std::move(recorded));
  }
  // An edit within one line (typing) moves the later lines; one that adds or removes a break,
  // or stands between a `\r` and what follows it, has the lines counted again.
  auto has_break = [](std::string_view s) { return s.find_first_of("\r\n") != std::string_view::npos; };
  bool within_line = !has_break(std::string_view(text_).substr(begin, old_end - begin)) && !has_break(replacement) &&
                     (begin == 0 || text_[begin - 1] != '\r');
  uint32_t line = lines_.line_of(begin);
  int64_t delta = static_cast<int64_t>(replacement.size()) - static_cast<int64_t>(old_end - begin);
  text_.replace(begin, old_end - begin, replacement);
  if (within_line) lines_.shift_after(line, delta);
  else lines_ = TextLines(text_);
}

void TextDocument::replace_all(std::string text) {
  text_ = std::move(text);
  lines_ = TextLines(text_);
  tree_.reset();
  edits_.clear();
  whole_text_replaced_ = true;
}

}  // namespace iblint::lsp
