#include <algorithm>
#include <map>
#include <regex>

#include <nlohmann/json.hpp>

#include "catalog/resource_schema.h"
#include "cfn/intrinsic.h"
#include "engine/project_rule.h"
#include "model/arn.h"
#include "model/project.h"
#include "rules/rule_support.h"
#include "rules/rules.h"

namespace iblint {
namespace {

using K = cfn::Value::Kind;

/// Values whose content is decided at deployment: never judged.
bool deployment_time(const cfn::Value& v) {
  return v.kind == K::Ref || v.kind == K::GetAtt || v.kind == K::Sub || v.kind == K::Unknown;
}

/// Whole-text match; each pattern is compiled once (they are string literals of this file).
bool matches(const char* pattern, const std::string& text) {
  thread_local std::map<const char*, std::regex> compiled;
  auto it = compiled.find(pattern);
  if (it == compiled.end()) it = compiled.emplace(pattern, std::regex(pattern)).first;
  return std::regex_match(text, it->second);
}

/// `x` may stand for a version node only when every node to its right is `x` too.
bool wildcards_in_order(const std::string& version) {
  bool wildcard = false;
  size_t start = 0;
  while (start <= version.size()) {
    size_t dot = version.find('.', start);
    std::string part = version.substr(start, dot == std::string::npos ? std::string::npos : dot - start);
    if (part == "x") wildcard = true;
    else if (wildcard) return false;
    if (dot == std::string::npos) break;
    start = dot + 1;
  }
  return true;
}

/// Every version node must fit Image Builder's range (0 … 2^30−1).
bool nodes_in_range(const std::string& version) {
  size_t start = 0;
  while (start <= version.size()) {
    size_t dot = version.find('.', start);
    std::string part = version.substr(start, dot == std::string::npos ? std::string::npos : dot - start);
    if (part != "x" && (part.size() > 10 || std::stoll(part) > 1073741823LL)) return false;
    if (dot == std::string::npos) break;
    start = dot + 1;
  }
  return true;
}

/// What is wrong with text for pattern ("" when it matches).
std::string pattern_problem(FieldPattern pattern, const std::string& text, Profile profile) {
  switch (pattern) {
    case FieldPattern::None: return "";
    case FieldPattern::ResourceName:
      if (matches("[-_A-Za-z0-9][-_A-Za-z0-9 ]{1,126}[-_A-Za-z0-9]", text)) return "";
      return "names are 3–128 characters of letters, digits, `-`, `_` and inner spaces";
    case FieldPattern::Version:
      if (matches("[0-9]+\\.[0-9]+\\.[0-9]+", text) && nodes_in_range(text)) return "";
      return "a component version is three numbers, `<major>.<minor>.<patch>` (no wildcards), each at most 1073741823";
    case FieldPattern::RecipeVersion:
      if (profile == Profile::Seed2020) {
        if (matches("[0-9]+\\.[0-9]+\\.[0-9]+", text) && nodes_in_range(text)) return "";
        return "a recipe version is three numbers, `<major>.<minor>.<patch>`" + profile_note(profile);
      }
      if (!matches("([0-9]+|x)\\.([0-9]+|x)\\.([0-9]+|x)", text) || !nodes_in_range(text))
        return "a recipe version is `<major>.<minor>.<patch>`, each a number at most 1073741823 or `x`";
      if (!wildcards_in_order(text)) return "once a node is `x`, every node to its right must be `x` (`1.x.x`, not `x.2.x`)";
      return "";
    case FieldPattern::InstanceProfileName:
      if (text.empty() || matches("[\\w+=,.@-]+", text)) return "";  // empty: IB504
      return "an instance profile name holds only letters, digits and `+=,.@_-` (a name, not an ARN)";
    case FieldPattern::AccountId:
      if (matches("[0-9]{12}", text)) return "";
      return "an account id is 12 digits";
    case FieldPattern::AmiName:
      if (matches("[-_A-Za-z0-9{][-_A-Za-z0-9\\s:{}.]+[-_A-Za-z0-9}]", text)) return "";
      return "an AMI name holds letters, digits, spaces and `-_:.{}`, and starts and ends with a letter, digit, `-`, `_` or a brace";
    case FieldPattern::LaunchTemplateId:
      if (matches("lt-[a-z0-9-_]{17}", text)) return "";
      return "a launch template id is `lt-` followed by 17 characters";
    case FieldPattern::Base64:
      if (matches("(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?", text)) return "";
      return "`UserDataOverride` must be base64-encoded (use `Fn::Base64` in a template)";
    case FieldPattern::ComponentArn: {
      std::optional<ImageBuilderArn> arn = parse_imagebuilder_arn(text);
      if (!arn || arn->type != "component") return "";  // IB402 judges what it refers to
      if (matches("arn:aws[^:]*:imagebuilder:[^:]+:(?:[0-9]{12}|aws(?:-[a-z-]+)?):component/[a-z0-9-_]+/"
                  "(?:(?:([0-9]+|x)\\.([0-9]+|x)\\.([0-9]+|x))|(?:[0-9]+\\.[0-9]+\\.[0-9]+/[0-9]+))",
                  text) &&
          wildcards_in_order(arn->version))
        return "";
      return "a component ARN ends in `component/<lower-case-name>/<version>` or `/<version>/<build>` (`x` wildcards only "
             "from the right, as in `1.x.x`)";
    }
    case FieldPattern::SnsTopicArn:
      if (matches("arn:aws[^:]*:sns:[^:]+:[0-9]{12}:[a-zA-Z0-9-_]{1,256}", text)) return "";
      return "expected an SNS topic ARN, `arn:aws:sns:<region>:<account>:<topic>`";
    case FieldPattern::LogGroupName:
      if (matches("[a-zA-Z0-9\\-_/\\.]{1,512}", text)) return "";
      return "a log group name holds letters, digits and `-_/.`";
    case FieldPattern::SsmParameterName:
      if (matches("[a-zA-Z0-9_.\\-/]+", text)) return "";
      return "an SSM parameter name holds letters, digits and `_.-/`";
    case FieldPattern::KmsKey:
      if (matches("arn:aws[^:]*:kms:[^:]*:[0-9]{12}:(key|alias)/.+", text) ||
          matches("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}", text) ||
          matches("mrk-[0-9a-fA-F]{32}", text) || matches("alias/[a-zA-Z0-9/_-]+", text))
        return "";
      return "a KMS key is given by key ARN or alias ARN (`arn:aws:kms:<region>:<account>:key/<id>`), key id or `alias/<name>`";
    case FieldPattern::SecurityGroupId:
      if (matches("sg-([a-fA-F0-9]{8}|[a-fA-F0-9]{17})", text)) return "";
      return "a security group id is `sg-` and 8 or 17 hexadecimal digits (an id, not a name)";
    case FieldPattern::SubnetId:
      if (matches("subnet-([a-fA-F0-9]{8}|[a-fA-F0-9]{17})", text)) return "";
      return "a subnet id is `subnet-` and 8 or 17 hexadecimal digits";
    case FieldPattern::LicenseConfigurationArn:
      if (matches("arn:aws[^:]*:license-manager:[^:]+:[0-9]{12}:license-configuration:lic-[a-z0-9-_]{32}", text)) return "";
      return "expected a License Manager ARN, `arn:aws:license-manager:<region>:<account>:license-configuration:lic-<32 characters>`";
    case FieldPattern::OrganizationArn:
      if (matches("arn:aws[^:]*:organizations::[0-9]{12}:organization/o-[a-z0-9]{10,32}", text)) return "";
      return "expected an organization ARN, `arn:aws:organizations::<account>:organization/o-<10 to 32 characters>`";
    case FieldPattern::OrganizationalUnitArn:
      if (std::regex_search(text, std::regex("^arn:aws[^:]*:organizations::[0-9]{12}:ou/o-[a-z0-9]{10,32}/ou-[0-9a-z]{4,32}-[0-9a-z]{8,32}")))
        return "";
      return "expected an organizational unit ARN, `arn:aws:organizations::<account>:ou/o-<id>/ou-<root>-<id>`";
    case FieldPattern::ParallelGroup:
      if (matches("[A-Za-z0-9][A-Za-z0-9-_+#]{0,99}", text)) return "";
      return "a parallel group is 1–100 characters of letters, digits and `-_+#`";
  }
  return "";
}

class ResourceSchemaRule final : public ProjectRule {
 public:
  const RuleInfo& info() const override {
    static const RuleInfo rule{"IB401", "resource-schema", Severity::Error,
                               "Image Builder resources must have the properties, types and values the service accepts"};
    return rule;
  }

