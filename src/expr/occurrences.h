#pragma once
#include <string>
#include <vector>

#include "expr/expression.h"
#include "expr/step_lookup.h"
#include "model/component.h"
#include "source/source_file.h"

namespace iblint::expr {

/// Where in a component an expression was written; chaining is allowed only in some places.
enum class Place {
  Inputs,     ///< a step's `inputs`
  LoopList,   ///< `loop.forEach` items or `loop.forEach.list`
  LoopOther,  ///< other loop fields: `for.start/end/updateBy`, `delimiter`, `name`
  Condition,  ///< a step's `if`
  Other,      ///< names, descriptions, parameter defaults, step options, ...
};

/// One scalar of a component that holds `{{`, with its parsed expressions.
struct Occurrence {
  const yaml::Node* scalar = nullptr;
  const Phase* phase = nullptr;  ///< null outside phases
  const Step* step = nullptr;    ///< null outside steps
  size_t phase_index = 0;
  size_t step_index = 0;
  Place place = Place::Other;
  /// The key path of the scalar, relative to its step (`name`, `loop.for.end`, `inputs.commands[0]`),
  /// to its phase (`name`) or to the document (`description`, `parameters[0].Dir.default`).
  std::string field;
  ScanResult scan;
  const SourceFile* file = nullptr;  ///< the file the scalar was read from

  /// The file bytes that a range of the decoded value came from.
  Span span(Range range) const;
  /// Where the scalar is, for messages: "in the step's `name`", "in the phase name",
  /// "in the document's `description`".
  std::string where() const;

 private:
  /// File offset of each byte of the scalar's value, plus the end. Decoded on the first span()
  /// call, under a lock: only findings and editor look-ups need one, most expressions never do.
  mutable std::vector<uint32_t> offsets_;
};

/// A plain `{{ … }}` that YAML read as a flow mapping (`- {{ a.b }}` is `{ {a.b: null}: null }`).
struct UnquotedMapping {
  const yaml::Node* node = nullptr;
  const Step* step = nullptr;
  Place place = Place::Other;
};

struct ExpressionIndex {
  std::vector<Occurrence> occurrences;
  std::vector<UnquotedMapping> unquoted;
  StepLookup steps;  ///< the targets of chaining references; empty when no expression chains
};

/// Finds every `{{ … }}` in a component document, remembering where each was written.
ExpressionIndex index_expressions(const SourceFile& file, const Component& component);

/// The step that phase.step names (see StepLookup::find), by a linear search.
StepRef find_step(const Component& component, std::string_view phase, std::string_view step);

/// The Image Builder stage (one AWSTOE run on one instance) a phase runs in:
/// "build" for build and validate, "test" for test, "container host" for container-host-test,
/// "" for phases Image Builder never runs (spec/pipeline-semantics.md §4).
std::string_view stage_of(std::string_view phase);

}  // namespace iblint::expr
