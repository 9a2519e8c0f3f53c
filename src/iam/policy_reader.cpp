#include "iam/policy_reader.h"

#include "cfn/intrinsic.h"

namespace iblint::iam {
namespace {

/// An S3 bucket of where's template: its name as Text (the literal BucketName, else a symbol).
std::optional<Text> bucket_name(const Resource& where, const std::string& logical_id) {
  if (!where.tmpl) return std::nullopt;
  const cfn::TemplateResource* r = where.tmpl->resource(logical_id);
  if (!r || r->type != "AWS::S3::Bucket") return std::nullopt;
  if (r->properties) {
    cfn::Value name = where.evaluate(r->properties->find("BucketName"));
    if (std::optional<std::string> literal = name.literal()) return Text::literal(*literal);
  }
  return Text::symbol(logical_id);
}

}  // namespace

Text variable_text(const Resource& where, const std::string& name) {
  size_t dot = name.find('.');
  std::string id = name.substr(0, dot);
  if (std::optional<Text> bucket = bucket_name(where, id)) {
    if (dot == std::string::npos) return *bucket;
    if (name.substr(dot + 1) == "Arn") {
      Text arn = Text::literal("arn:");
      arn.append_symbol(kPartition).append_literal(":s3:::").append(*bucket);
      return arn;
    }
  }
  return Text::symbol(name);
}

namespace {

std::optional<Text> join(const cfn::Value& value, const Resource& where) {
  if (!value.node) return std::nullopt;
  cfn::Intrinsic f = cfn::intrinsic_of(*value.node);
  if (f.name != "Fn::Join" || !f.argument) return std::nullopt;
  const yaml::Node& argument = f.argument->resolved();
  if (!argument.is_sequence() || argument.items.size() != 2) return std::nullopt;
  std::optional<std::string> delimiter = where.evaluate(argument.items[0]).literal();
  cfn::Value parts = where.evaluate(argument.items[1]);
  if (!delimiter || parts.kind != cfn::Value::Kind::List) return std::nullopt;
  Text out;
  for (size_t i = 0; i < parts.items.size(); ++i) {
    std::optional<Text> part = text_of(parts.items[i], where);
    if (!part) return std::nullopt;
    if (i) out.append_literal(*delimiter);
    out.append(*part);
  }
  return out;
}

/// The entries of an Action/Resource value (a string or a list); unknown set when some cannot
/// be read.
std::vector<Text> entries(const cfn::Value& value, const Resource& where, bool& unknown) {
  std::vector<Text> out;
  auto one = [&](const cfn::Value& v) {
    if (std::optional<Text> t = text_of(v, where)) out.push_back(std::move(*t));
    else unknown = true;
  };
  if (value.kind == cfn::Value::Kind::List) {
    for (const cfn::Value& item : value.items) one(item);
  } else if (!value.absent()) {
    one(value);
  }
  return out;
}

Statement read_statement(const cfn::Value& s, const Resource& where) {
  Statement out;
  out.node = s.node;
  if (s.kind != cfn::Value::Kind::Map) {
    out.effect = Statement::Effect::Unknown;
    out.actions_unknown = out.resources_unknown = true;
    return out;
  }
  std::optional<std::string> effect = s.field("Effect").literal();
  out.effect = effect == "Allow" ? Statement::Effect::Allow
               : effect == "Deny" ? Statement::Effect::Deny
                                  : Statement::Effect::Unknown;
  const cfn::Value& action = s.field("Action");
  const cfn::Value& not_action = s.field("NotAction");
  out.not_action = action.absent() && !not_action.absent();
  out.actions = entries(out.not_action ? not_action : action, where, out.actions_unknown);
  if (action.absent() && not_action.absent()) out.actions_unknown = true;
  const cfn::Value& resource = s.field("Resource");
  const cfn::Value& not_resource = s.field("NotResource");
  out.not_resource = resource.absent() && !not_resource.absent();
  out.resources = entries(out.not_resource ? not_resource : resource, where, out.resources_unknown);
  if (resource.absent() && not_resource.absent()) out.resources_unknown = true;
  out.conditional = !s.field("Condition").absent();
  return out;
}

}  // namespace

std::optional<Text> text_of(const cfn::Value& value, const Resource& where) {
  using K = cfn::Value::Kind;
  switch (value.kind) {
    case K::String:
    case K::Number:
    case K::Bool: return Text::literal(value.text);
    case K::Sub: {
      // `Fn::Sub: [text, {Name: value}]`: a variable of the map stands for its value.
      const yaml::Node* variables = nullptr;
      if (value.node) {
        cfn::Intrinsic f = cfn::intrinsic_of(*value.node);
        const yaml::Node* argument = f.argument ? &f.argument->resolved() : nullptr;
        if (argument && argument->is_sequence() && argument->items.size() == 2 &&
            argument->items[1]->resolved().is_mapping())
          variables = &argument->items[1]->resolved();
      }
      Text out;
      for (const cfn::Value::Piece& p : value.pieces) {
        if (!p.variable) {
          out.append_literal(p.text);
        } else if (const yaml::Node* given = variables ? variables->find(p.text) : nullptr) {
          std::optional<Text> part = text_of(where.evaluate(given), where);
          if (!part) return std::nullopt;
          out.append(*part);
        } else {
          out.append(variable_text(where, p.text));
        }
      }
      return out;
    }
    case K::Ref:
      if (value.text == "AWS::Partition") return Text::symbol(kPartition);
      return variable_text(where, value.text);
    case K::GetAtt: return variable_text(where, value.text + "." + value.attribute);
    case K::Unknown: return join(value, where);
    default: return std::nullopt;
  }
}

Policy read_policy(const cfn::Value& document, const Resource& where, std::string name) {
  Policy out;
  out.name = std::move(name);
  out.node = document.node;
  if (document.kind != cfn::Value::Kind::Map) {
    out.unreadable = true;
    return out;
  }
  const cfn::Value& statements = document.field("Statement");
  if (statements.kind == cfn::Value::Kind::List) {
    for (const cfn::Value& s : statements.items) out.statements.push_back(read_statement(s, where));
  } else if (statements.kind == cfn::Value::Kind::Map) {
    out.statements.push_back(read_statement(statements, where));
  } else if (!statements.absent()) {
    out.unreadable = true;
  }
  return out;
}

}  // namespace iblint::iam
