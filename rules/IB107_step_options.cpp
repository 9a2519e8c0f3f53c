#include "catalog/action_catalog.h"
#include "rules/rule_support.h"
#include "rules/rules.h"

namespace iblint {
namespace {

class StepOptions final : public Rule {
 public:
  const RuleInfo& info() const override {
    static const RuleInfo rule{"IB107", "step-options", Severity::Error,
                               "onFailure, maxAttempts and timeoutSeconds must have valid values"};
    return rule;
  }
  void check(const LintContext& context, Reporter& out) const override {
    for (const Phase& phase : context.component->phases) {
      for (const Step& step : phase.steps) {
        if (step.on_failure) check_on_failure(*step.on_failure, context.profile, out);
        if (step.max_attempts) check_integer(*step.max_attempts, "maxAttempts", out);
        if (step.timeout_seconds) check_integer(*step.timeout_seconds, "timeoutSeconds", out);
        check_fixed_options(step, out);
      }
    }
  }

 private:
  static void check_on_failure(const yaml::Node& node, Profile profile, Reporter& out) {
    std::vector<std::string_view> allowed = {"Abort", "Continue"};
    if (profile == Profile::Current) allowed.push_back("Ignore");
    const yaml::Node& value = node.resolved();
    std::string list;
    for (size_t i = 0; i < allowed.size(); ++i) list += (i ? ", " : "") + code(allowed[i]);
    if (!value.is_scalar() || value.is_null()) {
      out.report(node.span, "`onFailure` must be one of " + list + ", not " + std::string(describe(value)));
      return;
    }
    for (std::string_view a : allowed) {
      if (a == value.value) return;
    }
    std::string message = "`onFailure` is " + code(value.value) + "; expected one of " + list;
    if (value.value == "Ignore") message += " (`Ignore` was added in July 2021)" + profile_note(profile);
    std::string fix = suggest(value.value, allowed);
    if (!fix.empty()) message += " (did you mean " + code(fix) + "? values are case-sensitive)";
    Diagnostic& d = out.report(node.span, message);
    if (!fix.empty()) d.fixes.push_back({"replace with " + code(fix), {{node.span, fix}}, true});
  }

  static void check_integer(const yaml::Node& node, std::string_view field, Reporter& out) {
    bool timeout = field == "timeoutSeconds";
    std::string expected = timeout ? "a whole number of seconds (-1 for no timeout)" : "a whole number of attempts (1 or more)";
    std::optional<long long> value = as_integer(node);
    if (!value) {
      if (auto quoted = quoted_integer(node)) {
        Diagnostic& d = out.report(node.span, code(field) + " must be an integer, but it is the string \"" +
                                                  node.resolved().value + "\"; remove the quotes");
        d.fixes.push_back({"remove the quotes", {{node.span, node.resolved().value}}, true});
        value = quoted;
      } else {
        const yaml::Node& v = node.resolved();
        std::string what = v.is_scalar() && v.type == yaml::ScalarType::Float ? "the decimal number " + code(v.value)
                                                                              : std::string(describe(v));
        out.report(node.span, code(field) + " must be " + expected + ", not " + what);
        return;
      }
    }
    if (timeout && (*value == 0 || *value < -1)) {
      out.report(node.span, "`timeoutSeconds` is " + std::to_string(*value) +
                                "; use a positive number of seconds, or -1 for no timeout");
    } else if (!timeout && *value < 1) {
      out.report(node.span, "`maxAttempts` is " + std::to_string(*value) +
                                "; it counts every attempt including the first, so it must be 1 or more");
    }
  }

  // ExecuteDocument runs with timeoutSeconds -1 and maxAttempts 1 and rejects other values.
  static void check_fixed_options(const Step& step, Reporter& out) {
    const ActionSpec* action = find_action(step.action);
    if (!action) return;
    for (const Constraint& c : action->constraints) {
      if (c.kind != Constraint::Kind::FixedStepOption) continue;
      const yaml::Node* node = c.a == "timeoutSeconds" ? step.timeout_seconds : c.a == "maxAttempts" ? step.max_attempts : nullptr;
      if (!node) continue;
      const yaml::Node& value = node->resolved();
      if (value.is_scalar() && value.value == c.value) continue;
      out.report(node->span, code(action->name) + " fixes " + code(c.a) + " at " + std::string(c.value) +
                                 "; remove the field or set it to " + std::string(c.value));
    }
  }
};

}  // namespace

std::unique_ptr<Rule> make_step_options() { return std::make_unique<StepOptions>(); }

}  // namespace iblint