  void check_project(const ProjectContext& context, Reporter& out) const override {
    for (const Resource& r : context.project.resources) {
      const std::vector<Field>* fields = resource_fields(r.kind);
      if (!fields || r.type == "ImportComponent") continue;
      Check check{r, out, context.profile};
      check.resource(*fields);
    }
  }

 private:
  struct Check {
    const Resource& r;
    Reporter& out;
    Profile profile;
    std::vector<std::string> suggested_ = {};  ///< did-you-mean names given for the current mapping

    std::string_view name_of(const Field& f) const { return r.api() ? f.api : f.cfn; }
    std::string what() const {
      return std::string(kind_name(r.kind)) + " " + r.label();
    }
    Diagnostic& report(Span span, std::string message) { return out.report(*r.file, span, std::move(message)); }

    void resource(const std::vector<Field>& fields) {
      const yaml::Node* props_node = r.api() ? r.node : (r.node ? r.node->find("Properties") : nullptr);
      if (!r.api() && (!props_node || !props_node->resolved().is_mapping())) {
        if (props_node && !props_node->is_null() && intrinsic_free(*props_node)) {
          report(props_node->span, what() + ": `Properties` must be a mapping, not " + std::string(yaml::describe(*props_node)));
          return;
        }
        if (!props_node) {
          std::vector<std::string> missing;
          for (const Field& f : fields) {
            if (f.required_cfn) missing.push_back(code(f.cfn));
          }
          if (!missing.empty()) report(r.anchor(), what() + " has no `Properties`; it needs " + join(missing));
        }
        return;
      }
      if (!r.api()) attributes(fields);
      cfn::Value props = r.evaluate(props_node);
      if (props.kind != K::Map) return;
      object(props, fields, r.anchor(), true);
      one_of_rules(props);
    }

