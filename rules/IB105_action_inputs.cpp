#include <algorithm>
#include <cctype>

#include "catalog/action_catalog.h"
#include "rules/rule_support.h"
#include "rules/rules.h"

namespace iblint {
namespace {

using yaml::Node;

bool holds_expression(const Node& node) { return node.is_scalar() && node.value.find("{{") != std::string::npos; }

bool equals_ignoring_case(std::string_view a, std::string_view b) {
  return std::equal(a.begin(), a.end(), b.begin(), b.end(),
                    [](char x, char y) { return std::tolower(x) == std::tolower(y); });
}

/// Inputs of a step against its action module's table in the catalog (spec §8): shape,
/// required and unknown inputs, value types, allowed values and cross-field constraints.
class ActionInputs final : public Rule {
 public:
  const RuleInfo& info() const override {
    static const RuleInfo rule{"IB105", "action-inputs", Severity::Error,
                               "A step's inputs do not match its action module"};
    return rule;
  }

  void check(const LintContext& context, Reporter& out) const override {
    for (const Phase& phase : context.component->phases) {
      for (const Step& step : phase.steps) {
        const ActionSpec* action = find_action(step.action);
        if (action && step.node->resolved().is_mapping()) check_step(step, *action, out);
      }
    }
  }

 private:
  static void check_step(const Step& step, const ActionSpec& action, Reporter& out) {
    std::string name = code(action.name);
    if (!step.inputs || step.inputs->resolved().is_null()) {
      std::vector<std::string_view> required;
      for (const InputSpec& input : action.inputs) {
        if (input.required) required.push_back(input.name);
      }
      std::string one_of;  // ExecutePowerShell: no single required input, but one of two
      for (const Constraint& c : action.constraints) {
        if (c.kind == Constraint::Kind::ExactlyOneOf) one_of = " one of " + code(c.a) + " or " + code(c.b);
      }
      if (!required.empty() || action.free_form_inputs || !one_of.empty()) {
        std::string list;
        for (size_t i = 0; i < required.size(); ++i) list += (i ? ", " : "") + code(required[i]);
        const Node& map = step.node->resolved();
        std::string needs = !list.empty() ? " " + list : !one_of.empty() ? one_of : std::string(" an operator expression");
        if (step.inputs) out.report(key_span(map, "inputs"), "`inputs` of " + name + " is empty; it needs" + needs);
        else out.report(key_span(map, "action"), name + " needs `inputs` with" + needs);
      }
      return;
    }
    const Node& inputs = step.inputs->resolved();
    if (action.free_form_inputs) {
      if (!inputs.is_mapping()) {
        out.report(step.inputs->span, name + " takes one operator expression as `inputs` (a mapping such as "
                                             "`stringEquals: ...` with `value: ...`), not " + std::string(describe(inputs)));
      }
      return;
    }
    if (action.shape == InputShape::Map) {
      if (!inputs.is_mapping()) {
        out.report(step.inputs->span, name + " takes its `inputs` as one mapping, not " + std::string(describe(inputs)) +
                                          (inputs.is_sequence() ? "; remove the leading `-`" : ""));
        return;
      }
      check_entry(inputs, action, out);
      return;
    }
    if (!inputs.is_sequence()) {
      out.report(step.inputs->span, name + " takes its `inputs` as a list of mappings (one per item, `- source: ...`), not " +
                                        std::string(describe(inputs)) + (inputs.is_mapping() ? "; start the entry with `- `" : ""));
      return;
    }
    for (const Node* item : inputs.items) {
      const Node& entry = item->resolved();
      if (!entry.is_mapping()) {
        out.report(item->span, "each entry of " + name + " `inputs` must be a mapping, not " + std::string(describe(entry)));
        continue;
      }
      check_entry(entry, action, out);
    }
  }

