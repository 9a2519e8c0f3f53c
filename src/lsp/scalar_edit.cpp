#include "lsp/scalar_edit.h"

#include <algorithm>

namespace iblint::lsp {
namespace {

/// Characters that never start or end a YAML token inside a plain value (not at its start).
bool plain_safe(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '.' || c == '/' || c == '$' || c == '(' ||
         c == ')' || c == '+' || c == '=' || c == '~' || c == '^' || c == '-';
}

bool all_of(const std::string& text, bool (*ok)(char)) { return std::all_of(text.begin(), text.end(), ok); }

bool safe_for(const yaml::Node& node, const TextEdit& edit) {
  auto no_break = [](char c) { return c != '\n' && c != '\r'; };
  auto check = [&](auto ok) {
    return std::all_of(edit.removed.begin(), edit.removed.end(), ok) &&
           std::all_of(edit.inserted.begin(), edit.inserted.end(), ok);
  };
  switch (node.style) {
    case yaml::Style::Plain:
      return edit.begin > node.span.begin && edit.old_end <= node.span.end && all_of(edit.removed, plain_safe) &&
             all_of(edit.inserted, plain_safe);
    case yaml::Style::SingleQuoted:
      return edit.begin > node.span.begin && edit.old_end < node.span.end &&
             check([&](char c) { return no_break(c) && c != '\''; });
    case yaml::Style::DoubleQuoted:
      return edit.begin > node.span.begin && edit.old_end < node.span.end &&
             check([&](char c) { return no_break(c) && c != '"' && c != '\\'; });
    case yaml::Style::Literal:
    case yaml::Style::Folded:
      // Not on the header line, not in a line's indentation (it decides the block's).
      return edit.after_indentation && edit.line_start > node.span.begin && edit.old_end < node.span.end &&
             check(no_break);
  }
  return false;
}

/// A plain value YAML's core schema certainly reads as a string, not null, a boolean, a number
/// or a timestamp: it holds a letter none of those use, or is longer than any keyword and holds
/// a character no number or timestamp has.
bool certainly_string(const std::string& value) {
  constexpr std::string_view kKeywordFree = "ghjkmpqvwyGHJKMPQVWY";
  constexpr std::string_view kNumeric = "0123456789abcdefABCDEFxXoOeE+-._:tTzZ \t";
  if (value.find_first_of(kKeywordFree) != std::string::npos) return true;
  return value.size() > 5 && value.find_first_not_of(kNumeric) != std::string::npos;
}

void shift(Span& span, const TextEdit& edit, int64_t delta) {
  if (span.begin >= edit.old_end && span.begin > edit.begin) span.begin = static_cast<uint32_t>(span.begin + delta);
  if (span.end >= edit.old_end) span.end = static_cast<uint32_t>(span.end + delta);
}

}  // namespace

bool apply_scalar_edits(yaml::Stream& stream, const std::vector<TextEdit>& edits, const SourceFile& file) {
  if (!stream.errors.empty() || stream.too_deep || edits.empty()) return false;
  auto is_key = [&](const yaml::Node* target) {
    for (const yaml::Node& node : stream.arena) {
      for (const yaml::Pair& pair : node.pairs) {
        if (pair.key == target) return true;
      }
    }
    return false;
  };
  std::vector<yaml::Node*> edited;
  for (const TextEdit& edit : edits) {
    if (edit.removed.size() > 256 || edit.inserted.size() > 256) return false;
    yaml::Node* target = nullptr;
    for (yaml::Node& node : stream.arena) {
      if (node.is_scalar() && node.span.begin <= edit.begin && edit.old_end <= node.span.end && !node.span.empty()) {
        target = &node;
        break;
      }
    }
    if (!target || !safe_for(*target, edit) || is_key(target)) return false;
    if (target->style == yaml::Style::Plain && target->type != yaml::ScalarType::String) return false;
    int64_t delta = static_cast<int64_t>(edit.inserted.size()) - static_cast<int64_t>(edit.removed.size());
    for (yaml::Node& node : stream.arena) {
      shift(node.span, edit, delta);
      if (!node.tag.empty()) shift(node.tag_span, edit, delta);
    }
    for (Span& comment : stream.comments) shift(comment, edit, delta);
    for (yaml::DuplicateKey& duplicate : stream.duplicate_keys) {
      shift(duplicate.span, edit, delta);
      shift(duplicate.first, edit, delta);
    }
    if (std::find(edited.begin(), edited.end(), target) == edited.end()) edited.push_back(target);
  }
  for (yaml::Node* node : edited) {
    node->value = yaml::decode_scalar(file, *node, false).value;
    if (node->style == yaml::Style::Plain && !certainly_string(node->value)) return false;
  }
  return true;
}

}  // namespace iblint::lsp