    static bool intrinsic_free(const yaml::Node& n) { return n.tag.empty(); }

    /// Keys beside Type and Properties must be resource attributes; a property written there
    /// (a common indentation slip) is named as such.
    void attributes(const std::vector<Field>& fields) {
      static const std::vector<std::string_view> kAttributes = {
          "Type", "Properties", "DependsOn", "Condition", "Metadata", "DeletionPolicy", "UpdateReplacePolicy",
          "CreationPolicy", "UpdatePolicy"};
      if (!r.node || !r.node->resolved().is_mapping()) return;
      for (const yaml::Pair& pair : r.node->resolved().pairs) {
        const yaml::Node& key = pair.key->resolved();
        if (!key.is_scalar() || std::find(kAttributes.begin(), kAttributes.end(), key.value) != kAttributes.end()) continue;
        bool property = std::any_of(fields.begin(), fields.end(), [&](const Field& f) { return f.cfn == key.value; });
        std::string message = what() + ": " + code(key.value) + " is not a resource attribute";
        if (property) message += "; it is a property: indent it under `Properties`";
        else message += did_you_mean(key.value, kAttributes);
        report(pair.key->span, message);
      }
    }

    /// Items behind an `!If` whose condition the defaults decide still have to be valid in the
    /// other deployment: a list parameter in either branch is a list inside the list.
    void list_parameter_items(const Field& f, const cfn::Value& v, Span at, const std::string& name) {
      if (!r.tmpl || !v.node || !v.node->resolved().is_sequence()) return;
      for (const yaml::Node* item : v.node->resolved().items) {
        cfn::Intrinsic call = cfn::intrinsic_of(*item);
        if (call.name != "Fn::If" || !call.argument->resolved().is_sequence()) continue;
        const auto& parts = call.argument->resolved().items;
        cfn::Value evaluated = r.evaluate(item);
        if (evaluated.kind == K::Unknown) continue;  // both branches stay and are checked as items
        for (size_t i = 1; i < parts.size() && i < 3; ++i) {
          cfn::Value branch = r.evaluate(parts[i]);
          if (list_parameter(branch))
            report(branch.span_or(at), name + " holds strings, but " + branch.describe() +
                                           " (a branch of this `Fn::If`) is a list parameter: a list inside the list. Write `" +
                                           std::string(name_of(f)) + ": !If [...]` around the whole list instead");
        }
      }
    }

    /// A `List<…>` or CommaDelimitedList parameter written as one item of a list.
    bool list_parameter(const cfn::Value& item) const {
      if (item.kind != K::Ref || item.ref_target != cfn::Value::RefTarget::Parameter || !r.tmpl) return false;
      const cfn::Parameter* p = r.tmpl->parameter(item.text);
      return p && (p->type.starts_with("List<") || p->type == "CommaDelimitedList" ||
                   p->type.starts_with("AWS::SSM::Parameter::Value<List<"));
    }

