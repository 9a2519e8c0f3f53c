#pragma once
#include <memory>
#include <string_view>
#include <vector>

#include "engine/rule.h"

namespace iblint {

/// Every rule iblint knows, in id order. Defined in rules/registry.cpp, one line per rule.
const std::vector<std::unique_ptr<Rule>>& all_rules();
/// The rule with this id or kebab-case name, or null.
const Rule* find_rule(std::string_view id_or_name);
/// The embedded markdown page of a rule ("" when missing).
std::string_view rule_doc(std::string_view id);
/// Where the rule's page is published (SARIF helpUri, LSP codeDescription).
std::string rule_doc_url(const RuleInfo& rule);

}  // namespace iblint
