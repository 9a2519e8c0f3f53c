#include <algorithm>

#include "expr/occurrences.h"
#include "rules/rule_support.h"
#include "rules/rules.h"

namespace iblint {
namespace {

// `{{ Name }}` reads a parameter or constant; `{{ loop.value }}` / `{{ name.value }}` the loop of
// the same step (spec/component-document.md §6.3, §7.1). No other built-in variables exist.
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
      for (const expr::Expression& e : o.scan.expressions) {
        if (e.kind == expr::ExpressionKind::Variable) check_variable(o, e, names, out);
        else if (e.kind == expr::ExpressionKind::Loop) check_loop(o, e, out);
      }
    }
  }

 private:
  static void check_variable(const expr::Occurrence& o, const expr::Expression& e,
                             const std::vector<std::string_view>& names, Reporter& out) {
    const std::string& name = e.segments[0].text;
    if (std::find(names.begin(), names.end(), name) != names.end()) return;
    std::string message = code("{{ " + name + " }}") + " is not a declared parameter or constant";
    std::string close = suggest(name, names);
    if (!close.empty()) message += " (did you mean " + code(close) + "? names are case-sensitive)";
    else message += "; declare it under `parameters:` or `constants:`";
    Diagnostic& d = out.report(o.span(e.segments[0].range), message);
    if (!close.empty()) d.fixes.push_back({"use " + code(close), {{o.span(e.segments[0].range), close}}, false});
  }

  static void check_loop(const expr::Occurrence& o, const expr::Expression& e, Reporter& out) {
    const std::string& loop = e.segments[0].text;
    std::string shown = code("{{ " + e.text() + " }}");
    if (!o.step || !o.step->loop || !o.step->loop->resolved().is_mapping()) {
      Diagnostic& d = out.report(o.span(e.range), shown + " is used in a step without a `loop`; AWSTOE leaves it as "
                                                          "literal text. Loop variables belong to the step's own loop");
      d.severity = Severity::Warning;
      return;
    }
    if (loop == "loop") return;
    const yaml::Node* name = o.step->loop->resolved().find("name");
    std::string loop_name = name ? name->resolved().value : "";
    if (loop == loop_name) return;
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
