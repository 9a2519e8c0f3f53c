#include <algorithm>
#include <optional>
#include <set>

#include "rules/rule_support.h"
#include "rules/rules.h"
#include "rules/scalar_span.h"
#include "rules/secret_scan.h"
#include "source/source_file.h"
#include "util/case_insensitive_search.h"

namespace iblint {
namespace {

using yaml::Node;

constexpr std::string_view kKeepItOut =
    "; anyone who can read the component can read it: keep it in AWS Secrets Manager or SSM Parameter Store "
    "(SecureString) and read it at build time";
constexpr std::string_view kParameter =
    "; parameter values are plain text, shown to anyone who can read the component and recorded in CloudTrail: "
    "pass the name of a Secrets Manager secret or SSM SecureString parameter instead and read the value at build "
    "time";
constexpr std::string_view kUseTheRole =
    "; anyone who can read the component can use it: give the build instance's role (instance profile) the "
    "permissions instead, or keep the key in AWS Secrets Manager and read it at build time";

std::string describe(const SecretMatch& m, std::string_view secret) {
  std::string masked = code(mask_secret(secret));
  switch (m.kind) {
    case SecretKind::AccessKeyId:
      return "AWS access key id " + masked + " written in the document" + std::string(kUseTheRole);
    case SecretKind::SecretAccessKey:
      return "AWS secret access key (" + masked + ") written in the document" + std::string(kUseTheRole);
    case SecretKind::PrivateKey:
      return "private key (" + code(m.label) + ") written in the document" + std::string(kKeepItOut);
    case SecretKind::Assignment:
      return code(m.label) + " is set to a literal secret (" + masked + ")" + std::string(kKeepItOut);
    case SecretKind::SecureString:
      return "`ConvertTo-SecureString -AsPlainText` is given a literal password (" + masked + ")" +
             std::string(kKeepItOut);
  }
  return "";
}

class HardcodedSecret final : public Rule {
 public:
  const RuleInfo& info() const override {
    static const RuleInfo rule{"IB601", "hardcoded-secret", Severity::Warning,
                               "A credential is written in the document: AWS keys, private keys, passwords, "
                               "tokens, secret parameter defaults",
                               true};
    return rule;
  }

  void check(const LintContext& context, Reporter& out) const override {
    Scan scan{context.file, out, {}, {}};
    if (context.component->root) scan.secret_lookups(*context.component->root);
    for (const Variable& variable : context.component->variables) scan.variable(variable);
    if (context.component->root) scan.tree(*context.component->root);
  }

 private:
  struct Scan {
    const SourceFile& file;
    Reporter& out;
    std::vector<Span> reported;
    std::set<std::string> lookup_names;  ///< variables used as the id of a secret (`--secret-id "{{ X }}"`)

    bool report(const Node& node, size_t begin, size_t end, const std::string& message) {
      std::optional<Span> exact = exact_scalar_span(file, node, begin, end);
      Span span = exact ? *exact : node.span;
      for (const Span& r : reported) {
        if (span.begin < r.end && r.begin < span.end) return false;
      }
      reported.push_back(span);
      out.report(span, message);
      return true;
    }

    /// The whole value of a scalar given to a secret name, when it is a literal.
    void literal_value(const Node& value, const std::string& message_head, std::string_view advice = kKeepItOut) {
      if (!value.is_string()) return;
      // YAML single quotes and block scalars keep `$` literal; treat all YAML values alike
      if (!is_literal_secret(value.value, true)) return;
      size_t begin = value.value.find_first_not_of(" \t\n");
      size_t end = value.value.find_last_not_of(" \t\n") + 1;
      std::string_view secret = std::string_view(value.value).substr(begin, end - begin);
      report(value, begin, end, message_head + " (" + code(mask_secret(secret)) + ")" + std::string(advice));
    }

