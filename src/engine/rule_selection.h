#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "engine/rule.h"
#include "engine/severity.h"

namespace iblint {

/// A selector names rules: `ALL`, a rule id (`IB103`), a kebab-case rule name
/// (`duplicate-step-name`) or an id prefix (`IB1` matches IB1xx, `IB` every rule).
/// Returns how specific selector is when it matches rule (`ALL` 0, a prefix its length, an
/// exact id or name kExactSpecificity), or -1 when it does not match.
int selector_specificity(std::string_view selector, const RuleInfo& rule);
inline constexpr int kExactSpecificity = 1000;

/// "" when selector is `ALL`, the id or name of a known rule, or a prefix of a known id;
/// otherwise the message to show, e.g. "unknown rule `IB999`; did you mean `IB099`?".
std::string check_selector(std::string_view selector, const std::vector<const RuleInfo*>& known_rules);

/// The known rule with this exact id or name, or null.
const RuleInfo* find_rule_info(std::string_view id_or_name, const std::vector<const RuleInfo*>& known_rules);

/// Every rule in the registry (all_rules()), for the known_rules parameters.
std::vector<const RuleInfo*> registered_rules();

/// Which rules run and at what severity. The public fields are one layer of choices, as a user
/// wrote them in one place (the config file, one `overrides` entry, the command line):
///   - a rule runs when it matches `select` (an empty `select` means every rule) and does not
///     match `ignore`; when both match, the more specific selector wins, and on a tie `ignore`
///     wins (select `IB103` + ignore `IB1`: IB103 runs; select `IB1` + ignore `IB103`: it
///     does not);
///   - `severities` maps selectors to severities; the most specific match wins, the later
///     entry on a tie.
/// merge() stacks a more specific layer on top, ruff style: a layer with a non-empty `select`
/// decides alone which rules run (earlier selects and ignores no longer apply), a layer with
/// only `ignore` turns its matches off on top of what earlier layers chose, and a layer's
/// severity for a rule, when it has one, beats every earlier layer's.
struct RuleSelection {
  std::vector<std::string> select;
  std::vector<std::string> ignore;
  std::vector<std::pair<std::string, Severity>> severities;

  bool enabled(const RuleInfo& rule) const;
  /// The override for rule, or its default severity.
  Severity severity(const RuleInfo& rule) const;
  /// The override for rule, or nullopt when no layer sets one (so that an explicit override
  /// equal to the default can be told apart from none).
  std::optional<Severity> severity_override(const RuleInfo& rule) const;
  /// Puts more_specific (with any layers it already holds) on top of this selection.
  void merge(const RuleSelection& more_specific);
  /// A message for each selector, in any layer, that check_selector rejects.
  std::vector<std::string> validate(const std::vector<const RuleInfo*>& known_rules) const;

 private:
  struct Layer {
    std::vector<std::string> select;
    std::vector<std::string> ignore;
    std::vector<std::pair<std::string, Severity>> severities;
  };
  std::vector<Layer> below_;  ///< less specific layers, oldest first; the public fields are on top
};

}  // namespace iblint
