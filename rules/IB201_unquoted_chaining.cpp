#include "expr/occurrences.h"
#include "rules/rule_support.h"
#include "rules/rules.h"
#include "source/source_file.h"

namespace iblint {
namespace {

/// Quotes text as one YAML scalar: single quotes when it has none, else double quotes with
/// `"` and `\` escaped.
std::string quote_scalar(std::string_view text) {
  if (text.find('\'') == std::string_view::npos) return "'" + std::string(text) + "'";
  std::string out = "\"";
  for (char c : text) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + "\"";
}

// spec/component-document.md §5: the scalar holding an expression must be quoted. A plain
// scalar starting with `{{` is a YAML flow mapping; `echo {{ x }}` is documented as invalid.
class UnquotedChaining final : public Rule {
 public:
  const RuleInfo& info() const override {
    static const RuleInfo rule{"IB201", "unquoted-chaining", Severity::Error,
                               "A value holding a `{{ }}` expression must be a quoted string"};
    return rule;
  }
  void check(const LintContext& context, Reporter& out) const override {
    const SourceFile& file = context.file;
    for (const expr::UnquotedMapping& u : context.expressions->unquoted) {
      std::string_view text = file.text(u.node->span);
      Diagnostic& d = out.report(u.node->span, "YAML reads the unquoted " + code(text) +
                                                   " as a mapping, not as text: AWSTOE never sees the expression; "
                                                   "quote it: " + code(quote_scalar(text)));
      d.fixes.push_back({"quote the value", {{u.node->span, quote_scalar(text)}}, true});
    }
    for (const expr::Occurrence& o : context.expressions->occurrences) {
      const yaml::Node& scalar = *o.scalar;
      if (scalar.style != yaml::Style::Plain || o.scan.expressions.empty()) continue;
      std::string_view text = file.text(scalar.span);
      Diagnostic& d = out.report(o.span(o.scan.expressions.front().range),
                                 "the expression is in an unquoted value; AWSTOE documents this as invalid: quote the "
                                 "whole value, e.g. " + code(quote_scalar(text)));
      d.severity = Severity::Warning;
      if (text.find('\n') == std::string_view::npos) {
        d.fixes.push_back({"quote the value", {{scalar.span, quote_scalar(text)}}, true});
      }
    }
  }
};

}  // namespace

std::unique_ptr<Rule> make_unquoted_chaining() { return std::make_unique<UnquotedChaining>(); }

}  // namespace iblint
