#include "rules/rules.h"

namespace iblint {
namespace {

// Findings of this rule are made by the suppression filter (src/engine/suppressions.cpp),
// after every other rule ran; the rule object carries its identity and documentation.
class UnusedSuppression final : public Rule {
 public:
  const RuleInfo& info() const override { return unused_suppression_rule(); }
  bool needs_component() const override { return false; }
  void check(const LintContext&, Reporter&) const override {}
};

}  // namespace

const RuleInfo& unused_suppression_rule() {
  static const RuleInfo rule{"IB009", "unused-suppression", Severity::Info,
                             "An iblint-disable comment suppresses nothing"};
  return rule;
}

std::unique_ptr<Rule> make_unused_suppression() { return std::make_unique<UnusedSuppression>(); }

}  // namespace iblint
