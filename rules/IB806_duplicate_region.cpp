// IB806 duplicate-region: reported by `iblint dry-run` only (see rules/IB806-duplicate-region.md).
#include "dryrun/runtime_rules.h"
#include "rules/rules.h"

namespace iblint {

const RuleInfo& duplicate_region_rule() {
  static const RuleInfo rule{"IB806", "duplicate-region", Severity::Error,
                             "A distribution configuration lists the same region twice"};
  return rule;
}

std::unique_ptr<Rule> make_duplicate_region() { return std::make_unique<dryrun::DryRunRule>(duplicate_region_rule()); }

}  // namespace iblint
