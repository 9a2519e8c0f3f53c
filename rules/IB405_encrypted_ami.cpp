#include <algorithm>

#include "engine/project_rule.h"
#include "model/project.h"
#include "rules/rule_support.h"
#include "rules/rules.h"

namespace iblint {
namespace {

using Kind = cfn::Value::Kind;

/// Whether a value certainly holds something once deployed: a non-empty literal, a resource's
/// Ref/GetAtt, a Sub template, an import. A parameter or an `!If` may be empty: not certain.
bool definitely_set(const cfn::Value& v) {
  switch (v.kind) {
    case Kind::String: return !v.text.empty();
    case Kind::Number: return true;
    case Kind::Ref:
    case Kind::GetAtt: return v.ref_target == cfn::Value::RefTarget::Resource;
    case Kind::Sub: return !v.text.empty();
    case Kind::Unknown: return v.text == "Fn::ImportValue";
    default: return false;
  }
}

/// The `Ebs` mappings of a recipe's block device mappings (image recipes, and a container
/// recipe's InstanceConfiguration).
std::vector<const cfn::Value*> ebs_mappings(const ImageRecipe& recipe) {
  std::vector<const cfn::Value*> out;
  for (const cfn::Value& mapping : recipe.block_device_mappings.items) {
    const cfn::Value& ebs = recipe.resource->field(mapping, "Ebs");
    if (ebs.kind == Kind::Map) out.push_back(&ebs);
  }
  return out;
}

/// A KMS key of the template that a KmsKeyId value names (`!Ref Key`, `!GetAtt Key.Arn`, or an
/// AWS::KMS::Alias of such a key); null when the key is outside the template.
const Resource* template_key(const Project& project, const Resource& from, const cfn::Value& value, int depth = 0) {
  if ((value.kind != Kind::Ref && value.kind != Kind::GetAtt) || value.ref_target != cfn::Value::RefTarget::Resource || depth > 2)
    return nullptr;
  for (const Resource& r : project.resources) {
    if (r.tmpl != from.tmpl || r.logical_id != value.text) continue;
    if (r.kind == ResourceKind::KmsKey) return &r;
    if (r.type == "AWS::KMS::Alias") return template_key(project, r, r.property("TargetKeyId"), depth + 1);
    return nullptr;
  }
  return nullptr;
}

/// Whether the key policy lets the account use the key: an Allow statement whose principal is
/// `*` or names the account. nullopt when the policy is not written out literally.
std::optional<bool> key_policy_grants(const Resource& key, const std::string& account) {
  cfn::Value policy = key.property("KeyPolicy");
  if (policy.kind != Kind::Map) return std::nullopt;
  const cfn::Value& statements = policy.field("Statement");
  std::vector<const cfn::Value*> list;
  if (statements.kind == Kind::List) {
    for (const cfn::Value& s : statements.items) list.push_back(&s);
  } else if (statements.kind == Kind::Map) {
    list.push_back(&statements);
  } else {
    return std::nullopt;
  }
  bool unknown = false;
  for (const cfn::Value* s : list) {
    if (s->field("Effect").literal() != "Allow") continue;
    const cfn::Value& principal = s->field("Principal");
    if (principal.literal() == "*") return true;
    const cfn::Value& aws = principal.field("AWS");
    std::vector<const cfn::Value*> names;
    if (aws.kind == Kind::List) {
      for (const cfn::Value& a : aws.items) names.push_back(&a);
    } else if (!aws.absent()) {
      names.push_back(&aws);
    }
    for (const cfn::Value* name : names) {
      std::optional<std::string> text = name->literal();
      // `arn:${AWS::Partition}:iam::${AWS::AccountId}:root` is the key's own account, never a target.
      if (!text && name->kind == Kind::Sub && name->text.find(":iam::${AWS::AccountId}:") != std::string::npos) continue;
      if (!text) {
        unknown = true;  // `!Sub arn:aws:iam::${TargetAccount}:root`: cannot tell
        continue;
      }
      if (*text == "*" || *text == account || text->find(":iam::" + account + ":") != std::string::npos) return true;
    }
  }
  if (unknown) return std::nullopt;
  return false;
}

/// Encrypted sources and outputs: unsupported in seed-2020; in the current service, a KMS key
/// without `Encrypted: true` and cross-account sharing of AMIs whose key grants nothing to the
/// accounts.
class EncryptedAmi final : public ProjectRule {
 public:
  const RuleInfo& info() const override {
    static const RuleInfo rule{"IB405", "encrypted-ami", Severity::Error,
                               "Encrypted AMIs: unsupported in seed-2020; today a KMS key needs `Encrypted: true` and key grants"};
    return rule;
  }

