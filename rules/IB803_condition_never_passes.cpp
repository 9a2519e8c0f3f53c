// IB803 condition-never-passes: reported by `iblint dry-run` only (see rules/IB803-condition-never-passes.md).
#include "dryrun/runtime_rules.h"
#include "rules/rules.h"

namespace iblint {

const RuleInfo& condition_never_passes_rule() {
  static const RuleInfo rule{"IB803", "condition-never-passes", Severity::Warning,
                             "An `if` that is false with the values this pipeline gives: the step never runs"};
  return rule;
}

std::unique_ptr<Rule> make_condition_never_passes() { return std::make_unique<dryrun::DryRunRule>(condition_never_passes_rule()); }

}  // namespace iblint
