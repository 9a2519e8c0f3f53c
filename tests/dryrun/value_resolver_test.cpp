#include "dryrun/value_resolver.h"

#include <gtest/gtest.h>

namespace iblint::dryrun {
namespace {

Bindings sample() {
  Bindings b;
  b.variables["Version"] = {"2.4.1", true, "recipe"};
  b.variables["Missing"] = {"", false, "unset"};
  StepRecord download;
  download.action = "S3Download";
  download.inputs = Json::array({{{"source", "s3://bucket/app.tgz"}, {"destination", "/tmp/app.tgz"}}});
  b.steps["build.Download"] = download;
  StepRecord skipped;
  skipped.skipped = true;
  b.steps["build.Never"] = skipped;
  b.document_steps = {"build.Download", "build.Never", "build.Later"};
  return b;
}

TEST(ValueResolver, SubstitutesParametersConcretely) {
  Resolution r = resolve_value("app-{{ Version }}.tgz", sample());
  EXPECT_EQ(r.text, "app-2.4.1.tgz");
  EXPECT_FALSE(r.symbolic);
  EXPECT_TRUE(r.problems.empty());
}

TEST(ValueResolver, ChainedInputsAreConcreteAndOutputsSymbolic) {
  Resolution input = resolve_value("{{ build.Download.inputs[0].destination }}", sample());
  EXPECT_EQ(input.text, "/tmp/app.tgz");
  EXPECT_FALSE(input.symbolic);
  Resolution output = resolve_value("got {{ build.Download.outputs.stdout }}", sample());
  EXPECT_EQ(output.text, "got <stdout of build.Download>");
  EXPECT_TRUE(output.symbolic);
}

TEST(ValueResolver, ParameterWithoutValueIsUnresolvedAtItsExactRange) {
  Resolution r = resolve_value("x {{ Missing }}", sample());
  EXPECT_EQ(r.text, "x <parameter Missing: no value>");
  ASSERT_EQ(r.problems.size(), 1u);
  EXPECT_EQ(r.problems[0].kind, ProblemKind::Unresolved);
  EXPECT_EQ(r.problems[0].range.begin, 2u);
  EXPECT_EQ(r.problems[0].range.end, 15u);
  EXPECT_NE(r.problems[0].message.find("--param Missing=VALUE"), std::string::npos);
}

TEST(ValueResolver, OutputOfASkippedOrLaterStepIsNeverProduced) {
  Resolution skipped = resolve_value("{{ build.Never.outputs.stdout }}", sample());
  ASSERT_EQ(skipped.problems.size(), 1u);
  EXPECT_EQ(skipped.problems[0].kind, ProblemKind::NotProduced);
  Resolution later = resolve_value("{{ build.Later.outputs.stdout }}", sample());
  ASSERT_EQ(later.problems.size(), 1u);
  EXPECT_EQ(later.problems[0].kind, ProblemKind::NotProduced);
  Resolution missing = resolve_value("{{ build.Nowhere.outputs.stdout }}", sample());
  ASSERT_EQ(missing.problems.size(), 1u);
  EXPECT_EQ(missing.problems[0].kind, ProblemKind::Unresolved);
}

TEST(ValueResolver, LoopVariablesOnlyInsideTheirLoop) {
  Bindings b = sample();
  Resolution outside = resolve_value("{{ loop.value }}", b);
  EXPECT_EQ(outside.text, "{{ loop.value }}");
  EXPECT_EQ(outside.problems.size(), 1u);
  b.loop = LoopBinding{"plugin", 1, "logging"};
  EXPECT_EQ(resolve_value("{{ plugin.value }}#{{ loop.index }}", b).text, "logging#1");
}

TEST(ValueResolver, TextWithoutExpressionsIsUntouched) {
  Resolution r = resolve_value("echo {not an expression}", sample());
  EXPECT_EQ(r.text, "echo {not an expression}");
}

}  // namespace
}  // namespace iblint::dryrun
