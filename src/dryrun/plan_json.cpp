#include "dryrun/plan_json.h"

#include <algorithm>

#include "emit/json_emitter.h"

namespace iblint::dryrun {
namespace {

Json optional_json(const std::optional<int64_t>& v) { return v ? Json(*v) : Json(nullptr); }
Json optional_json(const std::optional<uint64_t>& v) { return v ? Json(*v) : Json(nullptr); }
Json text_or_null(const std::string& s) { return s.empty() ? Json(nullptr) : Json(s); }

Json step_json(const PlannedStep& s) {
  Json condition = nullptr;
  if (s.condition) {
    const PlannedCondition& c = *s.condition;
    condition = {{"expression", c.expression},
                 {"resolved", c.resolved},
                 {"value", c.value ? Json(*c.value) : Json(nullptr)},
                 {"decidedBy", text_or_null(c.decided_by)},
                 {"then", c.when_true},
                 {"else", c.when_false}};
  }
  Json reboot = nullptr;
  if (s.reboot) reboot = {{"cause", s.reboot->cause}, {"certain", s.reboot->certain}, {"resumesAt", s.reboot->resumes_at}};
  Json findings = Json::array();
  for (const StepFinding& f : s.findings) findings.push_back({{"rule", f.rule}, {"message", f.message}});
  return {{"component", s.component},
          {"componentVersion", text_or_null(s.component_version)},
          {"phase", s.phase},
          {"step", text_or_null(s.step)},
          {"action", text_or_null(s.action)},
          {"iteration", optional_json(s.iteration)},
          {"iterations", optional_json(s.iterations)},
          {"inputs", s.inputs},
          {"onFailure", s.action.empty() ? Json(nullptr) : Json(s.on_failure)},
          {"maxAttempts", s.action.empty() ? Json(nullptr) : Json(s.max_attempts)},
          {"timeoutSeconds", optional_json(s.timeout_seconds)},
          {"failureLeadsTo", text_or_null(s.failure_leads_to)},
          {"condition", condition},
          {"skipped", s.skipped},
          {"reboot", reboot},
          {"note", text_or_null(s.note)},
          {"findings", findings}};
}

}  // namespace

Json plan_json(const Plan& plan, const Report& findings) {
  Json stages = Json::array();
  Json steps_per_stage = Json::object();
  Json worst = Json::object();
  uint64_t max_attempts = 0;
  for (const Stage& stage : plan.stages) {
    Json steps = Json::array();
    for (const PlannedStep& s : stage.steps) {
      steps.push_back(step_json(s));
      if (!s.skipped && !s.action.empty()) max_attempts = std::max(max_attempts, s.max_attempts);
    }
    Json entry = {{"name", stage.name}, {"enabled", stage.enabled}, {"instance", stage.instance}, {"steps", std::move(steps)}};
    if (stage.name == "distribute") {
      Json targets = Json::array();
      for (const DistributionTarget& t : stage.targets) {
        targets.push_back({{"region", text_or_null(t.region)}, {"accounts", t.accounts}, {"amiName", text_or_null(t.ami_name)}});
      }
      entry["targets"] = std::move(targets);
      steps_per_stage[stage.name] = stage.targets.size();
    } else {
      steps_per_stage[stage.name] = stage.steps.size();
      worst[stage.name] = optional_json(stage.worst_case_seconds);
    }
    entry["notes"] = stage.notes;
    entry["worstCaseSeconds"] = optional_json(stage.worst_case_seconds);
    entry["limitSeconds"] = optional_json(stage.limit_seconds);
    stages.push_back(std::move(entry));
  }
  Json diagnostics = Json::array();
  for (const FileResult& file : findings.files) {
    for (const Diagnostic& d : file.diagnostics) diagnostics.push_back(diagnostic_json(findings, file, d));
  }
  return {{"pipeline", plan.pipeline},
          {"stages", std::move(stages)},
          {"notes", plan.notes},
          {"findings", std::move(diagnostics)},
          {"summary", {{"steps", std::move(steps_per_stage)}, {"maxAttempts", max_attempts}, {"worstCaseSeconds", std::move(worst)}}}};
}

}  // namespace iblint::dryrun
