// IB804 output-never-produced: reported by `iblint dry-run` only (see rules/IB804-output-never-produced.md).
#include "dryrun/runtime_rules.h"
#include "rules/rules.h"

namespace iblint {

const RuleInfo& output_never_produced_rule() {
  static const RuleInfo rule{"IB804", "output-never-produced", Severity::Error,
                             "A step reads the inputs or outputs of a step that does not run before it on that path"};
  return rule;
}

std::unique_ptr<Rule> make_output_never_produced() { return std::make_unique<dryrun::DryRunRule>(output_never_produced_rule()); }

}  // namespace iblint
