#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdlib>
#include <optional>
#include <regex>

#include "rules/rule_support.h"
#include "rules/rules.h"

namespace iblint {
namespace {

using yaml::Node;

enum class Arity { Unary, Binary, Logical };
enum class Operand { Text, Number, Regex, Path, Hash, Condition };

struct OperatorSpec {
  std::string_view name;
  Arity arity;
  Operand operand;
};

// Spec §9.2 and §9.3. The spellings of the number*Than* operators, fileExists, folderExists and
// the file hash operators come from a third-party model (uncertain); the doc page says so.
const OperatorSpec kOperators[] = {
    {"stringIsEmpty", Arity::Unary, Operand::Text},
    {"stringIsWhitespace", Arity::Unary, Operand::Text},
    {"stringEquals", Arity::Binary, Operand::Text},
    {"stringLessThan", Arity::Binary, Operand::Text},
    {"stringLessThanEquals", Arity::Binary, Operand::Text},
    {"stringGreaterThan", Arity::Binary, Operand::Text},
    {"stringGreaterThanEquals", Arity::Binary, Operand::Text},
    {"patternMatches", Arity::Binary, Operand::Regex},
    {"numberEquals", Arity::Binary, Operand::Number},
    {"numberLessThan", Arity::Binary, Operand::Number},
    {"numberLessThanEquals", Arity::Binary, Operand::Number},
    {"numberGreaterThan", Arity::Binary, Operand::Number},
    {"numberGreaterThanEquals", Arity::Binary, Operand::Number},
    {"fileExists", Arity::Unary, Operand::Path},
    {"folderExists", Arity::Unary, Operand::Path},
    {"binaryExists", Arity::Unary, Operand::Path},
    {"fileMD5Equals", Arity::Binary, Operand::Hash},
    {"fileSHA1Equals", Arity::Binary, Operand::Hash},
    {"fileSHA256Equals", Arity::Binary, Operand::Hash},
    {"fileSHA512Equals", Arity::Binary, Operand::Hash},
    {"and", Arity::Logical, Operand::Condition},
    {"or", Arity::Logical, Operand::Condition},
    {"not", Arity::Logical, Operand::Condition},
};

constexpr int kMaxLogicalDepth = 4;

const OperatorSpec* find_operator(std::string_view name) {
  for (const OperatorSpec& op : kOperators) {
    if (op.name == name) return &op;
  }
  return nullptr;
}

const std::vector<std::string_view>& operator_names() {
  static const std::vector<std::string_view> names = [] {
    std::vector<std::string_view> n;
    for (const OperatorSpec& op : kOperators) n.push_back(op.name);
    return n;
  }();
  return names;
}

/// `{{ Name }}` written without quotes: YAML reads it as a flow mapping keyed by a flow mapping.
bool unquoted_expression(const Node& node) {
  const Node& n = node.resolved();
  return n.is_mapping() && n.flow && n.pairs.size() == 1 && n.pairs[0].key->resolved().is_mapping();
}

/// A literal operand: a scalar with no `{{ ... }}` expression, whose value is known before the run.
bool is_literal(const Node& node) {
  const Node& n = node.resolved();
  return n.is_scalar() && !n.is_null() && n.value.find("{{") == std::string::npos;
}

/// Whether a literal reads as a number (decimal, optionally signed, with fraction and exponent).
bool is_number(std::string_view text) {
  static const std::regex kNumber("[-+]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)([eE][-+]?[0-9]+)?");
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front()))) text.remove_prefix(1);
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) text.remove_suffix(1);
  return std::regex_match(text.begin(), text.end(), kNumber);
}

/// Whether a literal could be a number in some notation we do not model (hex, inf, nan, `1_000`):
/// such operands are left alone rather than called "not a number".
bool maybe_number(std::string_view text) {
  std::string lower;
  for (char c : text) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return lower.find("0x") != std::string::npos || lower.find("inf") != std::string::npos ||
         lower.find("nan") != std::string::npos || lower.find('_') != std::string::npos;
}

