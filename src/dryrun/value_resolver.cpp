#include "dryrun/value_resolver.h"

#include "expr/scanner.h"

namespace iblint::dryrun {
namespace {

/// The text a chained input reads: a field of a mapping input, or of the [n]th entry of a
/// list-shaped input (S3Download, CreateFile, …).
const Json* chained_input(const Json& inputs, const expr::Expression& e) {
  const Json* holder = &inputs;
  if (inputs.is_array()) {
    size_t n = e.index && e.index->value ? static_cast<size_t>(*e.index->value) : 0;
    if (n >= inputs.size()) return nullptr;
    holder = &inputs[n];
  }
  if (!holder->is_object()) return nullptr;
  auto it = holder->find(e.segments[3].text);
  return it == holder->end() ? nullptr : &*it;
}

std::string json_text(const Json& value) { return value.is_string() ? value.get<std::string>() : value.dump(); }

}  // namespace

Resolution resolve_value(std::string_view value, const Bindings& bindings) {
  Resolution out;
  if (!expr::may_hold_expression(value)) {
    out.text = std::string(value);
    return out;
  }
  expr::ScanResult scan = expr::scan(value);
  size_t at = 0;
  for (const expr::Expression& e : scan.expressions) {
    out.text.append(value.substr(at, e.range.begin - at));
    at = e.range.end;
    std::string written(value.substr(e.range.begin, e.range.end - e.range.begin));
    auto problem = [&](ProblemKind kind, std::string message) { out.problems.push_back({kind, e.range, std::move(message)}); };
    switch (e.kind) {
      case expr::ExpressionKind::Variable: {
        const std::string& name = e.segments[0].text;
        auto it = bindings.variables.find(name);
        if (it == bindings.variables.end()) {
          out.text += "<unresolved " + name + ">";
          out.symbolic = true;
          problem(ProblemKind::Unresolved, "`" + written + "` names no parameter or constant of this component: AWSTOE leaves it as written");
        } else if (!it->second.known) {
          out.text += "<parameter " + name + ": no value>";
          out.symbolic = true;
          problem(ProblemKind::Unresolved, "parameter `" + name +
                                               "` has no default and no value is given: set it in the recipe's component parameters, "
                                               "with `--param " + name + "=VALUE`, or give it a `default`");
        } else {
          out.text += it->second.value;
        }
        break;
      }
      case expr::ExpressionKind::Loop: {
        const std::string& name = e.segments[0].text;
        const std::optional<LoopBinding>& loop = bindings.loop;
        if (!loop || (name != "loop" && name != loop->name)) {
          out.text += written;  // AWSTOE leaves loop variables outside their loop as written
          problem(ProblemKind::Unresolved, "`" + written + "` is outside " + (loop ? "the loop it names" : "any loop") +
                                               ": AWSTOE leaves it as written");
        } else if (e.segments[1].text == "index") {
          out.text += std::to_string(loop->index);
        } else {
          out.text += loop->value;
          if (loop->value.find(kSymbolicOpen) != std::string::npos) out.symbolic = true;
        }
        break;
      }
      case expr::ExpressionKind::Chaining: {
        std::string key = Bindings::step_key(e.segments[0].text, e.segments[1].text);
        bool outputs = e.segments[2].text == "outputs";
        std::string field = e.segments[3].text;
        std::string indexed = e.index ? "[" + e.index->text + "]" : "";
        auto it = bindings.steps.find(key);
        if (it == bindings.steps.end()) {
          out.text += "<" + (outputs ? field : "inputs" + indexed + "." + field) + " of " + key + ": never produced>";
          out.symbolic = true;
          if (bindings.document_steps.count(key)) {
            problem(ProblemKind::NotProduced, "`" + written + "` reads step `" + key +
                                                  "`, which has not run before this step in this stage: the value is never produced here");
          } else {
            problem(ProblemKind::Unresolved, "`" + written + "` names no step of this document (`" + key + "`)");
          }
          break;
        }
        const StepRecord& record = it->second;
        if (record.skipped) {
          out.text += "<" + field + " of " + key + ": step skipped>";
          out.symbolic = true;
          problem(ProblemKind::NotProduced, "`" + written + "` reads step `" + key +
                                                "`, whose `if` condition skips it on this path: the value is never produced");
          break;
        }
        if (outputs) {
          out.text += "<" + (indexed.empty() ? "" : "outputs" + indexed + ".") + field + " of " + key +
                      (record.may_be_skipped ? ", if it ran" : "") + ">";
          out.symbolic = true;
          break;
        }
        const Json* input = chained_input(record.inputs, e);
        if (!input) {
          out.text += "<unresolved inputs" + indexed + "." + field + " of " + key + ">";
          out.symbolic = true;
          problem(ProblemKind::Unresolved, "`" + written + "`: step `" + key + "` has no input `" + field + "`");
          break;
        }
        std::string text = json_text(*input);
        out.text += text;
        if (text.find(kSymbolicOpen) != std::string::npos) out.symbolic = true;
        break;
      }
    }
  }
  out.text.append(value.substr(at));
  return out;
}

}  // namespace iblint::dryrun