    static std::string join(const std::vector<std::string>& names) {
      std::string out;
      for (size_t i = 0; i < names.size(); ++i) out += (i ? (i + 1 == names.size() ? " and " : ", ") : "") + names[i];
      return out;
    }

    /// A property the request or template writes in the other spelling.
    const Field* other_spelling(const std::vector<Field>& fields, std::string_view key) const {
      auto same = [](std::string_view a, std::string_view b) {
        return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
                 return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
               });
      };
      for (const Field& f : fields) {
        if (key.empty()) continue;
        // The other spelling exactly, or the other spelling's name with this file's casing
        // (`LaunchPermission` in a template for the API's `launchPermission`).
        if ((r.api() ? f.cfn : f.api) == key || (!f.api.empty() && same(f.api, key) && name_of(f) != key)) return &f;
      }
      return nullptr;
    }

    void object(const cfn::Value& map, const std::vector<Field>& fields, Span owner, bool top) {
      std::vector<std::string_view> names;
      for (const Field& f : fields) {
        if (!name_of(f).empty()) names.push_back(name_of(f));
      }
      bool update = r.api() && r.type.starts_with("Update");
      std::vector<std::string> enclosing = std::move(suggested_);  // nested mappings keep their own
      suggested_.clear();
      for (const auto& [key_node, value] : map.fields) {
        const yaml::Node& key = key_node->resolved();
        if (!key.is_scalar()) continue;
        const Field* field = nullptr;
        for (const Field& f : fields) {
          if (!name_of(f).empty() && name_of(f) == key.value) field = &f;
        }
        if (!field) {
          if (top && update && key.value.ends_with("Arn")) continue;  // the ARN an Update* request names
          unknown(key_node, key.value, fields, names);
          continue;
        }
        this->value(*field, value, key_node->span);
      }
      // Required members.
      std::vector<std::string> missing;
      for (const Field& f : fields) {
        bool required = r.api() ? f.required_api : f.required_cfn;
        if (!required || name_of(f).empty()) continue;
        if (top && update && f.api == "name") continue;
        if (!map.field(name_of(f)).absent()) continue;
        // A misspelt key already reported with this name as its did-you-mean.
        if (std::find(suggested_.begin(), suggested_.end(), name_of(f)) != suggested_.end()) continue;
        missing.push_back(code(name_of(f)));
      }
      if (r.kind == ResourceKind::ImageRecipe && top && profile == Profile::Seed2020 &&
          map.field(r.api() ? "components" : "Components").absent())
        missing.push_back(code(r.api() ? "components" : "Components") + profile_note(profile));
      if (!missing.empty()) {
        report(owner, what() + " is missing required " + (missing.size() == 1 ? "property " : "properties ") + join(missing) +
                          (r.api() ? " (the request is rejected)" : " (the stack fails to create it)"));
      }
      suggested_ = std::move(enclosing);
    }

    void unknown(const yaml::Node* key_node, const std::string& key, const std::vector<Field>& fields,
                 const std::vector<std::string_view>& names) {
      std::string message = what() + ": unknown " + (r.api() ? "request member " : "property ") + code(key);
      if (const Field* other = other_spelling(fields, key)) {
        std::string_view right = name_of(*other);
        if (right.empty()) {
          message += r.api() ? " exists only in CloudFormation templates" : " exists only in the API (there is no CloudFormation property for it)";
        } else {
          message += std::string("; ") + (r.api() ? "the API request member is " : "the CloudFormation property is ") + code(right);
          suggested_.emplace_back(right);
          Diagnostic& d = report(key_node->span, message);
          d.fixes.push_back({"Rename to `" + std::string(right) + "`", {{key_node->span, quoted_like(*key_node, right)}}, true});
          return;
        }
      } else {
        // The seed-era CLI guide writes `tags` where the member is `amiTags`.
        std::string close = key == "tags" && std::find(names.begin(), names.end(), "amiTags") != names.end()
                                ? std::string("amiTags")
                                : suggest(key, names);
        if (!close.empty()) {
          message += " (did you mean " + code(close) + "?)";
          suggested_.push_back(close);
          Diagnostic& d = report(key_node->span, message);
          d.fixes.push_back({"Rename to `" + close + "`", {{key_node->span, quoted_like(*key_node, close)}}, false});
          return;
        }
        message += r.api() ? "; the request is rejected with a parameter validation error"
                           : "; CloudFormation rejects properties the resource type does not define";
      }
      report(key_node->span, message);
    }

