#include "iam/text_pattern.h"

#include <cctype>

#include "util/wildcard_match.h"

namespace iblint::iam {

Text Text::literal(std::string_view text) {
  Text t;
  return t.append_literal(text), t;
}

Text Text::symbol(std::string_view name) {
  Text t;
  return t.append_symbol(name), t;
}

Text& Text::append(const Text& other) {
  for (const Piece& p : other.pieces) {
    if (p.symbol) append_symbol(p.text);
    else append_literal(p.text);
  }
  return *this;
}

Text& Text::append_literal(std::string_view text) {
  if (text.empty()) return *this;
  if (!pieces.empty() && !pieces.back().symbol) pieces.back().text += text;
  else pieces.push_back({false, std::string(text)});
  return *this;
}

Text& Text::append_symbol(std::string_view name) {
  pieces.push_back({true, std::string(name)});
  return *this;
}

bool Text::is_literal() const {
  for (const Piece& p : pieces) {
    if (p.symbol) return false;
  }
  return true;
}

std::string Text::str() const {
  std::string out;
  for (const Piece& p : pieces) out += p.symbol ? "${" + p.text + "}" : p.text;
  return out;
}

namespace {

/// One character or one symbol; in a pattern also the wildcards.
struct Unit {
  enum class Kind { Char, Star, Question, Symbol } kind = Kind::Char;
  char c = 0;
  const std::string* name = nullptr;
};

/// Appends text's units to out (reused between calls: matching runs in the innermost loop of
/// the IAM rules, where fresh vectors per call were most of the cost).
void append_units(const Text& text, bool pattern, std::vector<Unit>& out) {
  out.clear();
  for (const Text::Piece& p : text.pieces) {
    if (p.symbol) {
      out.push_back({Unit::Kind::Symbol, 0, &p.text});
      continue;
    }
    for (char c : p.text) {
      Unit::Kind kind = Unit::Kind::Char;
      if (pattern && c == '*') kind = Unit::Kind::Star;
      else if (pattern && c == '?') kind = Unit::Kind::Question;
      out.push_back({kind, c, nullptr});
    }
  }
}

/// The characters of a Text without symbols; storage holds them only when there are several pieces.
std::string_view literal_text(const Text& text, std::string& storage) {
  if (text.pieces.empty()) return {};
  if (text.pieces.size() == 1) return text.pieces.front().text;
  for (const Text::Piece& p : text.pieces) storage += p.text;
  return storage;
}

bool partition_char(char c) { return std::islower(static_cast<unsigned char>(c)) || std::isdigit(static_cast<unsigned char>(c)) || c == '-'; }

}  // namespace

Tri match(const Text& pattern, const Text& subject, bool ignore_case) {
  if (pattern.is_literal() && subject.is_literal()) {
    // Plain strings: the backtracking matcher gives the table's answer without the table.
    std::string pattern_storage, subject_storage;
    return wildcard_match(literal_text(pattern, pattern_storage), literal_text(subject, subject_storage), ignore_case)
               ? Tri::Yes
               : Tri::No;
  }
  // With symbols: a table over pattern units × subject units.
  thread_local std::vector<Unit> p, s;
  thread_local std::vector<Tri> m;
  append_units(pattern, true, p);
  append_units(subject, false, s);
  const size_t P = p.size(), S = s.size();
  // m[i][j]: how pattern units i.. match subject units j.. (filled from the end).
  m.assign((P + 1) * (S + 1), Tri::No);
  auto at = [&](size_t i, size_t j) -> Tri& { return m[i * (S + 1) + j]; };
  auto is_symbol = [](const Unit& u) { return u.kind == Unit::Kind::Symbol; };
  auto is_partition = [&](const Unit& u) { return is_symbol(u) && *u.name == kPartition; };
  for (size_t i = P + 1; i-- > 0;) {
    for (size_t j = S + 1; j-- > 0;) {
      Tri r = Tri::No;
      if (i == P) {
        if (j == S) r = Tri::Yes;
        else if (is_symbol(s[j]) && !is_partition(s[j])) r = min(Tri::Maybe, at(i, j + 1));  // the symbol may be empty
      } else {
        const Unit& u = p[i];
        switch (u.kind) {
          case Unit::Kind::Star:
            r = at(i + 1, j);
            if (j < S) r = max(r, at(i, j + 1));
            break;
          case Unit::Kind::Symbol: {
            if (j < S && is_symbol(s[j]) && *s[j].name == *u.name) r = at(i + 1, j + 1);
            if (*u.name == kPartition && (j == S || !is_symbol(s[j]))) {
              // A partition is a literal partition name: it ends here or takes this character.
              r = max(r, at(i + 1, j));
              if (j < S && s[j].kind == Unit::Kind::Char && partition_char(s[j].c)) r = max(r, at(i, j + 1));
              break;
            }
            // Otherwise the symbol stands for text iblint cannot know: any run of the subject.
            Tri any = at(i + 1, j);
            if (j < S) any = max(any, at(i, j + 1));
            r = max(r, min(Tri::Maybe, any));
            break;
          }
          case Unit::Kind::Char:
          case Unit::Kind::Question:
            if (j == S) break;
            if (is_partition(s[j])) {
              // The partition ends here or takes this character of a literal partition name.
              r = at(i, j + 1);
              if (u.kind == Unit::Kind::Char && partition_char(u.c)) r = max(r, at(i + 1, j));
            } else if (is_symbol(s[j])) {
              r = min(Tri::Maybe, max(at(i, j + 1), at(i + 1, j)));
            } else if (u.kind == Unit::Kind::Question) {
              r = at(i + 1, j + 1);
            } else {
              if (same_byte(u.c, s[j].c, ignore_case)) r = at(i + 1, j + 1);
            }
            break;
        }
      }
      at(i, j) = r;
    }
  }
  return at(0, 0);
}

}  // namespace iblint::iam
