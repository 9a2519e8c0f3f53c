#include <map>

#include "rules/rule_support.h"
#include "rules/rules.h"

namespace iblint {
namespace {

class DuplicatePhaseName final : public Rule {
 public:
  const RuleInfo& info() const override {
    static const RuleInfo rule{"IB102", "duplicate-phase-name", Severity::Error,
                               "Phase names must be unique within a document"};
    return rule;
  }
  void check(const LintContext& context, Reporter& out) const override {
    std::map<std::string, const Phase*> first;
    for (const Phase& phase : context.component->phases) {
      if (!phase.name_node || phase.name.empty()) continue;
      auto [it, inserted] = first.emplace(phase.name, &phase);
      if (inserted) continue;
      Diagnostic& d = out.report(phase.name_node->span,
                                 "phase " + code(phase.name) +
                                     " is defined more than once; AWSTOE rejects the document. Merge the steps into "
                                     "the first " + code(phase.name) + " phase");
      d.related.push_back({it->second->name_node->span, "first " + code(phase.name) + " phase"});
    }
  }
};

}  // namespace

std::unique_ptr<Rule> make_duplicate_phase_name() { return std::make_unique<DuplicatePhaseName>(); }

}  // namespace iblint
