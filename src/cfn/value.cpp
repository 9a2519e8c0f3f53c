#include "cfn/value.h"

#include <algorithm>

namespace iblint::cfn {

std::optional<std::string> Value::literal() const {
  if (is_literal()) return text;
  return std::nullopt;
}

std::optional<std::string> Value::literal_or_default() const {
  if (is_literal()) return text;
  if (kind == Kind::Ref && parameter_default) return parameter_default;
  return std::nullopt;
}

const Value& Value::field(std::string_view key) const {
  static const Value absent;
  for (const auto& [k, v] : fields) {
    if (k && k->resolved().value == key) return v;
  }
  return absent;
}

Span Value::span_or(Span fallback) const {
  if (!node) return fallback;
  Span span = node->span;
  if (!node->tag.empty() && node->tag_span.end > node->tag_span.begin) span.begin = std::min(span.begin, node->tag_span.begin);
  return span;
}

std::string Value::describe() const {
  if (long_form) {
    switch (kind) {
      case Kind::Ref: return "`{\"Ref\": \"" + text + "\"}`";
      case Kind::GetAtt: return "`{\"Fn::GetAtt\": [\"" + text + "\", \"" + attribute + "\"]}`";
      case Kind::Sub: return "`{\"Fn::Sub\": \"" + text + "\"}`";
      default: break;
    }
  }
  switch (kind) {
    case Kind::Absent: return "nothing";
    case Kind::Null: return "an empty value";
    case Kind::String: return "\"" + text + "\"";
    case Kind::Number:
    case Kind::Bool: return text;
    case Kind::List: return "a list";
    case Kind::Map: return "a mapping";
    case Kind::Ref: return "`!Ref " + text + "`";
    case Kind::GetAtt: return "`!GetAtt " + text + "." + attribute + "`";
    case Kind::Sub: return "`!Sub " + text + "`";
    case Kind::Unknown: return "`" + text + "`";
  }
  return "a value";
}

}  // namespace iblint::cfn
