#include "dryrun/plan_text.h"

#include <algorithm>
#include <sstream>

#include "emit/text_emitter.h"

namespace iblint::dryrun {
namespace {

std::string indent(int n) { return std::string(static_cast<size_t>(n) * 2, ' '); }

std::string scalar_text(const Json& value) { return value.is_string() ? value.get<std::string>() : value.dump(); }

/// Inputs in a YAML-like layout; multi-line strings (scripts) as `|` blocks.
void print_value(const Json& value, int depth, std::ostream& out);

void print_scalar_after_key(const Json& value, int depth, std::ostream& out) {
  std::string text = scalar_text(value);
  if (text.find('\n') == std::string::npos) {
    out << " " << text << "\n";
    return;
  }
  out << " |\n";
  std::istringstream lines(text);
  std::string line;
  while (std::getline(lines, line)) out << indent(depth + 1) << line << "\n";
}

void print_value(const Json& value, int depth, std::ostream& out) {
  if (value.is_object()) {
    for (const auto& [key, item] : value.items()) {
      out << indent(depth) << key << ":";
      if (item.is_structured() && !item.empty()) {
        out << "\n";
        print_value(item, depth + 1, out);
      } else {
        print_scalar_after_key(item, depth, out);
      }
    }
  } else if (value.is_array()) {
    for (const Json& item : value) {
      if (item.is_object() && !item.empty()) {  // `- key: value` then the other keys under it
        bool first = true;
        for (const auto& [key, field] : item.items()) {
          out << (first ? indent(depth) + "- " : indent(depth + 1)) << key << ":";
          if (field.is_structured() && !field.empty()) {
            out << "\n";
            print_value(field, depth + 2, out);
          } else {
            print_scalar_after_key(field, depth + 1, out);
          }
          first = false;
        }
        continue;
      }
      out << indent(depth) << "-";
      if (item.is_structured() && !item.empty()) {
        out << "\n";
        print_value(item, depth + 1, out);
      } else {
        print_scalar_after_key(item, depth, out);
      }
    }
  } else {
    out << indent(depth) << scalar_text(value) << "\n";
  }
}

std::string instance_line(const Json& instance) {
  std::string line;
  for (const auto& [key, value] : instance.items()) {
    if (value.is_null()) continue;
    line += (line.empty() ? "" : ", ") + key + " " + scalar_text(value);
  }
  return line;
}

void print_step(const PlannedStep& s, std::ostream& out) {
  const int d = 3;
  if (s.action.empty()) {
    out << indent(d) << "(steps not known) " << s.note << "\n";
    return;
  }
  out << indent(d) << "- " << s.step << " [" << s.action << "]";
  if (s.iteration) out << " iteration " << *s.iteration << (s.iterations ? " of " + std::to_string(*s.iterations) : "");
  else if (s.iterations) out << " loop of " << *s.iterations;
  if (s.skipped) out << " SKIPPED";
  out << "\n";
  if (s.condition) {
    const PlannedCondition& c = *s.condition;
    out << indent(d + 2) << "if " << c.resolved << " -> "
        << (c.value ? (*c.value ? "true (" + c.when_true + ")" : "false (" + c.when_false + ")")
                    : "decided at run time by " + c.decided_by + " (" + c.when_true + " / " + c.when_false + ")")
        << "\n";
  }
  if (!s.note.empty()) out << indent(d + 2) << "note: " << s.note << "\n";
  if (!s.skipped && !s.inputs.empty()) {
    out << indent(d + 2) << "inputs:\n";
    print_value(s.inputs, d + 3, out);
  }
  if (!s.skipped) {
    out << indent(d + 2) << "on failure (" << s.on_failure << ", maxAttempts " << s.max_attempts << ", timeout "
        << (s.timeout_seconds ? (*s.timeout_seconds < 0 ? std::string("none") : std::to_string(*s.timeout_seconds) + " s")
                              : std::string("ignored"))
        << "): " << s.failure_leads_to << "\n";
  }
  for (const StepFinding& f : s.findings) out << indent(d + 2) << "!! " << f.rule << ": " << f.message << "\n";
  if (s.reboot) {
    out << indent(d) << "== reboot (" << s.reboot->cause << (s.reboot->certain ? "" : ", if the script exits so")
        << "): resumes at " << s.reboot->resumes_at << " ==\n";
  }
}

}  // namespace

std::string format_duration(std::optional<int64_t> seconds) {
  if (!seconds) return "unbounded (a step has no timeout)";
  int64_t s = *seconds;
  std::string out;
  if (s >= 3600) out += std::to_string(s / 3600) + " h ";
  if (s % 3600 >= 60) out += std::to_string(s % 3600 / 60) + " min ";
  if (s % 60 || s == 0) out += std::to_string(s % 60) + " s ";
  out.pop_back();
  return out;
}

void emit_plan_text(const Plan& plan, const Report& findings, std::ostream& out) {
  const Json& p = plan.pipeline;
  out << "Dry run of " << scalar_text(p.value("kind", Json("plan"))) << " `" << scalar_text(p.value("name", Json(""))) << "` ("
      << scalar_text(p.value("file", Json(""))) << ")\n";
  for (const char* key : {"recipe", "infrastructure", "distribution", "platform"}) {
    if (p.contains(key) && !p[key].is_null() && p[key] != "") out << "  " << key << ": " << scalar_text(p[key]) << "\n";
  }
  if (p.contains("parameters") && !p["parameters"].empty()) out << "  --param: " << p["parameters"].dump() << "\n";
  out << "Nothing was executed. Values known only when the build runs are shown <like this>.\n";

  uint64_t max_attempts = 0;
  for (const Stage& stage : plan.stages) {
    std::string name = stage.name;
    std::transform(name.begin(), name.end(), name.begin(), [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
    out << "\n" << name << " stage" << (stage.enabled ? "" : " (will not run)") << "\n";
    if (std::string line = instance_line(stage.instance); !line.empty()) out << "  instance: " << line << "\n";
    std::string component, phase;
    for (const PlannedStep& s : stage.steps) {
      if (s.component != component) {
        component = s.component;
        phase.clear();
        out << "  component " << s.component << (s.component_version.empty() ? "" : " " + s.component_version) << "\n";
      }
      if (s.phase != phase && !s.action.empty()) {
        phase = s.phase;
        out << "    phase " << s.phase << "\n";
      }
      print_step(s, out);
      if (!s.skipped && !s.action.empty()) max_attempts = std::max(max_attempts, s.max_attempts);
    }
    for (const DistributionTarget& t : stage.targets) {
      out << "  -> " << (t.region.empty() ? "<region not known>" : t.region);
      if (!t.accounts.empty()) {
        out << " accounts";
        for (const std::string& a : t.accounts) out << " " << a;
      } else {
        out << " (building account)";
      }
      if (!t.ami_name.empty()) out << ", AMI name " << t.ami_name;
      out << "\n";
    }
    for (const std::string& note : stage.notes) out << "  note: " << note << "\n";
    if (stage.name != "distribute") {
      out << "  worst case: " << format_duration(stage.worst_case_seconds);
      if (stage.limit_seconds) out << " (limit " << format_duration(stage.limit_seconds) << ")";
      out << "\n";
    }
  }
  for (const std::string& note : plan.notes) out << "\nnote: " << note << "\n";

  if (!plan.findings.empty()) {
    out << "\nFindings:\n";
    emit_text(findings, out, {false, false, false});
  }
  out << "\nSummary:";
  for (const Stage& stage : plan.stages) {
    if (stage.name == "distribute") out << " distribute " << stage.targets.size() << " target(s);";
    else out << " " << stage.name << " " << stage.steps.size() << " step(s), worst case " << format_duration(stage.worst_case_seconds) << ";";
  }
  out << " max attempts " << max_attempts << "; " << plan.findings.size() << " finding(s)\n";
}

}  // namespace iblint::dryrun
