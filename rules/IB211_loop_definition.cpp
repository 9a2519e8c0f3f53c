#include <cmath>
#include <cstdlib>
#include <map>
#include <optional>
#include <regex>

#include "rules/rule_support.h"
#include "rules/rules.h"

namespace iblint {
namespace {

using yaml::Node;

const std::vector<std::string_view> kLoopKeys = {"name", "for", "forEach"};
const std::vector<std::string_view> kForKeys = {"start", "end", "updateBy"};
const std::vector<std::string_view> kDelimitedKeys = {"list", "delimiter"};
constexpr std::string_view kDelimiters = ".,;:\n\t -_";

bool has_expression(const Node& node) {
  const Node& n = node.resolved();
  return n.is_scalar() && n.value.find("{{") != std::string::npos;
}

/// A chaining expression (`{{ phase.step.outputs.x }}`, spec §5) in a scalar: IB203 reports
/// those outside the places that resolve them, so this rule leaves them alone.
bool has_chaining(const Node& node) {
  static const std::regex kChaining("\\{\\{\\s*[^.\\s{}]+\\.[^.\\s{}]+\\.(inputs|outputs)");
  const Node& n = node.resolved();
  return n.is_scalar() && std::regex_search(n.value, kChaining);
}

/// `{{ Name }}` written without quotes: YAML reads it as a flow mapping whose only key is
/// another flow mapping. IB201 reports those, so this rule says nothing more about them.
bool unquoted_expression(const Node& node) {
  const Node& n = node.resolved();
  return n.is_mapping() && n.flow && n.pairs.size() == 1 && n.pairs[0].key->resolved().is_mapping();
}

/// Shows a delimiter with its control characters escaped.
std::string shown(std::string_view text) {
  std::string s;
  for (char c : text) {
    if (c == '\n') s += "\\n";
    else if (c == '\t') s += "\\t";
    else s += c;
  }
  return code(s);
}

/// The `loop` of a step (spec §7): `for` or `forEach`, their fields and values, loop names.
class LoopDefinition final : public Rule {
 public:
  const RuleInfo& info() const override {
    static const RuleInfo rule{"IB211", "loop-definition", Severity::Error,
                               "A loop has one of `for` (integers that reach `end`) or `forEach` (a list, or a string "
                               "and a one-character delimiter), and a name unique in its phase"};
    return rule;
  }

  void check(const LintContext& context, Reporter& out) const override {
    for (const Phase& phase : context.component->phases) {
      std::map<std::string, const Node*> names;  // loop name -> its node, per phase
      for (const Step& step : phase.steps) {
        if (!step.loop) continue;
        const Node& loop = step.loop->resolved();
        if (!loop.is_mapping()) continue;  // document-schema reports it
        // A loop reused through an alias (`loop: *shared`) is checked where it is written; here
        // only its name counts, reported at the alias.
        bool alias = step.loop->kind == yaml::Kind::Alias;
        check_name(loop, alias ? step.loop : nullptr, names, out);
        if (alias) continue;
        Span loop_key = key_span(step.node->resolved(), "loop");
        check_keys(loop, loop_key, out);
        if (const yaml::Pair* f = loop.find_pair("for")) check_for(*f, out);
        if (const yaml::Pair* e = loop.find_pair("forEach")) check_for_each(*e, out);
      }
    }
  }

 private:
  /// Unknown fields, and exactly one of `for`/`forEach`.
  static void check_keys(const Node& loop, Span loop_key, Reporter& out) {
    const yaml::Pair* f = loop.find_pair("for");
    const yaml::Pair* e = loop.find_pair("forEach");
    bool typo_of_kind = false;
    for (const yaml::Pair& pair : loop.pairs) {
      const Node& key = pair.key->resolved();
      if (!key.is_scalar()) continue;
      bool known = false;
      for (std::string_view k : kLoopKeys) known = known || k == key.value;
      if (known) continue;
      std::string best = suggest(key.value, kLoopKeys);
      bool kind = !f && !e && (best == "for" || best == "forEach");
      typo_of_kind = typo_of_kind || kind;
      std::string message;
      if (kind) {
        message = "unknown loop field " + code(key.value) + "; did you mean " + code(best) +
                  "? A loop needs `for` or `forEach`";
      } else {
        // Whether AWSTOE rejects other fields is not documented: a warning.
        message = code(key.value) + " is not a documented loop field" +
                  (best.empty() ? std::string("; a loop has `name`, and `for` or `forEach`") : "; did you mean " + code(best) + "?");
      }
      Diagnostic& d = out.report(pair.key->span, message);
      d.severity = kind ? Severity::Error : Severity::Warning;
      if (!best.empty() && key.style == yaml::Style::Plain && !loop.find_pair(best)) {
        d.fixes.push_back({"rename to " + code(best), {{pair.key->span, best}}, true});
      }
    }
    if (f && e) {
      const yaml::Pair* second = f->key->span.begin < e->key->span.begin ? e : f;
      const yaml::Pair* first = second == e ? f : e;
      Diagnostic& d = out.report(second->key->span, "a loop has either `for` or `forEach`, not both; split it into two "
                                                    "steps or keep one");
      d.related.push_back({first->key->span, "the loop's " + code(first->key->resolved().value)});
    } else if (!f && !e && !typo_of_kind) {
      out.report(loop_key, "this `loop` has neither `for` nor `forEach`; add `for: {start: ..., end: ..., updateBy: ...}` "
                           "or `forEach: [...]`");
    }
  }

