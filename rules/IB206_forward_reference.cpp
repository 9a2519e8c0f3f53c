#include "expr/occurrences.h"
#include "rules/rule_support.h"
#include "rules/rules.h"

namespace iblint {
namespace {

// Steps run in order, phases in document order: a value exists only after its step ran
// (spec/component-document.md §5).
class ForwardReference final : public Rule {
 public:
  const RuleInfo& info() const override {
    static const RuleInfo rule{"IB206", "forward-reference", Severity::Error,
                               "A step reads itself, a later step, or a phase that has not run yet"};
    return rule;
  }
  void check(const LintContext& context, Reporter& out) const override {
    for (const expr::Occurrence& o : context.expressions->occurrences) {
      if (!o.step) continue;
      for (const expr::Expression& e : o.scan.expressions) {
        if (e.kind != expr::ExpressionKind::Chaining) continue;
        expr::StepRef target = context.expressions->steps.find(e.segments[0].text, e.segments[1].text);
        if (!target.step) continue;
        std::string_view here = expr::stage_of(o.phase->name), there = expr::stage_of(target.phase->name);
        if (!here.empty() && !there.empty() && here != there) continue;  // another stage: IB207
        std::string ref = code(e.segments[0].text + "." + e.segments[1].text);
        std::string message;
        if (target.step == o.step) {
          message = "step " + code(o.step->name) + " reads its own " + e.segments[2].text +
                    "; they do not exist while it runs";
        } else if (target.phase_index > o.phase_index) {
          message = ref + " is in phase " + code(target.phase->name) + ", which runs after phase " + code(o.phase->name) +
                    "; its values do not exist yet";
        } else if (target.phase_index == o.phase_index && target.step_index > o.step_index) {
          message = ref + " runs after step " + code(o.step->name) + "; its values do not exist yet. Move it earlier, "
                    "or read an earlier step";
        } else {
          continue;
        }
        Diagnostic& d = out.report(o.span({e.segments[0].range.begin, e.segments[1].range.end}), message);
        if (target.step->name_node) d.related.push_back({target.step->name_node->span, "the step " + ref});
      }
    }
  }
};

}  // namespace

std::unique_ptr<Rule> make_forward_reference() { return std::make_unique<ForwardReference>(); }

}  // namespace iblint
