#include "engine/registry.h"

#include <string>
#include <utility>

namespace iblint {

extern const std::pair<std::string_view, std::string_view> kRuleDocs[];
extern const unsigned kRuleDocCount;

const Rule* find_rule(std::string_view id_or_name) {
  for (const auto& rule : all_rules()) {
    if (rule->info().id == id_or_name || rule->info().name == id_or_name) return rule.get();
  }
  return nullptr;
}

std::string_view rule_doc(std::string_view id) {
  for (unsigned i = 0; i < kRuleDocCount; ++i) {
    if (kRuleDocs[i].first == id) return kRuleDocs[i].second;
  }
  return {};
}

std::string rule_doc_url(const RuleInfo& rule) {
  return "https://github.com/iblint/iblint/blob/main/rules/" + std::string(rule.id) + "-" + std::string(rule.name) + ".md";
}

}  // namespace iblint
