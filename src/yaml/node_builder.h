#pragma once
#include <cstddef>
#include <cstdint>
#include <deque>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include <tree_sitter/api.h>

#include "source/source_file.h"
#include "yaml/parser.h"

namespace iblint::yaml {

/// Where a block sequence item starting at a given offset was built: the piecewise parse cuts
/// items out of the text it builds first and puts them back here (see piecewise_parse.h).
struct ItemSite {
  uint32_t offset = 0;        ///< the item's `-`
  Node* sequence = nullptr;   ///< null when no item started there
  size_t index = 0;           ///< the item's index in sequence->items
  size_t duplicate_keys = 0;  ///< Stream::duplicate_keys.size() when the item was started
  int depth = 0;              ///< the sequence's depth (kMaxDepth counts from the document root)
};

/// The grammar's node types that the builder tells apart (defined in node_builder.cpp).
enum class GrammarType : uint8_t;

/// Builds the node model from a tree-sitter tree in one walk, adding nodes, comments and
/// duplicate keys to a Stream. The walk visits every child of every node that can hold a
/// comment, so it also collects the comments (in file order) of a tree without syntax errors.
class NodeBuilder {
 public:
  NodeBuilder(const SourceFile& file, Stream& out) : file_(file), out_(out) {}
  ~NodeBuilder();
  NodeBuilder(const NodeBuilder&) = delete;
  NodeBuilder& operator=(const NodeBuilder&) = delete;

  /// Records where block sequence items start at these offsets (sorted); read back with sites().
  void watch_items(const std::vector<uint32_t>& offsets);
  const std::vector<ItemSite>& sites() const { return sites_; }
  /// Aliases built so far.
  size_t aliases() const { return aliases_; }

  /// Builds every document of a stream's root node.
  void build_stream(TSNode root);
  /// Builds the items of a tree that holds one document made of one untagged, unanchored block
  /// sequence, as items of a sequence at sequence_depth, appending them to items; with
  /// drop_last, all but the last item, which must be empty (a lone `-`). False when the tree has
  /// another shape (nothing is appended then, though nodes may have been built).
  bool build_sequence_items(TSNode root, int sequence_depth, bool drop_last, std::vector<Node*>& items);

 private:
  template <bool kFields = false, typename F>
  void for_each_child(TSNode node, F&& f);
  Node* make_null(uint32_t at);
  Node* build_document(TSNode doc);
  Node* build(TSNode node, int depth);
  Node* build_content(TSNode node, GrammarType type, int depth);
  Node* build_mapping(TSNode node, int depth, bool flow);
  Node* build_sequence(TSNode node, int depth, bool flow);
  Node* build_sequence_item(TSNode item, int depth);
  Node* build_mapping_from_pair(TSNode pair, int depth);
  Node* build_alias(TSNode node);
  Node* build_scalar(TSNode node, Style style);
  Span first_line(Span span) const;

  const SourceFile& file_;
  Stream& out_;
  std::unordered_map<std::string, const Node*> anchors_;
  std::deque<TSTreeCursor> cursors_;
  size_t nesting_ = 0;
  size_t aliases_ = 0;
  std::vector<ItemSite> sites_;  ///< sorted by offset
  // The children of the mappings and sequences being built, innermost last: each node gets its
  // own at their exact size when it is done (no spare capacity from growing one by one).
  std::vector<Pair> pair_stack_;
  std::vector<Node*> item_stack_;
  std::vector<std::pair<std::string_view, Span>> key_stack_;  ///< scalar keys seen, for duplicates
};

}  // namespace iblint::yaml
