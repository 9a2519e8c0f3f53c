#include "rules/rule_support.h"
#include "rules/rules.h"
#include "yaml/parser.h"

namespace iblint {
namespace {

class DuplicateKey final : public Rule {
 public:
  const RuleInfo& info() const override {
    static const RuleInfo rule{"IB002", "duplicate-key", Severity::Error,
                               "A mapping repeats a key; YAML parsers keep only one of the values"};
    return rule;
  }
  bool needs_component() const override { return false; }
  void check(const LintContext& context, Reporter& out) const override {
    for (const yaml::DuplicateKey& dup : context.yaml.duplicate_keys) {
      Diagnostic& d = out.report(dup.span, "duplicate key " + code(dup.key) +
                                               " in this mapping; only one of its values is kept, "
                                               "merge them or remove one");
      d.related.push_back({dup.first, code(dup.key) + " is first written here"});
    }
  }
};

}  // namespace

std::unique_ptr<Rule> make_duplicate_key() { return std::make_unique<DuplicateKey>(); }

}  // namespace iblint
