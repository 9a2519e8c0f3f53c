#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace iblint::expr {

/// A range of byte indexes into a scalar's decoded value.
struct Range {
  uint32_t begin = 0;
  uint32_t end = 0;
};

/// One dotted segment of an expression path, e.g. `build` in `{{ build.Step.outputs.stdout }}`.
struct Segment {
  std::string text;
  Range range;
};

/// What a `{{ … }}` expression refers to (spec/component-document.md §5–§7).
enum class ExpressionKind {
  Variable,  ///< `{{ Name }}`: a parameter or constant
  Loop,      ///< `{{ loop.index }}`, `{{ loop.value }}`, `{{ myLoop.value }}`
  Chaining,  ///< `{{ phase.step.inputs.field }}`, `{{ phase.step.outputs[0].field }}`
};

struct Index {
  std::string text;  ///< as written between the brackets
  Range range;       ///< the text between the brackets
  std::optional<uint64_t> value;  ///< set when text is a non-negative decimal integer
};

/// A parsed `{{ … }}` expression with the range of every part.
struct Expression {
  ExpressionKind kind = ExpressionKind::Variable;
  Range range;                   ///< the whole `{{ … }}`
  std::vector<Segment> segments; ///< Variable: [name]; Loop: [loop, index|value]; Chaining: [phase, step, inputs|outputs, field]
  std::optional<Index> index;    ///< Chaining: `[n]` after inputs/outputs
  std::string text() const;      ///< the expression's path as written, without braces
};

/// A `{{ … }}` that could not be read, with the exact place and the reason.
struct SyntaxError {
  Range range;
  std::string message;
};

/// Every expression of one scalar value, in order.
struct ScanResult {
  std::vector<Expression> expressions;
  std::vector<SyntaxError> errors;
  std::vector<Range> foreign;  ///< Image Builder's own placeholders (`{{ imagebuilder:… }}`, `{{{ … }}}`): not ours
};

}  // namespace iblint::expr
