#include "yaml/node_builder.h"

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

extern "C" const TSLanguage* tree_sitter_yaml();

namespace iblint::yaml {
namespace {

struct Tree {
  explicit Tree(const std::string& text) : parser(ts_parser_new()) {
    ts_parser_set_language(parser, tree_sitter_yaml());
    tree = ts_parser_parse_string(parser, nullptr, text.data(), static_cast<uint32_t>(text.size()));
  }
  ~Tree() {
    ts_tree_delete(tree);
    ts_parser_delete(parser);
  }
  TSNode root() const { return ts_tree_root_node(tree); }
  TSParser* parser;
  TSTree* tree;
};

TEST(NodeBuilder, RecordsWhereWatchedItemsAreBuilt) {
  std::string text = "a: 1\na: 2\nsteps:\n  - x\n  - {b: 1, b: 2}\n  - z\n";
  SourceFile file("t.yaml", text);
  Tree tree(text);
  Stream stream;
  NodeBuilder builder(file, stream);
  auto dash = static_cast<uint32_t>(text.find("- {"));
  builder.watch_items({dash, static_cast<uint32_t>(text.size())});
  builder.build_stream(tree.root());
  ASSERT_EQ(builder.sites().size(), 2u);
  const ItemSite& site = builder.sites()[0];
  ASSERT_NE(site.sequence, nullptr);
  EXPECT_EQ(site.sequence, stream.documents.at(0)->find("steps"));
  EXPECT_EQ(site.index, 1u);
  EXPECT_EQ(site.depth, 1);
  EXPECT_EQ(site.duplicate_keys, 1u);  // `a` was found before the item; `b` inside it after
  EXPECT_EQ(stream.duplicate_keys.size(), 2u);
  EXPECT_EQ(builder.sites()[1].sequence, nullptr);  // no item starts there
  EXPECT_EQ(builder.aliases(), 0u);
}

TEST(NodeBuilder, BuildsTheItemsOfAStandaloneSequenceAtTheGivenDepth) {
  std::string text = "  - a\n  # note\n  - {b: *x}\n";
  SourceFile file("t.yaml", text);
  Tree tree(text);
  Stream stream;
  NodeBuilder builder(file, stream);
  std::vector<Node*> items;
  ASSERT_TRUE(builder.build_sequence_items(tree.root(), 3, false, items));
  ASSERT_EQ(items.size(), 2u);
  EXPECT_EQ(items[0]->value, "a");
  EXPECT_TRUE(items[1]->is_mapping());
  EXPECT_EQ(builder.aliases(), 1u);
  EXPECT_EQ(stream.comments.size(), 1u);
  EXPECT_TRUE(stream.documents.empty());

  std::vector<Node*> deep;
  NodeBuilder too_deep(file, stream);
  EXPECT_TRUE(too_deep.build_sequence_items(tree.root(), kMaxDepth, false, deep));
  EXPECT_TRUE(stream.too_deep);  // the mapping item is past kMaxDepth
}

TEST(NodeBuilder, LeavesOutTheLastItemOnlyWhenItIsEmpty) {
  for (std::string text : {"- a\n- b\n-", "- a\n- b\n- c\n"}) {
    SourceFile file("t.yaml", text);
    Tree tree(text);
    Stream stream;
    std::vector<Node*> items;
    bool empty_last = text.back() == '-';
    EXPECT_EQ(NodeBuilder(file, stream).build_sequence_items(tree.root(), 0, true, items), empty_last) << text;
    EXPECT_EQ(items.size(), empty_last ? 2u : 0u) << text;
  }
}

TEST(NodeBuilder, RefusesTreesThatAreNotOneBlockSequence) {
  for (std::string text : {"a: 1\n", "- a\n---\n- b\n", "!tag\n- a\n", "&anchor\n- a\n", "[a, b]\n"}) {
    SourceFile file("t.yaml", text);
    Tree tree(text);
    Stream stream;
    std::vector<Node*> items;
    EXPECT_FALSE(NodeBuilder(file, stream).build_sequence_items(tree.root(), 0, false, items)) << text;
    EXPECT_TRUE(items.empty()) << text;
  }
}

}  // namespace
}  // namespace iblint::yaml
