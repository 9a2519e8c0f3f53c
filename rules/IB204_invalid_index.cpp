#include "catalog/action_catalog.h"
#include "expr/occurrences.h"
#include "rules/rule_support.h"
#include "rules/rules.h"

namespace iblint {
namespace {

// Indexes are 0-based and address list-shaped inputs or outputs (spec §5). AWSTOE stores a
// map-shaped step's inputs and outputs as a one-entry list (spec §4), so [0] reads them.
class InvalidIndex final : public Rule {
 public:
  const RuleInfo& info() const override {
    static const RuleInfo rule{"IB204", "invalid-index", Severity::Error,
                               "A chaining index is not a valid 0-based position in the list it reads"};
    return rule;
  }
  void check(const LintContext& context, Reporter& out) const override {
    for (const expr::Occurrence& o : context.expressions->occurrences) {
      for (const expr::Expression& e : o.scan.expressions) {
        if (e.kind != expr::ExpressionKind::Chaining || !e.index) continue;
        const expr::Index& index = *e.index;
        if (!index.value) {
          // An empty `[]` has an empty range: point at the brackets.
          expr::Range at = index.range.begin == index.range.end ? expr::Range{index.range.begin - 1, index.range.end + 1} : index.range;
          out.report(o.span(at),
                     "index " + code("[" + index.text + "]") + " must be a non-negative decimal integer such as `[0]`");
          continue;
        }
        expr::StepRef target = context.expressions->steps.find(e.segments[0].text, e.segments[1].text);
        if (!target.step) continue;  // IB205 reports it
        size_t count = entries(*target.step, e.segments[2].text == "inputs");
        if (count == 0 || *index.value < count) continue;
        std::string what = code(e.segments[0].text + "." + e.segments[1].text + "." + e.segments[2].text);
        std::string message = count == 1 ? what + " has one entry, so the only index is `[0]`"
                                         : what + " has " + std::to_string(count) + " entries; indexes are 0-based, so the last is `[" +
                                               std::to_string(count - 1) + "]`";
        out.report(o.span(index.range), message);
      }
    }
  }

 private:
  /// How many entries [n] can address: list-shaped inputs have one per item; a map-shaped
  /// step has one. 0 when unknown (ExecuteDocument's outputs: one per executed document).
  static size_t entries(const Step& step, bool inputs) {
    const ActionSpec* action = find_action(step.action);
    if (!action) return 0;
    if (!inputs && action->name == "ExecuteDocument") return 0;
    if (action->shape == InputShape::Map) return 1;
    if (!step.inputs || !step.inputs->resolved().is_sequence()) return 0;
    return step.inputs->resolved().items.size();
  }
};

}  // namespace

std::unique_ptr<Rule> make_invalid_index() { return std::make_unique<InvalidIndex>(); }

}  // namespace iblint
