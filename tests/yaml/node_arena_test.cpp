#include "yaml/node_arena.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

namespace iblint::yaml {
namespace {

TEST(NodeArena, StartsEmpty) {
  NodeArena arena;
  EXPECT_TRUE(arena.empty());
  EXPECT_EQ(arena.size(), 0u);
  EXPECT_TRUE(arena.begin() == arena.end());
  const NodeArena& view = arena;
  EXPECT_TRUE(view.begin() == view.end());
}

TEST(NodeArena, NodesKeepTheirAddressAndOrderAcrossManyChunks) {
  NodeArena arena;
  std::vector<Node*> made;
  const size_t count = 20'000;  // well past the largest chunk
  for (size_t i = 0; i < count; ++i) {
    Node& node = arena.emplace_back();
    EXPECT_EQ(node.kind, Kind::Scalar);  // a default node
    EXPECT_TRUE(node.value.empty());
    node.value = "value number " + std::to_string(i) + " long enough to live on the heap";
    made.push_back(&node);
  }
  EXPECT_EQ(arena.size(), count);
  EXPECT_FALSE(arena.empty());
  size_t i = 0;
  for (const Node& node : std::as_const(arena)) {
    ASSERT_LT(i, count);
    EXPECT_EQ(&node, made[i]);  // same place, same order
    EXPECT_EQ(node.value, "value number " + std::to_string(i) + " long enough to live on the heap");
    ++i;
  }
  EXPECT_EQ(i, count);
}

TEST(NodeArena, WorksWithStandardAlgorithmsAndMutableIteration) {
  NodeArena arena;
  for (int i = 0; i < 100; ++i) arena.emplace_back().kind = i % 10 == 0 ? Kind::Alias : Kind::Scalar;
  EXPECT_EQ(std::count_if(arena.begin(), arena.end(), [](const Node& n) { return n.kind == Kind::Alias; }), 10);
  for (Node& node : arena) node.kind = Kind::Mapping;
  EXPECT_TRUE(std::all_of(arena.begin(), arena.end(), [](const Node& n) { return n.is_mapping(); }));
  auto it = arena.begin();
  auto before = it++;
  EXPECT_TRUE(before == arena.begin());
  EXPECT_EQ(&*it, &*std::next(arena.begin()));
}

}  // namespace
}  // namespace iblint::yaml