    /// Names of variables that the document passes to a Secrets Manager or Parameter Store
    /// lookup (`aws secretsmanager get-secret-value --secret-id "{{ X }}"`, `Get-SECSecretValue
    /// -SecretId "{{ X }}"`): their value names a secret, it is not one.
    void secret_lookups(const Node& root) {
      std::vector<const Node*> stack{&root};
      while (!stack.empty()) {
        const Node* node = stack.back();
        stack.pop_back();
        if (node->is_mapping()) {
          for (const yaml::Pair& pair : node->pairs) stack.push_back(pair.value);
        } else if (node->is_sequence()) {
          for (const Node* item : node->items) stack.push_back(item);
        } else if (node->is_string()) {
          const std::string& text = node->value;
          for (size_t open = text.find("{{"); open != std::string::npos; open = text.find("{{", open + 2)) {
            size_t close = text.find("}}", open);
            if (close == std::string::npos) break;
            // Views, not copies: most `{{ }}` follow no lookup, and this runs for every one.
            size_t line = text.rfind('\n', open);
            line = line == std::string::npos ? 0 : line + 1;
            std::string_view before = std::string_view(text).substr(line, open - line);
            bool lookup = false;
            for (std::string_view word : {"secret-id", "secretid", "get-secsecretvalue", "get-ssmparameter",
                                          "get-parameter", "secretsmanager"}) {
              lookup = lookup || contains_ignoring_case(before, word);
            }
            if (!lookup) continue;
            std::string_view name = std::string_view(text).substr(open + 2, close - open - 2);
            name.remove_prefix(std::min(name.size(), name.find_first_not_of(" \t")));
            name.remove_suffix(name.size() - (name.find_last_not_of(" \t") + 1));
            lookup_names.emplace(name);
          }
        }
      }
    }

    /// A parameter or constant named like a secret, with a literal default or value.
    void variable(const Variable& variable) {
      if (!variable.definition || !is_secret_name(variable.name) || lookup_names.count(variable.name)) return;
      const Node& definition = variable.definition->resolved();
      if (!definition.is_mapping()) return;
      const Node* value = definition.find(variable.constant ? "value" : "default");
      if (!value) return;
      literal_value(value->resolved(),
                    std::string(variable.constant ? "constant " : "parameter ") + code(variable.name) +
                        " has a literal " + (variable.constant ? "value" : "default"),
                    variable.constant ? kKeepItOut : kParameter);
    }

    /// Every scalar of the document, iteratively (the parser bounds the depth; the stack does not recurse).
    void tree(const Node& root) {
      std::vector<const Node*> stack{&root};
      while (!stack.empty()) {
        const Node* node = stack.back();
        stack.pop_back();
        if (node->kind == yaml::Kind::Alias) continue;  // its anchor is scanned where it is defined
        if (node->is_mapping()) {
          pairs(*node);
          for (auto it = node->pairs.rbegin(); it != node->pairs.rend(); ++it) {
            stack.push_back(it->value);
            stack.push_back(it->key);
          }
        } else if (node->is_sequence()) {
          for (auto it = node->items.rbegin(); it != node->items.rend(); ++it) stack.push_back(*it);
        } else if (node->is_scalar() && !node->is_null()) {
          for (const SecretMatch& m : find_secrets_memoized(node->value)) {
            std::string_view secret = std::string_view(node->value).substr(m.begin, m.end - m.begin);
            report(*node, m.begin, m.end, describe(m, secret));
          }
        }
      }
    }

    /// `PASSWORD: literal` (InstallMSI properties) and `{name: AdminPassword, value: literal}`
    /// (ExecuteDocument parameters, SetRegistry entries).
    void pairs(const Node& map) {
      const Node* name = map.find("name");
      const Node* value = map.find("value");
      if (name && value && name->resolved().is_string() && is_secret_name(name->resolved().value)) {
        // ExecuteDocument parameters are passed as parameters; SetRegistry entries (with a path) are not
        literal_value(value->resolved(), code(name->resolved().value) + " is given a literal value",
                      map.find("path") ? kKeepItOut : kParameter);
      }
      for (const yaml::Pair& pair : map.pairs) {
        const Node& key = pair.key->resolved();
        if (!key.is_string() || key.value == "name" || !is_secret_name(key.value)) continue;
        literal_value(pair.value->resolved(), code(key.value) + " is given a literal value");
      }
    }
  };
};

}  // namespace

std::unique_ptr<Rule> make_hardcoded_secret() { return std::make_unique<HardcodedSecret>(); }

}  // namespace iblint
