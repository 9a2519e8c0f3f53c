#pragma once
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "yaml/node.h"

namespace iblint::cfn {

/// What a property value is once CloudFormation's intrinsics are understood as far as they can
/// be statically. Anything that depends on deployment (pseudo parameters, parameters without a
/// default, imports, resource attributes) is never guessed: it stays a Ref, GetAtt or Unknown.
struct Value {
  enum class Kind {
    Absent,   ///< the property is not written
    Null,     ///< written but empty
    String,   ///< literal string (also numbers and booleans: text holds what was written)
    Number,
    Bool,
    List,
    Map,
    Ref,      ///< `Ref` to a resource, a parameter or a pseudo parameter
    GetAtt,   ///< `Fn::GetAtt` of a resource attribute
    Sub,      ///< `Fn::Sub` whose variables are not all known
    Unknown,  ///< any other function whose result cannot be known statically
  };
  enum class RefTarget { None, Resource, Parameter, Pseudo, Missing };

  Kind kind = Kind::Absent;
  /// Where the value is written: the literal node or the intrinsic call (for evaluated
  /// functions, the call). Null only when Absent.
  const yaml::Node* node = nullptr;
  /// String/Number/Bool: the scalar text. Ref: the name referenced. GetAtt: the logical id.
  /// Sub: the template string. Unknown: the function name ("Fn::ImportValue").
  std::string text;
  std::string attribute;                 ///< GetAtt: the attribute ("Arn")
  RefTarget ref_target = RefTarget::None;  ///< Ref and GetAtt: what the name is
  /// Ref to a parameter with a Default: the default (the value when the stack is deployed with
  /// defaults). Rules that only want certain values should use literal() instead.
  std::optional<std::string> parameter_default;
  std::vector<Value> items;                                      ///< List
  struct Field;                                                  ///< a Map entry: key node, value
  std::vector<Field> fields;                                     ///< Map
  /// Sub: the pieces, in order; a piece with variable=true is `${name}` (name in text).
  struct Piece {
    bool variable = false;
    std::string text;
  };
  std::vector<Piece> pieces;
  /// Ref/GetAtt/Sub/Unknown written in long form (`{"Ref": "X"}`, as JSON templates must).
  bool long_form = false;

  bool absent() const { return kind == Kind::Absent; }
  bool is_literal() const { return kind == Kind::String || kind == Kind::Number || kind == Kind::Bool; }
  /// The literal text of a scalar value; nullopt for anything not known statically.
  std::optional<std::string> literal() const;
  /// Literal text, or the text a parameter Default would give it.
  std::optional<std::string> literal_or_default() const;
  /// The value of a Map field by key, or an Absent value.
  const Value& field(std::string_view key) const;
  /// The span to point at: the value's node with its short-form tag (`!Ref X`), or the given
  /// fallback when Absent.
  Span span_or(Span fallback) const;
  /// Short description for messages: "`!Ref Role`", "`!GetAtt Role.Arn`", "\"text\"", "a list".
  std::string describe() const;
};

// Not std::pair: clang checks std::pair<…, Value>'s constructors while Value is still incomplete
// (libstdc++ 12) and rejects the code; a plain struct is never checked early.
struct Value::Field {
  const yaml::Node* key = nullptr;
  Value value;
};

}  // namespace iblint::cfn
