#include "yaml/alias_budget.h"

#include <gtest/gtest.h>

#include <string>

#include "yaml/parser.h"

namespace iblint::yaml {
namespace {

/// Nine lists of nine aliases of the list before: 9^levels nodes once expanded.
std::string alias_bomb(int levels) {
  std::string text = "a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n";
  for (int i = 1; i < levels; ++i) {
    std::string prev = "*a" + std::to_string(i - 1);
    text += "a" + std::to_string(i) + ": &a" + std::to_string(i) + " [";
    for (int j = 0; j < 9; ++j) text += (j ? ", " : "") + prev;
    text += "]\n";
  }
  return text;
}

size_t followed_aliases(const Stream& stream) {
  size_t n = 0;
  for (const Node& node : stream.arena) n += node.kind == Kind::Alias && node.alias_target;
  return n;
}

TEST(AliasBudget, AnAliasBombIsCutWithOneError) {
  SourceFile file("bomb.yaml", alias_bomb(9));
  std::unique_ptr<Stream> stream = parse(file);  // parse applies the budget
  ASSERT_EQ(stream->errors.size(), 1u);
  const SyntaxError& error = stream->errors[0];
  EXPECT_NE(error.message.find("more than 100000 nodes"), std::string::npos) << error.message;
  // Lists 2-5 add 90 + 819 + 7,380 + 66,429 nodes; the first `*a4` of list 6 adds 66,430 more.
  EXPECT_EQ(file.position(error.span.begin).line, 6u);
  EXPECT_EQ(file.text(error.span), "*a4");
  EXPECT_EQ(followed_aliases(*stream), 9u * 4u);  // the lists before it keep theirs
}

TEST(AliasBudget, OrdinaryAliasesAreKept) {
  SourceFile file("ok.yaml", alias_bomb(4) + "b: *a3\nc: *a0\n");
  std::unique_ptr<Stream> stream = parse(file);
  EXPECT_TRUE(stream->errors.empty());
  EXPECT_EQ(followed_aliases(*stream), 9u * 3u + 2u);
}

TEST(AliasBudget, TheBudgetCountsNestedExpansion) {
  SourceFile file("small.yaml", "a: &a [x, y]\nb: &b [*a, *a]\nc: *b\n");
  std::unique_ptr<Stream> stream = parse(file);
  EXPECT_EQ(followed_aliases(*stream), 3u);
  // *a, *a add 3 nodes each (list + 2); *b adds 1 + 2·3 = 7: 13 in all.
  limit_alias_expansion(*stream, 12);
  EXPECT_EQ(followed_aliases(*stream), 2u);
  ASSERT_EQ(stream->errors.size(), 1u);
  EXPECT_EQ(file.text(stream->errors[0].span), "*b");
}

TEST(AliasBudget, ChainedAliasesCannotNestBeyondTheDepthLimit) {
  // Each anchor nests 300 levels and puts the previous anchor's alias at the bottom: followed,
  // walks would go 300 levels deeper per link.
  std::string text;
  for (int i = 0; i < 4; ++i) {
    text += "a" + std::to_string(i) + ": &a" + std::to_string(i) + " " + std::string(300, '[') +
            (i == 0 ? std::string("x") : "*a" + std::to_string(i - 1)) + std::string(300, ']') + "\n";
  }
  SourceFile file("chain.yaml", text);
  std::unique_ptr<Stream> stream = parse(file);
  ASSERT_EQ(stream->errors.size(), 1u);
  EXPECT_NE(stream->errors[0].message.find("would nest deeper than 500 levels once expanded"), std::string::npos);
  EXPECT_EQ(file.text(stream->errors[0].span), "*a1");  // a1 + a0 = 600 levels: the first too high
  EXPECT_EQ(followed_aliases(*stream), 1u);              // only *a0 (300 levels) is followed
}

}  // namespace
}  // namespace iblint::yaml
