#include "engine/suppressions.h"

#include <algorithm>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include "engine/rule_selection.h"
#include "util/edit_distance.h"

namespace iblint {
namespace {

enum class Scope { NextLine, Line, File };

constexpr std::string_view kDirectiveWords[] = {"iblint-disable-line", "iblint-disable-next-line",
                                                "iblint-disable-file"};

enum class Status { Fine, Unused, Unknown, Unsuppressible };

struct IdToken {
  std::string text;
  Span span;
  const RuleInfo* rule = nullptr;  ///< null: unknown, or the unused-suppression rule itself
  bool unsuppressible = false;
  bool used = false;
  std::string unknown_message;
};

struct Directive {
  Scope scope = Scope::Line;
  Span comment;           ///< the whole comment
  std::string shown;      ///< the directive as quoted in messages, without its reason
  uint32_t target_line = 0;
  bool own_line = false;  ///< the comment is alone on its line
  std::vector<IdToken> ids;
  bool used = false;      ///< for a directive without ids
};

struct BadWord {
  Span span;
  std::string message;
};

bool is_space(char c) { return c == ' ' || c == '\t'; }

Span trimmed_comment(const SourceFile& file, Span span) {
  std::string_view text = file.text(span);
  while (!text.empty() && (text.back() == '\r' || text.back() == '\n' || is_space(text.back()))) {
    text.remove_suffix(1);
    --span.end;
  }
  return span;
}

/// The next line after `line` that is not only a comment (so directives can be stacked).
uint32_t next_code_line(const SourceFile& file, uint32_t line, const std::unordered_set<uint32_t>& comment_starts) {
  uint32_t n = line + 1;
  for (; n <= file.line_count(); ++n) {
    std::string_view text = file.line_text(n);
    size_t first = text.find_first_not_of(" \t");
    if (first == std::string_view::npos) return n;  // a blank line: nothing to suppress there
    if (!comment_starts.contains(file.line_start(n) + static_cast<uint32_t>(first))) return n;
  }
  return n;
}

bool alone_on_line(const SourceFile& file, Span comment) {
  uint32_t line = file.line_of(comment.begin);
  std::string_view before = file.text({file.line_start(line), comment.begin});
  return std::all_of(before.begin(), before.end(), is_space);
}

/// The edit removing a whole comment: its line when it is alone there, else the comment and
/// the blanks before it.
Edit remove_comment(const SourceFile& file, Span comment) {
  uint32_t line = file.line_of(comment.begin);
  if (alone_on_line(file, comment)) {
    uint32_t begin = file.line_start(line);
    uint32_t end = line < file.line_count() ? file.line_start(line + 1) : file.size();
    return {{begin, end}, ""};
  }
  uint32_t begin = comment.begin;
  uint32_t line_begin = file.line_start(line);
  while (begin > line_begin && is_space(file.bytes()[begin - 1])) --begin;
  return {{begin, comment.end}, ""};
}

std::string unknown_rule_message(std::string_view token, const std::vector<const RuleInfo*>& known) {
  std::vector<std::string_view> candidates;
  for (const RuleInfo* rule : known) {
    candidates.push_back(rule->id);
    candidates.push_back(rule->name);
  }
  std::string message = "unknown rule `" + std::string(token) + "`";
  std::string suggestion = closest(token, candidates, typo_distance(token));
  if (!suggestion.empty()) message += "; did you mean `" + suggestion + "`?";
  return message;
}

std::string unsuppressible_message(const RuleInfo& rule) {
  return "`" + std::string(rule.id) + "` findings cannot be suppressed with a comment; ignore `" +
         std::string(rule.id) + "` in the configuration instead";
}

class Suppressor {
 public:
  Suppressor(const SourceFile& file, const std::vector<Span>& comments, const RuleInfo& unused_rule,
             const std::vector<const RuleInfo*>& known, const std::function<bool(const RuleInfo&)>& rule_ran)
      : file_(file), unused_rule_(unused_rule), known_(known), rule_ran_(rule_ran) {
    for (Span c : comments) comment_starts_.insert(c.begin);
    for (Span c : comments) read(c);
    for (size_t i = 0; i < directives_.size(); ++i) {
      if (directives_[i].scope == Scope::File) file_directives_.push_back(i);
      else by_line_[directives_[i].target_line].push_back(i);
    }
  }

  bool suppress(const Diagnostic& d) {
    if (!d.rule || d.rule == &unused_rule_ || d.rule->id == unused_rule_.id) return false;
    uint32_t line = file_.line_of(d.span.begin);
    if (auto it = by_line_.find(line); it != by_line_.end()) {
      for (size_t i : it->second) {
        if (credit(directives_[i], *d.rule)) return true;
      }
    }
    for (size_t i : file_directives_) {
      if (credit(directives_[i], *d.rule)) return true;
    }
    return false;
  }

