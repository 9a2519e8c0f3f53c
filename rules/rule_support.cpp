#include "rules/rule_support.h"

#include <algorithm>
#include <cctype>
#include <cstdint>

#include "util/edit_distance.h"

namespace iblint {

std::string code(std::string_view name) { return "`" + std::string(name) + "`"; }

std::string suggest(std::string_view word, const std::vector<std::string_view>& candidates) {
  for (std::string_view c : candidates) {
    if (std::equal(c.begin(), c.end(), word.begin(), word.end(),
                   [](char a, char b) { return std::tolower(a) == std::tolower(b); }))
      return std::string(c);
  }
  size_t limit = word.size() <= 3 ? 1 : word.size() <= 6 ? 2 : 3;
  std::string best = closest(word, candidates, limit);
  if (!best.empty()) return best;
  // An upper-case enum value with decoration around it: `REG_DWORD` for `DWORD`.
  auto enum_like = [](std::string_view c) {
    return std::all_of(c.begin(), c.end(), [](char ch) { return std::isupper(ch) || std::isdigit(ch) || ch == '_'; });
  };
  std::string_view longest;
  for (std::string_view c : candidates) {
    if (c.size() >= 3 && enum_like(c) && word.find(c) != std::string_view::npos && c.size() > longest.size()) longest = c;
  }
  return std::string(longest);
}

std::string did_you_mean(std::string_view word, const std::vector<std::string_view>& candidates) {
  std::string best = suggest(word, candidates);
  return best.empty() ? std::string() : " (did you mean " + code(best) + "?)";
}

std::vector<std::string> report_unknown_keys(const yaml::Node& map, const std::vector<std::string_view>& known,
                                             std::string_view context, Reporter& out, Severity severity,
                                             const std::vector<std::string_view>& required) {
  std::vector<std::string> misspelled_required;
  const yaml::Node& m = map.resolved();
  if (!m.is_mapping()) return misspelled_required;
  for (const yaml::Pair& pair : m.pairs) {
    const yaml::Node& key = pair.key->resolved();
    if (!key.is_scalar()) continue;
    bool found = false;
    for (std::string_view k : known) found = found || k == key.value;
    if (found) continue;
    std::string best = suggest(key.value, known);
    bool required_typo = !best.empty() && !m.find_pair(best) &&
                         std::find(required.begin(), required.end(), best) != required.end();
    Severity level = required_typo ? Severity::Error : severity;
    // An error means AWSTOE rejects the field; a warning only that it is not documented.
    std::string message = level == Severity::Error
                              ? "unknown " + std::string(context) + " field " + code(key.value)
                              : code(key.value) + " is not a documented " + std::string(context) + " field";
    if (!best.empty()) {
      message += "; did you mean " + code(best) + "?";
      if (required_typo) {
        message += " (" + code(best) + " is required)";
        misspelled_required.push_back(best);
      }
    } else {
      message += level == Severity::Error ? "; expected one of " : "; the documented fields are ";
      for (size_t i = 0; i < known.size(); ++i) message += (i ? ", " : "") + code(known[i]);
    }
    Diagnostic& d = out.report(pair.key->span, message);
    d.severity = level;
    if (!best.empty() && key.style == yaml::Style::Plain) {
      d.fixes.push_back({"rename to " + code(best), {{pair.key->span, best}}, true});
    }
  }
  return misspelled_required;
}

bool is_unquoted_expression(const yaml::Node& node) {
  const yaml::Node& outer = node.resolved();
  if (!outer.is_mapping() || !outer.flow || outer.pairs.size() != 1 || !outer.pairs[0].value->is_null()) return false;
  const yaml::Node& inner = outer.pairs[0].key->resolved();
  return inner.is_mapping() && inner.flow && inner.pairs.size() == 1;
}

bool contains(const std::vector<std::string>& names, std::string_view name) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

std::string month_year(std::string_view year_month) {
  static const char* kMonths[] = {"January", "February", "March", "April", "May", "June", "July",
                                  "August", "September", "October", "November", "December"};
  if (year_month.size() != 7 || year_month[4] != '-') return std::string(year_month);
  int month = (year_month[5] - '0') * 10 + (year_month[6] - '0');
  if (month < 1 || month > 12) return std::string(year_month);
  return std::string(kMonths[month - 1]) + " " + std::string(year_month.substr(0, 4));
}

Span span_for(const yaml::Node& node) { return node.span; }

Span key_span(const yaml::Node& map, std::string_view key) {
  if (const yaml::Pair* pair = map.find_pair(key)) return pair->key->span;
  return {map.span.begin, map.span.begin};
}

std::string profile_note(Profile profile) { return " [profile " + std::string(to_string(profile)) + "]"; }

}  // namespace iblint

namespace iblint {
namespace {

std::optional<long long> parse_integer(std::string_view text) {
  bool negative = false;
  if (!text.empty() && (text.front() == '-' || text.front() == '+')) {
    negative = text.front() == '-';
    text.remove_prefix(1);
  }
  int base = 10;
  if (text.size() > 2 && text[0] == '0' && (text[1] == 'x' || text[1] == 'o')) {
    base = text[1] == 'x' ? 16 : 8;
    text.remove_prefix(2);
  }
  if (text.empty()) return std::nullopt;
  long long value = 0;
  for (char c : text) {
    int digit = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : 99;
    if (digit >= base) return std::nullopt;
    if (value > (INT64_MAX - digit) / base) return std::nullopt;
    value = value * base + digit;
  }
  return negative ? -value : value;
}

}  // namespace

std::optional<long long> as_integer(const yaml::Node& node) {
  const yaml::Node& n = node.resolved();
  if (!n.is_scalar() || n.type != yaml::ScalarType::Int) return std::nullopt;
  return parse_integer(n.value);
}

std::optional<long long> quoted_integer(const yaml::Node& node) {
  const yaml::Node& n = node.resolved();
  if (!n.is_scalar() || n.type != yaml::ScalarType::String) return std::nullopt;
  for (char c : n.value) {
    if (!(c >= '0' && c <= '9') && c != '-') return std::nullopt;
  }
  return parse_integer(n.value);
}

}  // namespace iblint