  static void check_entry(const Node& entry, const ActionSpec& action, Reporter& out) {
    std::vector<std::string_view> names;
    for (const InputSpec& input : action.inputs) names.push_back(input.name);
    // Unknown inputs are warnings: AWSTOE's reaction to them is not documented (spec §12 TOE013).
    std::vector<std::string_view> required;
    for (const InputSpec& input : action.inputs) {
      if (input.required) required.push_back(input.name);
    }
    for (const Constraint& c : action.constraints) {
      if (c.kind == Constraint::Kind::ExactlyOneOf && !entry.find_pair(c.a) && !entry.find_pair(c.b)) {
        required.push_back(c.a);
        required.push_back(c.b);
      }
    }
    std::vector<std::string> typos = report_unknown_keys(entry, names, code(action.name) + " input", out, Severity::Warning, required);
    for (const InputSpec& input : action.inputs) {
      const yaml::Pair* pair = entry.find_pair(input.name);
      if (!pair) {
        if (input.required && !contains(typos, input.name)) {
          out.report(entry.pairs.empty() ? entry.span : entry.pairs.front().key->span,
                     code(action.name) + " is missing the required input " + code(input.name));
        }
        continue;
      }
      check_value(*pair, input, action, out);
    }
    check_constraints(entry, action, typos, out);
  }

  static void check_value(const yaml::Pair& pair, const InputSpec& input, const ActionSpec& action, Reporter& out) {
    const Node& value = pair.value->resolved();
    // Spelt out only for a finding: most values are fine, and this runs for every input.
    auto field = [&] { return code(action.name) + " input " + code(input.name); };
    // Resolved at run time and checked by the expression rules; an unquoted one is IB201's.
    if (holds_expression(value) || is_unquoted_expression(value)) return;
    auto wrong = [&](std::string_view expected) {
      out.report(pair.value->span.empty() ? pair.key->span : pair.value->span,
                 field() + " must be " + std::string(expected) + ", not " + std::string(describe(value)));
    };
    switch (input.type) {
      case InputType::String:
        if (!value.is_scalar() || value.is_null()) return wrong("a string");
        if (input.name == "permissions" && value.type == yaml::ScalarType::Int) {
          Diagnostic& d = out.report(pair.value->span, field() + " is an unquoted number; AWSTOE expects a string, and YAML may "
                                                              "read a leading-zero number as octal: write '" + value.value + "'");
          d.severity = Severity::Warning;
          d.fixes.push_back({"quote the permissions", {{pair.value->span, "'" + value.value + "'"}}, true});
        }
        break;
      case InputType::Integer:
        if (!as_integer(value) && !quoted_integer(value)) return wrong("an integer");
        break;
      case InputType::Boolean:
        if (value.type != yaml::ScalarType::Bool) {
          if (value.is_string() && (equals_ignoring_case(value.value, "true") || equals_ignoring_case(value.value, "false"))) {
            Diagnostic& d = out.report(pair.value->span, field() + " is the string \"" + value.value + "\"; write the boolean " +
                                                            code(value.value) + " without quotes");
            d.severity = Severity::Warning;
            d.fixes.push_back({"write a boolean", {{pair.value->span, value.value}}, true});
            return;
          }
          return wrong("a boolean (`true` or `false`)");
        }
        break;
      case InputType::StringList:
        if (!value.is_sequence()) {
          std::string hint = value.is_scalar() ? "; put the value in a list: `- ...` on the next line" : "";
          out.report(pair.value->span.empty() ? pair.key->span : pair.value->span,
                     field() + " must be a list of strings, not " + std::string(describe(value)) + hint);
          return;
        }
        for (const Node* item : value.items) {
          if ((!item->resolved().is_scalar() || item->resolved().is_null()) && !is_unquoted_expression(*item)) {
            out.report(item->span, "each entry of " + field() + " must be a string, not " + std::string(describe(*item)));
          }
        }
        return;
      case InputType::StringMap:
        if (!value.is_mapping()) return wrong("a mapping of names to strings");
        return;
      case InputType::NameValueList:
        if (!value.is_sequence()) return wrong("a list of `name`/`value` mappings");
        for (const Node* item : value.items) {
          const Node& m = item->resolved();
          if (!m.is_mapping() || !m.find("name") || !m.find("value")) {
            out.report(item->span, "each entry of " + field() + " needs `name` and `value`");
          }
        }
        return;
      case InputType::StringOrBoolean:
        if (!value.is_scalar() || value.is_null()) return wrong("a string or boolean");
        break;
      case InputType::RegistryValue:
        if (value.is_mapping() || value.is_null()) return wrong("a string, number or list");
        return;
    }
    if (value.is_scalar() && !input.allowed_chars.empty()) {
      for (char c : value.value) {
        bool ok = input.allowed_chars.find(input.allowed_case_insensitive ? static_cast<char>(std::tolower(c)) : c) !=
                  std::string_view::npos;
        if (!ok) {
          out.report(pair.value->span, field() + " holds " + code(std::string(1, c)) + "; allowed characters are " +
                                           code(input.allowed_chars));
          return;
        }
      }
    }
    if (value.is_scalar() && !input.allowed_prefixes.empty()) {
      bool ok = false;
      for (std::string_view prefix : input.allowed_prefixes) {
        ok = ok || (value.value.size() >= prefix.size() &&
                    equals_ignoring_case(std::string_view(value.value).substr(0, prefix.size()), prefix));
      }
      if (!ok) {
        std::string list;
        for (size_t i = 0; i < input.allowed_prefixes.size(); ++i) list += (i ? ", " : "") + code(input.allowed_prefixes[i]);
        out.report(pair.value->span, field() + " " + code(value.value) + " must start with one of " + list);
      }
    }
    if (!input.allowed.empty() && value.is_scalar()) {
      for (std::string_view a : input.allowed) {
        if (a == value.value || (input.allowed_case_insensitive && equals_ignoring_case(a, value.value))) return;
      }
      std::string list;
      for (size_t i = 0; i < input.allowed.size(); ++i) list += (i ? ", " : "") + code(input.allowed[i]);
      std::string target = suggest(value.value, input.allowed);
      Diagnostic& d = out.report(pair.value->span, field() + " is " + code(value.value) + "; expected one of " + list +
                                                       (target.empty() ? "" : " (did you mean " + code(target) + "?)"));
      if (!target.empty()) d.fixes.push_back({"replace with " + code(target), {{pair.value->span, target}}, true});
    }
  }

