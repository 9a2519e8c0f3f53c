#include "expr/occurrences.h"
#include "rules/rule_support.h"
#include "rules/rules.h"

namespace iblint {
namespace {

// Chaining is resolved only in a step's inputs, in loop.forEach lists and in the values of
// conditions (spec/component-document.md §5).
class ChainingOutsideInputs final : public Rule {
 public:
  const RuleInfo& info() const override {
    static const RuleInfo rule{"IB203", "chaining-outside-inputs", Severity::Error,
                               "Chaining expressions work only inside a step's inputs, forEach lists and conditions"};
    return rule;
  }
  void check(const LintContext& context, Reporter& out) const override {
    for (const expr::Occurrence& o : context.expressions->occurrences) {
      if (o.place != expr::Place::Other && o.place != expr::Place::LoopOther) continue;
      for (const expr::Expression& e : o.scan.expressions) {
        if (e.kind != expr::ExpressionKind::Chaining) continue;
        std::string why = o.place == expr::Place::LoopOther ? ", where AWSTOE does not resolve expressions" : "";
        out.report(o.span(e.range), code("{{ " + e.text() + " }}") + " is " + o.where() + why +
                                        "; chaining is resolved only in `inputs`, `loop.forEach` and `if` values");
      }
    }
  }
};

}  // namespace

std::unique_ptr<Rule> make_chaining_outside_inputs() { return std::make_unique<ChainingOutsideInputs>(); }

}  // namespace iblint
