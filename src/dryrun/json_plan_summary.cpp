#include "dryrun/json_plan_summary.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <optional>
#include <tuple>

namespace iblint::dryrun {
namespace {

using Json = nlohmann::ordered_json;

const Json* member(const Json& object, const char* key) {
  if (!object.is_object()) return nullptr;
  auto it = object.find(key);
  return it == object.end() ? nullptr : &*it;
}

std::optional<double> number_member(const Json& object, const char* key) {
  const Json* value = member(object, key);
  if (!value || !value->is_number()) return std::nullopt;
  double number = value->get<double>();
  if (!std::isfinite(number)) return std::nullopt;
  return number;
}

/// A field as text for telling steps apart; whatever its type.
std::string identity_text(const Json& step, const char* key) {
  const Json* value = member(step, key);
  if (!value) return {};
  if (value->is_string()) return value->get<std::string>();
  return value->dump(-1, ' ', false, Json::error_handler_t::replace);
}

/// One document step with all its iterations.
struct StepTotals {
  bool all_skipped = true;
  bool reboot = false;
  std::optional<double> timeout;  // the largest given, when any entry gives one
  double attempts = 1;
};

void add_into(StageSummary& total, const StageSummary& stage) {
  total.entries += stage.entries;
  total.steps += stage.steps;
  total.skipped_steps += stage.skipped_steps;
  total.highest_max_attempts = std::max(total.highest_max_attempts, stage.highest_max_attempts);
  total.worst_case_attempts += stage.worst_case_attempts;
  total.worst_case_seconds += stage.worst_case_seconds;
  total.unbounded = total.unbounded || stage.unbounded;
  total.assumed_timeouts += stage.assumed_timeouts;
  total.reboot_steps += stage.reboot_steps;
}

StageSummary summarize_stage(const Json& stage) {
  StageSummary summary;
  if (const Json* name = member(stage, "name"); name && name->is_string()) summary.name = name->get<std::string>();
  // The planner lists a distribute stage's regions and accounts as `targets`, not steps.
  if (const Json* targets = member(stage, "targets"); targets && targets->is_array()) summary.entries += targets->size();
  const Json* steps = member(stage, "steps");
  if (!steps || !steps->is_array()) return summary;

  using Key = std::tuple<std::string, std::string, std::string, std::string>;
  std::map<Key, StepTotals> by_step;
  for (const Json& entry : *steps) {
    ++summary.entries;
    const Json* action = member(entry, "action");
    if (!action) continue;
    Key key{identity_text(entry, "component"), identity_text(entry, "componentVersion"), identity_text(entry, "phase"),
            identity_text(entry, "step")};
    StepTotals& totals = by_step[key];
    const Json* condition = member(entry, "condition");
    const Json* decided = condition ? member(*condition, "value") : nullptr;
    if (!(decided && decided->is_boolean() && !decided->get<bool>())) totals.all_skipped = false;
    if (action->is_string() && action->get<std::string>() == "Reboot") totals.reboot = true;
    if (auto timeout = number_member(entry, "timeoutSeconds")) {
      totals.timeout = std::max(totals.timeout.value_or(*timeout), *timeout);
    }
    if (auto attempts = number_member(entry, "maxAttempts"); attempts && *attempts >= 1) {
      totals.attempts = std::max(totals.attempts, std::floor(*attempts));
    }
    summary.highest_max_attempts =
        std::max(summary.highest_max_attempts, static_cast<long long>(std::min(totals.attempts, 1e15)));
  }

  for (const auto& [key, totals] : by_step) {
    ++summary.steps;
    if (totals.all_skipped) {
      ++summary.skipped_steps;
      continue;
    }
    summary.worst_case_attempts += totals.attempts;
    if (totals.reboot) {
      ++summary.reboot_steps;
      continue;
    }
    double timeout = kDefaultStepTimeoutSeconds;
    if (!totals.timeout || (*totals.timeout < 1 && *totals.timeout != -1)) {
      ++summary.assumed_timeouts;  // missing or invalid (0, below -1): the linter reports those
    } else if (*totals.timeout == -1) {
      summary.unbounded = true;
      continue;
    } else {
      timeout = *totals.timeout;
    }
    summary.worst_case_seconds += timeout * totals.attempts;
  }
  return summary;
}

}  // namespace

PlanSummary summarize_plan(const Json& plan) {
  PlanSummary summary;
  summary.total.name = "total";
  const Json* stages = member(plan, "stages");
  if (!stages || !stages->is_array()) return summary;
  for (const Json& stage : *stages) {
    summary.stages.push_back(summarize_stage(stage));
    add_into(summary.total, summary.stages.back());
  }
  return summary;
}

std::string format_duration(double seconds) {
  if (!(seconds >= 0)) return "0 s";
  if (seconds > 100.0 * 365 * 24 * 3600) return "more than 100 years";
  auto whole = static_cast<long long>(std::ceil(seconds));
  long long hours = whole / 3600, minutes = whole % 3600 / 60, rest = whole % 60;
  std::string text;
  if (hours > 0) text += std::to_string(hours) + " h";
  if (minutes > 0) text += (text.empty() ? "" : " ") + std::to_string(minutes) + " min";
  if (rest > 0 || text.empty()) text += (text.empty() ? "" : " ") + std::to_string(rest) + " s";
  return text;
}

}  // namespace iblint::dryrun
