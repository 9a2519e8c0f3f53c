#include "dryrun/html_plan.h"

#include <algorithm>
#include <cmath>
#include <optional>
#include <set>
#include <string_view>
#include <vector>

#include "dryrun/json_plan_summary.h"
#include "util/html_escape.h"

namespace iblint::dryrun {
namespace {

using Json = nlohmann::ordered_json;

// Limits that keep a hostile plan from producing an unreadable (or endless) page.
constexpr int kMaxValueDepth = 16;
constexpr size_t kMaxListedItems = 500;
constexpr size_t kMaxDumpedChars = 4000;

constexpr std::string_view kStyle = R"css(
:root { color-scheme: light; --ink: #1d2330; --muted: #5d6678; --line: #d5dae3; --panel: #f5f7fa;
  --error: #b3261e; --warning: #9a6700; --info: #1f5fa8; --symbolic: #6b3fa0; }
* { box-sizing: border-box; }
body { margin: 0; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--ink);
  background: #fff; }
header { background: #232f3e; color: #fff; padding: 18px 28px; }
header h1 { margin: 0 0 8px; font-size: 22px; }
header dl { display: grid; grid-template-columns: max-content 1fr; gap: 2px 14px; margin: 0; }
header dt { color: #c8d1de; }
header dd { margin: 0; }
header .symbolic { color: #fff; }
main { padding: 12px 28px 40px; max-width: 1400px; }
h2 { font-size: 18px; margin: 26px 0 10px; border-bottom: 2px solid var(--line); padding-bottom: 4px; }
h3 { font-size: 16px; margin: 16px 0 6px; }
h4 { font-size: 14px; margin: 10px 0 6px; color: var(--muted); text-transform: uppercase; letter-spacing: .04em; }
table { border-collapse: collapse; margin: 6px 0; }
th, td { border: 1px solid var(--line); padding: 4px 10px; text-align: left; vertical-align: top; }
th { background: var(--panel); }
td.number { text-align: right; font-variant-numeric: tabular-nums; }
tr.total td { font-weight: 600; background: var(--panel); }
.note { color: var(--muted); margin: 4px 0; }
.stage { border-left: 4px solid #ff9900; padding-left: 14px; margin-bottom: 22px; }
.component { border-left: 3px solid var(--line); padding-left: 12px; margin: 10px 0; }
.version { color: var(--muted); font-weight: normal; }
ol.steps { list-style: none; padding: 0; margin: 0; }
li.step { border: 1px solid var(--line); border-radius: 6px; padding: 8px 12px; margin: 6px 0; background: #fff; }
li.step.skipped { background: var(--panel); color: var(--muted); }
.step-head { display: flex; flex-wrap: wrap; gap: 6px 10px; align-items: baseline; }
.step-name { font-weight: 600; font-size: 15px; }
.action { font-family: ui-monospace, "DejaVu Sans Mono", monospace; background: #e8eef7; padding: 0 6px; border-radius: 4px; }
.badge { font-size: 12px; border: 1px solid var(--line); border-radius: 10px; padding: 0 8px; background: var(--panel); }
.badge.true { border-color: #2e7d32; color: #2e7d32; }
.badge.false { border-color: var(--muted); }
.badge.unknown { border-color: var(--symbolic); color: var(--symbolic); }
.where { color: var(--muted); font-size: 12px; white-space: nowrap; }
dl.map { display: grid; grid-template-columns: max-content 1fr; gap: 2px 12px; margin: 4px 0; }
dl.map > dt { font-family: ui-monospace, "DejaVu Sans Mono", monospace; color: var(--muted); }
dl.map > dd { margin: 0; min-width: 0; }
.value { font-family: ui-monospace, "DejaVu Sans Mono", monospace; white-space: pre-wrap; overflow-wrap: anywhere; }
pre.value { margin: 0; background: var(--panel); padding: 4px 8px; border-radius: 4px; }
ol.list { margin: 0; padding-left: 20px; }
.symbolic { color: var(--symbolic); border: 1px dashed var(--symbolic); border-radius: 4px; padding: 0 3px;
  background: #f4eefb; font-style: italic; }
.finding { border-left: 4px solid var(--info); background: #f2f6fc; padding: 4px 10px; margin: 6px 0; }
.finding.error { border-color: var(--error); background: #fcf1f0; }
.finding.warning { border-color: var(--warning); background: #fdf7e8; }
.severity { font-weight: 600; text-transform: uppercase; font-size: 12px; }
.error .severity, td.error { color: var(--error); }
.warning .severity, td.warning { color: var(--warning); }
.info .severity, td.info { color: var(--info); }
.rule { font-family: ui-monospace, "DejaVu Sans Mono", monospace; }
.empty { color: var(--muted); font-style: italic; }
footer { color: var(--muted); font-size: 12px; padding: 0 28px 20px; }
)css";

const Json* member(const Json& object, const char* key) {
  if (!object.is_object()) return nullptr;
  auto it = object.find(key);
  return it == object.end() ? nullptr : &*it;
}

std::string dump(const Json& value) {
  std::string text = value.dump(-1, ' ', false, Json::error_handler_t::replace);
  if (text.size() > kMaxDumpedChars) text = text.substr(0, kMaxDumpedChars) + "…";
  return text;
}

/// A scalar as plain text: strings as they are, anything else as JSON.
std::string plain(const Json* value) {
  if (!value || value->is_null()) return {};
  if (value->is_string()) return value->get<std::string>();
  return dump(*value);
}

std::optional<long long> integer(const Json* value) {
  if (!value || !value->is_number()) return std::nullopt;
  double number = value->get<double>();
  if (!std::isfinite(number) || std::abs(number) > 1e15) return std::nullopt;
  return static_cast<long long>(number);
}

/// Escapes text and wraps each symbolic value (`<stdout of build.InstallApp>`: angle brackets
/// around text with a space, on one line) in a marked span.
std::string escape_marking_symbolic(std::string_view text) {
  std::string out;
  size_t copied = 0;
  for (size_t open = text.find('<'); open != std::string_view::npos; open = text.find('<', open + 1)) {
    size_t close = text.find_first_of("<>\n", open + 1);
    if (close == std::string_view::npos || text[close] != '>') continue;
    std::string_view inside = text.substr(open + 1, close - open - 1);
    if (inside.find(' ') == std::string_view::npos || inside.front() == ' ' || inside.back() == ' ') continue;
    out += html_escape(text.substr(copied, open - copied));
    out += "<span class=\"symbolic\" title=\"known only at run time\">";
    out += html_escape(text.substr(open, close - open + 1));
    out += "</span>";
    copied = close + 1;
    open = close;
  }
  out += html_escape(text.substr(copied));
  return out;
}

class PageWriter {
 public:
  explicit PageWriter(const Json& plan) : plan_(plan) {}

  std::string render() {
    collect_findings();
    attach_findings_to_steps();
    std::string title = "iblint dry run";
    if (std::string name = plain(member(member_or_null("pipeline"), "name")); !name.empty()) title += ": " + name;
    out_ += "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n";
    out_ += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
    // No script, no fetch: the page is safe to open from anywhere, offline.
    out_ += "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n";
    out_ += "<title>" + html_escape(title) + "</title>\n<style>";
    out_ += kStyle;
    out_ += "</style>\n</head>\n<body>\n";
    write_header(title);
    out_ += "<main>\n";
    if (!plan_.is_object()) {
      out_ += "<p class=\"empty\">The plan is not a JSON object; it reads:</p>\n<pre class=\"value\">" +
              html_escape(dump(plan_)) + "</pre>\n";
    }
    write_summary();
    write_timeline();
    write_findings();
    out_ += "</main>\n<footer>Written by iblint " IBLINT_VERSION
            " dry-run: a simulation; nothing was run.</footer>\n</body>\n</html>\n";
    return std::move(out_);
  }

 private:
  struct Finding {
    const Json* json;
    std::string path;
    long long line = 0;
    std::optional<size_t> step;  ///< index among all steps of the plan, when it points into one
  };

  const Json& member_or_null(const char* key) const {
    static const Json null_value;
    const Json* value = member(plan_, key);
    return value ? *value : null_value;
  }

  // ---- values ----------------------------------------------------------------------------
  void write_value(const Json& value, int depth = 0) {
    if (depth > kMaxValueDepth) {
      out_ += "<span class=\"value\">" + html_escape(dump(value)) + "</span>";
      return;
    }
    if (value.is_string()) {
      const std::string& text = value.get_ref<const std::string&>();
      bool multiline = text.find('\n') != std::string::npos;
      out_ += multiline ? "<pre class=\"value\">" : "<span class=\"value\">";
      out_ += escape_marking_symbolic(text);
      out_ += multiline ? "</pre>" : "</span>";
    } else if (value.is_array()) {
      if (value.empty()) {
        out_ += "<span class=\"value\">[]</span>";
        return;
      }
      out_ += "<ol class=\"list\" start=\"0\">";
      size_t shown = 0;
      for (const Json& item : value) {
        if (shown++ == kMaxListedItems) break;
        out_ += "<li>";
        write_value(item, depth + 1);
        out_ += "</li>";
      }
      if (value.size() > kMaxListedItems) {
        out_ += "<li class=\"empty\">… " + std::to_string(value.size() - kMaxListedItems) + " more</li>";
      }
      out_ += "</ol>";
    } else if (value.is_object()) {
      if (value.empty()) {
        out_ += "<span class=\"value\">{}</span>";
        return;
      }
      write_map(value, {}, depth + 1);
    } else {
      out_ += "<span class=\"value\">" + html_escape(dump(value)) + "</span>";
    }
  }

  static bool has_other_keys(const Json& object, const std::set<std::string_view>& known) {
    if (!object.is_object()) return false;
    for (auto it = object.begin(); it != object.end(); ++it) {
      if (!known.count(it.key()) && !it.value().is_null()) return true;
    }
    return false;
  }

  /// A key/value list of an object's members, leaving out the keys named in skip.
  void write_map(const Json& object, const std::set<std::string_view>& skip, int depth = 0) {
    out_ += "<dl class=\"map\">";
    size_t shown = 0;
    for (auto it = object.begin(); it != object.end(); ++it) {
      if (skip.count(it.key()) || it.value().is_null()) continue;  // null: not applicable here
      if (shown++ == kMaxListedItems) {
        out_ += "<dt>…</dt><dd class=\"empty\">more fields left out</dd>";
        break;
      }
      out_ += "<dt>" + html_escape(it.key()) + "</dt><dd>";
      write_value(it.value(), depth);
      out_ += "</dd>";
    }
    out_ += "</dl>";
  }

  // ---- header and summary ----------------------------------------------------------------
  void write_header(const std::string& title) {
    out_ += "<header>\n<h1>" + html_escape(title) + "</h1>\n";
    const Json& pipeline = member_or_null("pipeline");
    if (pipeline.is_object() && !pipeline.empty()) {
      write_pipeline(pipeline);
    } else if (!pipeline.is_null()) {
      write_value(pipeline);
    }
    out_ += "\n</header>\n";
  }

  /// The contract's fields in its order, then any others.
  void write_pipeline(const Json& pipeline) {
    static const char* const kOrder[] = {"name", "file", "recipe", "infrastructure", "distribution"};
    out_ += "<dl class=\"map\">";
    for (const char* key : kOrder) {
      if (const Json* value = member(pipeline, key)) {
        out_ += std::string("<dt>") + key + "</dt><dd>";
        write_value(*value, 1);
        out_ += "</dd>";
      }
    }
    out_ += "</dl>";
    std::set<std::string_view> shown(std::begin(kOrder), std::end(kOrder));
    if (has_other_keys(pipeline, shown)) write_map(pipeline, shown, 1);
  }

  void write_summary_row(const StageSummary& stage, bool total) {
    out_ += total ? "<tr class=\"total\">" : "<tr>";
    out_ += "<td>" + (stage.name.empty() ? std::string("<span class=\"empty\">unnamed</span>") : html_escape(stage.name)) +
            "</td>";
    auto number = [&](auto n) { out_ += "<td class=\"number\">" + std::to_string(n) + "</td>"; };
    number(stage.entries);
    number(stage.steps);
    number(stage.skipped_steps);
    number(stage.highest_max_attempts);
    number(static_cast<long long>(std::min(stage.worst_case_attempts, 1e15)));
    out_ += "<td class=\"number\">" + html_escape(format_duration(stage.worst_case_seconds)) +
            (stage.unbounded ? " + no limit" : "") + "</td></tr>\n";
  }

  void write_summary() {
    PlanSummary summary = summarize_plan(plan_);
    out_ += "<section class=\"summary\">\n<h2>Summary</h2>\n";
    out_ += "<table>\n<tr><th>stage</th><th>entries</th><th>steps</th><th>skipped</th><th>highest maxAttempts</th>"
            "<th>attempts, worst case</th><th>time, worst case</th></tr>\n";
    for (const StageSummary& stage : summary.stages) write_summary_row(stage, false);
    write_summary_row(summary.total, true);
    out_ += "</table>\n";
    out_ += "<p class=\"note\">Entries count each loop iteration; steps count each document step once (iterations "
            "share its timeout). Worst case: every step fails until its last attempt and each attempt runs into its "
            "timeout; steps whose condition is false are left out.</p>\n";
    const StageSummary& total = summary.total;
    if (total.assumed_timeouts > 0) {
      out_ += "<p class=\"note\">" + std::to_string(total.assumed_timeouts) +
              " step(s) give no valid timeoutSeconds: counted at AWSTOE's default of " +
              format_duration(kDefaultStepTimeoutSeconds) + ".</p>\n";
    }
    if (total.unbounded) out_ += "<p class=\"note\">A step with timeoutSeconds -1 has no time limit.</p>\n";
    if (total.reboot_steps > 0) {
      out_ += "<p class=\"note\">" + std::to_string(total.reboot_steps) +
              " Reboot step(s) are not counted: a reboot ignores step timeouts.</p>\n";
    }
    size_t errors = 0, warnings = 0, others = 0;
    for (const Finding& finding : findings_) {
      std::string severity = plain(member(*finding.json, "severity"));
      (severity == "error" ? errors : severity == "warning" ? warnings : others)++;
    }
    out_ += "<p>Findings: " + std::to_string(errors) + " error(s), " + std::to_string(warnings) + " warning(s), " +
            std::to_string(others) + " other(s).</p>\n</section>\n";
  }

  // ---- findings ----------------------------------------------------------------------------
  void collect_findings() {
    const Json& findings = member_or_null("findings");
    if (!findings.is_array()) return;
    for (const Json& finding : findings) {
      findings_.push_back({&finding, plain(member(finding, "path")), integer(member(finding, "line")).value_or(0), {}});
    }
  }

  static bool same_file(std::string_view a, std::string_view b) {
    if (a.empty() || b.empty()) return false;
    if (a == b) return true;
    auto ends_with_path = [](std::string_view longer, std::string_view shorter) {
      return longer.size() > shorter.size() && longer.substr(longer.size() - shorter.size()) == shorter &&
             longer[longer.size() - shorter.size() - 1] == '/';
    };
    return ends_with_path(a, b) || ends_with_path(b, a);
  }

  /// The file and lines a step comes from, when the plan says: `file`/`path`, `line`,
  /// `endLine` on the step or in its `location` object.
  struct StepLocation {
    std::string file;
    long long line = 0, end_line = 0;
  };
  static StepLocation location_of(const Json& step) {
    const Json* nested = member(step, "location");
    const Json& where = nested && nested->is_object() ? *nested : step;
    StepLocation location;
    location.file = plain(member(where, "file"));
    if (location.file.empty()) location.file = plain(member(where, "path"));
    location.line = integer(member(where, "line")).value_or(0);
    location.end_line = std::max(location.line, integer(member(where, "endLine")).value_or(0));
    return location;
  }

  void attach_findings_to_steps() {
    const Json& stages = member_or_null("stages");
    if (!stages.is_array()) return;
    size_t index = 0;
    for (const Json& stage : stages) {
      const Json* steps = member(stage, "steps");
      if (!steps || !steps->is_array()) continue;
      for (const Json& step : *steps) {
        // The planner lists a step's own findings by rule and message.
        if (const Json* own = member(step, "findings"); own && own->is_array()) {
          for (const Json& mine : *own) {
            for (Finding& finding : findings_) {
              if (!finding.step && plain(member(mine, "rule")) == plain(member(*finding.json, "rule")) &&
                  plain(member(mine, "message")) == plain(member(*finding.json, "message"))) {
                finding.step = index;
              }
            }
          }
        }
        StepLocation location = location_of(step);
        for (Finding& finding : findings_) {
          // The first step wins: the iterations of a loop share their location.
          if (finding.step || location.line <= 0 || !same_file(finding.path, location.file)) continue;
          if (finding.line >= location.line && finding.line <= location.end_line) finding.step = index;
        }
        ++index;
      }
    }
  }

  void write_finding(const Finding& finding) {
    const Json& json = *finding.json;
    std::string severity = plain(member(json, "severity"));
    const char* css = severity == "error" ? "error" : severity == "warning" ? "warning" : "info";
    out_ += std::string("<div class=\"finding ") + css + "\"><span class=\"severity\">" + html_escape(severity.empty() ? "finding" : severity) + "</span> ";
    std::string rule = plain(member(json, "rule"));
    std::string name = plain(member(json, "name"));
    if (!rule.empty() || !name.empty()) {
      out_ += "<span class=\"rule\">" + html_escape(rule) + (rule.empty() || name.empty() ? "" : " ") +
              html_escape(name) + "</span> ";
    }
    out_ += escape_marking_symbolic(plain(member(json, "message")));
    out_ += " <span class=\"where\">" + html_escape(position_text(json)) + "</span>";
    const Json* related = member(json, "related");
    if (related && related->is_array() && !related->empty()) {
      out_ += "<ul>";
      for (const Json& note : *related) {
        out_ += "<li>" + escape_marking_symbolic(plain(member(note, "message"))) + " <span class=\"where\">" +
                html_escape(position_text(note)) + "</span></li>";
      }
      out_ += "</ul>";
    }
    out_ += "</div>\n";
  }

  static std::string position_text(const Json& json) {
    std::string text = plain(member(json, "path"));
    if (auto line = integer(member(json, "line"))) {
      text += ":" + std::to_string(*line);
      if (auto column = integer(member(json, "column"))) text += ":" + std::to_string(*column);
    }
    return text;
  }

  void write_findings() {
    out_ += "<section class=\"findings\">\n<h2>Findings</h2>\n";
    if (findings_.empty()) {
      out_ += "<p class=\"empty\">No findings.</p>\n</section>\n";
      return;
    }
    out_ += "<table>\n<tr><th>severity</th><th>rule</th><th>where</th><th>message</th><th>step</th></tr>\n";
    for (size_t i = 0; i < findings_.size(); ++i) {
      const Json& json = *findings_[i].json;
      std::string severity = plain(member(json, "severity"));
      const char* css = severity == "error" ? "error" : severity == "warning" ? "warning" : "info";
      out_ += std::string("<tr><td class=\"") + css + "\">" + html_escape(severity) + "</td><td class=\"rule\">" +
              html_escape(plain(member(json, "rule"))) + " " + html_escape(plain(member(json, "name"))) + "</td><td>" +
              html_escape(position_text(json)) + "</td><td>" + escape_marking_symbolic(plain(member(json, "message"))) +
              "</td><td>";
      if (findings_[i].step && *findings_[i].step < step_labels_.size()) {
        out_ += "<a href=\"#step-" + std::to_string(*findings_[i].step) + "\">" + step_labels_[*findings_[i].step] +
                "</a>";
      } else {
        out_ += "<span class=\"empty\">not in a step</span>";
      }
      out_ += "</td></tr>\n";
    }
    out_ += "</table>\n</section>\n";
  }

  // ---- timeline ----------------------------------------------------------------------------
  void write_timeline() {
    out_ += "<section class=\"timeline\">\n<h2>Timeline</h2>\n";
    const Json& stages = member_or_null("stages");
    if (!stages.is_array() || stages.empty()) {
      out_ += "<p class=\"empty\">The plan has no stages.</p>\n</section>\n";
      return;
    }
    size_t step_index = 0;
    for (const Json& stage : stages) write_stage(stage, step_index);
    out_ += "</section>\n";
  }

  void write_stage(const Json& stage, size_t& step_index) {
    std::string name = plain(member(stage, "name"));
    out_ += "<section class=\"stage\">\n<h2>Stage: " + (name.empty() ? "<span class=\"empty\">unnamed</span>" : html_escape(name)) +
            "</h2>\n";
    if (!stage.is_object()) {
      write_value(stage);
      out_ += "</section>\n";
      return;
    }
    if (const Json* instance = member(stage, "instance"); instance && !instance->is_null()) {
      out_ += "<h4>instance</h4>";
      write_value(*instance);
      out_ += "\n";
    }
    static const std::set<std::string_view> kStageShown = {"name", "instance", "steps"};
    if (has_other_keys(stage, kStageShown)) {
      write_map(stage, kStageShown);
      out_ += "\n";
    }
    const Json* steps = member(stage, "steps");
    if (!steps || !steps->is_array() || steps->empty()) {
      out_ += "<p class=\"empty\">No step runs in this stage.</p>\n</section>\n";
      return;
    }
    // Consecutive steps of one component form a group, inside it consecutive steps of one phase.
    std::optional<std::string> component, phase;
    for (const Json& step : *steps) {
      std::string this_component = plain(member(step, "component"));
      std::string version = plain(member(step, "componentVersion"));
      std::string component_key = this_component + '\n' + version;
      std::string this_phase = plain(member(step, "phase"));
      if (component != component_key) {
        if (phase) out_ += "</ol></div>\n";
        if (component) out_ += "</div>\n";
        // Entries outside any component (distribution targets) get no heading.
        out_ += "<div class=\"component\">";
        if (!this_component.empty() || !version.empty()) {
          out_ += "<h3>" + escape_marking_symbolic(this_component);
          if (!version.empty()) out_ += " <span class=\"version\">" + html_escape(version) + "</span>";
          out_ += "</h3>";
        }
        out_ += "\n";
        component = component_key;
        phase.reset();
      }
      if (phase != this_phase) {
        if (phase) out_ += "</ol></div>\n";
        out_ += "<div class=\"phase\">";
        if (!this_phase.empty()) out_ += "<h4>phase " + html_escape(this_phase) + "</h4>";
        out_ += "<ol class=\"steps\">\n";
        phase = this_phase;
      }
      write_step(step, step_index++);
    }
    out_ += "</ol></div>\n</div>\n</section>\n";
  }

  void write_step(const Json& step, size_t index) {
    // A distribution target has no step name; its region (or account) names it.
    std::string name = plain(member(step, "step"));
    for (const char* key : {"name", "region", "account", "target"}) {
      if (name.empty()) name = plain(member(step, key));
    }
    std::string label = name.empty() ? "entry " + std::to_string(index + 1) : name;
    const Json* iteration = member(step, "iteration");
    if (iteration && !iteration->is_null()) label += " [" + plain(iteration) + "]";
    step_labels_.push_back(html_escape(label));

    const Json* condition = member(step, "condition");
    const Json* decided = condition ? member(*condition, "value") : nullptr;
    bool skipped = decided && decided->is_boolean() && !decided->get<bool>();
    out_ += std::string("<li class=\"step") + (skipped ? " skipped" : "") + "\" id=\"step-" + std::to_string(index) +
            "\">\n<div class=\"step-head\"><span class=\"step-name\">" +
            (name.empty() ? std::string("<span class=\"empty\">unnamed</span>") : escape_marking_symbolic(name)) +
            "</span>";
    if (std::string action = plain(member(step, "action")); !action.empty()) {
      out_ += "<span class=\"action\">" + html_escape(action) + "</span>";
    }
    if (iteration && !iteration->is_null()) {
      out_ += "<span class=\"badge\">iteration " +
              (iteration->is_structured() ? html_escape(dump(*iteration)) : escape_marking_symbolic(plain(iteration))) +
              "</span>";
    }
    write_failure_badges(step);
    StepLocation location = location_of(step);
    if (location.line > 0) {
      out_ += "<span class=\"where\">" + html_escape(location.file) + ":" + std::to_string(location.line) + "</span>";
    }
    out_ += "</div>\n";
    if (condition && !condition->is_null()) write_condition(*condition);
    if (const Json* inputs = member(step, "inputs"); inputs && !inputs->is_null()) {
      out_ += "<h4>inputs</h4>";
      write_value(*inputs);
      out_ += "\n";
    }
    static const std::set<std::string_view> kShown = {
        "component", "componentVersion", "phase", "step", "action", "iteration", "inputs", "onFailure",
        "maxAttempts", "timeoutSeconds", "condition", "file", "path", "line", "endLine", "location", "findings"};
    if (has_other_keys(step, kShown)) write_map(step, kShown);
    if (!step.is_object()) write_value(step);
    for (const Finding& finding : findings_) {
      if (finding.step == index) write_finding(finding);
    }
    out_ += "</li>\n";
  }

  void write_failure_badges(const Json& step) {
    auto badge = [&](const std::string& text) { out_ += "<span class=\"badge\">" + text + "</span>"; };
    if (const Json* on_failure = member(step, "onFailure")) {
      std::string value = plain(on_failure);
      std::string meaning = value == "Abort"      ? " (later steps do not run)"
                            : value == "Continue" ? " (later steps run; the phase fails)"
                            : value == "Ignore"   ? " (counts as success)"
                                                  : "";
      badge("on failure: " + escape_marking_symbolic(value) + meaning);
    }
    if (const Json* attempts = member(step, "maxAttempts")) badge("max attempts: " + escape_marking_symbolic(plain(attempts)));
    if (const Json* timeout = member(step, "timeoutSeconds")) {
      auto seconds = integer(timeout);
      if (seconds && *seconds == -1) {
        badge("timeout: none");
      } else if (seconds && *seconds > 0) {
        badge("timeout: " + html_escape(format_duration(static_cast<double>(*seconds))));
      } else {
        badge("timeout: " + escape_marking_symbolic(plain(timeout)));
      }
    }
  }

  void write_condition(const Json& condition) {
    const Json* expression = member(condition, "expression");
    const Json* decided = member(condition, "value");
    out_ += "<div class=\"condition\">if ";
    if (expression && expression->is_string()) {
      out_ += "<span class=\"value\">" + escape_marking_symbolic(expression->get<std::string>()) + "</span>";
    } else if (expression) {
      out_ += "<span class=\"value\">" + html_escape(dump(*expression)) + "</span>";
    } else if (!condition.is_object()) {
      out_ += "<span class=\"value\">" + html_escape(dump(condition)) + "</span>";
    }
    if (decided && decided->is_boolean()) {
      out_ += decided->get<bool>() ? " <span class=\"badge true\">true: runs</span>"
                                   : " <span class=\"badge false\">false: skipped</span>";
    } else if (condition.is_object()) {
      out_ += " <span class=\"badge unknown\">decided at run time</span>";
    }
    if (condition.is_object() && condition.size() > (expression ? 1u : 0u) + (decided ? 1u : 0u)) {
      write_map(condition, {"expression", "value"});
    }
    out_ += "</div>\n";
  }

  const Json& plan_;
  std::vector<Finding> findings_;
  std::vector<std::string> step_labels_;  ///< escaped, by step index
  std::string out_;
};

}  // namespace

std::string render_plan_html(const Json& plan) { return PageWriter(plan).render(); }

}  // namespace iblint::dryrun
