#include <algorithm>
#include <cctype>
#include <map>

#include "rules/rule_support.h"
#include "rules/rules.h"

namespace iblint {
namespace {

using yaml::Node;

const std::vector<std::string_view> kTopLevelKeys = {"name", "description", "schemaVersion", "parameters", "constants",
                                                     "phases"};
const std::vector<std::string_view> kPhaseKeys = {"name", "steps"};
const std::vector<std::string_view> kStepKeys = {"name", "action", "inputs", "timeoutSeconds", "onFailure",
                                                 "maxAttempts", "loop", "if"};
const std::vector<std::string_view> kStepRequiredKeys = {"name", "action"};
const std::vector<std::string_view> kParameterKeys = {"type", "default", "description"};
const std::vector<std::string_view> kConstantKeys = {"type", "value", "description"};

/// `^[A-Za-z0-9_-]{3,128}$` (spec §6.1), shared by parameters and constants.
bool valid_variable_name(std::string_view name) {
  return name.size() >= 3 && name.size() <= 128 && std::all_of(name.begin(), name.end(), [](char c) {
           return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-';
         });
}

/// Structure of a component document (spec/component-document.md §2, §6): required fields,
/// field types, unknown fields and schemaVersion.
class DocumentSchema final : public Rule {
 public:
  const RuleInfo& info() const override {
    static const RuleInfo rule{"IB101", "document-schema", Severity::Error,
                               "Component documents need schemaVersion 1.0 and phases of named steps with actions"};
    return rule;
  }

  void check(const LintContext& context, Reporter& out) const override {
    const Component& c = *context.component;
    const Node& root = c.root->resolved();
    if (!root.is_mapping()) return;
    std::vector<std::string> typos =
        report_unknown_keys(root, kTopLevelKeys, "top-level", out, Severity::Warning, {"schemaVersion", "phases"});
    if (!contains(typos, "schemaVersion")) check_schema_version(c, root, out);
    for (const Node* text : {c.name, c.description}) {
      if (text && !text->resolved().is_scalar()) {
        out.report(text->span, "must be a string, not " + std::string(describe(*text)));
      }
    }
    check_variables(c, context.profile, out);
    if (!contains(typos, "phases")) check_phases(c, root, context.profile, out);
  }

 private:
  static void missing(const Node& map, std::string_view field, std::string_view where, std::string hint, Reporter& out) {
    Span at = map.pairs.empty() ? map.span : map.pairs.front().key->span;
    out.report(at, std::string(where) + " is missing the required field " + code(field) + "; " + hint);
  }

  static void check_schema_version(const Component& c, const Node& root, Reporter& out) {
    if (!c.schema_version) {
      Diagnostic& d = out.report(root.pairs.front().key->span,
                                 "the document has no `schemaVersion`; add `schemaVersion: 1.0` at the top level");
      // Only offer the insertion when the mapping starts a line, so the indentation is right.
      if (root.span.begin == 0 || root.span.begin == 3) {
        d.fixes.push_back({"add `schemaVersion: 1.0`", {{{root.span.begin, root.span.begin}, "schemaVersion: 1.0\n"}}, true});
      }
      return;
    }
    const Node& v = c.schema_version->resolved();
    if (v.is_scalar() && v.value == "1.0" && (v.type == yaml::ScalarType::Float || v.type == yaml::ScalarType::String)) return;
    if (v.is_scalar() && v.type == yaml::ScalarType::Int && v.value == "1") {
      Diagnostic& d = out.report(c.schema_version->span, "`schemaVersion` is the integer 1; the only documented value is `1.0`");
      d.severity = Severity::Warning;
      d.fixes.push_back({"write `1.0`", {{c.schema_version->span, "1.0"}}, true});
      return;
    }
    std::string shown = v.is_scalar() && !v.is_null() ? code(v.value) : std::string(describe(v));
    out.report(c.schema_version->span, "`schemaVersion` is " + shown + "; the only supported value is `1.0`");
  }

