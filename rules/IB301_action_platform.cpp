#include <cctype>
#include <utility>

#include "catalog/action_catalog.h"
#include "rules/rule_support.h"
#include "rules/rules.h"
#include "rules/step_inputs.h"

namespace iblint {
namespace {

std::string platform_names(unsigned platforms) {
  std::string out;
  for (auto [bit, name] : {std::pair{kLinux, "Linux"}, {kWindows, "Windows"}, {kMacOS, "macOS"}}) {
    if (platforms & bit) out += (out.empty() ? "" : ", ") + std::string(name);
  }
  return out;
}

// Action modules and some inputs exist only on some operating systems (spec §8.1, §12 TOE016).
// The document does not name its OS: it comes from --platform (the owning resource's Platform
// once templates are read) or is inferred from the OS-only actions it uses.
class ActionPlatform final : public Rule {
 public:
  const RuleInfo& info() const override {
    static const RuleInfo rule{"IB301", "action-platform", Severity::Error,
                               "An action or input is not available on the component's platform"};
    return rule;
  }
  void check(const LintContext& context, Reporter& out) const override {
    struct Use {
      const Step* step;
      const ActionSpec* action;
    };
    std::vector<Use> uses;
    for (const Phase& phase : context.component->phases) {
      for (const Step& step : phase.steps) {
        if (const ActionSpec* action = find_action(step.action)) uses.push_back({&step, action});
      }
    }
    unsigned platform = context.platform;
    if (platform == 0) {
      // Infer: the OSes every OS-specific action allows. None left means the actions conflict.
      unsigned possible = kAllPlatforms;
      const Use* first_specific = nullptr;
      for (const Use& u : uses) {
        if (u.action->platforms == kAllPlatforms) continue;
        if ((possible & u.action->platforms) == 0 && first_specific) {
          Diagnostic& d = out.report(u.step->action_node->span,
                                     code(u.action->name) + " runs only on " + platform_names(u.action->platforms) +
                                         ", but " + code(first_specific->action->name) + " runs only on " +
                                         platform_names(first_specific->action->platforms) +
                                         ": no platform can run this document; split it into one component per OS");
          d.severity = Severity::Warning;
          d.related.push_back({first_specific->step->action_node->span, code(first_specific->action->name) + " is used here"});
          return;
        }
        if (!first_specific) first_specific = &u;
        possible &= u.action->platforms;
      }
      // A single inferred OS still lets us check OS-specific inputs (CreateFile owner on Windows).
      if (possible == kLinux || possible == kWindows || possible == kMacOS) platform = possible;
      else return;
    } else {
      for (const Use& u : uses) {
        if (u.action->platforms & platform) continue;
        out.report(u.step->action_node->span, code(u.action->name) + " is not available on " + platform_names(platform) +
                                                  "; it runs on " + platform_names(u.action->platforms) + " only" +
                                                  " (--platform " + lower(platform_names(platform)) + ")");
      }
    }
    for (const Use& u : uses) check_inputs(*u.step, *u.action, platform, out);
  }

 private:
  static std::string lower(std::string s) {
    for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
  }
  static void check_inputs(const Step& step, const ActionSpec& action, unsigned platform, Reporter& out) {
    if (!(action.platforms & platform)) return;
    for (const yaml::Node* entry : input_entries(step)) {
      for (const InputSpec& input : action.inputs) {
        if (input.platforms & platform) continue;
        if (const yaml::Pair* pair = entry->find_pair(input.name)) {
          out.report(pair->key->span, code(action.name) + " input " + code(input.name) + " is rejected on " +
                                          platform_names(platform) + "; it works on " + platform_names(input.platforms) +
                                          " only");
        }
      }
    }
  }
};

}  // namespace

std::unique_ptr<Rule> make_action_platform() { return std::make_unique<ActionPlatform>(); }

}  // namespace iblint