  void check_project(const ProjectContext& context, Reporter& out) const override {
    if (context.profile == Profile::Seed2020) {
      seed(context.project, out);
    } else {
      current(context.project, out);
    }
  }

 private:
  static std::string name(const Resource& r, std::string_view cfn, std::string_view api) {
    return code(r.api() ? api : cfn);
  }

  static void seed(const Project& project, Reporter& out) {
    const std::string note = profile_note(Profile::Seed2020);
    for (const ImageRecipe& recipe : project.recipes) {
      const Resource& r = *recipe.resource;
      for (const cfn::Value* ebs : ebs_mappings(recipe)) {
        const cfn::Value& encrypted = r.field(*ebs, "Encrypted");
        const cfn::Value& key = r.field(*ebs, "KmsKeyId");
        if (encrypted.literal() == "true") {
          out.report(*r.file, encrypted.span_or(r.anchor()),
                     "recipe " + r.label() + " encrypts the build volume (" + name(r, "Ebs.Encrypted: true", "ebs.encrypted: true") +
                         "), so the output AMI is encrypted, which the 2020 service did not support (encrypted AMIs "
                         "arrived on 2020-07-01); remove it" + note);
        } else if (definitely_set(key)) {
          out.report(*r.file, key.span_or(r.anchor()),
                     "recipe " + r.label() + " sets " + name(r, "Ebs.KmsKeyId", "ebs.kmsKeyId") +
                         ": an encrypted output AMI, which the 2020 service did not support (encrypted AMIs arrived on "
                         "2020-07-01); remove it" + note);
        }
      }
      // A parent image built by the project from an encrypted recipe is an encrypted source.
      if (recipe.parent.status == Link::Status::Resolved) {
        for (const ImagePipeline& p : project.pipelines) {
          if (p.resource != recipe.parent.target) continue;
          const ImageRecipe* base = project.recipe_of(p.recipe);
          if (!base || !encrypts(*base)) continue;
          Diagnostic& d = out.report(*r.file, recipe.parent_image.span_or(r.anchor()),
                                     "recipe " + r.label() + " builds on the image " + p.resource->label() +
                                         ", whose recipe " + base->resource->label() +
                                         " encrypts it; the 2020 service did not accept an encrypted parent AMI" + note);
          d.related.push_back({base->resource->anchor(), "this recipe encrypts its AMI", base->resource->file});
        }
      }
    }
    for (const DistributionConfiguration& d : project.distributions) {
      const Resource& r = *d.resource;
      for (const cfn::Value& entry : d.distributions.items) {
        const cfn::Value& key = r.field(r.field(entry, "AmiDistributionConfiguration"), "KmsKeyId");
        if (!definitely_set(key)) continue;
        std::string region = r.field(entry, "Region").literal().value_or("");
        out.report(*r.file, key.span_or(r.anchor()),
                   "distribution " + r.label() + " encrypts the distributed AMI" + (region.empty() ? "" : " in " + region) +
                       " (" + name(r, "KmsKeyId", "kmsKeyId") +
                       "), which the 2020 service did not support (encrypted distribution arrived on 2020-07-01, "
                       "distribution KMS keys in September 2020); remove it" + note);
      }
    }
  }

  static bool encrypts(const ImageRecipe& recipe) {
    for (const cfn::Value* ebs : ebs_mappings(recipe)) {
      if (recipe.resource->field(*ebs, "Encrypted").literal() == "true" || definitely_set(recipe.resource->field(*ebs, "KmsKeyId")))
        return true;
    }
    return false;
  }