  static void check_name(const Node& loop, const Node* alias, std::map<std::string, const Node*>& names, Reporter& out) {
    const Node* node = loop.find("name");
    if (!node) return;
    const Node& name = node->resolved();
    if (alias) {
      if (!name.is_scalar() || name.is_null() || name.value.empty()) return;
      auto [it, inserted] = names.emplace(name.value, alias);
      if (!inserted) {
        Diagnostic& d = out.report(alias->span, "this loop is named " + code(name.value) +
                                                    ", which another loop in this phase already uses; loop names must "
                                                    "be unique within a phase");
        d.related.push_back({it->second->span, "first loop named " + code(name.value)});
      }
      return;
    }
    if (!name.is_scalar()) {
      out.report(node->span, "a loop `name` must be a string, not " + std::string(describe(name)));
      return;
    }
    if (name.is_null() || name.value.empty()) return;
    if (name.value.find_first_of(". \t\n{}") != std::string::npos) {
      Diagnostic& d = out.report(node->span, "loop name " + code(name.value) +
                                                 " contains `.`, whitespace or braces, so a reference such as `{{ " +
                                                 name.value + ".value }}` may not resolve (its parts are separated by "
                                                 "`.`); use letters, digits, `_` and `-`");
      d.severity = Severity::Warning;
    }
    auto [it, inserted] = names.emplace(name.value, node);
    if (!inserted) {
      Diagnostic& d = out.report(node->span, "loop name " + code(name.value) +
                                                 " is already used by another loop in this phase; loop names must be "
                                                 "unique within a phase");
      d.related.push_back({it->second->span, "first loop named " + code(name.value)});
    }
  }

  static void check_for(const yaml::Pair& pair, Reporter& out) {
    const Node& map = pair.value->resolved();
    if (!map.is_mapping()) {
      out.report(span_for_value(pair), "`for` must be a mapping with integer `start`, `end` and `updateBy`, not " +
                                           std::string(describe(map)));
      return;
    }
    std::vector<std::string> typos;
    for (const yaml::Pair& p : map.pairs) {
      const Node& key = p.key->resolved();
      if (!key.is_scalar()) continue;
      bool known = false;
      for (std::string_view k : kForKeys) known = known || k == key.value;
      if (known) continue;
      std::string best = suggest(key.value, kForKeys);
      bool missing = !best.empty() && !map.find_pair(best);
      if (missing) typos.push_back(best);
      Diagnostic& d = out.report(p.key->span, missing ? "unknown `for` field " + code(key.value) + "; did you mean " +
                                                            code(best) + "? (`" + best + "` is required)"
                                                      : code(key.value) + " is not a documented `for` field; `for` has "
                                                                          "`start`, `end` and `updateBy`");
      d.severity = missing ? Severity::Error : Severity::Warning;
      if (missing && key.style == yaml::Style::Plain) d.fixes.push_back({"rename to " + code(best), {{p.key->span, best}}, true});
    }
    std::optional<long long> values[3];
    bool all = true;
    for (size_t i = 0; i < kForKeys.size(); ++i) {
      std::string_view field = kForKeys[i];
      const yaml::Pair* p = map.find_pair(field);
      all = all && p;
      if (!p) {
        if (!contains(typos, field)) {
          out.report(pair.key->span, "`for` is missing " + code(field) + "; a `for` loop needs integer `start`, `end` and "
                                                                         "`updateBy`");
        }
        continue;
      }
      values[i] = integer_field(*p, field, out);
      all = all && values[i];
    }
    if (!all) return;
    long long start = *values[0], end = *values[1], step = *values[2];
    const yaml::Pair* update = map.find_pair("updateBy");
    if (step == 0) {
      out.report(update->value->span, "`updateBy` is 0, so the loop never moves from `start` to `end`; use a positive "
                                      "step to count up or a negative one to count down");
    } else if ((start < end && step < 0) || (start > end && step > 0)) {
      bool up = start < end;
      Diagnostic& d = out.report(update->value->span,
                                 "`updateBy` is " + std::to_string(step) + " but `start` (" + std::to_string(start) + ") is " +
                                     (up ? "below" : "above") + " `end` (" + std::to_string(end) +
                                     "), so the loop never reaches `end`; use " + (up ? "a positive" : "a negative") +
                                     " `updateBy` or swap `start` and `end`");
      d.related.push_back({map.find_pair("start")->value->span, "`start` is " + std::to_string(start)});
      d.related.push_back({map.find_pair("end")->value->span, "`end` is " + std::to_string(end)});
    }
  }

