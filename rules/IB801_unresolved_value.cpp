// IB801 unresolved-value: reported by `iblint dry-run` only (see rules/IB801-unresolved-value.md).
#include "dryrun/runtime_rules.h"
#include "rules/rules.h"

namespace iblint {

const RuleInfo& unresolved_value_rule() {
  static const RuleInfo rule{"IB801", "unresolved-value", Severity::Error,
                             "A `{{ }}` value that nothing provides when the step runs: a parameter with no value, an unknown name, a loop variable outside its loop"};
  return rule;
}

std::unique_ptr<Rule> make_unresolved_value() { return std::make_unique<dryrun::DryRunRule>(unresolved_value_rule()); }

}  // namespace iblint
