#include <algorithm>

#include "expr/occurrences.h"
#include "rules/rule_support.h"
#include "rules/rules.h"

namespace iblint {
namespace {

// `{{ Name }}` reads a parameter or constant; `{{ loop.value }}` / `{{ name.value }}` the loop of
// the same step (spec/component-document.md §6.3, §7.1). No other built-in variables exist.
// Scope: loop variables are substituted only in the inputs of the looping step (§7.1);
// parameters and constants only in `inputs`, `loop.forEach` and `if` values (§6.3, TOE019).
// Expressions in `loop.for`, `delimiter` and the loop's `name` are IB211's.
class UndefinedVariable final : public Rule {
 public:
  const RuleInfo& info() const override {
    static const RuleInfo rule{"IB208", "undefined-variable", Severity::Error,
                               "`{{ name }}` is not a parameter, constant or loop variable in scope"};
    return rule;
  }
  void check(const LintContext& context, Reporter& out) const override {
    std::vector<std::string_view> names;
    for (const Variable& v : context.component->variables) names.push_back(v.name);
    for (const expr::Occurrence& o : context.expressions->occurrences) {
      if (o.place == expr::Place::LoopOther) continue;
      for (const expr::Expression& e : o.scan.expressions) {
        if (e.kind == expr::ExpressionKind::Variable) check_variable(o, e, names, out);
        else if (e.kind == expr::ExpressionKind::Loop) check_loop(*context.component, o, e, out);
      }
    }
  }

 private:
  static void check_variable(const expr::Occurrence& o, const expr::Expression& e,
                             const std::vector<std::string_view>& names, Reporter& out) {
    const std::string& name = e.segments[0].text;
    if (o.place == expr::Place::Other) {
      out.report(o.span(e.range), code("{{ " + name + " }}") + " is " + o.where() +
                                      ", where AWSTOE does not substitute variables; parameters and constants are "
                                      "substituted only in `inputs`, `loop.forEach` and `if` values");
      return;
    }
    if (std::find(names.begin(), names.end(), name) != names.end()) return;
    std::string message = code("{{ " + name + " }}") + " is not a declared parameter or constant";
    std::string close = suggest(name, names);
    if (!close.empty()) message += " (did you mean " + code(close) + "? names are case-sensitive)";
    else message += "; declare it under `parameters:` or `constants:`";
    Diagnostic& d = out.report(o.span(e.segments[0].range), message);
    if (!close.empty()) d.fixes.push_back({"use " + code(close), {{o.span(e.segments[0].range), close}}, false});
  }

  /// The step whose loop is named name, or null.
  static const Step* step_with_loop(const Component& component, std::string_view name) {
    for (const Phase& phase : component.phases) {
      for (const Step& step : phase.steps) {
        if (!step.loop || !step.loop->resolved().is_mapping()) continue;
        const yaml::Node* n = step.loop->resolved().find("name");
        if (n && n->resolved().is_scalar() && n->resolved().value == name) return &step;
      }
    }
    return nullptr;
  }

  static void check_loop(const Component& component, const expr::Occurrence& o, const expr::Expression& e,
                         Reporter& out) {
    const std::string& loop = e.segments[0].text;
    std::string shown = code("{{ " + e.text() + " }}");
    bool own_loop = o.step && o.step->loop && o.step->loop->resolved().is_mapping();
    const yaml::Node* own_name = own_loop ? o.step->loop->resolved().find("name") : nullptr;
    bool names_own = own_loop && (loop == "loop" || (own_name && own_name->resolved().value == loop));
    const Step* owner = names_own || loop == "loop" ? nullptr : step_with_loop(component, loop);
    if (owner) {
      Diagnostic& d = out.report(o.span(e.range), shown + " reads the loop of step " + code(owner->name) +
                                                      ", which is out of the loop's scope here: loop variables exist "
                                                      "only in the `inputs` of their own step");
      d.severity = Severity::Warning;
      return;
    }
    if (!own_loop) {
      std::string where = o.step ? "in a step without a `loop`" : o.where() + ", outside any step";
      Diagnostic& d = out.report(o.span(e.range), shown + " is " + where + ", out of every loop's scope; AWSTOE leaves "
                                                      "it as literal text. Loop variables exist only in the `inputs` "
                                                      "of the step that loops");
      d.severity = Severity::Warning;
      return;
    }
    if (o.place != expr::Place::Inputs) {
      Diagnostic& d = out.report(o.span(e.range), shown + " is " + o.where() + ", out of the loop's scope; AWSTOE "
                                                      "substitutes loop variables only in the looping step's `inputs`");
      d.severity = Severity::Warning;
      return;
    }
    if (names_own) return;
    const yaml::Node* name = o.step->loop->resolved().find("name");
    std::string loop_name = name ? name->resolved().value : "";
    std::string message = "the loop of step " + code(o.step->name) +
                          (loop_name.empty() ? " has no `name`" : " is named " + code(loop_name)) + ", so " + shown +
                          " refers to no loop; use " + code("{{ loop." + e.segments[1].text + " }}");
    Diagnostic& d = out.report(o.span(e.segments[0].range), message);
    d.fixes.push_back({"use " + code("{{ loop." + e.segments[1].text + " }}"), {{o.span(e.segments[0].range), "loop"}}, true});
  }
};

}  // namespace

std::unique_ptr<Rule> make_undefined_variable() { return std::make_unique<UndefinedVariable>(); }

}  // namespace iblint