  static void check_variables(const Component& c, Profile profile, Reporter& out) {
    std::map<std::string, const Variable*> seen;
    for (const Node* list : {c.parameters_node, c.constants_node}) {
      if (!list) continue;
      bool constant = list == c.constants_node;
      std::string_view field = constant ? "constants" : "parameters";
      if (profile == Profile::Seed2020) {
        out.report(key_span(*c.root, field),
                   code(field) + " are not available: they were added in " +
                       (constant ? "October 2020" : "July 2021") + profile_note(profile));
      }
      const Node& l = list->resolved();
      if (!l.is_sequence()) {
        out.report(list->span, code(field) + " must be a list of single-key mappings (`- Name: {type: string, ...}`), not " +
                                   std::string(describe(l)));
        continue;
      }
      for (const Node* item : l.items) {
        const Node& entry = item->resolved();
        if (!entry.is_mapping() || entry.pairs.size() != 1) {
          out.report(item->span, "each entry of " + code(field) +
                                     " must be a mapping with exactly one key, the name (`- Name: {type: string}`)");
        }
      }
    }
    for (const Variable& v : c.variables) {
      std::string_view kind = v.constant ? "constant" : "parameter";
      if (!valid_variable_name(v.name)) {
        out.report(v.name_node->span, std::string(kind) + " name " + code(v.name) +
                                          " must be 3 to 128 characters of letters, digits, `_` and `-`");
      }
      auto [it, inserted] = seen.emplace(v.name, &v);
      if (!inserted) {
        Diagnostic& d = out.report(v.name_node->span, code(v.name) + " is declared twice; parameter and constant names "
                                                                      "must be unique across both lists");
        d.related.push_back({it->second->name_node->span, "first declared here"});
      }
      const Node& def = v.definition->resolved();
      if (!def.is_mapping()) {
        out.report(v.definition->span, std::string(kind) + " " + code(v.name) +
                                           " needs a mapping with `type: string`" + (v.constant ? " and `value`" : ""));
        continue;
      }
      // AWSTOE's handling of undocumented fields here is not documented: a warning, not an error.
      std::vector<std::string> typos = report_unknown_keys(def, v.constant ? kConstantKeys : kParameterKeys, kind, out,
                                                           Severity::Warning, {"type", "value"});
      const Node* type = def.find("type");
      if (!type) {
        if (!contains(typos, "type")) {
          out.report(v.name_node->span, std::string(kind) + " " + code(v.name) + " has no `type`; add `type: string`");
        }
      } else if (type->resolved().value != "string") {
        const Node& t = type->resolved();
        std::string fix = t.is_scalar() && !t.is_null() ? suggest(t.value, {"string"}) : std::string();
        Diagnostic& d = out.report(type->span, "`type` is " + code(t.value) + "; the only supported type is `string`" +
                                                   (fix.empty() ? "" : " (did you mean `string`?)"));
        if (!fix.empty()) d.fixes.push_back({"replace with `string`", {{type->span, "string"}}, true});
      }
      if (v.constant && !def.find("value") && !contains(typos, "value")) {
        out.report(v.name_node->span, "constant " + code(v.name) + " has no `value`; a constant needs one");
      }
      for (std::string_view field : {"default", "value", "description"}) {
        const Node* node = def.find(field);
        if (node && !node->resolved().is_scalar()) {
          out.report(node->span, code(field) + " must be a string, not " + std::string(describe(*node)));
        }
      }
    }
  }

