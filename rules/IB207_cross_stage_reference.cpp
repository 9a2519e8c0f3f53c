#include "expr/occurrences.h"
#include "rules/rule_support.h"
#include "rules/rules.h"

namespace iblint {
namespace {

// Image Builder runs build+validate, test and container-host-test as separate AWSTOE runs on
// different instances, so chaining cannot cross them (spec/pipeline-semantics.md §4.2).
class CrossStageReference final : public Rule {
 public:
  const RuleInfo& info() const override {
    static const RuleInfo rule{"IB207", "cross-stage-reference", Severity::Error,
                               "A step reads a value produced in another Image Builder stage"};
    return rule;
  }
  void check(const LintContext& context, Reporter& out) const override {
    for (const expr::Occurrence& o : context.expressions->occurrences) {
      if (!o.step) continue;
      std::string_view here = expr::stage_of(o.phase->name);
      for (const expr::Expression& e : o.scan.expressions) {
        if (e.kind != expr::ExpressionKind::Chaining) continue;
        expr::StepRef target = context.expressions->steps.find(e.segments[0].text, e.segments[1].text);
        if (!target.step) continue;  // IB205
        std::string_view there = expr::stage_of(target.phase->name);
        if (here.empty() || there.empty() || here == there) continue;
        Diagnostic& d = out.report(o.span({e.segments[0].range.begin, e.segments[1].range.end}),
                                   "phase " + code(o.phase->name) + " (" + std::string(here) + " stage) and phase " +
                                       code(target.phase->name) + " (" + std::string(there) +
                                       " stage) run in separate AWSTOE runs, so " + code("{{ " + e.text() + " }}") +
                                       " is not available. Pass the value with a parameter, or recompute it");
        if (target.step->name_node) d.related.push_back({target.step->name_node->span, "produced here"});
      }
    }
  }
};

}  // namespace

std::unique_ptr<Rule> make_cross_stage_reference() { return std::make_unique<CrossStageReference>(); }

}  // namespace iblint
