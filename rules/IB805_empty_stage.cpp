// IB805 empty-stage: reported by `iblint dry-run` only (see rules/IB805-empty-stage.md).
#include "dryrun/runtime_rules.h"
#include "rules/rules.h"

namespace iblint {

const RuleInfo& empty_stage_rule() {
  static const RuleInfo rule{"IB805", "empty-stage", Severity::Warning,
                             "A stage that would run no step of any component"};
  return rule;
}

std::unique_ptr<Rule> make_empty_stage() { return std::make_unique<dryrun::DryRunRule>(empty_stage_rule()); }

}  // namespace iblint