  /// The value of a float scalar without a fractional part (`3.0`, `1e2`).
  static std::optional<long long> integral_float(const Node& v) {
    static const std::regex kDecimal("[-+]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)([eE][-+]?[0-9]+)?");
    if (!v.is_scalar() || v.type != yaml::ScalarType::Float || !std::regex_match(v.value, kDecimal)) return std::nullopt;
    double d = std::strtod(v.value.c_str(), nullptr);
    if (d != std::floor(d) || std::fabs(d) > 1e15) return std::nullopt;
    return static_cast<long long>(d);
  }

  static std::optional<long long> integer_field(const yaml::Pair& pair, std::string_view field, Reporter& out) {
    const Node& node = *pair.value;
    if (std::optional<long long> v = as_integer(node)) return v;
    const Node& v = node.resolved();
    if (unquoted_expression(v) || has_chaining(v)) {
      // IB201 / IB203 report these.
    } else if (has_expression(v)) {
      out.report(span_for_value(pair), code(field) + " must be a literal integer: `for` does not accept variables "
                                                     "(spec §7.2); to iterate over a parameter's values use `forEach` "
                                                     "with `list: '{{ Name }}'`");
    } else if (std::optional<long long> q = quoted_integer(node)) {
      Diagnostic& d = out.report(node.span, code(field) + " must be an integer, but it is the string \"" + v.value +
                                                "\"; remove the quotes");
      d.fixes.push_back({"remove the quotes", {{node.span, v.value}}, true});
    } else if (std::optional<long long> whole = integral_float(v)) {
      // `1.0`: some YAML decoders accept a float without a fraction for an integer field.
      Diagnostic& d = out.report(node.span, code(field) + " is the decimal number " + code(v.value) +
                                                "; `for` takes integers, so write " + std::to_string(*whole));
      d.severity = Severity::Warning;
      d.fixes.push_back({"write " + std::to_string(*whole), {{node.span, std::to_string(*whole)}}, true});
      return whole;
    } else if (v.is_scalar() && v.type == yaml::ScalarType::Int) {
      out.report(node.span, code(field) + " is " + code(v.value) + ", which is out of the 64-bit integer range");
    } else {
      std::string what = v.is_scalar() && v.type == yaml::ScalarType::Float ? "the decimal number " + code(v.value)
                         : v.is_scalar() && !v.is_null()                   ? std::string(describe(v)) + " " + code(v.value)
                                                                           : std::string(describe(v));
      out.report(span_for_value(pair), code(field) + " must be an integer, not " + what);
    }
    return std::nullopt;
  }

  static void check_for_each(const yaml::Pair& pair, Reporter& out) {
    const Node& value = pair.value->resolved();
    if (value.is_sequence()) {
      if (value.items.empty()) {
        Diagnostic& d = out.report(span_for_value(pair), "`forEach` is an empty list, so the step never runs; list the "
                                                         "values to iterate over");
        d.severity = Severity::Warning;
      }
      for (const Node* item : value.items) {
        const Node& v = item->resolved();
        if (v.is_scalar() || unquoted_expression(v)) continue;
        out.report(item->span, "each `forEach` item must be a string, not " + std::string(describe(v)));
      }
      return;
    }
    if (value.is_mapping()) {
      if (unquoted_expression(value)) {
        out.report(pair.value->span, "`forEach` must be a list or `{list: ..., delimiter: ...}`; for the values of a "
                                     "variable use the delimited form: `forEach: {list: '{{ ... }}'}`");
        return;
      }
      check_delimited(pair, value, out);
      return;
    }
    if (value.is_scalar() && !value.is_null() && value.type == yaml::ScalarType::String) {
      out.report(pair.value->span, "`forEach` is a single string, not a list; to split a string use the delimited form "
                                   "`forEach: {list: ..., delimiter: ','}`, or list the values (`forEach: [a, b]`)");
      return;
    }
    out.report(span_for_value(pair), "`forEach` must be a list of strings or `{list: <string>, delimiter: <one "
                                     "character>}`, not " + std::string(describe(value)));
  }

