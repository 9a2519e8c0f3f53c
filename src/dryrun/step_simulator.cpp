#include "dryrun/step_simulator.h"

#include <algorithm>
#include <charconv>
#include <set>
#include <tuple>

#include "dryrun/bindings.h"
#include "dryrun/condition_eval.h"
#include "dryrun/loop_expansion.h"
#include "dryrun/value_resolver.h"
#include "rules/rules.h"
#include "yaml/parser.h"

namespace iblint::dryrun {
namespace {

std::optional<int64_t> integer(const yaml::Node* node) {
  if (!node || !node->resolved().is_scalar()) return std::nullopt;
  const std::string& text = node->resolved().value;
  int64_t value = 0;
  auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || ptr != text.data() + text.size()) return std::nullopt;
  return value;
}

std::string scalar(const yaml::Node* node, std::string fallback = "") {
  return node && node->resolved().is_scalar() && !node->resolved().value.empty() ? node->resolved().value : fallback;
}

class ComponentSimulator {
 public:
  ComponentSimulator(const ComponentRun& run, const ParameterOverrides& overrides, Stage& stage, Plan& plan)
      : run_(run), stage_(stage), plan_(plan) {
    bind_variables(overrides);
    for (const Phase& phase : run_.document->phases) {
      for (const Step& step : phase.steps) bindings_.document_steps.insert(Bindings::step_key(phase.name, step.name));
    }
  }

  void run_phase(const Phase& phase) {
    for (const Step& step : phase.steps) run_step(phase, step);
  }

 private:
  void bind_variables(const ParameterOverrides& overrides) {
    for (const Variable& v : run_.document->variables) {
      const yaml::Node* definition = v.definition ? &v.definition->resolved() : nullptr;
      BoundVariable bound;
      if (v.constant) {
        bound = {scalar(definition ? definition->find("value") : nullptr), true, "constant"};
      } else if (auto o = overrides.find(v.name); o != overrides.end()) {
        bound = {o->second, true, "--param"};
      } else if (auto r = run_.parameter_values.find(v.name); r != run_.parameter_values.end()) {
        bound = {r->second, true, "recipe"};
      } else if (const yaml::Node* d = definition ? definition->find("default") : nullptr; d && d->resolved().is_scalar()) {
        bound = {d->resolved().value, true, "default"};
      } else {
        bound = {"", false, "unset"};
      }
      bindings_.variables[v.name] = bound;
    }
  }

  Span report_span(const yaml::Node& node, expr::Range range) const {
    yaml::Decoded decoded = yaml::decode_scalar(*run_.document_file, node, true);
    Span span = node.span;
    if (!decoded.offsets.empty()) {
      uint32_t last = static_cast<uint32_t>(decoded.offsets.size() - 1);
      uint32_t begin = decoded.offsets[std::min(range.begin, last)];
      uint32_t end = range.end > range.begin ? decoded.offsets[std::min(range.end - 1, last)] + 1 : begin;
      span = {begin, std::max(begin, end)};
    }
    return run_.to_report_span ? run_.to_report_span(span) : span;
  }

  Span report_span(const yaml::Node& node) const {
    return run_.to_report_span ? run_.to_report_span(node.span) : node.span;
  }

  void report(const RuleInfo& rule, Span span, const std::string& message, PlannedStep* step) {
    if (!reported_.insert({&rule, span.begin, span.end, message}).second) return;  // once, not per iteration
    Diagnostic& d = plan_.findings.emplace_back();
    d.rule = &rule;
    d.severity = rule.severity;
    d.message = message;
    d.span = span;
    d.file = run_.report_file;
    if (step) step->findings.push_back({std::string(rule.id), message});
  }

  void report_problem(const yaml::Node& node, const ResolveProblem& p, PlannedStep* step) {
    const RuleInfo& rule = p.kind == ProblemKind::Unresolved ? unresolved_value_rule() : output_never_produced_rule();
    report(rule, report_span(node, p.range), p.message, step);
  }