  static void check_phases(const Component& c, const Node& root, Profile profile, Reporter& out) {
    if (!c.phases_node) {
      missing(root, "phases", "the document", "add `phases:` with at least a `build`, `validate` or `test` phase", out);
      return;
    }
    const Node& phases = c.phases_node->resolved();
    if (!phases.is_sequence()) {
      out.report(key_span(root, "phases"), "`phases` must be a list of phases (`- name: build` with `steps:`), not " +
                                               std::string(describe(phases)));
      return;
    }
    if (phases.items.empty()) {
      out.report(key_span(root, "phases"), "`phases` is empty; a component needs at least one phase");
      return;
    }
    for (const Phase& phase : c.phases) {
      const Node& map = phase.node->resolved();
      if (!map.is_mapping()) {
        out.report(phase.node->span, "a phase must be a mapping with `name` and `steps`, not " + std::string(describe(map)));
        continue;
      }
      std::vector<std::string> typos = report_unknown_keys(map, kPhaseKeys, "phase", out, Severity::Error, {"name", "steps"});
      if (!phase.name_node && !contains(typos, "name")) missing(map, "name", "this phase", "name it `build`, `validate` or `test`", out);
      else if (phase.name_node && (!phase.name_node->resolved().is_scalar() || phase.name_node->resolved().is_null()))
        out.report(phase.name_node->span, "a phase name must be a string, not " + std::string(describe(*phase.name_node)));
      std::string where = phase.name.empty() ? std::string("this phase") : "phase " + code(phase.name);
      if (!phase.steps_node) {
        if (!contains(typos, "steps")) missing(map, "steps", where, "add `steps:` with at least one step", out);
      } else if (!phase.steps_node->resolved().is_sequence()) {
        out.report(key_span(map, "steps"), "`steps` of " + where + " must be a list of steps (`- name: ...`), not " +
                                               std::string(describe(*phase.steps_node)));
      } else if (phase.steps.empty()) {
        Diagnostic& d = out.report(key_span(map, "steps"), "`steps` of " + where + " is empty");
        d.severity = Severity::Warning;
      }
      for (const Step& step : phase.steps) check_step(step, where, profile, out);
    }
  }

  static void check_step(const Step& step, const std::string& phase, Profile profile, Reporter& out) {
    const Node& map = step.node->resolved();
    if (!map.is_mapping()) {
      out.report(step.node->span, "a step must be a mapping with `name` and `action`, not " + std::string(describe(map)));
      return;
    }
    std::vector<std::string> typos = report_unknown_keys(map, kStepKeys, "step", out, Severity::Error, kStepRequiredKeys);
    // Spelt out only for a finding: this runs for every step.
    auto where = [&] { return step.name.empty() ? "a step in " + phase : "step " + code(step.name); };
    if (!step.name_node) {
      if (!contains(typos, "name")) missing(map, "name", where(), "give the step a name unique in its phase", out);
    } else if (!step.name_node->resolved().is_scalar() || step.name_node->resolved().is_null()) {
      out.report(step.name_node->span, "a step name must be a string, not " + std::string(describe(*step.name_node)));
    } else if (step.name.find_first_of(". \t") != std::string::npos) {
      Diagnostic& d = out.report(step.name_node->span,
                                 "step name " + code(step.name) +
                                     " contains `.` or whitespace, so `{{ phase.step.outputs... }}` cannot refer to it");
      d.severity = Severity::Warning;
    }
    if (!step.action_node) {
      if (!contains(typos, "action")) missing(map, "action", where(), "name an action module such as `ExecuteBash`", out);
    } else if (!step.action_node->resolved().is_scalar() || step.action_node->resolved().is_null()) {
      out.report(step.action_node->span, "`action` must be the name of an action module, not " +
                                             std::string(describe(*step.action_node)));
    }
    for (const Node* construct : {step.loop, step.condition}) {
      if (!construct) continue;
      std::string_view field = construct == step.loop ? "loop" : "if";
      if (!construct->resolved().is_mapping()) {
        out.report(construct->span, code(field) + " must be a mapping, not " + std::string(describe(*construct)));
      }
      if (profile == Profile::Seed2020) {
        out.report(key_span(map, field), code(field) + " is not available: " +
                                             (field == "loop" ? "loops were added in July 2020" : "conditionals were added after April 2023") +
                                             profile_note(profile));
      }
    }
  }
};

}  // namespace

std::unique_ptr<Rule> make_document_schema() { return std::make_unique<DocumentSchema>(); }

}  // namespace iblint
