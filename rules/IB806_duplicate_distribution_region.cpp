// IB806 duplicate-distribution-region: reported by `iblint dry-run` only (see rules/IB806-duplicate-distribution-region.md).
#include "dryrun/runtime_rules.h"
#include "rules/rules.h"

namespace iblint {

const RuleInfo& duplicate_distribution_region_rule() {
  static const RuleInfo rule{"IB806", "duplicate-distribution-region", Severity::Error,
                             "A distribution configuration lists the same region twice"};
  return rule;
}

std::unique_ptr<Rule> make_duplicate_distribution_region() { return std::make_unique<dryrun::DryRunRule>(duplicate_distribution_region_rule()); }

}  // namespace iblint
