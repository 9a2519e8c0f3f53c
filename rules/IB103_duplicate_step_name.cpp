#include <algorithm>
#include <string_view>
#include <utility>
#include <vector>

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
    // The named steps sorted by name, then position: equal names sit together, the first step
    // of each name leads its run. Views and indexes, no string copies or tree nodes (a phase
    // can hold thousands of steps, and the language server lints after every keystroke).
    std::vector<std::pair<std::string_view, size_t>> by_name;
    for (const Phase& phase : context.component->phases) {
      by_name.clear();
      for (size_t i = 0; i < phase.steps.size(); ++i) {
        const Step& step = phase.steps[i];
        if (step.name_node && !step.name.empty()) by_name.emplace_back(step.name, i);
      }
      std::sort(by_name.begin(), by_name.end());
      // first_of[i]: the first step named like step i, when step i is not that step
      std::vector<const Step*> first_of;
      for (size_t run = 0, k = 1; k < by_name.size(); ++k) {
        if (by_name[k].first != by_name[run].first) {
          run = k;
          continue;
        }
        if (first_of.empty()) first_of.assign(phase.steps.size(), nullptr);
        first_of[by_name[k].second] = &phase.steps[by_name[run].second];
      }
      if (first_of.empty()) continue;
      for (size_t i = 0; i < phase.steps.size(); ++i) {
        if (!first_of[i]) continue;
        const Step& step = phase.steps[i];
        Diagnostic& d = out.report(step.name_node->span,
                                   "step " + code(step.name) + " appears more than once in phase " + code(phase.name) +
                                       "; step names must be unique within a phase, rename one of them");
        d.related.push_back({first_of[i]->name_node->span, "first step named " + code(step.name)});
      }
    }
  }
};

}  // namespace

std::unique_ptr<Rule> make_duplicate_step_name() { return std::make_unique<DuplicateStepName>(); }

}  // namespace iblint