  /// Appends the findings about directives, in comment order.
  void report(std::vector<Diagnostic>& out) const {
    std::vector<Diagnostic> found;
    for (const BadWord& bad : bad_words_) {
      Diagnostic& d = add(found, bad.span, bad.message);
      d.fixes.push_back(Fix{"Remove the comment", {remove_comment(file_, bad.span)}, true});
    }
    for (const Directive& directive : directives_) report(directive, found);
    std::stable_sort(found.begin(), found.end(),
                     [](const Diagnostic& a, const Diagnostic& b) { return a.span.begin < b.span.begin; });
    for (Diagnostic& d : found) out.push_back(std::move(d));
  }

 private:
  void read(Span span) {
    span = trimmed_comment(file_, span);
    std::string_view text = file_.text(span);
    if (text.empty() || text.front() != '#') return;
    size_t i = 1;
    while (i < text.size() && is_space(text[i])) ++i;
    size_t word_end = i;
    while (word_end < text.size() && !is_space(text[word_end])) ++word_end;
    std::string_view word = text.substr(i, word_end - i);
    if (!word.starts_with("iblint-")) return;

    Directive directive;
    if (word == "iblint-disable-next-line") directive.scope = Scope::NextLine;
    else if (word == "iblint-disable-line") directive.scope = Scope::Line;
    else if (word == "iblint-disable-file") directive.scope = Scope::File;
    else {
      std::vector<std::string_view> words(std::begin(kDirectiveWords), std::end(kDirectiveWords));
      std::string message = "unknown directive `" + std::string(word) + "`";
      std::string suggestion = closest(word, words, 5);
      if (!suggestion.empty()) {
        message += "; did you mean `" + suggestion + "`?";
      } else {
        message += "; expected `iblint-disable-next-line`, `iblint-disable-line` or `iblint-disable-file`";
      }
      bad_words_.push_back({span, std::move(message)});
      return;
    }
    directive.comment = span;
    directive.own_line = alone_on_line(file_, span);
    uint32_t line = file_.line_of(span.begin);
    directive.target_line = directive.scope == Scope::Line       ? line
                            : directive.scope == Scope::NextLine ? next_code_line(file_, line, comment_starts_)
                                                                 : 0;

    // Ids up to an optional `--` that starts the reason.
    size_t ids_end = text.size();
    for (size_t k = word_end; k + 1 < text.size(); ++k) {
      if (text[k] == '-' && text[k + 1] == '-' && is_space(text[k - 1])) {
        ids_end = k;
        break;
      }
    }
    size_t shown_end = ids_end;
    while (shown_end > word_end && is_space(text[shown_end - 1])) --shown_end;
    directive.shown = std::string(text.substr(0, shown_end));

    size_t k = word_end;
    while (k < ids_end) {
      if (is_space(text[k]) || text[k] == ',') {
        ++k;
        continue;
      }
      size_t start = k;
      while (k < ids_end && !is_space(text[k]) && text[k] != ',') ++k;
      IdToken token;
      token.text = std::string(text.substr(start, k - start));
      token.span = {span.begin + static_cast<uint32_t>(start), span.begin + static_cast<uint32_t>(k)};
      if (token.text == unused_rule_.id || token.text == unused_rule_.name) {
        token.unsuppressible = true;
      } else if (const RuleInfo* rule = find_rule_info(token.text, known_)) {
        if (rule->id == unused_rule_.id) token.unsuppressible = true;
        else token.rule = rule;
      } else {
        token.unknown_message = unknown_rule_message(token.text, known_);
      }
      directive.ids.push_back(std::move(token));
    }
    directives_.push_back(std::move(directive));
  }

  static bool credit(Directive& directive, const RuleInfo& rule) {
    if (directive.ids.empty()) {
      directive.used = true;
      return true;
    }
    for (IdToken& token : directive.ids) {
      if (token.rule && token.rule->id == rule.id) {
        token.used = true;
        return true;
      }
    }
    return false;
  }

  Status status(const IdToken& token) const {
    if (token.unsuppressible) return Status::Unsuppressible;
    if (!token.rule) return Status::Unknown;
    if (token.used) return Status::Fine;
    if (rule_ran_ && !rule_ran_(*token.rule)) return Status::Fine;
    return Status::Unused;
  }

  std::string where(const Directive& directive) const {
    if (directive.scope == Scope::File) return "in this file";
    return "on line " + std::to_string(directive.target_line);
  }

  std::string hint(const Directive& directive) const {
    if (directive.scope == Scope::Line && directive.own_line) {
      return " (`iblint-disable-line` applies to its own line; put `iblint-disable-next-line` above a line instead)";
    }
    return "";
  }

  static std::string joined_names(const std::vector<std::string>& names) {
    std::string out;
    for (size_t i = 0; i < names.size(); ++i) {
      if (i > 0) out += i + 1 == names.size() ? " or " : ", ";
      out += names[i];
    }
    return out;
  }

