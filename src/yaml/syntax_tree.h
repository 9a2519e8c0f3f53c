#pragma once
#include <cstdint>

struct TSParser;
struct TSTree;

namespace iblint::yaml {

/// A row (0-based line) and a column in bytes, as tree-sitter counts them.
struct TreePoint {
  uint32_t row = 0;
  uint32_t column = 0;
};

/// One replacement in a text: bytes [start, old_end) of the previous text became
/// [start, new_end) of the new one, with the matching points.
struct TreeEdit {
  uint32_t start = 0;
  uint32_t old_end = 0;
  uint32_t new_end = 0;
  TreePoint start_point;
  TreePoint old_end_point;
  TreePoint new_end_point;
};

/// The tree-sitter tree of a text that is edited over time (a language server's open document),
/// kept between parses so that the next parse reuses everything an edit did not touch.
/// yaml::parse(file, tree) reads and replaces it.
class SyntaxTree {
 public:
  SyntaxTree();
  ~SyntaxTree();
  SyntaxTree(const SyntaxTree&) = delete;
  SyntaxTree& operator=(const SyntaxTree&) = delete;

  /// Records an edit of the text last parsed; call once per edit, in order, before parsing again.
  void edit(const TreeEdit& edit);
  /// Forgets the tree: the next parse starts from scratch.
  void reset();
  bool has_tree() const { return tree_ != nullptr; }

  TSParser* parser() const { return parser_; }
  TSTree* tree() const { return tree_; }
  /// Takes ownership of the tree of the latest parse.
  void replace(TSTree* tree);

 private:
  TSParser* parser_ = nullptr;
  TSTree* tree_ = nullptr;
};

}  // namespace iblint::yaml
