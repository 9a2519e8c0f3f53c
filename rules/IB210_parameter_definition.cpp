#include <algorithm>
#include <charconv>
#include <cstdint>
#include <cstdlib>
#include <optional>
#include <initializer_list>
#include <string_view>

#include "rules/rule_support.h"
#include "rules/rules.h"

namespace iblint {
namespace {

using yaml::Node;

/// What YAML makes of an unquoted scalar that is meant as text, when the text would not survive
/// a round trip through that type ("" when the text is kept as written).
struct Reading {
  std::string as;      ///< "the number 1.1", "the boolean true"
  std::string result;  ///< the text the value may become: "1.1", "true"
};

std::string shortest(double value) {
  char buffer[64];
  auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, value);
  return ec == std::errc() ? std::string(buffer, end) : std::string();
}

std::optional<long long> parse_digits(std::string_view digits, int base) {
  if (digits.empty()) return std::nullopt;
  long long value = 0;
  for (char c : digits) {
    int d = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : 99;
    if (d >= base || value > (INT64_MAX - d) / base) return std::nullopt;
    value = value * base + d;
  }
  return value;
}

// The shapes below were std::regex patterns; compiling them took a fifth of the instructions
// of a whole `iblint` run on a small file, so they are matched by hand.
bool one_of(std::string_view s, std::initializer_list<std::string_view> words) {
  return std::find(words.begin(), words.end(), s) != words.end();
}
bool is_digit(char c) { return c >= '0' && c <= '9'; }
std::string_view without_sign(std::string_view s) {
  if (!s.empty() && (s[0] == '-' || s[0] == '+')) s.remove_prefix(1);
  return s;
}
/// Leading digits of s (with `_` after the first when underscores), removed from s; their count.
size_t take_digits(std::string_view& s, bool underscores = false) {
  size_t n = 0;
  while (n < s.size() && (is_digit(s[n]) || (underscores && n > 0 && s[n] == '_'))) ++n;
  s.remove_prefix(n);
  return n;
}
/// `[-+]?[0-9]+`, or `[-+]?[0-9][0-9_]*` with underscores.
bool is_integer(std::string_view s, bool underscores) {
  s = without_sign(s);
  return take_digits(s, underscores) > 0 && s.empty();
}
/// `[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?`
bool is_float(std::string_view s) {
  s = without_sign(s);
  if (!s.empty() && s[0] == '.') {
    s.remove_prefix(1);
    if (take_digits(s) == 0) return false;
  } else {
    if (take_digits(s) == 0) return false;
    if (!s.empty() && s[0] == '.') {
      s.remove_prefix(1);
      take_digits(s);
    }
  }
  if (!s.empty() && (s[0] == 'e' || s[0] == 'E')) {
    s = without_sign(s.substr(1));
    if (take_digits(s) == 0) return false;
  }
  return s.empty();
}
/// `[-+]?\.(inf|Inf|INF)|\.(nan|NaN|NAN)`
bool is_special_float(std::string_view s) {
  return one_of(without_sign(s), {".inf", ".Inf", ".INF"}) || one_of(s, {".nan", ".NaN", ".NAN"});
}
/// `[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}([Tt ].*)?`, where `.` is no line break.
bool is_date(std::string_view s) {
  std::string_view rest = s;
  if (take_digits(rest) != 4 || rest.empty() || rest[0] != '-') return false;
  rest.remove_prefix(1);
  size_t month = take_digits(rest);
  if (month < 1 || month > 2 || rest.empty() || rest[0] != '-') return false;
  rest.remove_prefix(1);
  size_t day = take_digits(rest);
  if (day < 1 || day > 2) return false;
  if (rest.empty()) return true;
  if (rest[0] != 'T' && rest[0] != 't' && rest[0] != ' ') return false;
  return rest.find_first_of("\r\n") == std::string_view::npos && rest.find("\xE2\x80\xA8") == std::string_view::npos &&
         rest.find("\xE2\x80\xA9") == std::string_view::npos;
}

/// How the YAML core schema (1.2) and YAML 1.1 read a plain scalar, when that changes its text.
std::optional<Reading> reading_of(std::string_view text, yaml::ScalarType type) {
  std::string s(text);
  if (one_of(s, {"y", "Y", "yes", "Yes", "YES", "n", "N", "no", "No", "NO", "on", "On", "ON", "off", "Off", "OFF"})) {
    bool truth = s[0] == 'y' || s[0] == 'Y' || s == "on" || s == "On" || s == "ON";
    std::string b = truth ? "true" : "false";
    return Reading{"the boolean " + b + " (YAML 1.1)", b};
  }
  if (one_of(s, {"true", "True", "TRUE", "false", "False", "FALSE"})) {
    std::string b = s[0] == 't' || s[0] == 'T' ? "true" : "false";
    if (s == b) return std::nullopt;
    return Reading{"the boolean " + b, b};
  }
  if (is_integer(s, false)) {
    std::string_view digits = text;
    bool negative = digits[0] == '-';
    if (digits[0] == '-' || digits[0] == '+') digits.remove_prefix(1);
    std::optional<long long> decimal = parse_digits(digits, 10);
    if (!decimal) return std::nullopt;
    std::string canonical = (negative && *decimal ? "-" : "") + std::to_string(*decimal);
    if (canonical == s) return std::nullopt;
    std::optional<long long> octal = parse_digits(digits, 8);
    if (digits.size() > 1 && digits[0] == '0' && octal && *octal != *decimal) {
      std::string o = (negative && *octal ? "-" : "") + std::to_string(*octal);
      return Reading{"a number (" + o + " in YAML 1.1, where a leading 0 means octal; " + canonical + " in YAML 1.2)",
                     o + "` or `" + canonical};
    }
    return Reading{"the number " + canonical, canonical};
  }
  if (s.size() > 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'o' || s[1] == 'b')) {
    int base = s[1] == 'x' ? 16 : s[1] == 'o' ? 8 : 2;
    std::string digits = s.substr(2);
    if (base == 2) digits.erase(std::remove(digits.begin(), digits.end(), '_'), digits.end());
    std::optional<long long> value = parse_digits(digits, base);
    if (!value) return std::nullopt;
    std::string version = base == 16 ? "" : base == 8 ? " (YAML 1.2)" : " (YAML 1.1)";
    return Reading{"the number " + std::to_string(*value) + version, std::to_string(*value)};
  }
  if (s.find('_') != std::string::npos && is_integer(s, true)) {
    std::string digits = s;
    digits.erase(std::remove(digits.begin(), digits.end(), '_'), digits.end());
    std::string_view d = digits;
    bool negative = d[0] == '-';
    if (d[0] == '-' || d[0] == '+') d.remove_prefix(1);
    std::optional<long long> value = parse_digits(d, 10);
    if (!value) return std::nullopt;
    std::string canonical = (negative ? "-" : "") + std::to_string(*value);
    return Reading{"the number " + canonical + " (YAML 1.1)", canonical};
  }
  if (is_float(s)) {
    double value = std::strtod(s.c_str(), nullptr);
    std::string canonical = shortest(value);
    if (canonical.empty() || canonical == s) return std::nullopt;
    return Reading{"the number " + canonical, canonical};
  }
  if (is_special_float(s)) return Reading{"a floating-point special value", ""};
  if (type == yaml::ScalarType::Timestamp || is_date(s)) return Reading{"a date (YAML 1.1)", ""};
  return std::nullopt;
}