  /// The inputs with every `{{ }}` substituted; scalars keep their YAML type.
  Json resolve_inputs(const yaml::Node* node_in, PlannedStep& step, int depth = 0) {
    if (!node_in || depth > 64) return nullptr;
    const yaml::Node& node = node_in->resolved();
    if (node.is_mapping()) {
      Json out = Json::object();
      for (const yaml::Pair& p : node.pairs) out[p.key->resolved().value] = resolve_inputs(p.value, step, depth + 1);
      return out;
    }
    if (node.is_sequence()) {
      Json out = Json::array();
      for (const yaml::Node* item : node.items) out.push_back(resolve_inputs(item, step, depth + 1));
      return out;
    }
    if (!node.is_scalar()) return nullptr;
    switch (node.type) {
      case yaml::ScalarType::Null: return nullptr;
      case yaml::ScalarType::Bool: return node.value == "true" || node.value == "True" || node.value == "TRUE";
      case yaml::ScalarType::Int:
        if (std::optional<int64_t> v = integer(&node)) return *v;
        return node.value;
      default: break;
    }
    Resolution r = resolve_value(run_.value_of ? run_.value_of(node) : node.value, bindings_);
    for (const ResolveProblem& p : r.problems) report_problem(node, p, &step);
    return r.text;
  }

  std::string failure_leads_to(const PlannedStep& step) const {
    std::string attempts = step.max_attempts > 1 ? "after " + std::to_string(step.max_attempts) + " attempts, " : "";
    if (step.on_failure == "Continue")
      return attempts + "the step fails; later steps still run, but the document fails and so does the " + stage_.name + " stage";
    if (step.on_failure == "Ignore")
      return attempts + "IgnoredFailure: later steps run and the document counts as successful";
    return attempts + "abort: no later step of this document runs and the " + stage_.name + " stage fails";
  }

  /// Reboots: the Reboot module always reboots and resumes at the next step; a script exiting
  /// 194 (Bash) or 3010 (PowerShell) asks for a reboot and runs the same step again (§3.1).
  std::optional<PlannedReboot> reboot_of(const PlannedStep& step) const {
    if (step.action == "Reboot") return PlannedReboot{"Reboot module", true, ""};
    std::string code = step.action == "ExecuteBash" ? "194" : step.action == "ExecutePowerShell" ? "3010" : "";
    if (step.action == "ExecuteBinary") code = run_.platform == "Windows" ? "3010" : "194";
    if (code.empty()) return std::nullopt;
    std::string text = step.inputs.dump();
    if (text.find("exit " + code) == std::string::npos) return std::nullopt;
    return PlannedReboot{"`exit " + code + "` in the script", false,
                         step.phase + "." + step.step + " again (the same step runs after the reboot)"};
  }