    /// The replacement text for a key: JSON keys keep their quotes.
    static std::string quoted_like(const yaml::Node& key, std::string_view name) {
      if (key.style == yaml::Style::DoubleQuoted) return "\"" + std::string(name) + "\"";
      if (key.style == yaml::Style::SingleQuoted) return "'" + std::string(name) + "'";
      return std::string(name);
    }

    std::string field_name(const Field& f) const { return code(name_of(f)); }

    void value(const Field& f, const cfn::Value& v, Span key_span) {
      if (deployment_time(v) || v.absent()) return;
      Span at = v.span_or(key_span);
      std::string name = what() + " " + field_name(f);
      if (v.kind == K::Null) {
        report(at, name + " is empty; give it a value or remove it");
        return;
      }
      switch (f.type) {
        case FieldType::String: {
          if (v.kind == K::List || v.kind == K::Map) {
            report(at, name + " must be a string, not " + v.describe());
            return;
          }
          if (r.api() && v.kind != K::String) {
            report(at, name + " must be a JSON string, not " + v.describe() + "; quote it");
            return;
          }
          scalar_text(f, v, at, name);
          return;
        }
        case FieldType::Integer: {
          std::optional<long long> n = integer(v);
          if (!n || (r.api() && v.kind != K::Number)) {
            report(at, name + " must be an integer, not " + v.describe());
            return;
          }
          if ((f.min >= 0 && *n < f.min) || (f.max >= 0 && *n > f.max)) {
            report(at, name + " is " + std::to_string(*n) + "; it must be " + bounds(f));
          }
          return;
        }
        case FieldType::Boolean: {
          bool ok = v.kind == K::Bool;
          if (!ok && !r.api() && v.kind == K::String) {
            std::string lower = v.text;
            std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return std::tolower(c); });
            ok = lower == "true" || lower == "false";  // CloudFormation converts these strings
          }
          if (!ok) report(at, name + " must be a boolean (`true` or `false`), not " + v.describe());
          return;
        }
        case FieldType::StringList: {
          if (v.kind != K::List) {
            // Quoted: in JSON (requests, JSON templates) an unquoted 8080 is a number, not a string.
            report(at, name + " must be a list of strings, not " + v.describe() + "; write `[" +
                           (v.is_literal() ? nlohmann::json(v.text).dump() : std::string("…")) + "]`");
            return;
          }
          count(f, v, at, name);
          list_parameter_items(f, v, at, name);
          for (const cfn::Value& item : v.items) {
            if (list_parameter(item)) {
              report(item.span_or(at), name + " holds strings, but " + item.describe() +
                                           " is a list parameter: a list inside the list. Write `" + std::string(name_of(f)) +
                                           ": !Ref " + item.text + "` instead of listing it");
              continue;
            }
            if (deployment_time(item)) continue;
            if (item.kind == K::List || item.kind == K::Map || item.kind == K::Null || (r.api() && item.kind != K::String)) {
              report(item.span_or(at), name + " holds strings only, not " + item.describe());
              continue;
            }
            std::string problem = pattern_problem(f.pattern, item.text, profile);
            if (!problem.empty()) report(item.span_or(at), name + " entry " + code(item.text) + " is not valid: " + problem);
          }
          return;
        }
        case FieldType::StringMap: {
          if (v.kind != K::Map) {
            report(at, name + " must be a mapping of string keys to string values, not " + v.describe());
            return;
          }
          count(f, v, at, name);
          return;
        }
        case FieldType::Object: {
          if (v.kind != K::Map) {
            report(at, name + " must be a mapping, not " + v.describe());
            return;
          }
          if (f.children) object(v, *f.children, key_span, false);
          return;
        }
        case FieldType::ObjectList: {
          if (v.kind != K::List) {
            report(at, name + " must be a list, not " + v.describe());
            return;
          }
          count(f, v, at, name);
          for (const cfn::Value& item : v.items) {
            if (deployment_time(item)) continue;
            if (item.kind != K::Map) {
              report(item.span_or(at), name + " entries must be mappings, not " + item.describe());
              continue;
            }
            if (f.children) object(item, *f.children, item.span_or(at), false);
          }
          return;
        }
      }
    }

    static std::optional<long long> integer(const cfn::Value& v) {
      if (v.kind != K::Number && v.kind != K::String) return std::nullopt;
      if (v.text.empty() || v.text.size() > 15) return std::nullopt;
      size_t start = v.text[0] == '-' ? 1 : 0;
      if (start == v.text.size()) return std::nullopt;
      for (size_t i = start; i < v.text.size(); ++i) {
        if (!std::isdigit(static_cast<unsigned char>(v.text[i]))) return std::nullopt;
      }
      return std::stoll(v.text);
    }

    static std::string bounds(const Field& f) {
      if (f.min >= 0 && f.max >= 0) return "between " + std::to_string(f.min) + " and " + std::to_string(f.max);
      if (f.min >= 0) return "at least " + std::to_string(f.min);
      return "at most " + std::to_string(f.max);
    }

    void count(const Field& f, const cfn::Value& v, Span at, const std::string& name) {
      size_t n = v.kind == K::List ? v.items.size() : v.fields.size();
      if (v.kind == K::List && std::any_of(v.items.begin(), v.items.end(), deployment_time)) return;
      if ((f.min >= 0 && static_cast<long long>(n) < f.min) || (f.max >= 0 && static_cast<long long>(n) > f.max))
        report(at, name + " has " + std::to_string(n) + (n == 1 ? " entry" : " entries") + "; it must have " + bounds(f));
    }

    void scalar_text(const Field& f, const cfn::Value& v, Span at, const std::string& name) {
      const std::string& text = v.text;
      const std::vector<std::string_view>& allowed =
          profile == Profile::Seed2020 && !f.seed_allowed.empty() ? f.seed_allowed : f.allowed;
      if (!allowed.empty()) {
        if (std::find(allowed.begin(), allowed.end(), text) != allowed.end()) return;
        std::string list;
        for (size_t i = 0; i < allowed.size(); ++i) list += (i ? ", " : "") + code(allowed[i]);
        std::string message = name + " is " + code(text) + "; expected one of " + list;
        std::string close = suggest(text, allowed);
        if (!close.empty()) message += " (did you mean " + code(close) + "? values are case-sensitive)";
        if (profile == Profile::Seed2020 && !f.seed_allowed.empty() &&
            std::find(f.allowed.begin(), f.allowed.end(), text) != f.allowed.end())
          message += "; the value was added after the seed" + profile_note(profile);
        report(at, message);
        return;
      }
      if (f.min >= 0 && static_cast<long long>(text.size()) < f.min) {
        report(at, name + " is too short: " + bounds(f) + " characters");
        return;
      }
      if (f.max >= 0 && static_cast<long long>(text.size()) > f.max) {
        report(at, name + " is " + std::to_string(text.size()) + " characters long; the limit is " + std::to_string(f.max));
        return;
      }
      std::string problem = pattern_problem(f.pattern, text, profile);
      if (!problem.empty()) report(at, name + " " + code(text) + " is not valid: " + problem);
    }

    void one_of_rules(const cfn::Value& props) {
      auto has = [&](std::string_view cfn_name) { return !r.field(props, cfn_name).absent(); };
      auto name = [&](std::string_view cfn_name) { return code(r.api() ? Resource::api_name(cfn_name) : std::string(cfn_name)); };
      auto exactly_one = [&](std::string_view a, std::string_view b, const char* why) {
        if (has(a) && has(b)) {
          report(r.field(props, b).span_or(r.anchor()), what() + " sets both " + name(a) + " and " + name(b) + "; " + why);
        } else if (!has(a) && !has(b)) {
          report(r.anchor(), what() + " needs one of " + name(a) + " or " + name(b) + "; " + why);
        }
      };
      switch (r.kind) {
        case ResourceKind::Component: exactly_one("Data", "Uri", "give the document inline or as an S3 URI, not both"); break;
        case ResourceKind::ContainerRecipe:
          exactly_one("DockerfileTemplateData", "DockerfileTemplateUri", "give the Dockerfile template inline or as an S3 URI");
          break;
        case ResourceKind::ImagePipeline:
          if (!(r.api() && r.type.starts_with("Update")))
            exactly_one("ImageRecipeArn", "ContainerRecipeArn", "a pipeline builds from one image recipe or one container recipe");
          break;
        case ResourceKind::Image:
          if (has("ImageRecipeArn") && has("ContainerRecipeArn"))
            report(r.field(props, "ContainerRecipeArn").span_or(r.anchor()),
                   what() + " sets both " + name("ImageRecipeArn") + " and " + name("ContainerRecipeArn") + "; give one");
          break;
        default: break;
      }
    }
  };
};

}  // namespace

std::unique_ptr<Rule> make_resource_schema() { return std::make_unique<ResourceSchemaRule>(); }

}  // namespace iblint
