#pragma once
// The execution plan of a dry run: what Image Builder would do, stage by stage, with every
// step's inputs resolved as far as they can be known before the build runs. Plain data: the
// planner fills it, plan_json and plan_text show it.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "engine/diagnostic.h"

namespace iblint::dryrun {

using Json = nlohmann::ordered_json;

/// Symbolic values (known only once the build runs) are written `<…>` inside resolved text,
/// e.g. `<stdout of build.InstallApp>`; nothing else in a plan uses angle brackets that way.
inline constexpr char kSymbolicOpen = '<';

/// A step's `if`, evaluated once before the step (spec component-document.md §9.1).
struct PlannedCondition {
  std::string expression;       ///< one-line rendering of the `if` mapping as written
  std::string resolved;         ///< the same with every `{{ }}` substituted
  std::optional<bool> value;    ///< nullopt: decided at run time
  std::string decided_by;       ///< what decides an unknown value ("whether `apt-get` exists on the build instance")
  std::string when_true = "Execute";   ///< step action on true (`then`, default Execute)
  std::string when_false = "Skip";     ///< step action on false (`else`, default Skip)
};

/// A reboot the step causes or may cause, and where execution resumes (§3.1).
struct PlannedReboot {
  std::string cause;       ///< "Reboot module", "exit 194 in the script"
  bool certain = false;    ///< the Reboot module always reboots; a script exit code may
  std::string resumes_at;  ///< "build.Next" (Reboot module) or the same step (scripts), "" at the end
};

/// A runtime finding shown inline under its step.
struct StepFinding {
  std::string rule;
  std::string message;
};

/// One step (one loop iteration of it, when it loops) in execution order.
struct PlannedStep {
  std::string component;
  std::string component_version;
  std::string phase;
  std::string step;
  std::string action;
  std::optional<uint64_t> iteration;  ///< loop index; nullopt when the step does not loop
  std::optional<uint64_t> iterations; ///< how many the loop runs (known count), on every iteration
  Json inputs = Json::object();       ///< resolved inputs (symbolic values marked `<…>`)
  std::string on_failure = "Abort";
  uint64_t max_attempts = 1;
  std::optional<int64_t> timeout_seconds = 7200;  ///< -1: no timeout; nullopt: ignored (Reboot)
  std::string failure_leads_to;       ///< what happens when the last attempt fails
  std::optional<PlannedCondition> condition;
  bool skipped = false;               ///< the condition is known to skip the step
  std::optional<PlannedReboot> reboot;
  std::string note;                   ///< e.g. "Amazon-managed component: its steps are not known here"
  std::vector<StepFinding> findings;
};

/// One region (and its accounts) that receives the image.
struct DistributionTarget {
  std::string region;                 ///< "" when not known statically
  std::vector<std::string> accounts;  ///< targetAccountIds; empty: the building account only
  std::string ami_name;
};

struct Stage {
  std::string name;                   ///< build | test | distribute
  Json instance = Json::object();     ///< instance type(s), image, profile … as known
  std::vector<PlannedStep> steps;
  std::vector<DistributionTarget> targets;  ///< distribute only
  std::vector<std::string> notes;           ///< e.g. "image creation (AMI snapshot) after the last step"
  bool enabled = true;                      ///< false: the stage will not run (tests disabled)
  /// Sum over steps of timeoutSeconds × maxAttempts; nullopt when a step has no timeout.
  std::optional<int64_t> worst_case_seconds;
  std::optional<int64_t> limit_seconds;     ///< the stage's own limit, when the spec gives one
};

struct Plan {
  Json pipeline = Json::object();  ///< name, file, recipe, infrastructure, distribution, platform, …
  std::vector<Stage> stages;
  std::vector<Diagnostic> findings;  ///< runtime findings (IB8xx); Diagnostic::file is always set
  std::vector<std::string> notes;    ///< limits reached, documents not available, …
};

}  // namespace iblint::dryrun