  void run_step(const Phase& phase, const Step& step) {
    PlannedStep base;
    base.component = run_.name;
    base.component_version = run_.version;
    base.phase = phase.name;
    base.step = step.name;
    base.action = step.action;
    base.on_failure = scalar(step.on_failure, "Abort");
    if (std::optional<int64_t> n = integer(step.max_attempts); n && *n >= 1) base.max_attempts = static_cast<uint64_t>(*n);
    if (std::optional<int64_t> t = integer(step.timeout_seconds)) base.timeout_seconds = *t;
    if (step.action == "Reboot") base.timeout_seconds.reset();  // the Reboot module ignores step timeouts
    base.failure_leads_to = failure_leads_to(base);

    StepRecord record;
    record.action = step.action;
    if (step.condition) {
      ConditionResult c = evaluate_condition(*step.condition, bindings_);
      for (const ConditionProblem& p : c.problems) report_problem(*p.node, p.problem, &base);
      base.condition = c.condition;
      const PlannedCondition& pc = *base.condition;
      if (pc.value) {
        const std::string& action = *pc.value ? pc.when_true : pc.when_false;
        base.skipped = action == "Skip";
        if (action == "Abort") base.note = "the condition leads to Abort: the step fails (" + base.failure_leads_to + ")";
        if (base.skipped && !*pc.value) {
          report(condition_never_passes_rule(), report_span(*step.condition),
                 "the `if` of step `" + phase.name + "." + step.name + "` is false with the values of this run (" + pc.resolved +
                     "), so the step never runs; change the values it compares, or remove the step",
                 &base);
        }
      } else {
        record.may_be_skipped = true;
      }
    }
    std::string key = Bindings::step_key(phase.name, step.name);
    if (base.skipped) {
      record.skipped = true;
      base.note = "skipped: its condition is " + std::string(*base.condition->value ? "true" : "false");
      stage_.steps.push_back(std::move(base));
      bindings_.steps[key] = record;
      return;
    }

    if (!step.loop) {
      base.inputs = resolve_inputs(step.inputs, base);
      if (base.inputs.is_null()) base.inputs = Json::object();
      base.reboot = reboot_of(base);
      record.inputs = base.inputs;
      stage_.steps.push_back(std::move(base));
      bindings_.steps[key] = record;
      return;
    }

    LoopExpansion loop = expand_loop(*step.loop, bindings_);
    for (const LoopProblem& p : loop.problems) report_problem(*p.node, p.problem, &base);
    record.looped = true;
    base.iterations = loop.count;
    if (loop.count && *loop.count == 0) {
      base.note = "the loop runs zero times";
      report(empty_loop_rule(), report_span(*loop.source),
             "the loop of step `" + phase.name + "." + step.name + "` runs zero times with the values of this run, so the step does "
             "nothing; give it at least one item",
             &base);
      stage_.steps.push_back(std::move(base));
      bindings_.steps[key] = record;
      return;
    }
    if (!loop.count) base.note = "iterations decided at run time by " + loop.decided_by;
    if (loop.capped) {
      plan_.notes.push_back("step " + run_.name + "/" + key + " loops " + std::to_string(*loop.count) + " times; the plan lists the first " +
                            std::to_string(kMaxLoopIterations));
      base.note = "listed: the first " + std::to_string(kMaxLoopIterations) + " of " + std::to_string(*loop.count) + " iterations";
    }
    size_t listed = loop.iterations.size();
    if (listed > 1 && planned_steps() + listed > kMaxPlannedSteps) {
      listed = 1;
      base.note = "listed: the first iteration only (the plan holds more than " + std::to_string(kMaxPlannedSteps) + " entries)";
      if (!plan_capped_note_) {
        plan_.notes.push_back("the plan reached " + std::to_string(kMaxPlannedSteps) + " entries: later loops list their first iteration only");
        plan_capped_note_ = true;
      }
    }
    for (size_t i = 0; i < listed; ++i) {
      const LoopIteration& iteration = loop.iterations[i];
      PlannedStep planned = base;
      planned.iteration = iteration.index;
      bindings_.loop = LoopBinding{loop.name, iteration.index, iteration.value};
      planned.inputs = resolve_inputs(step.inputs, planned);
      if (planned.inputs.is_null()) planned.inputs = Json::object();
      planned.reboot = reboot_of(planned);
      if (iteration.index == 0) record.inputs = planned.inputs;
      stage_.steps.push_back(std::move(planned));
    }
    bindings_.loop.reset();
    bindings_.steps[key] = record;
  }

  size_t planned_steps() const {
    size_t n = stage_.steps.size();
    for (const Stage& stage : plan_.stages) n += &stage == &stage_ ? 0 : stage.steps.size();
    return n;
  }

  const ComponentRun& run_;
  Stage& stage_;
  Plan& plan_;
  Bindings bindings_;
  std::set<std::tuple<const RuleInfo*, uint32_t, uint32_t, std::string>> reported_;
  bool plan_capped_note_ = false;
};

}  // namespace

void simulate_component(const ComponentRun& run, const std::vector<std::string>& phases, const ParameterOverrides& overrides,
                        Stage& stage, Plan& plan) {
  if (!run.document) {
    PlannedStep unknown;
    unknown.component = run.name;
    unknown.component_version = run.version;
    unknown.phase = phases.empty() ? "" : phases.front();
    unknown.note = run.unknown_note;
    unknown.timeout_seconds.reset();
    stage.steps.push_back(std::move(unknown));
    return;
  }
  ComponentSimulator simulator(run, overrides, stage, plan);
  for (const Phase& phase : run.document->phases) {  // document order (pipeline-semantics.md §4.1)
    if (std::find(phases.begin(), phases.end(), phase.name) != phases.end()) simulator.run_phase(phase);
  }
}

}  // namespace iblint::dryrun