  static void current(const Project& project, Reporter& out) {
    for (const ImageRecipe& recipe : project.recipes) {
      const Resource& r = *recipe.resource;
      for (const cfn::Value* ebs : ebs_mappings(recipe)) {
        const cfn::Value& encrypted = r.field(*ebs, "Encrypted");
        const cfn::Value& key = r.field(*ebs, "KmsKeyId");
        if (!definitely_set(key)) continue;
        if (!encrypted.absent() && encrypted.literal() != "false") continue;  // true, or not known
        Diagnostic& d = out.report(
            *r.file, key.span_or(r.anchor()),
            "recipe " + r.label() + " gives " + name(r, "Ebs.KmsKeyId", "ebs.kmsKeyId") + " but " +
                (encrypted.absent() ? "no " + name(r, "Encrypted", "encrypted") : name(r, "Encrypted: false", "encrypted: false")) +
                ": EC2 uses a key only for an encrypted volume, so the build fails or the AMI is not encrypted as "
                "intended; add " + name(r, "Encrypted: true", "\"encrypted\": true"));
        d.severity = Severity::Warning;
      }
    }
    // Each distribution once, with the recipe keys of every pipeline of the project using it.
    for (const DistributionConfiguration& d : project.distributions) {
      std::vector<std::pair<const Resource*, const Resource*>> recipe_keys;  // key, recipe
      for (const ImagePipeline& p : project.pipelines) {
        if (project.distribution_of(p.distribution) != &d) continue;
        const ImageRecipe* recipe = project.recipe_of(p.recipe);
        if (!recipe) continue;
        for (const cfn::Value* ebs : ebs_mappings(*recipe)) {
          const Resource* key = template_key(project, *recipe->resource, recipe->resource->field(*ebs, "KmsKeyId"));
          std::pair<const Resource*, const Resource*> entry{key, recipe->resource};
          if (key && std::find(recipe_keys.begin(), recipe_keys.end(), entry) == recipe_keys.end()) recipe_keys.push_back(entry);
        }
      }
      check_grants(project, d, recipe_keys, out);
    }
  }

  /// Accounts that receive a copy (TargetAccountIds) or launch permission (UserIds) of an AMI
  /// encrypted with a key of the template must be allowed to use it by the key policy.
  static void check_grants(const Project& project, const DistributionConfiguration& d,
                           const std::vector<std::pair<const Resource*, const Resource*>>& recipe_keys, Reporter& out) {
    const Resource& r = *d.resource;
    for (const cfn::Value& entry : d.distributions.items) {
      const cfn::Value& ami = r.field(entry, "AmiDistributionConfiguration");
      std::vector<std::pair<const Resource*, const Resource*>> keys;
      const cfn::Value& own_key = r.field(ami, "KmsKeyId");
      if (!own_key.absent()) {
        if (const Resource* key = template_key(project, r, own_key)) keys.push_back({key, &r});
      } else {
        keys = recipe_keys;  // without its own key the copy keeps the recipe's encryption
      }
      if (keys.empty()) continue;
      std::vector<const cfn::Value*> accounts;
      for (const cfn::Value& a : r.field(ami, "TargetAccountIds").items) accounts.push_back(&a);
      for (const cfn::Value& a : r.field(r.field(ami, "LaunchPermissionConfiguration"), "UserIds").items) accounts.push_back(&a);
      for (const cfn::Value* account : accounts) {
        std::optional<std::string> id = account->literal();
        if (!id) continue;
        for (const auto& [key, owner] : keys) {
          std::optional<bool> granted = key_policy_grants(*key, *id);
          if (!granted || *granted) continue;
          Diagnostic& diag = out.report(
              *r.file, account->span_or(r.anchor()),
              "distribution " + r.label() + " gives account " + code(*id) + " an AMI encrypted with the KMS key " +
                  key->label() + (owner == &r ? "" : " (from recipe " + owner->label() + ")") +
                  ", but the key policy allows that account nothing, so distribution fails; allow it kms:Decrypt, "
                  "kms:Encrypt, kms:ReEncrypt*, kms:GenerateDataKey*, kms:DescribeKey and kms:CreateGrant in the key policy");
          diag.severity = Severity::Warning;
          diag.related.push_back({key->anchor(), "the key whose policy lacks the account", key->file});
        }
      }
    }
  }
};

}  // namespace

std::unique_ptr<Rule> make_encrypted_ami() { return std::make_unique<EncryptedAmi>(); }

}  // namespace iblint
