#include "catalog/action_catalog.h"
#include "rules/rule_support.h"
#include "rules/rules.h"

namespace iblint {
namespace {

class UnknownAction final : public Rule {
 public:
  const RuleInfo& info() const override {
    static const RuleInfo rule{"IB104", "unknown-action", Severity::Error,
                               "A step's action is not a supported AWSTOE action module"};
    return rule;
  }
  void check(const LintContext& context, Reporter& out) const override {
    std::vector<std::string_view> names;
    for (const ActionSpec& action : action_catalog()) {
      if (context.profile == Profile::Current || action.seed_2020) names.push_back(action.name);
    }
    for (const Phase& phase : context.component->phases) {
      for (const Step& step : phase.steps) {
        if (!step.action_node || !step.action_node->resolved().is_string()) continue;
        const ActionSpec* action = find_action(step.action);
        if (action && context.profile == Profile::Seed2020 && !action->seed_2020) {
          out.report(step.action_node->span, "action " + code(step.action) + " is not available: it was added in " +
                                                 month_year(action->since) + profile_note(context.profile));
          continue;
        }
        if (action) continue;
        report_unknown(step, names, out);
      }
    }
  }

 private:
  static void report_unknown(const Step& step, const std::vector<std::string_view>& names, Reporter& out) {
    std::string target = suggest(step.action, names);
    std::string message = "unknown action " + code(step.action);
    if (!target.empty()) message += " (did you mean " + code(target) + "? action names are case-sensitive)";
    message += "; `iblint explain IB104` lists the action modules";
    Diagnostic& d = out.report(step.action_node->span, message);
    if (!target.empty() && step.action_node->style == yaml::Style::Plain) {
      d.fixes.push_back({"replace with " + code(target), {{step.action_node->span, target}}, true});
    }
  }
};

}  // namespace

std::unique_ptr<Rule> make_unknown_action() { return std::make_unique<UnknownAction>(); }

}  // namespace iblint
