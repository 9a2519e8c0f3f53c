// IB807 stage-time-budget: reported by `iblint dry-run` only (see rules/IB807-stage-time-budget.md).
#include "dryrun/runtime_rules.h"
#include "rules/rules.h"

namespace iblint {

const RuleInfo& stage_time_budget_rule() {
  static const RuleInfo rule{"IB807", "stage-time-budget", Severity::Warning,
                             "The worst-case time of a stage's steps (timeoutSeconds times maxAttempts) exceeds the stage's time limit"};
  return rule;
}

std::unique_ptr<Rule> make_stage_time_budget() { return std::make_unique<dryrun::DryRunRule>(stage_time_budget_rule()); }

}  // namespace iblint