/// The text YAML gives a literal operand when that text is certain: strings and plain decimal
/// integers; other scalars (floats, booleans, dates) may be re-formatted.
std::optional<std::string> certain_text(const Node& node) {
  const Node& n = node.resolved();
  if (!is_literal(n)) return std::nullopt;
  if (n.type == yaml::ScalarType::String) return n.value;
  if (n.type == yaml::ScalarType::Int && std::all_of(n.value.begin(), n.value.end(), [](char c) { return c >= '0' && c <= '9'; }) &&
      (n.value.size() == 1 || n.value[0] != '0'))
    return n.value;
  return std::nullopt;
}

bool ascii(const std::string& s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

std::string fold(const std::string& s, bool upper) {
  std::string out;
  for (char c : s) out += static_cast<char>(upper ? std::toupper(static_cast<unsigned char>(c)) : std::tolower(static_cast<unsigned char>(c)));
  return out;
}

/// A regular expression as RE2 (Go) writes it, rewritten so std::regex (ECMAScript) can parse
/// it; changed is set when RE2-only syntax was rewritten (the result may then match differently).
std::string to_ecmascript(std::string_view re, bool* changed) {
  std::string out;
  bool in_class = false;
  for (size_t i = 0; i < re.size(); ++i) {
    char c = re[i];
    if (c == '\\' && i + 1 < re.size()) {
      char n = re[i + 1];
      if (n == 'Q') {  // \Q...\E: literal text
        size_t end = re.find("\\E", i + 2);
        std::string_view lit = re.substr(i + 2, end == std::string_view::npos ? std::string_view::npos : end - i - 2);
        for (char l : lit) {
          if (!std::isalnum(static_cast<unsigned char>(l))) out += '\\';
          out += l;
        }
        i = end == std::string_view::npos ? re.size() : end + 1;
        *changed = true;
        continue;
      }
      if (n == 'p' || n == 'P') {  // Unicode classes
        size_t len = 2;
        if (i + 2 < re.size() && re[i + 2] == '{') {
          size_t close = re.find('}', i + 2);
          len = close == std::string_view::npos ? re.size() - i : close - i + 1;
        } else if (i + 2 < re.size()) {
          len = 3;
        }
        out += "\\w";
        i += len - 1;
        *changed = true;
        continue;
      }
      if (n == 'A' || n == 'z') {
        out += n == 'A' ? '^' : '$';
        ++i;
        *changed = true;
        continue;
      }
      if (n == 'x' && i + 2 < re.size() && re[i + 2] == '{') {
        size_t close = re.find('}', i + 2);
        out += "\\x41";
        i = close == std::string_view::npos ? re.size() : close;
        *changed = true;
        continue;
      }
      if (n >= '0' && n <= '7') {  // RE2 octal escapes; ECMAScript would read a back-reference
        size_t j = i + 1;
        while (j < re.size() && j < i + 4 && re[j] >= '0' && re[j] <= '7') ++j;
        out += "\\x41";
        i = j - 1;
        *changed = true;
        continue;
      }
      out += c;
      out += n;
      ++i;
      continue;
    }
    if (in_class) {
      if (c == '[' && i + 1 < re.size() && re[i + 1] == ':') {
        size_t close = re.find(":]", i + 2);
        if (close != std::string_view::npos) {
          out += re.substr(i, close + 2 - i);
          i = close + 1;
          continue;
        }
      }
      if (c == ']') in_class = false;
      out += c;
      continue;
    }
    if (c == '[') {
      in_class = true;
      out += c;
      // A `]` right after `[` or `[^` is a literal in RE2.
      if (i + 1 < re.size() && re[i + 1] == '^') out += re[++i];
      if (i + 1 < re.size() && re[i + 1] == ']') {
        out += "\\]";
        ++i;
        *changed = true;
      }
      continue;
    }
    if (c == '(' && i + 1 < re.size() && re[i + 1] == '?') {
      // (?P<name>, (?<name> named groups; (?flags) and (?flags: groups.
      if (re.substr(i, 4) == "(?P<" || (re.substr(i, 3) == "(?<" && i + 3 < re.size() && re[i + 3] != '=' && re[i + 3] != '!')) {
        size_t close = re.find('>', i);
        if (close != std::string_view::npos) {
          out += '(';
          i = close;
          *changed = true;
          continue;
        }
      }
      size_t j = i + 2;
      while (j < re.size() && (std::isalpha(static_cast<unsigned char>(re[j])) || re[j] == '-')) ++j;
      if (j > i + 2 && j < re.size() && (re[j] == ')' || re[j] == ':')) {
        if (re[j] == ':') out += "(?:";
        i = j;
        *changed = true;
        continue;
      }
    }
    if (c == '{') {  // RE2 reads `{` that does not start a repetition as a literal
      static const std::regex kRepeat("\\{[0-9]+(,[0-9]*)?\\}");
      size_t close = re.find('}', i);
      std::string candidate(re.substr(i, close == std::string_view::npos ? 0 : close - i + 1));
      if (close != std::string_view::npos && std::regex_match(candidate, kRepeat)) {
        out += candidate;
        i = close;
        continue;
      }
      out += "\\{";
      *changed = true;
      continue;
    }
    if (c == '}') {
      out += "\\}";
      continue;
    }
    if ((c == '^' || c == '$') && i + 1 < re.size() && std::string_view("*+?{").find(re[i + 1]) != std::string_view::npos) {
      out += c == '^' ? "(?:^)" : "(?:$)";  // RE2 lets an anchor be repeated; std::regex does not
      continue;
    }
    out += c;
  }
  return out;
}

/// The first structural mistake in a regular expression, in words; "" when none is found.
std::string regex_mistake(std::string_view re) {
  std::vector<size_t> open;
  bool in_class = false;
  size_t class_start = 0;
  bool can_repeat = false;    // whether a quantifier here has something to repeat
  bool after_repeat = false;  // the previous token was a quantifier
  for (size_t i = 0; i < re.size(); ++i) {
    char c = re[i];
    bool was_repeat = after_repeat;
    after_repeat = false;
    if (c == '\\') {
      if (i + 1 == re.size()) return "it ends with a lone `\\`";
      if (re[i + 1] == 'Q') {
        size_t end = re.find("\\E", i + 2);
        if (end == std::string_view::npos) return "";
        i = end + 1;
      } else {
        ++i;
      }
      can_repeat = true;
      continue;
    }
    if (in_class) {
      if (c == '[' && i + 1 < re.size() && re[i + 1] == ':') {
        size_t close = re.find(":]", i + 2);
        if (close != std::string_view::npos) i = close + 1;
        continue;
      }
      bool first = i == class_start + 1 || (i == class_start + 2 && re[class_start + 1] == '^');
      if (c == ']' && !first) {
        in_class = false;
        can_repeat = true;
        continue;
      }
      if (c == '-' && i >= 2 && re[i - 2] == '\\' && std::string_view("dDsSwW").find(re[i - 1]) != std::string_view::npos &&
          i + 1 < re.size() && re[i + 1] != ']') {
        return "`" + std::string(re.substr(i - 2, 4)) + "` is not a character range: a range cannot start with the class `" +
               std::string(re.substr(i - 2, 2)) + "`; escape the `-` (`\\-`) or put it last in the brackets";
      }
      unsigned char lo = static_cast<unsigned char>(re[i - 1]);
      unsigned char hi = i + 1 < re.size() ? static_cast<unsigned char>(re[i + 1]) : 0;
      bool plain_ends = lo < 0x80 && hi < 0x80 && re[i - 1] != '[' && hi != ']' && hi != '\\' &&
                        !(i >= 2 && re[i - 2] == '\\') && !(i >= 2 && re[i - 2] == '-');
      if (c == '-' && !first && i + 1 < re.size() && plain_ends && lo > hi) {
        return "the character range `" + std::string(re.substr(i - 1, 3)) + "` runs backwards";
      }
      continue;
    }
    switch (c) {
      case '[':
        in_class = true;
        class_start = i;
        break;
      case '(':
        open.push_back(i);
        can_repeat = false;
        if (i + 1 < re.size() && re[i + 1] == '?') ++i;  // (?:, (?i) ...: the `?` is not a quantifier
        continue;
      case ')':
        if (open.empty()) return "the `)` at position " + std::to_string(i + 1) + " has no matching `(`";
        open.pop_back();
        can_repeat = true;
        continue;
      case '|':
        can_repeat = false;
        continue;
      case '*':
      case '+':
      case '?':
        if (!can_repeat) {
          return "the `" + std::string(1, c) + "` at position " + std::to_string(i + 1) +
                 (was_repeat ? " repeats a repetition; RE2 rejects nested quantifiers such as `**` or `*+`"
                               : " has nothing to repeat");
        }
        if (i + 1 < re.size() && re[i + 1] == '?') ++i;  // lazy quantifier
        can_repeat = false;
        after_repeat = true;
        continue;
      case '{': {
        static const std::regex kRepeat("\\{([0-9]+)(,([0-9]*))?\\}");
        size_t close = re.find('}', i);
        std::string candidate(re.substr(i, close == std::string_view::npos ? 0 : close - i + 1));
        std::smatch m;
        if (close != std::string_view::npos && std::regex_match(candidate, m, kRepeat)) {
          if (!can_repeat) {
            return "the repetition `" + candidate + "`" +
                   (was_repeat ? " repeats a repetition; RE2 rejects nested quantifiers" : " has nothing to repeat");
          }
          if (m[3].matched && m[3].length() > 0 && std::stol(m[1]) > std::stol(m[3]))
            return "the repetition `" + candidate + "` has its minimum above its maximum";
          i = close;
          can_repeat = false;
          after_repeat = true;
          continue;
        }
        break;  // a literal `{` in RE2
      }
      case '^':
      case '$':
        can_repeat = true;
        continue;
      default:
        break;
    }
    can_repeat = true;
  }
  if (in_class) return "the `[` at position " + std::to_string(class_start + 1) + " is never closed by `]`";
  if (!open.empty()) return "the `(` at position " + std::to_string(open.back() + 1) + " is never closed by `)`";
  return "";
}

/// One condition expression walk: a step's `if` or an Assert step's inputs.
struct Walk {
  Reporter& out;
  bool assert_inputs;  ///< the expression is an Assert step's inputs, not an `if`
  bool depth_reported = false;
};

/// Conditional expressions (spec §9): the `if` of a step, and Assert inputs (§8.2).
class ConditionDefinition final : public Rule {
 public:
  const RuleInfo& info() const override {
    static const RuleInfo rule{"IB212", "condition-definition", Severity::Error,
                               "`if` and Assert hold one known operator with valid operands, at most 4 logical levels deep"};
    return rule;
  }

  void check(const LintContext& context, Reporter& out) const override {
    for (const Phase& phase : context.component->phases) {
      for (const Step& step : phase.steps) {
        // Not a mapping: document-schema. An alias is checked where its anchor is written.
        if (step.condition && step.condition->kind != yaml::Kind::Alias && step.condition->resolved().is_mapping()) {
          Walk walk{out, false};
          check_expression(*step.condition, 0, true, walk);
        }
        if (step.action == "Assert" && step.inputs && step.inputs->kind != yaml::Kind::Alias &&
            step.inputs->resolved().is_mapping()) {  // not a mapping: action-inputs
          Walk walk{out, true};
          check_expression(*step.inputs, 0, true, walk);
        }
      }
    }
  }

 private:
  /// Checks one expression mapping. depth counts the logical operators around it.
  static void check_expression(const Node& node, int depth, bool top, Walk& walk) {
    const Node& map = node.resolved();
    if (!map.is_mapping()) {
      walk.out.report(node.span, "a condition must be a mapping with one operator (e.g. `stringEquals: ...` with "
                                 "`value: ...`), not " + std::string(describe(map)));
      return;
    }
    if (unquoted_expression(map)) {
      walk.out.report(node.span, "a condition must be a mapping with one operator, not a `{{ ... }}` expression; "
                                 "compare the expression with an operator: `stringEquals: ...` with "
                                 "`value: '{{ ... }}'`");
      return;
    }
    std::vector<const yaml::Pair*> operators;
    const yaml::Pair* value = nullptr;
    bool unknown = false;
    bool value_typo = false;  // a misspelt `value` is reported as such, not also as missing
    for (const yaml::Pair& pair : map.pairs) {
      const Node& key = pair.key->resolved();
      if (!key.is_scalar()) continue;
      if (find_operator(key.value)) {
        operators.push_back(&pair);
      } else if (key.value == "value") {
        value = &pair;
      } else if (key.value == "then" || key.value == "else") {
        check_then_else(pair, top, walk);
      } else {
        unknown = true;
        value_typo = value_typo || suggest(key.value, {"value"}) == "value";
        report_unknown_operator(pair, top, walk);
      }
    }
    if (operators.empty()) {
      if (!unknown) {
        Span at = map.pairs.empty() ? map.span : map.pairs.front().key->span;
        walk.out.report(at, std::string(map.pairs.empty() ? "this condition is empty" : "this condition has no operator") +
                                "; it needs exactly one, e.g. `stringEquals: ...` with `value: ...`, or `and:`/`or:` "
                                "with a list of conditions");
      }
      return;
    }
    for (size_t i = 1; i < operators.size(); ++i) {
      Diagnostic& d = walk.out.report(operators[i]->key->span,
                                      "a condition holds exactly one operator, but this one also has " +
                                          code(operators[0]->key->resolved().value) +
                                          "; combine several with `and:` or `or:` and a list of conditions");
      d.related.push_back({operators[0]->key->span, "the first operator"});
    }
    for (const yaml::Pair* op : operators) {
      check_operator(*op, operators.size() == 1 ? value : nullptr, operators.size() == 1 && !value_typo, depth, walk);
    }
  }

  static void check_then_else(const yaml::Pair& pair, bool top, Walk& walk) {
    std::string_view field = pair.key->resolved().value;
    if (walk.assert_inputs || !top) {
      Diagnostic& d = walk.out.report(pair.key->span,
                                      code(field) + (walk.assert_inputs
                                                         ? " belongs to a step's `if`; Assert `inputs` take only the "
                                                           "operator expression, and a false Assert fails the step"
                                                         : " is only documented at the top level of `if`, beside its "
                                                           "operator; inside `and`, `or` and `not` it has no documented "
                                                           "meaning"));
      d.severity = Severity::Warning;
      return;
    }
    static const std::vector<std::string_view> kActions = {"Abort", "Execute", "Skip"};
    const Node& v = pair.value->resolved();
    if (v.is_scalar() && !v.is_null()) {
      for (std::string_view a : kActions) {
        if (a == v.value) return;
      }
    }
    std::string shown = v.is_scalar() && !v.is_null() ? code(v.value) : std::string(describe(v));
    std::string best = v.is_scalar() && !v.is_null() ? suggest(v.value, kActions) : std::string();
    std::string message = code(field) + " is " + shown + "; expected `Abort` (fail the step), `Execute` (run it) or "
                                                         "`Skip` (skip it)";
    if (!best.empty()) message += " (did you mean " + code(best) + "?)";
    Span at = pair.value->span.empty() ? pair.key->span : pair.value->span;
    Diagnostic& d = walk.out.report(at, message);
    if (!best.empty()) d.fixes.push_back({"replace with " + code(best), {{pair.value->span, best}}, true});
  }

  static void report_unknown_operator(const yaml::Pair& pair, bool top, Walk& walk) {
    const Node& key = pair.key->resolved();
    std::string message = "unknown condition operator " + code(key.value);
    if (key.value == "booleanEquals") {
      message += "; `booleanEquals` exists only in Image Builder workflow documents. In a component, compare the text "
                 "with `stringEquals: 'true'`";
      walk.out.report(pair.key->span, message);
      return;
    }
    std::vector<std::string_view> candidates = operator_names();
    candidates.push_back("value");
    if (top && !walk.assert_inputs) {
      candidates.push_back("then");
      candidates.push_back("else");
    }
    std::string best = suggest(key.value, candidates);
    if (!best.empty()) {
      message += "; did you mean " + code(best) + "?";
    } else {
      message += "; expected a comparison (`stringEquals`, `stringIsEmpty`, `patternMatches`, `numberEquals`, "
                 "`binaryExists`, ...) or `and`, `or`, `not`";
    }
    Diagnostic& d = walk.out.report(pair.key->span, message);
    if (!best.empty() && key.style == yaml::Style::Plain) d.fixes.push_back({"rename to " + code(best), {{pair.key->span, best}}, true});
  }

  static void check_operator(const yaml::Pair& pair, const yaml::Pair* value, bool single, int depth, Walk& walk) {
    const OperatorSpec& op = *find_operator(pair.key->resolved().value);
    std::string name = code(op.name);
    if (op.arity == Arity::Logical) {
      check_logical(pair, op, depth + 1, walk);
      if (value) {
        Diagnostic& d = walk.out.report(value->key->span, "`value` has no meaning beside " + name +
                                                              "; it belongs to a comparison inside the list");
        d.severity = Severity::Warning;
      }
      return;
    }
    const Node& operand = pair.value->resolved();
    Span operand_span = pair.value->span.empty() ? pair.key->span : pair.value->span;
    // An unquoted `{{ ... }}` operand is IB201's finding.
    if (!operand.is_scalar() && !unquoted_expression(operand)) {
      walk.out.report(operand_span, name + " takes one string, not " + std::string(describe(operand)));
    }
    if (op.arity == Arity::Unary) {
      if (value) {
        Diagnostic& d = walk.out.report(value->key->span, name + " takes one operand and no `value`; remove `value` or "
                                                                 "use a binary comparison such as `stringEquals`");
        d.severity = Severity::Warning;
      }
      if (operand.is_scalar()) check_unary_constant(pair, op, walk);
      return;
    }
    // Binary comparisons.
    if (!value) {
      if (single) {
        walk.out.report(pair.key->span, name + " compares its operand with `value`, but `value` is missing; add `value: "
                                               "...` beside it (usually a quoted `{{ ... }}` expression)");
      }
    } else if (!value->value->resolved().is_scalar()) {
      const Node& v = value->value->resolved();
      if (!unquoted_expression(v)) {  // else IB201's finding
        walk.out.report(value->value->span, "`value` must be a string, not " + std::string(describe(v)));
      }
      value = nullptr;
    }
    if (!operand.is_scalar()) return;
    if (op.operand == Operand::Regex && is_literal(operand)) {
      if (!check_regex(pair, walk)) return;
    }
    if (op.operand == Operand::Number) {
      for (const yaml::Pair* side : {&pair, value}) {
        if (!side) continue;
        const Node& v = side->value->resolved();
        if (!v.is_scalar()) continue;
        bool empty = v.is_null() || (v.is_string() && v.value.empty());
        if (!empty && (!is_literal(v) || is_number(v.value) || maybe_number(v.value))) continue;
        Span at = side->value->span.empty() ? side->key->span : side->value->span;
        std::string what = empty ? std::string("empty") : code(v.value) + ", which is not a number";
        std::string side_name = side == &pair ? "its operand" : "`value`";
        walk.out.report(at, name + " compares numbers, but " + side_name + " is " + what +
                                ", so the comparison is never true; write a number such as `10` or `1.5`");
        return;
      }
    }
    if (value) check_binary_constant(pair, *value, op, walk);
  }

  static void check_logical(const yaml::Pair& pair, const OperatorSpec& op, int depth, Walk& walk) {
    std::string name = code(op.name);
    if (depth == kMaxLogicalDepth + 1 && !walk.depth_reported) {
      walk.depth_reported = true;
      walk.out.report(pair.key->span, name + " is nested " + std::to_string(depth) +
                                          " logical operators deep; AWSTOE allows at most " + std::to_string(kMaxLogicalDepth) +
                                          " levels of `and`/`or`/`not`, so flatten the condition (e.g. merge an `and` "
                                          "nested directly in an `and`)");
    }
    const Node& v = pair.value->resolved();
    Span at = pair.value->span.empty() ? pair.key->span : pair.value->span;
    if (op.name == "not") {
      if (v.is_mapping()) {
        check_expression(*pair.value, depth, false, walk);
      } else if (v.is_sequence()) {
        if (v.items.empty()) {
          walk.out.report(at, "`not` has no condition; give it one (`not: {binaryExists: yum}`)");
          return;
        }
        if (v.items.size() > 1) {
          walk.out.report(v.items[1]->span, "`not` negates one condition, but this list has " +
                                                std::to_string(v.items.size()) +
                                                "; wrap them in `and:` or `or:` inside the `not`");
        }
        for (const Node* item : v.items) check_expression(*item, depth, false, walk);
      } else {
        walk.out.report(at, "`not` takes one condition (a mapping such as `binaryExists: yum`), not " +
                                std::string(describe(v)));
      }
      return;
    }
    if (!v.is_sequence()) {
      walk.out.report(at, name + " takes a list of conditions (`- stringEquals: ...`), not " + std::string(describe(v)) +
                              (v.is_mapping() ? "; start each condition with `- `" : ""));
      return;
    }
    if (v.items.empty()) {
      walk.out.report(at, name + " has an empty list; give it at least one condition");
      return;
    }
    for (const Node* item : v.items) check_expression(*item, depth, false, walk);
  }

  /// Reports an invalid literal regular expression; returns whether it is valid.
  static bool check_regex(const yaml::Pair& pair, Walk& walk) {
    const std::string& re = pair.value->resolved().value;
    std::string mistake = regex_mistake(re);
    if (mistake.empty()) {
      bool changed = false;
      try {
        std::regex compiled(to_ecmascript(re, &changed), std::regex::ECMAScript);
        return true;
      } catch (const std::regex_error& e) {
        if (changed) return true;  // RE2-only syntax we could not fully translate: give it the benefit
        mistake = e.what();
      }
    }
    walk.out.report(pair.value->span, "`patternMatches` pattern " + code(re) + " is not a valid regular expression: " +
                                          mistake);
    return false;
  }

  static void report_constant(const yaml::Pair& pair, const std::string& shown, bool result, Walk& walk, bool unary = false) {
    std::string op = pair.key->resolved().value;
    std::string message = shown + (unary ? " tests a literal value" : " compares only literal values") +
                          ", so it is always " + (result ? "true" : "false");
    if (walk.assert_inputs) message += std::string("; the Assert always ") + (result ? "succeeds" : "fails");
    message += unary ? "; test a variable or chaining expression instead (`" + op + ": '{{ ... }}'`)"
                     : std::string("; compare against a variable or chaining expression (`value: '{{ ... }}'`)");
    message += walk.assert_inputs ? " or remove the step" : " or remove the condition";
    Diagnostic& d = walk.out.report(pair.key->span, message);
    d.severity = Severity::Warning;
  }

  static void check_unary_constant(const yaml::Pair& pair, const OperatorSpec& op, Walk& walk) {
    if (op.operand != Operand::Text) return;
    const Node& v = pair.value->resolved();
    std::optional<std::string> text = v.is_null() ? std::nullopt : certain_text(v);
    if (!text) return;
    bool result;
    if (op.name == "stringIsEmpty") {
      result = text->empty();
    } else {  // stringIsWhitespace: "" is false, only spaces is true; other whitespace is left alone
      if (text->empty() || text->find_first_not_of(" \t\r\n") != std::string::npos) result = false;
      else if (text->find_first_not_of(' ') == std::string::npos) result = true;
      else return;
    }
    report_constant(pair, code(std::string(op.name) + ": '" + *text + "'"), result, walk, true);
  }

  static void check_binary_constant(const yaml::Pair& pair, const yaml::Pair& value, const OperatorSpec& op, Walk& walk) {
    const Node& a = pair.value->resolved();
    const Node& b = value.value->resolved();
    if (!is_literal(a) || !is_literal(b)) return;
    std::string shown = code(std::string(op.name) + ": " + a.value) + " with " + code("value: " + b.value);
    if (op.operand == Operand::Number) {
      if (!is_number(a.value) || !is_number(b.value)) return;
      double x = std::strtod(a.value.c_str(), nullptr), y = std::strtod(b.value.c_str(), nullptr);
      std::string_view n = op.name;
      bool result = n == "numberEquals" ? x == y : n == "numberLessThan" ? x < y : n == "numberLessThanEquals" ? x <= y
                                               : n == "numberGreaterThan" ? x > y : x >= y;
      // Which side is the left of `<` is not documented: report only when the order does not matter.
      if (n != "numberEquals") {
        bool swapped = n == "numberLessThan" ? y < x : n == "numberLessThanEquals" ? y <= x : n == "numberGreaterThan" ? y > x : y >= x;
        if (swapped != result) return;
      }
      report_constant(pair, shown, result, walk);
      return;
    }
    std::optional<std::string> ta = certain_text(a), tb = certain_text(b);
    if (!ta || !tb || !ascii(*ta) || !ascii(*tb)) return;
    if (op.operand == Operand::Text) {
      // Case-sensitivity is uncertain (spec §9.2): report only when every reading agrees, with the
      // operands in either order (which side is the left is not documented either).
      std::string_view n = op.name;
      auto compare = [&](const std::string& x, const std::string& y) {
        int c = x.compare(y);
        return n == "stringEquals" ? c == 0 : n == "stringLessThan" ? c < 0 : n == "stringLessThanEquals" ? c <= 0
                                   : n == "stringGreaterThan" ? c > 0 : c >= 0;
      };
      std::optional<bool> result;
      for (int f = 0; f < 3; ++f) {
        std::string x = f == 0 ? *ta : fold(*ta, f == 2), y = f == 0 ? *tb : fold(*tb, f == 2);
        for (bool r : {compare(x, y), compare(y, x)}) {
          if (result && *result != r) return;
          result = r;
        }
      }
      report_constant(pair, shown, *result, walk);
      return;
    }
    if (op.operand == Operand::Regex) {
      bool changed = false;
      std::string ecma = to_ecmascript(*ta, &changed);
      if (changed) return;
      try {
        std::regex re(ecma, std::regex::ECMAScript);
        bool search = std::regex_search(*tb, re), full = std::regex_match(*tb, re);
        if (search != full) return;  // whether the whole value must match is not documented
        report_constant(pair, shown, search, walk);
      } catch (const std::regex_error&) {
      }
    }
  }
};

}  // namespace

std::unique_ptr<Rule> make_condition_definition() { return std::make_unique<ConditionDefinition>(); }

}  // namespace iblint
