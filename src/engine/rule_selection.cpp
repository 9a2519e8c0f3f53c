#include "engine/rule_selection.h"

#include <algorithm>
#include <cctype>
#include <optional>

#include "engine/registry.h"
#include "util/edit_distance.h"

namespace iblint {

int selector_specificity(std::string_view selector, const RuleInfo& rule) {
  if (selector.empty()) return -1;
  if (selector == "ALL") return 0;
  if (selector == rule.id || selector == rule.name) return kExactSpecificity;
  if (rule.id.starts_with(selector)) return static_cast<int>(selector.size());
  return -1;
}

const RuleInfo* find_rule_info(std::string_view id_or_name, const std::vector<const RuleInfo*>& known_rules) {
  for (const RuleInfo* rule : known_rules) {
    if (rule->id == id_or_name || rule->name == id_or_name) return rule;
  }
  return nullptr;
}

std::string check_selector(std::string_view selector, const std::vector<const RuleInfo*>& known_rules) {
  if (selector.empty()) return "empty rule selector";
  for (const RuleInfo* rule : known_rules) {
    if (selector_specificity(selector, *rule) >= 0) return "";
  }
  std::string message = "unknown rule `" + std::string(selector) + "`";
  std::string upper(selector);
  for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  if (upper != selector && check_selector(upper, known_rules).empty()) {
    return message + "; did you mean `" + upper + "`?";  // `ib1`: ids and prefixes are upper case
  }
  std::vector<std::string_view> candidates = {"ALL"};
  for (const RuleInfo* rule : known_rules) {
    candidates.push_back(rule->id);
    candidates.push_back(rule->name);
  }
  std::string suggestion = closest(selector, candidates, typo_distance(selector));
  if (!suggestion.empty()) message += "; did you mean `" + suggestion + "`?";
  return message;
}

std::vector<const RuleInfo*> registered_rules() {
  std::vector<const RuleInfo*> rules;
  for (const auto& rule : all_rules()) rules.push_back(&rule->info());
  return rules;
}

namespace {

int best_match(const std::vector<std::string>& selectors, const RuleInfo& rule) {
  int best = -1;
  for (const std::string& s : selectors) best = std::max(best, selector_specificity(s, rule));
  return best;
}

/// Applies one layer to whether rule runs.
bool apply_layer(bool enabled, const std::vector<std::string>& select, const std::vector<std::string>& ignore,
                 const RuleInfo& rule) {
  int ignored = best_match(ignore, rule);
  if (select.empty()) return ignored >= 0 ? false : enabled;
  int selected = best_match(select, rule);
  return selected > ignored;  // not selected at all: -1 > -1 is false
}

std::optional<Severity> layer_severity(const std::vector<std::pair<std::string, Severity>>& severities,
                                       const RuleInfo& rule) {
  int best = -1;
  std::optional<Severity> result;
  for (const auto& [selector, severity] : severities) {
    int s = selector_specificity(selector, rule);
    if (s >= 0 && s >= best) {
      best = s;
      result = severity;
    }
  }
  return result;
}

}  // namespace

bool RuleSelection::enabled(const RuleInfo& rule) const {
  bool on = true;
  for (const Layer& layer : below_) on = apply_layer(on, layer.select, layer.ignore, rule);
  return apply_layer(on, select, ignore, rule);
}

std::optional<Severity> RuleSelection::severity_override(const RuleInfo& rule) const {
  if (auto s = layer_severity(severities, rule)) return s;
  for (auto it = below_.rbegin(); it != below_.rend(); ++it) {
    if (auto s = layer_severity(it->severities, rule)) return s;
  }
  return std::nullopt;
}

Severity RuleSelection::severity(const RuleInfo& rule) const { return severity_override(rule).value_or(rule.severity); }

void RuleSelection::merge(const RuleSelection& more_specific) {
  RuleSelection top = more_specific;  // a copy: more_specific may be *this
  below_.push_back(Layer{std::move(select), std::move(ignore), std::move(severities)});
  below_.insert(below_.end(), top.below_.begin(), top.below_.end());
  select = std::move(top.select);
  ignore = std::move(top.ignore);
  severities = std::move(top.severities);
}

std::vector<std::string> RuleSelection::validate(const std::vector<const RuleInfo*>& known_rules) const {
  std::vector<std::string> messages;
  auto check_all = [&](const std::vector<std::string>& sel, const std::vector<std::string>& ign,
                       const std::vector<std::pair<std::string, Severity>>& sev) {
    for (const std::string& s : sel) {
      if (std::string m = check_selector(s, known_rules); !m.empty()) messages.push_back(std::move(m));
    }
    for (const std::string& s : ign) {
      if (std::string m = check_selector(s, known_rules); !m.empty()) messages.push_back(std::move(m));
    }
    for (const auto& entry : sev) {
      if (std::string m = check_selector(entry.first, known_rules); !m.empty()) messages.push_back(std::move(m));
    }
  };
  for (const Layer& layer : below_) check_all(layer.select, layer.ignore, layer.severities);
  check_all(select, ignore, severities);
  return messages;
}

}  // namespace iblint