  static void check_constraints(const Node& entry, const ActionSpec& action, const std::vector<std::string>& typos,
                                Reporter& out) {
    Span at = entry.pairs.empty() ? entry.span : entry.pairs.front().key->span;
    for (const Constraint& c : action.constraints) {
      const yaml::Pair* a = entry.find_pair(c.a);
      const yaml::Pair* b = c.b.empty() ? nullptr : entry.find_pair(c.b);
      switch (c.kind) {
        case Constraint::Kind::ExactlyOneOf:
          if (a && b) {
            Diagnostic& d = out.report(b->key->span, code(action.name) + " takes either " + code(c.a) + " or " + code(c.b) +
                                                         ", not both; remove one");
            d.related.push_back({a->key->span, code(c.a) + " is given here"});
          } else if (!a && !b && !contains(typos, c.a) && !contains(typos, c.b)) {
            out.report(at, code(action.name) + " needs one of " + code(c.a) + " or " + code(c.b));
          }
          break;
        case Constraint::Kind::BothOrNeither:
          if (a && !b) out.report(a->key->span, code(c.a) + " of " + code(action.name) + " needs " + code(c.b) + " too");
          if (b && !a) out.report(b->key->span, code(c.b) + " of " + code(action.name) + " needs " + code(c.a) + " too");
          break;
        case Constraint::Kind::InputSuffix: {
          if (!a) break;
          const Node& v = a->value->resolved();
          if (!v.is_scalar() || holds_expression(v)) break;
          std::string_view text = v.value;
          if (text.size() < c.value.size() || !equals_ignoring_case(text.substr(text.size() - c.value.size()), c.value)) {
            out.report(a->value->span, code(action.name) + " input " + code(c.a) + " must name a " + code(c.value) +
                                           " file, but it is " + code(text));
          }
          break;
        }
        case Constraint::Kind::FixedStepOption:
          break;  // a step option, checked by IB107
      }
    }
  }
};

}  // namespace

std::unique_ptr<Rule> make_action_inputs() { return std::make_unique<ActionInputs>(); }

}  // namespace iblint
