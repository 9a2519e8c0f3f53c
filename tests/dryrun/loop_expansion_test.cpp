#include "dryrun/loop_expansion.h"

#include <gtest/gtest.h>

#include "tests/dryrun/yaml_node_fixture.h"

namespace iblint::dryrun {
namespace {

using test_support::parse_yaml;

TEST(LoopExpansion, ForEachListGivesOneIterationPerItem) {
  auto y = parse_yaml("name: plugin\nforEach:\n  - metrics\n  - '{{ Extra }}'\n");
  Bindings b;
  b.variables["Extra"] = {"tracing", true, "default"};
  LoopExpansion e = expand_loop(y.root(), b);
  EXPECT_EQ(e.name, "plugin");
  ASSERT_EQ(e.iterations.size(), 2u);
  EXPECT_EQ(e.iterations[1].value, "tracing");
  EXPECT_EQ(e.count, 2u);
}

TEST(LoopExpansion, DelimitedListSplitsOnItsDelimiter) {
  auto y = parse_yaml("forEach:\n  list: 'a;b;c'\n  delimiter: ';'\n");
  LoopExpansion e = expand_loop(y.root(), Bindings{});
  ASSERT_EQ(e.iterations.size(), 3u);
  EXPECT_EQ(e.iterations[2].value, "c");
}

TEST(LoopExpansion, EmptyDelimitedListRunsZeroTimes) {
  auto y = parse_yaml("forEach:\n  list: '{{ Sites }}'\n");
  Bindings b;
  b.variables["Sites"] = {"", true, "--param"};
  LoopExpansion e = expand_loop(y.root(), b);
  EXPECT_EQ(e.count, 0u);
  EXPECT_TRUE(e.iterations.empty());
}

TEST(LoopExpansion, SymbolicListIsDecidedAtRunTime) {
  auto y = parse_yaml("forEach:\n  list: '{{ build.Find.outputs.stdout }}'\n  delimiter: \"\\n\"\n");
  Bindings b;
  b.steps["build.Find"] = StepRecord{};
  LoopExpansion e = expand_loop(y.root(), b);
  EXPECT_FALSE(e.count.has_value());
  EXPECT_EQ(e.decided_by, "<stdout of build.Find>");
  ASSERT_EQ(e.iterations.size(), 1u);
}

TEST(LoopExpansion, ForRangeCountsBothEndsAndSteps) {
  auto y = parse_yaml("for:\n  start: 10\n  end: 0\n  updateBy: -5\n");
  LoopExpansion e = expand_loop(y.root(), Bindings{});
  ASSERT_EQ(e.iterations.size(), 3u);
  EXPECT_EQ(e.iterations[0].value, "10");
  EXPECT_EQ(e.iterations[2].value, "0");
}

TEST(LoopExpansion, HugeRangeIsCappedButCountedExactlyAndQuickly) {
  auto y = parse_yaml("for:\n  start: 0\n  end: 999999999999\n  updateBy: 1\n");
  LoopExpansion e = expand_loop(y.root(), Bindings{});
  EXPECT_EQ(e.iterations.size(), kMaxLoopIterations);
  EXPECT_EQ(e.count, 1000000000000u);
  EXPECT_TRUE(e.capped);
}

TEST(LoopExpansion, RangeThatNeverEndsExpandsToNothing) {
  auto y = parse_yaml("for:\n  start: 0\n  end: 5\n  updateBy: -1\n");
  LoopExpansion e = expand_loop(y.root(), Bindings{});
  EXPECT_TRUE(e.iterations.empty());
  EXPECT_FALSE(e.count.has_value());
}

}  // namespace
}  // namespace iblint::dryrun