  Diagnostic& add(std::vector<Diagnostic>& out, Span span, std::string message) const {
    Diagnostic& d = out.emplace_back();
    d.rule = &unused_rule_;
    d.severity = unused_rule_.severity;
    d.span = span;
    d.message = std::move(message);
    return d;
  }

  void report(const Directive& directive, std::vector<Diagnostic>& out) const {
    Fix remove_all{"Remove the unused suppression comment", {remove_comment(file_, directive.comment)}, true};
    if (directive.ids.empty()) {
      if (directive.used) return;
      Diagnostic& d = add(out, directive.comment,
                          "`" + directive.shown + "` suppresses nothing: no finding " + where(directive) + hint(directive));
      d.fixes.push_back(std::move(remove_all));
      return;
    }

    std::vector<Status> statuses;
    for (const IdToken& token : directive.ids) statuses.push_back(status(token));
    size_t bad = std::count_if(statuses.begin(), statuses.end(), [](Status s) { return s != Status::Fine; });
    if (bad == 0) return;

    if (bad == directive.ids.size()) {
      // Nothing in the directive does anything: one finding, and the fix removes the comment.
      std::vector<std::string> reasons;
      std::vector<std::string> unused;
      size_t unused_at = 0;
      for (size_t i = 0; i < directive.ids.size(); ++i) {
        const IdToken& token = directive.ids[i];
        if (statuses[i] == Status::Unused) {
          if (unused.empty()) unused_at = reasons.size();
          unused.push_back(token.text);
        } else if (statuses[i] == Status::Unknown) {
          reasons.push_back(token.unknown_message);
        } else {
          reasons.push_back(unsuppressible_message(unused_rule_));
        }
      }
      if (!unused.empty()) {
        reasons.insert(reasons.begin() + static_cast<std::ptrdiff_t>(unused_at),
                       "no " + joined_names(unused) + " finding " + where(directive) + hint(directive));
      }
      std::string message = "`" + directive.shown + "` suppresses nothing: ";
      for (size_t i = 0; i < reasons.size(); ++i) message += (i ? "; " : "") + reasons[i];
      Diagnostic& d = add(out, directive.comment, std::move(message));
      d.fixes.push_back(std::move(remove_all));
      return;
    }

    // Some ids work: one finding per id that does not, each removing just that id. An id
    // with a working id after it takes the separator after it; one after the last working id
    // takes the separator before it, so that the edits never overlap.
    size_t last_fine = 0;
    for (size_t i = 0; i < statuses.size(); ++i) {
      if (statuses[i] == Status::Fine) last_fine = i;
    }
    for (size_t i = 0; i < directive.ids.size(); ++i) {
      if (statuses[i] == Status::Fine) continue;
      const IdToken& token = directive.ids[i];
      Span removed = i < last_fine ? Span{token.span.begin, directive.ids[i + 1].span.begin}
                                   : Span{directive.ids[i - 1].span.end, token.span.end};
      std::string message;
      if (statuses[i] == Status::Unused) {
        message = "`" + token.text + "` in `" + directive.shown + "` suppresses nothing: no " + token.text +
                  " finding " + where(directive) + hint(directive);
      } else if (statuses[i] == Status::Unknown) {
        message = token.unknown_message;
      } else {
        message = unsuppressible_message(unused_rule_);
      }
      Diagnostic& d = add(out, token.span, std::move(message));
      d.fixes.push_back(Fix{"Remove `" + token.text + "` from the suppression comment", {{removed, ""}}, true});
    }
  }

  const SourceFile& file_;
  const RuleInfo& unused_rule_;
  const std::vector<const RuleInfo*>& known_;
  const std::function<bool(const RuleInfo&)>& rule_ran_;
  std::unordered_set<uint32_t> comment_starts_;
  std::vector<Directive> directives_;
  std::vector<BadWord> bad_words_;
  std::unordered_map<uint32_t, std::vector<size_t>> by_line_;
  std::vector<size_t> file_directives_;
};

}  // namespace

std::vector<Diagnostic> apply_suppressions(const SourceFile& file, const std::vector<Span>& comments,
                                           std::vector<Diagnostic> diagnostics,
                                           const RuleInfo& unused_suppression_rule,
                                           const std::vector<const RuleInfo*>& known_rules,
                                           const std::function<bool(const RuleInfo&)>& rule_ran) {
  Suppressor suppressor(file, comments, unused_suppression_rule, known_rules, rule_ran);
  std::vector<Diagnostic> kept;
  kept.reserve(diagnostics.size());
  for (Diagnostic& d : diagnostics) {
    if (!suppressor.suppress(d)) kept.push_back(std::move(d));
  }
  suppressor.report(kept);
  return kept;
}

}  // namespace iblint
