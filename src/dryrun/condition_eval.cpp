#include "dryrun/condition_eval.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <optional>
#include <set>

namespace iblint::dryrun {
namespace {

/// A three-valued result: nullopt is "decided at run time".
struct Outcome {
  std::optional<bool> value;
  std::string decided_by;
  std::string written;
  std::string resolved;
};

const std::set<std::string, std::less<>> kInstanceChecks = {
    "fileExists", "folderExists", "binaryExists", "fileMD5Equals", "fileSHA1Equals", "fileSHA256Equals", "fileSHA512Equals"};

bool is_option_key(std::string_view key) { return key == "value" || key == "then" || key == "else"; }

std::string quote(std::string_view s) { return "'" + std::string(s) + "'"; }

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

std::optional<double> number(const std::string& text) {
  double value = 0;
  const char* end = text.data() + text.size();
  auto [ptr, ec] = std::from_chars(text.data(), end, value);
  if (ec != std::errc() || ptr != end || text.empty()) return std::nullopt;
  return value;
}

class Evaluator {
 public:
  explicit Evaluator(const Bindings& bindings, std::vector<ConditionProblem>& problems)
      : bindings_(bindings), problems_(problems) {}

  /// Evaluates one expression mapping ({op: …[, value: …]}).
  Outcome expression(const yaml::Node& node_in, int depth) {
    const yaml::Node& node = node_in.resolved();
    if (depth > 8 || !node.is_mapping()) return {std::nullopt, "a malformed condition (see IB212)", "?", "?"};
    const yaml::Pair* op = nullptr;
    for (const yaml::Pair& p : node.pairs) {
      if (p.key->is_scalar() && !is_option_key(p.key->value)) {
        op = &p;
        break;
      }
    }
    if (!op) return {std::nullopt, "a malformed condition (see IB212)", "?", "?"};
    const std::string& name = op->key->value;
    const yaml::Node& operand = op->value->resolved();
    if (name == "and" || name == "or") return logical(name, operand, depth);
    if (name == "not") {
      const yaml::Node* inner = operand.is_sequence() && operand.items.size() == 1 ? operand.items[0] : &operand;
      Outcome o = expression(*inner, depth + 1);
      return {o.value ? std::optional<bool>(!*o.value) : std::nullopt, o.decided_by, "not(" + o.written + ")", "not(" + o.resolved + ")"};
    }
    return comparison(name, operand, node.find("value"));
  }

 private:
  Outcome logical(const std::string& name, const yaml::Node& operand, int depth) {
    bool is_and = name == "and";
    Outcome out{is_and, "", name + "(", name + "("};
    std::vector<const yaml::Node*> items;
    if (operand.is_sequence()) items.assign(operand.items.begin(), operand.items.end());
    bool decided = false;  // short-circuit: later operands are not evaluated (§9.3)
    for (size_t i = 0; i < items.size(); ++i) {
      Outcome o = expression(*items[i], depth + 1);
      out.written += (i ? ", " : "") + o.written;
      out.resolved += (i ? ", " : "") + o.resolved;
      if (decided) continue;
      if (o.value && *o.value != is_and) {
        out.value = !is_and;
        out.decided_by.clear();
        decided = true;
      } else if (!o.value && out.value) {
        out.value.reset();
        out.decided_by = o.decided_by;
      }
    }
    out.written += ")";
    out.resolved += ")";
    return out;
  }

  Resolution operand_value(const yaml::Node& node) {
    const yaml::Node& n = node.resolved();
    Resolution r = resolve_value(n.is_scalar() ? std::string_view(n.value) : std::string_view(), bindings_);
    for (const ResolveProblem& p : r.problems) problems_.push_back({&node, p});
    return r;
  }