/// Parameter and constant definitions (spec §6) beyond what document-schema checks: values that
/// YAML would not keep as written text, and parameters without a default.
class ParameterDefinition final : public Rule {
 public:
  const RuleInfo& info() const override {
    static const RuleInfo rule{"IB210", "parameter-definition", Severity::Warning,
                               "Parameter defaults and constant values are text that YAML keeps as written"};
    return rule;
  }

  void check(const LintContext& context, Reporter& out) const override {
    for (const Variable& v : context.component->variables) {
      if (!v.definition || !v.name_node) continue;
      const Node& def = v.definition->resolved();
      if (!def.is_mapping()) continue;  // document-schema reports it
      std::string_view field = v.constant ? "value" : "default";
      std::string owner = std::string(v.constant ? "constant " : "parameter ") + code(v.name);
      const yaml::Pair* pair = def.find_pair(field);
      if (!pair) {
        // A constant without `value` is document-schema's; so is a misspelt `default` key.
        if (v.constant || misspells(def, field)) continue;
        Diagnostic& d = out.report(v.name_node->span,
                                   owner + " has no `default`; what AWSTOE does when a recipe or `awstoe run` passes "
                                           "no value for it is not documented, so add `default: ...` (`default: ''` "
                                           "for an empty value) unless every caller always passes one");
        d.severity = Severity::Warning;
        continue;
      }
      // Through an alias (`- Other: *shared`), report at the alias, not at the shared definition.
      bool alias = v.definition->kind == yaml::Kind::Alias;
      check_value(*pair, field, owner, alias ? &v.definition->span : nullptr, out);
    }
  }

 private:
  static bool misspells(const Node& def, std::string_view field) {
    for (const yaml::Pair& p : def.pairs) {
      const Node& key = p.key->resolved();
      if (key.is_scalar() && key.value != field && !suggest(key.value, {field}).empty()) return true;
    }
    return false;
  }

  static void check_value(const yaml::Pair& pair, std::string_view field, const std::string& owner, const Span* at,
                          Reporter& out) {
    const Node& value = pair.value->resolved();
    if (!value.is_scalar()) return;  // document-schema: "must be a string"
    if (value.is_null()) {
      Diagnostic& d = out.report(at ? *at : pair.key->span, code(field) + " of " + owner +
                                                     " is empty, which YAML reads as null, not as an empty string; write " +
                                                     code(std::string(field) + ": ''") + " if an empty value is meant");
      d.severity = Severity::Warning;
      return;
    }
    if (value.style != yaml::Style::Plain) return;
    std::optional<Reading> reading = reading_of(value.value, value.type);
    if (!reading) return;
    std::string quoted = "\"" + value.value + "\"";
    std::string message = code(field) + " of " + owner + " is the unquoted " + code(value.value) +
                          ", which YAML reads as " + reading->as;
    if (!reading->result.empty()) message += ", so the value may become " + code(reading->result);
    else message += ", so the value may not keep this text";
    message += "; quote it (" + quoted + ") to keep the text as written";
    Diagnostic& d = out.report(at ? *at : pair.value->span, message);
    d.severity = Severity::Warning;
    if (!at) d.fixes.push_back({"quote the value", {{pair.value->span, quoted}}, true});
  }
};

}  // namespace

std::unique_ptr<Rule> make_parameter_definition() { return std::make_unique<ParameterDefinition>(); }

}  // namespace iblint
