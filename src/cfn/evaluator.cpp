#include "cfn/evaluator.h"

#include <charconv>

#include "cfn/intrinsic.h"

namespace iblint::cfn {
namespace {

constexpr int kMaxDepth = 64;  // nested functions and condition chains; deeper is Unknown

Value unknown(const yaml::Node& call, std::string name) {
  Value v;
  v.kind = Value::Kind::Unknown;
  v.node = &call;
  v.text = std::move(name);
  return v;
}

/// The argument's items: for the short form the tagged node is the argument itself.
const std::vector<yaml::Node*>* items_of(const yaml::Node& argument) {
  const yaml::Node& a = argument.resolved();
  return a.is_sequence() ? &a.items : nullptr;
}

}  // namespace

Value Evaluator::evaluate(const yaml::Node* node) const {
  if (!node) return {};
  return eval(*node, false, 0);
}

std::optional<bool> Evaluator::condition(std::string_view name) const { return condition_at(name, 0); }

Value Evaluator::eval(const yaml::Node& node, bool ignore_tag, int depth) const {
  if (depth > kMaxDepth) return unknown(node, "nesting too deep");
  if (template_ && !ignore_tag) {
    Intrinsic f = intrinsic_of(node);
    if (!f.name.empty()) {
      Value v = call(f.name, node, *f.argument, depth + 1);
      if (v.node == &node) v.long_form = f.argument != &node;
      return v;
    }
  }
  return data(node, ignore_tag, depth);
}

Value Evaluator::data(const yaml::Node& node, bool ignore_tag, int depth) const {
  const yaml::Node& n = node.kind == yaml::Kind::Alias ? node.resolved() : node;
  Value v;
  v.node = &node;
  if (n.kind == yaml::Kind::Alias) {
    v.kind = Value::Kind::Unknown;
    v.text = "alias";
  } else if (n.is_mapping()) {
    v.kind = Value::Kind::Map;
    for (const yaml::Pair& pair : n.pairs) {
      Value field = eval(*pair.value, false, depth + 1);
      if (field.absent() && template_) continue;  // `!Ref AWS::NoValue` removes the key
      v.fields.push_back({pair.key, std::move(field)});
    }
  } else if (n.is_sequence()) {
    v.kind = Value::Kind::List;
    for (const yaml::Node* item : n.items) {
      Value element = eval(*item, false, depth + 1);
      if (element.absent() && template_) continue;
      v.items.push_back(std::move(element));
    }
  } else {
    (void)ignore_tag;
    v.text = n.value;
    switch (n.type) {
      case yaml::ScalarType::Null: v.kind = Value::Kind::Null; break;
      case yaml::ScalarType::Bool: v.kind = Value::Kind::Bool; break;
      case yaml::ScalarType::Int:
      case yaml::ScalarType::Float: v.kind = Value::Kind::Number; break;
      default: v.kind = Value::Kind::String; break;
    }
  }
  return v;
}

Value Evaluator::call(const std::string& name, const yaml::Node& call, const yaml::Node& argument, int depth) const {
  bool short_form = &call == &argument;
  auto arg = [&](size_t i) -> const yaml::Node* {
    const auto* items = items_of(argument);
    return items && i < items->size() ? (*items)[i] : nullptr;
  };
  auto value_at = [&](size_t i) -> Value {
    const yaml::Node* n = arg(i);
    return n ? eval(*n, false, depth) : Value{};
  };

  if (name == "Ref") {
    Value v;
    v.kind = Value::Kind::Ref;
    v.node = &call;
    const yaml::Node& a = argument.resolved();
    if (!a.is_scalar()) return unknown(call, "Ref");
    v.text = a.value;
    if (v.text == "AWS::NoValue") return {};
    if (is_pseudo_parameter(v.text)) {
      v.ref_target = Value::RefTarget::Pseudo;
    } else if (const Parameter* p = template_->parameter(v.text)) {
      v.ref_target = Value::RefTarget::Parameter;
      v.parameter_default = p->default_value;
    } else if (template_->resource(v.text)) {
      v.ref_target = Value::RefTarget::Resource;
    } else {
      v.ref_target = Value::RefTarget::Missing;
    }
    return v;
  }
  if (name == "Fn::GetAtt") {
    Value v;
    v.kind = Value::Kind::GetAtt;
    v.node = &call;
    const yaml::Node& a = argument.resolved();
    if (a.is_scalar()) {
      size_t dot = a.value.find('.');
      v.text = a.value.substr(0, dot);
      v.attribute = dot == std::string::npos ? "" : a.value.substr(dot + 1);
    } else if (a.is_sequence() && a.items.size() == 2 && a.items[0]->resolved().is_scalar()) {
      v.text = a.items[0]->resolved().value;
      Value attribute = eval(*a.items[1], false, depth);
      if (!attribute.literal()) return unknown(call, "Fn::GetAtt");
      v.attribute = *attribute.literal();
    } else {
      return unknown(call, "Fn::GetAtt");
    }
    v.ref_target = template_->resource(v.text) ? Value::RefTarget::Resource : Value::RefTarget::Missing;
    return v;
  }
  if (name == "Fn::Sub") return sub(call, argument, short_form, depth);
  if (name == "Fn::If") {
    const yaml::Node* cond = arg(0);
    if (!cond || !cond->resolved().is_scalar()) return unknown(call, name);
    std::optional<bool> truth = condition_at(cond->resolved().value, depth);
    if (truth) return value_at(*truth ? 1 : 2);
    Value v = unknown(call, name);  // both branches stay visible to rules
    for (size_t i : {1u, 2u}) {
      Value branch = value_at(i);
      if (!branch.absent()) v.items.push_back(std::move(branch));
    }
    return v;
  }
  if (name == "Fn::Join") {
    Value delimiter = value_at(0);
    Value list = value_at(1);
    std::optional<std::string> separator = delimiter.literal();
    if (separator && list.kind == Value::Kind::List) {
      std::string joined;
      bool known = true;
      for (size_t i = 0; i < list.items.size() && known; ++i) {
        std::optional<std::string> part = list.items[i].literal();
        known = part.has_value();
        if (known) joined += (i ? *separator : std::string()) + *part;
      }
      if (known) {
        Value v;
        v.kind = Value::Kind::String;
        v.node = &call;
        v.text = std::move(joined);
        return v;
      }
    }
    Value v = unknown(call, name);
    if (list.kind == Value::Kind::List) v.items = std::move(list.items);
    return v;
  }
  if (name == "Fn::Select") {
    Value index = value_at(0);
    Value list = value_at(1);
    std::optional<std::string> text = index.literal();
    size_t i = 0;
    if (text && list.kind == Value::Kind::List) {
      auto [ptr, ec] = std::from_chars(text->data(), text->data() + text->size(), i);
      if (ec == std::errc() && ptr == text->data() + text->size() && i < list.items.size()) return list.items[i];
    }
    return unknown(call, name);
  }
  if (name == "Fn::Split") {
    Value delimiter = value_at(0);
    Value source = value_at(1);
    std::optional<std::string> separator = delimiter.literal(), text = source.literal();
    if (separator && !separator->empty() && text) {
      Value v;
      v.kind = Value::Kind::List;
      v.node = &call;
      const std::string& s = *text;
      const std::string& d = *separator;
      for (size_t start = 0;;) {
        size_t at = s.find(d, start);
        Value piece;
        piece.kind = Value::Kind::String;
        piece.node = &call;
        piece.text = s.substr(start, at == std::string::npos ? std::string::npos : at - start);
        v.items.push_back(std::move(piece));
        if (at == std::string::npos) break;
        start = at + d.size();
      }
      return v;
    }
    return unknown(call, name);
  }
  if (name == "Fn::FindInMap") {
    Value map = value_at(0), top = value_at(1), second = value_at(2);
    // Keys select like conditions do: a parameter's Default counts (a deployment with
    // defaults); a pseudo parameter such as AWS::Region never does.
    std::optional<std::string> m_key = map.literal_or_default(), t_key = top.literal_or_default(),
                               s_key = second.literal_or_default();
    if (template_->mappings && m_key && t_key && s_key) {
      const yaml::Node* m = template_->mappings->find(*m_key);
      const yaml::Node* t = m ? m->find(*t_key) : nullptr;
      const yaml::Node* s = t ? t->find(*s_key) : nullptr;
      if (s) return eval(*s, false, depth);
    }
    return unknown(call, name);
  }
  // Base64, ImportValue, GetAZs, Cidr, Equals, … : not known statically. The evaluated
  // arguments stay visible (a rule may decode a literal Base64 user data).
  Value v = unknown(call, name);
  const yaml::Node& a = argument.resolved();
  if (a.is_sequence()) {
    for (const yaml::Node* item : a.items) v.items.push_back(eval(*item, false, depth));
  } else {
    v.items.push_back(eval(argument, short_form, depth));
  }
  return v;
}

Value Evaluator::sub(const yaml::Node& call, const yaml::Node& argument, bool short_form, int depth) const {
  const yaml::Node& a = argument.resolved();
  const yaml::Node* text_node = nullptr;
  const yaml::Node* variables = nullptr;
  if (a.is_scalar()) {
    text_node = &argument;
  } else if (a.is_sequence() && !a.items.empty()) {
    text_node = a.items[0];
    if (a.items.size() > 1) variables = &a.items[1]->resolved();
  }
  // The text must be a literal string (a function there is invalid and unknowable).
  if (!text_node || !text_node->resolved().is_scalar() || (text_node != &argument && !text_node->tag.empty()) ||
      (text_node != &argument && !intrinsic_of(*text_node).name.empty()))
    return unknown(call, "Fn::Sub");
  (void)short_form;
  Value v;
  v.node = &call;
  v.text = text_node->resolved().value;
  bool all_known = true;
  const std::string& s = v.text;
  std::string literal;
  auto flush = [&] {
    if (!literal.empty()) v.pieces.push_back({false, std::move(literal)});
    literal.clear();
  };
  for (size_t i = 0; i < s.size();) {
    if (s.compare(i, 2, "${") == 0) {
      size_t close = s.find('}', i + 2);
      if (close == std::string::npos) {
        literal += s.substr(i);
        break;
      }
      std::string name = s.substr(i + 2, close - i - 2);
      i = close + 1;
      if (name.starts_with("!")) {  // `${!Literal}` is the text `${Literal}`
        literal += "${" + name.substr(1) + "}";
        continue;
      }
      std::optional<std::string> known;
      if (variables && variables->is_mapping()) {
        if (const yaml::Node* given = variables->find(name)) known = eval(*given, false, depth + 1).literal();
      }
      if (known) {
        literal += *known;
      } else {
        all_known = false;
        flush();
        v.pieces.push_back({true, std::move(name)});
      }
    } else {
      literal += s[i++];
    }
  }
  flush();
  if (all_known) {
    v.kind = Value::Kind::String;
    v.text.clear();
    for (const Value::Piece& p : v.pieces) v.text += p.text;
    v.pieces.clear();
    return v;
  }
  v.kind = Value::Kind::Sub;
  return v;
}

std::optional<bool> Evaluator::condition_at(std::string_view name, int depth) const {
  if (!template_ || depth > kMaxDepth) return std::nullopt;
  const yaml::Node* node = template_->condition(name);
  if (!node) return std::nullopt;
  return truth(*node, false, depth + 1);
}

std::optional<bool> Evaluator::truth(const yaml::Node& node, bool ignore_tag, int depth) const {
  if (depth > kMaxDepth) return std::nullopt;
  (void)ignore_tag;
  Intrinsic f = intrinsic_of(node, true);
  if (f.name.empty()) return std::nullopt;
  const auto* items = items_of(*f.argument);
  if (f.name == "Condition") {
    const yaml::Node& a = f.argument->resolved();
    return a.is_scalar() ? condition_at(a.value, depth + 1) : std::nullopt;
  }
  if (f.name == "Fn::Equals") {
    if (!items || items->size() != 2) return std::nullopt;
    std::optional<std::string> l = eval(*(*items)[0], false, depth).literal_or_default();
    std::optional<std::string> r = eval(*(*items)[1], false, depth).literal_or_default();
    if (!l || !r) return std::nullopt;
    return *l == *r;
  }
  if (f.name == "Fn::Not") {
    if (!items || items->size() != 1) return std::nullopt;
    std::optional<bool> inner = truth(*(*items)[0], false, depth + 1);
    return inner ? std::optional<bool>(!*inner) : std::nullopt;
  }
  if (f.name == "Fn::And" || f.name == "Fn::Or") {
    if (!items) return std::nullopt;
    bool is_and = f.name == "Fn::And";
    bool unknown_seen = false;
    for (const yaml::Node* item : *items) {
      std::optional<bool> t = truth(*item, false, depth + 1);
      if (!t) unknown_seen = true;
      else if (*t != is_and) return !is_and;  // a false in And / a true in Or decides
    }
    return unknown_seen ? std::nullopt : std::optional<bool>(is_and);
  }
  return std::nullopt;
}

}  // namespace iblint::cfn
