#include <algorithm>

#include "catalog/action_catalog.h"
#include "expr/occurrences.h"
#include "rules/rule_support.h"
#include "rules/rules.h"

namespace iblint {
namespace {

class UnresolvedReference final : public Rule {
 public:
  const RuleInfo& info() const override {
    static const RuleInfo rule{"IB205", "unresolved-reference", Severity::Error,
                               "A chaining expression names a phase, step, input or output that does not exist"};
    return rule;
  }
  void check(const LintContext& context, Reporter& out) const override {
    const Component& c = *context.component;
    for (const expr::Occurrence& o : context.expressions->occurrences) {
      for (const expr::Expression& e : o.scan.expressions) {
        if (e.kind == expr::ExpressionKind::Chaining) check_chaining(c, context.expressions->steps, o, e, out);
      }
    }
  }

 private:
  static void check_chaining(const Component& c, const expr::StepLookup& steps, const expr::Occurrence& o,
                             const expr::Expression& e, Reporter& out) {
    const expr::Segment& phase = e.segments[0];
    const expr::Segment& step = e.segments[1];
    const expr::Segment& kind = e.segments[2];
    const expr::Segment& field = e.segments[3];
    expr::StepRef target = steps.find(phase.text, step.text);
    if (!target.phase) {
      std::vector<std::string_view> names;
      for (const Phase& p : c.phases) names.push_back(p.name);
      out.report(o.span(phase.range), "no phase named " + code(phase.text) + " in this document" + did_you_mean(phase.text, names) +
                                          "; chaining reads steps of the same document only");
      return;
    }
    if (!target.step) {
      std::vector<std::string_view> names;
      for (const Step& s : target.phase->steps) names.push_back(s.name);
      Diagnostic& d = out.report(o.span(step.range), "phase " + code(phase.text) + " has no step named " + code(step.text) +
                                                         did_you_mean(step.text, names));
      if (target.phase->name_node) d.related.push_back({target.phase->name_node->span, "phase " + code(phase.text)});
      return;
    }
    const ActionSpec* action = find_action(target.step->action);
    std::string where = code(phase.text + "." + step.text);
    if (kind.text == "outputs") {
      if (!action) return;  // IB104 reports the action
      std::vector<std::string_view> outputs(action->outputs.begin(), action->outputs.end());
      if (std::find(outputs.begin(), outputs.end(), field.text) != outputs.end()) return;
      std::string message = where + " runs " + code(action->name) + ", which has no output " + code(field.text);
      if (outputs.empty()) message += "; " + code(action->name) + " produces no outputs";
      else message += did_you_mean(field.text, outputs).empty() ? "; its outputs: " + list(outputs) : did_you_mean(field.text, outputs);
      Diagnostic& d = out.report(o.span(field.range), message);
      if (target.step->action_node) d.related.push_back({target.step->action_node->span, "the action of " + where});
      return;
    }
    // inputs: the field must be written in the referenced step's inputs (the entry at the index
    // for list-shaped inputs; any entry when no index is given).
    if (!target.step->inputs) {
      out.report(o.span(field.range), where + " has no `inputs`, so it has no input " + code(field.text));
      return;
    }
    const yaml::Node& inputs = target.step->inputs->resolved();
    std::vector<std::string_view> fields;
    auto collect = [&](const yaml::Node& entry) {
      if (!entry.resolved().is_mapping()) return;
      for (const yaml::Pair& p : entry.resolved().pairs) fields.push_back(p.key->value);
    };
    if (inputs.is_sequence()) {
      if (e.index && e.index->value && *e.index->value < inputs.items.size()) collect(*inputs.items[*e.index->value]);
      else if (!e.index) for (const yaml::Node* item : inputs.items) collect(*item);
      else return;  // IB204 reports the index
    } else {
      collect(inputs);
    }
    if (std::find(fields.begin(), fields.end(), field.text) != fields.end()) return;
    Diagnostic& d = out.report(o.span(field.range), where + " does not set the input " + code(field.text) +
                                                        (did_you_mean(field.text, fields).empty() && !fields.empty()
                                                             ? "; it sets " + list(fields)
                                                             : did_you_mean(field.text, fields)));
    d.related.push_back({target.step->inputs->span, "the inputs of " + where});
  }

  static std::string list(const std::vector<std::string_view>& names) {
    std::string out;
    for (size_t i = 0; i < names.size(); ++i) out += (i ? ", " : "") + code(names[i]);
    return out;
  }
};

}  // namespace

std::unique_ptr<Rule> make_unresolved_reference() { return std::make_unique<UnresolvedReference>(); }

}  // namespace iblint
