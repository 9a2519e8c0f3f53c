#include <map>

#include "rules/rule_support.h"
#include "rules/rules.h"

namespace iblint {
namespace {

class DuplicateStepName final : public Rule {
 public:
  const RuleInfo& info() const override {
    static const RuleInfo rule{"IB103", "duplicate-step-name", Severity::Error,
                               "Step names must be unique within a phase"};
    return rule;
  }
  void check(const LintContext& context, Reporter& out) const override {
    for (const Phase& phase : context.component->phases) {
      std::map<std::string, const Step*> first;
      for (const Step& step : phase.steps) {
        if (!step.name_node || step.name.empty()) continue;
        auto [it, inserted] = first.emplace(step.name, &step);
        if (inserted) continue;
        Diagnostic& d = out.report(step.name_node->span,
                                   "step " + code(step.name) + " appears more than once in phase " + code(phase.name) +
                                       "; step names must be unique within a phase, rename one of them");
        d.related.push_back({it->second->name_node->span, "first step named " + code(step.name)});
      }
    }
  }
};

}  // namespace

std::unique_ptr<Rule> make_duplicate_step_name() { return std::make_unique<DuplicateStepName>(); }

}  // namespace iblint