  Outcome comparison(const std::string& name, const yaml::Node& baseline_node, const yaml::Node* value_node) {
    Resolution baseline = operand_value(baseline_node);
    std::string written = name + "(" + quote(baseline_node.resolved().value);
    std::string resolved = name + "(" + quote(baseline.text);
    Outcome out;
    std::optional<Resolution> value;
    if (value_node) {
      value = operand_value(*value_node);
      written += ", value: " + quote(value_node->resolved().value);
      resolved += ", " + quote(value->text);
    }
    out.written = written + ")";
    out.resolved = resolved + ")";
    if (kInstanceChecks.count(name)) {
      out.decided_by = "the state of the instance when the step runs (" + out.resolved + ")";
      return out;
    }
    if (baseline.symbolic) {
      out.decided_by = baseline.text;
      return out;
    }
    if (value && value->symbolic) {
      out.decided_by = value->text;
      return out;
    }
    const std::string& a = baseline.text;
    if (name == "stringIsEmpty") out.value = a.empty();
    else if (name == "stringIsWhitespace") out.value = !a.empty() && a.find_first_not_of(' ') == std::string::npos;
    if (out.value || !value) {
      if (!out.value) out.decided_by = "the unknown operator `" + name + "`";
      return out;
    }
    const std::string& b = value->text;
    if (name == "stringEquals") {
      if (a == b) out.value = true;
      else if (lower(a) == lower(b)) out.decided_by = "whether AWSTOE compares strings ignoring case (uncertain in the documentation)";
      else out.value = false;
    } else if (name.rfind("string", 0) == 0) {
      // Documented as case-insensitive: compare the lower-cased texts (value against baseline).
      int c = lower(b).compare(lower(a));
      if (name == "stringLessThan") out.value = c < 0;
      else if (name == "stringLessThanEquals") out.value = c <= 0;
      else if (name == "stringGreaterThan") out.value = c > 0;
      else if (name == "stringGreaterThanEquals") out.value = c >= 0;
      else out.decided_by = "the unknown operator `" + name + "`";
    } else if (name.rfind("number", 0) == 0) {
      std::optional<double> x = number(a), y = number(b);
      if (!x || !y) out.value = false;  // a value that is not a number makes the comparison false (§9.2)
      else if (name == "numberEquals") out.value = *y == *x;
      else if (name == "numberLessThan") out.value = *y < *x;
      else if (name == "numberLessThanEquals") out.value = *y <= *x;
      else if (name == "numberGreaterThan") out.value = *y > *x;
      else if (name == "numberGreaterThanEquals") out.value = *y >= *x;
      else out.decided_by = "the unknown operator `" + name + "`";
    } else if (name == "patternMatches") {
      // Not evaluated: AWSTOE's regular expression dialect is not documented, and a hostile
      // pattern must not make the dry run slow.
      out.decided_by = "AWSTOE's regular expression match of " + quote(b) + " against " + quote(a);
    } else {
      out.decided_by = "the unknown operator `" + name + "`";
    }
    return out;
  }

  const Bindings& bindings_;
  std::vector<ConditionProblem>& problems_;
};

std::string step_action(const yaml::Node& node, std::string_view key, std::string fallback) {
  const yaml::Node* n = node.find(key);
  return n && n->is_scalar() && !n->resolved().value.empty() ? n->resolved().value : fallback;
}

}  // namespace

ConditionResult evaluate_condition(const yaml::Node& if_node, const Bindings& bindings) {
  ConditionResult result;
  Evaluator evaluator(bindings, result.problems);
  Outcome o = evaluator.expression(if_node, 0);
  PlannedCondition& c = result.condition;
  c.expression = o.written;
  c.resolved = o.resolved;
  c.value = o.value;
  c.decided_by = o.value ? "" : o.decided_by;
  const yaml::Node& node = if_node.resolved();
  if (node.is_mapping()) {
    c.when_true = step_action(node, "then", "Execute");
    c.when_false = step_action(node, "else", "Skip");
  }
  return result;
}

}  // namespace iblint::dryrun
