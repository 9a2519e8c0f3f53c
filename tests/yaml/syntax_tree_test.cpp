#include "yaml/syntax_tree.h"

#include <gtest/gtest.h>

#include "source/source_file.h"
#include "yaml/parser.h"

namespace iblint::yaml {
namespace {

TEST(SyntaxTreeTest, KeepsTheTreeOfTheLastParseAndReusesItAfterAnEdit) {
  SyntaxTree tree;
  EXPECT_FALSE(tree.has_tree());
  tree.edit({0, 0, 1, {}, {}, {0, 1}});  // nothing to edit yet: ignored
  SourceFile before("a.yaml", "key: value\nother: 1\n");
  auto first = parse(before, tree);
  ASSERT_TRUE(tree.has_tree());
  // `value` -> `changed` on row 0.
  tree.edit({5, 10, 12, {0, 5}, {0, 10}, {0, 12}});
  SourceFile after("a.yaml", "key: changed\nother: 1\n");
  auto second = parse(after, tree);
  ASSERT_TRUE(second->documents[0]->is_mapping());
  EXPECT_EQ(second->documents[0]->find("key")->value, "changed");
  EXPECT_EQ(second->documents[0]->find("other")->span, (Span{20, 21}));
  tree.reset();
  EXPECT_FALSE(tree.has_tree());
}

TEST(SyntaxTreeTest, AFileWithAByteOrderMarkParsesTheSameIncrementally) {
  SyntaxTree tree;
  SourceFile file("a.yaml", "\xEF\xBB\xBFkey: [1, 2]\n");
  auto stream = parse(file, tree);
  ASSERT_TRUE(stream->errors.empty());
  EXPECT_EQ(stream->documents[0]->find("key")->items.size(), 2u);
}

}  // namespace
}  // namespace iblint::yaml
