#pragma once
#include <memory>
#include <string>
#include <vector>

#include "source/source_file.h"
#include "yaml/node.h"
#include "yaml/node_arena.h"
#include "yaml/scalar_decode.h"
#include "yaml/syntax_tree.h"

namespace iblint::yaml {

struct SyntaxError {
  Span span;     ///< where to point: the start of the mistake, on one line
  Span region;   ///< everything the parser could not read because of it
  std::string message;
};

struct DuplicateKey {
  std::string key;
  Span span;   ///< the repeated key
  Span first;  ///< where the key was first written
};

/// Deepest nesting we build nodes for; deeper content is reported and left out, so that no
/// walk over the tree recurses without bound.
inline constexpr int kMaxDepth = 500;

/// Everything the YAML layer learned about one file.
struct Stream {
  NodeArena arena;                       ///< owns every node
  std::vector<const Node*> documents;    ///< one root per YAML document
  std::vector<SyntaxError> errors;
  std::vector<DuplicateKey> duplicate_keys;
  std::vector<Span> comments;            ///< every `# ...` comment, in file order
  bool too_deep = false;
  /// Refused before parsing (nested deeper than the parser can take): no documents, kind unknown.
  bool not_parsed = false;
};

/// Decodes a scalar node's value again from the file; with track_offsets, Decoded::offsets
/// holds the file offset of each value byte (for spans inside a value, e.g. `{{ … }}`).
Decoded decode_scalar(const SourceFile& file, const Node& node, bool track_offsets);

/// Parses the file's bytes with the tree-sitter YAML grammar and builds the node model.
/// Never throws on bad input: problems are recorded in Stream::errors.
std::unique_ptr<Stream> parse(const SourceFile& file);
/// The same, reparsing incrementally: tree holds the tree of the previous text with every edit
/// since recorded (SyntaxTree::edit), and receives the new text's tree.
std::unique_ptr<Stream> parse(const SourceFile& file, SyntaxTree& tree);

/// Parses only the given byte ranges of the file as one YAML stream (tree-sitter included
/// ranges): a document embedded in another, such as a component in a template's `Data: |`
/// block, whose nodes keep the file's real offsets. Ranges must be in order and not overlap.
std::unique_ptr<Stream> parse_ranges(const SourceFile& file, const std::vector<Span>& ranges);

}  // namespace iblint::yaml
