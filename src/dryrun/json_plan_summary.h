#pragma once
#include <cstddef>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace iblint::dryrun {

/// AWSTOE's step timeout when a step sets none (component-document spec §2).
inline constexpr double kDefaultStepTimeoutSeconds = 7200;

/// What one stage of a JSON dry-run plan costs at most. Iterations of one loop step share the
/// step's timeout (spec §7.4), so time and attempts count each document step once; each attempt
/// gets the full timeout again (spec §2).
struct StageSummary {
  std::string name;
  size_t entries = 0;         ///< plan entries, one per loop iteration
  size_t steps = 0;           ///< document steps (all iterations of one step are one)
  size_t skipped_steps = 0;   ///< steps whose condition is known to be false: they never run
  long long highest_max_attempts = 0;
  double worst_case_attempts = 0;  ///< every counted step failing until its last attempt
  double worst_case_seconds = 0;   ///< every counted attempt running into its timeout
  bool unbounded = false;          ///< a step with timeoutSeconds -1 (no timeout)
  size_t assumed_timeouts = 0;     ///< steps without a numeric timeout: counted at the default
  size_t reboot_steps = 0;         ///< Reboot steps: they ignore step timeouts, not counted
};

/// The figures of every stage plus their total (name "total").
struct PlanSummary {
  std::vector<StageSummary> stages;
  StageSummary total;
};

/// Reads any JSON: fields that are missing or have an unexpected type are left out or take
/// AWSTOE's defaults (maxAttempts 1, timeoutSeconds 7200); never throws. Entries without an
/// `action` (e.g. distribution targets) count as entries only.
PlanSummary summarize_plan(const nlohmann::ordered_json& plan);

/// "2 h 5 min", "45 s", "0 s"; far beyond any real budget, "more than 100 years".
std::string format_duration(double seconds);

}  // namespace iblint::dryrun
