// IB802 empty-loop: reported by `iblint dry-run` only (see rules/IB802-empty-loop.md).
#include "dryrun/runtime_rules.h"
#include "rules/rules.h"

namespace iblint {

const RuleInfo& empty_loop_rule() {
  static const RuleInfo rule{"IB802", "empty-loop", Severity::Warning,
                             "A loop that runs zero times: its step never does anything"};
  return rule;
}

std::unique_ptr<Rule> make_empty_loop() { return std::make_unique<dryrun::DryRunRule>(empty_loop_rule()); }

}  // namespace iblint
