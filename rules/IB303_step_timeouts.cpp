// IB303: step timeouts that cannot work as written: `timeoutSeconds` on a `Reboot` step (the
// module ignores step timeouts, spec/component-document.md §2.2, §8.6), and timeouts and
// attempts that cannot fit the test stage's time limit.
//
// The only limit the spec gives above a single step is the test stage's
// `imageTestsConfiguration.timeoutMinutes` (60–1440, so at most 1440 minutes = 86400 s,
// spec/pipeline-semantics.md §4.2, spec/resources.md §6). The spec calls that limit historical:
// the latest API says the value is ignored, and when it stopped applying is not documented. So
// every finding is info. The build stage has no documented limit, so build and validate phases
// are never reported.
//
// A step's worst case is timeoutSeconds × maxAttempts: the timeout is reset on each attempt and
// covers all loop iterations together (spec/component-document.md §2.2, §7.4). Defaults are 7200
// and 1; the total over the stage counts only steps that set `timeoutSeconds`. A timeout of -1 has no bound, `Reboot` ignores step timeouts and `ExecuteDocument` is
// fixed at -1, so those steps add no known time. Values that IB107 rejects are left to it.
#include <limits>
#include <string>

#include "expr/occurrences.h"
#include "rules/rule_support.h"
#include "rules/rules.h"

namespace iblint {
namespace {

constexpr long long kTestStageLimitSeconds = 1440LL * 60;
constexpr long long kDefaultTimeoutSeconds = 7200;

/// "90000 s (25 h)", "5400 s (1.5 h)".
std::string duration(long long seconds) {
  long long tenths = static_cast<long long>((static_cast<__int128>(seconds) * 10 + 1800) / 3600);
  std::string hours = std::to_string(tenths / 10);
  if (tenths % 10) hours += "." + std::to_string(tenths % 10);
  return std::to_string(seconds) + " s (" + hours + " h)";
}

/// A valid positive integer option, the default when absent, nullopt when invalid (IB107's).
std::optional<long long> option(const yaml::Node* node, long long fallback) {
  if (!node) return fallback;
  std::optional<long long> value = as_integer(*node);
  if (!value) value = quoted_integer(*node);
  return value;
}

class StepTimeouts final : public Rule {
 public:
  const RuleInfo& info() const override {
    static const RuleInfo rule{"IB303", "step-timeouts", Severity::Info,
                               "Step timeouts that cannot work: on Reboot, or past the test stage's 1440-minute limit"};
    return rule;
  }

  void check(const LintContext& context, Reporter& out) const override {
    // The test stage runs test and container-host-test; the total runs over both.
    long long stage_total = 0;
    bool total_reported = false;
    // The total counts only the steps that set `timeoutSeconds`: 13 steps that keep AWSTOE's
    // default 7200 s already pass 24 hours, though nobody chose that bound.
    for (const Phase& phase : context.component->phases) {
      for (const Step& step : phase.steps) {
        if (step.action == "Reboot" && step.timeout_seconds) {
          out.report(step.timeout_seconds->span, "`Reboot` ignores step timeouts, so this `timeoutSeconds` has no "
                                                 "effect (a reboot is bounded by the SSM agent's retry limit "
                                                 "instead); remove it");
        }
      }
    }
    for (const Phase& phase : context.component->phases) {
      std::string_view stage = expr::stage_of(phase.name);
      if (stage != "test" && stage != "container host") continue;
      for (const Step& step : phase.steps) {
        std::optional<long long> worst = worst_case(step);
        if (!worst) continue;
        const yaml::Node* at = step.timeout_seconds ? step.timeout_seconds
                               : step.max_attempts  ? step.max_attempts
                                                    : step.name_node ? step.name_node : step.node;
        if (*worst > kTestStageLimitSeconds) {
          out.report(at->span, "step " + code(step.name) + " may run for " + explain(step, *worst) +
                                   ", longer than the test stage's limit of " + duration(kTestStageLimitSeconds) +
                                   limit_note());
          total_reported = true;  // one finding says it already
        }
        if (!step.timeout_seconds) continue;
        if (__builtin_add_overflow(stage_total, *worst, &stage_total)) stage_total = std::numeric_limits<long long>::max();
        if (!total_reported && stage_total > kTestStageLimitSeconds) {
          out.report(at->span, "with step " + code(step.name) + ", this document's test-stage steps may run for " +
                                   duration(stage_total) + " in all (`timeoutSeconds` × `maxAttempts` of each step that "
                                   "sets a timeout), longer than the test stage's limit of " +
                                   duration(kTestStageLimitSeconds) + limit_note());
          total_reported = true;
        }
      }
    }
  }

 private:
  /// timeoutSeconds × maxAttempts in seconds (saturated); nullopt when unbounded, unknown or invalid.
  static std::optional<long long> worst_case(const Step& step) {
    if (step.action == "Reboot" || step.action == "ExecuteDocument") return std::nullopt;
    std::optional<long long> timeout = option(step.timeout_seconds, kDefaultTimeoutSeconds);
    std::optional<long long> attempts = option(step.max_attempts, 1);
    if (!timeout || !attempts || *timeout < 1 || *attempts < 1) return std::nullopt;
    long long product = 0;
    if (__builtin_mul_overflow(*timeout, *attempts, &product)) return std::numeric_limits<long long>::max();
    return product;
  }

  static std::string explain(const Step& step, long long worst) {
    long long attempts = option(step.max_attempts, 1).value_or(1);
    if (attempts == 1) return duration(worst);
    long long timeout = option(step.timeout_seconds, kDefaultTimeoutSeconds).value_or(kDefaultTimeoutSeconds);
    return duration(worst) + " (" + std::to_string(attempts) + " attempts × `timeoutSeconds: " +
           std::to_string(timeout) + "`; the timeout restarts on each attempt)";
  }

  static std::string limit_note() {
    return " (`imageTestsConfiguration.timeoutMinutes` is at most 1440; the current API says it is ignored, "
           "so this is a historical limit); lower `timeoutSeconds` or `maxAttempts`, or split the tests";
  }
};

}  // namespace

std::unique_ptr<Rule> make_step_timeouts() { return std::make_unique<StepTimeouts>(); }

}  // namespace iblint