  static void check_delimited(const yaml::Pair& pair, const Node& map, Reporter& out) {
    bool list_typo = false;
    for (const yaml::Pair& p : map.pairs) {
      const Node& key = p.key->resolved();
      if (!key.is_scalar() || key.value == "list" || key.value == "delimiter") continue;
      std::string best = suggest(key.value, kDelimitedKeys);
      bool missing_list = best == "list" && !map.find_pair("list");
      list_typo = list_typo || missing_list;
      std::string message =
          missing_list ? "unknown `forEach` field " + code(key.value) + "; did you mean `list`? (`list` is required)"
          : best.empty() ? code(key.value) + " is not a documented `forEach` field; the delimited form has `list` and "
                                             "`delimiter`"
                         : code(key.value) + " is not a documented `forEach` field; did you mean " + code(best) + "?";
      Diagnostic& d = out.report(p.key->span, message);
      d.severity = missing_list ? Severity::Error : Severity::Warning;
      if (!best.empty() && !map.find_pair(best) && key.style == yaml::Style::Plain) {
        d.fixes.push_back({"rename to " + code(best), {{p.key->span, best}}, true});
      }
    }
    const yaml::Pair* list = map.find_pair("list");
    if (!list) {
      if (!list_typo) {
        out.report(pair.key->span, "`forEach` is a mapping without `list`; the delimited form is "
                                   "`forEach: {list: <string>, delimiter: <one character>}`, or give a list of values");
      }
    } else {
      const Node& l = list->value->resolved();
      if (l.is_sequence()) {
        out.report(span_for_value(*list), "`list` must be one string that is split on `delimiter`; for a list of values, "
                                          "put the items directly under `forEach` (`forEach: [a, b]`)");
      } else if (!l.is_scalar() && !unquoted_expression(l)) {
        out.report(span_for_value(*list), "`list` must be a string, not " + std::string(describe(l)));
      } else if (l.is_null()) {
        out.report(span_for_value(*list), "`list` is empty; give the string to split, e.g. `list: 'a,b,c'`");
      }
    }
    const yaml::Pair* delimiter = map.find_pair("delimiter");
    if (delimiter) check_delimiter(*delimiter, out);
  }

  static void check_delimiter(const yaml::Pair& pair, Reporter& out) {
    const Node& d = pair.value->resolved();
    std::string allowed = "one of `.` `,` `;` `:` `-` `_`, a space, \"\\n\" (newline) or \"\\t\" (tab)";
    if (unquoted_expression(d) || has_chaining(d)) return;  // IB201 / IB203 report these
    if (!d.is_scalar() || d.is_null()) {
      out.report(span_for_value(pair), "`delimiter` must be one character, " + allowed + ", not " +
                                           std::string(describe(d)));
      return;
    }
    if (has_expression(d)) {
      out.report(pair.value->span, "`delimiter` cannot be a variable (spec §7.3); write the character itself, " + allowed);
      return;
    }
    if (d.value.size() == 1 && kDelimiters.find(d.value[0]) != std::string_view::npos) return;
    std::string message = "`delimiter` is " + shown(d.value) + "; it must be exactly one character, " + allowed;
    if ((d.value == "\\n" || d.value == "\\t") && d.style != yaml::Style::DoubleQuoted) {
      message += " (here `" + d.value + "` is a backslash and a letter; write \"" + d.value +
                 "\" in double quotes for the control character)";
    }
    out.report(pair.value->span, message);
  }

  /// The value's span, or the key's when the value is empty (an empty span is hard to see).
  static Span span_for_value(const yaml::Pair& pair) {
    return pair.value->span.empty() ? pair.key->span : pair.value->span;
  }
};

}  // namespace

std::unique_ptr<Rule> make_loop_definition() { return std::make_unique<LoopDefinition>(); }

}  // namespace iblint
