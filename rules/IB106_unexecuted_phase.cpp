#include "rules/rule_support.h"
#include "rules/rules.h"

namespace iblint {
namespace {

// Image Builder runs build and validate in the build stage, test in the test stage and
// container-host-test in container pipelines' test stage (spec/component-document.md §2.1).
class UnexecutedPhase final : public Rule {
 public:
  const RuleInfo& info() const override {
    static const RuleInfo rule{"IB106", "unexecuted-phase", Severity::Warning,
                               "A phase Image Builder never runs (only build, validate and test run)"};
    return rule;
  }
  void check(const LintContext& context, Reporter& out) const override {
    std::vector<std::string_view> executed = {"build", "validate", "test"};
    if (context.profile == Profile::Current) executed.push_back("container-host-test");
    bool any_executed = false;
    for (const Phase& phase : context.component->phases) {
      if (!phase.name_node || phase.name.empty()) continue;
      bool runs = false;
      for (std::string_view name : executed) runs = runs || name == phase.name;
      // AWSTOE requires one of build, validate or test; container-host-test alone is not enough.
      any_executed = any_executed || phase.name == "build" || phase.name == "validate" || phase.name == "test";
      if (runs) continue;
      std::string message = "Image Builder never runs phase " + code(phase.name) + "; only ";
      for (size_t i = 0; i < executed.size(); ++i) message += (i ? ", " : "") + code(executed[i]);
      message += " run";
      if (phase.name == "container-host-test") message += profile_note(context.profile);
      std::string target = suggest(phase.name, executed);
      if (!target.empty()) message += " (did you mean " + code(target) + "?)";
      Diagnostic& d = out.report(phase.name_node->span, message);
      if (!target.empty() && phase.name_node->style == yaml::Style::Plain) {
        d.fixes.push_back({"rename to " + code(target), {{phase.name_node->span, target}}, false});
      }
    }
    if (!any_executed && !context.component->phases.empty() && context.component->phases_node) {
      Diagnostic& d = out.report(key_span(*context.component->root, "phases"),
                                 "no `build`, `validate` or `test` phase: AWSTOE requires at least one of them");
      d.severity = Severity::Error;
    }
  }
};

}  // namespace

std::unique_ptr<Rule> make_unexecuted_phase() { return std::make_unique<UnexecutedPhase>(); }

}  // namespace iblint
