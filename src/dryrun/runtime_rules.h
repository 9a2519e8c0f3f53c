#pragma once
// The dry run's own rules (IB8xx): findings that only exist once the whole plan is known.
// They are registered like every rule (rules/registry.cpp) so that ids, docs, selection and
// every emitter work, but `iblint lint` never reports them: only `iblint dry-run` does.
#include "engine/rule.h"

namespace iblint::dryrun {

/// A rule whose findings the planner produces; its per-file check does nothing.
class DryRunRule : public Rule {
 public:
  explicit DryRunRule(const RuleInfo& info) : info_(info) {}
  const RuleInfo& info() const override { return info_; }
  void check(const LintContext&, Reporter&) const override {}

 private:
  const RuleInfo& info_;
};

}  // namespace iblint::dryrun
