#include "dryrun/planner.h"

#include <gtest/gtest.h>

#include "dryrun/dry_run.h"
#include "engine/rule.h"

namespace iblint::dryrun {
namespace {

std::unique_ptr<DryRun> plan_text(const std::string& text, const std::string& name = "template.yaml") {
  return dry_run({std::make_shared<const SourceFile>(name, text)}, DryRunOptions{});
}

std::string pipeline(const std::string& tests, const std::string& distributions, const std::string& step_options = "") {
  return R"(AWSTemplateFormatVersion: "2010-09-09"
Resources:
  Build:
    Type: AWS::ImageBuilder::Component
    Properties:
      Name: build-it
      Version: 1.0.0
      Platform: Linux
      Data: |
        name: BuildIt
        schemaVersion: 1.0
        phases:
          - name: build
            steps:
              - name: Make
                action: ExecuteBash
)" + step_options + R"(                inputs:
                  commands: ['make']
          - name: test
            steps:
              - name: Check
                action: ExecuteBash
)" + step_options + R"(                inputs:
                  commands: ['make check']
  Recipe:
    Type: AWS::ImageBuilder::ImageRecipe
    Properties:
      Name: r
      Version: 1.0.0
      ParentImage: ami-0123456789abcdef0
      Components:
        - ComponentArn: !Sub arn:${AWS::Partition}:imagebuilder:${AWS::Region}:aws:component/update-linux/x.x.x
        - ComponentArn: !Ref Build
  Distribution:
    Type: AWS::ImageBuilder::DistributionConfiguration
    Properties:
      Name: d
      Distributions:
)" + distributions + R"(
  Pipeline:
    Type: AWS::ImageBuilder::ImagePipeline
    Properties:
      Name: p
      ImageRecipeArn: !Ref Recipe
      InfrastructureConfigurationArn: arn:aws:imagebuilder:us-east-1:123456789012:infrastructure-configuration/i
      DistributionConfigurationArn: !Ref Distribution
)" + tests;
}

const std::string kOneRegion = "        - Region: us-east-1\n";

TEST(Planner, StagesRunInImageBuilderOrder) {
  auto run = plan_text(pipeline("", kOneRegion + "        - Region: eu-west-1\n          AmiDistributionConfiguration:\n"
                                                 "            TargetAccountIds: ['111122223333']\n"));
  ASSERT_TRUE(run->plan) << run->error;
  const Plan& plan = *run->plan;
  ASSERT_EQ(plan.stages.size(), 3u);
  EXPECT_EQ(plan.stages[0].name, "build");
  EXPECT_EQ(plan.stages[1].name, "test");
  EXPECT_EQ(plan.stages[2].name, "distribute");
  // The managed component first (steps unknown), then ours.
  ASSERT_EQ(plan.stages[0].steps.size(), 2u);
  EXPECT_EQ(plan.stages[0].steps[0].component, "update-linux");
  EXPECT_TRUE(plan.stages[0].steps[0].action.empty());
  EXPECT_EQ(plan.stages[0].steps[1].step, "Make");
  ASSERT_EQ(plan.stages[1].steps.size(), 1u);
  EXPECT_EQ(plan.stages[1].steps[0].step, "Check");
  ASSERT_EQ(plan.stages[2].targets.size(), 2u);
  EXPECT_EQ(plan.stages[2].targets[1].region, "eu-west-1");
  EXPECT_EQ(plan.stages[2].targets[1].accounts, std::vector<std::string>{"111122223333"});
  EXPECT_TRUE(plan.findings.empty());
  EXPECT_EQ(plan.pipeline["name"], "p");
  EXPECT_EQ(plan.pipeline["recipe"], "r");
}

TEST(Planner, SameRegionTwiceIsReportedAtTheSecondEntry) {
  auto run = plan_text(pipeline("", kOneRegion + kOneRegion));
  ASSERT_TRUE(run->plan);
  ASSERT_EQ(run->plan->findings.size(), 1u);
  const Diagnostic& d = run->plan->findings[0];
  EXPECT_EQ(d.rule->id, "IB806");
  EXPECT_EQ(run->files[0]->text(d.span), "us-east-1");
  ASSERT_EQ(d.related.size(), 1u);
  EXPECT_LT(d.related[0].span.begin, d.span.begin);
}

TEST(Planner, DisabledTestsSkipTheTestStage) {
  auto run = plan_text(pipeline("      ImageTestsConfiguration:\n        ImageTestsEnabled: false\n", kOneRegion));
  ASSERT_TRUE(run->plan);
  EXPECT_FALSE(run->plan->stages[1].enabled);
  EXPECT_TRUE(run->plan->stages[1].steps.empty());
}

TEST(Planner, TestStageThatCannotFitItsTimeoutIsReported) {
  std::string options = "                timeoutSeconds: 3000\n                maxAttempts: 2\n";
  auto run = plan_text(pipeline("      ImageTestsConfiguration:\n        TimeoutMinutes: 60\n", kOneRegion, options));
  ASSERT_TRUE(run->plan);
  const Stage& test = run->plan->stages[1];
  EXPECT_EQ(test.worst_case_seconds, 6000);
  EXPECT_EQ(test.limit_seconds, 3600);
  ASSERT_EQ(run->plan->findings.size(), 1u);
  EXPECT_EQ(run->plan->findings[0].rule->id, "IB807");
  EXPECT_EQ(run->files[0]->text(run->plan->findings[0].span), "60");
}

TEST(Planner, LoneComponentNeedsAPlatformAndNothingPlansNothing) {
  std::string why;
  EXPECT_FALSE(make_plan(PlanRequest{}, why));
  EXPECT_NE(why.find("nothing to plan"), std::string::npos);
  auto run = plan_text("name: C\nschemaVersion: 1.0\nphases:\n  - name: build\n    steps: []\n", "c.yaml");
  EXPECT_FALSE(run->plan);
  EXPECT_NE(run->error.find("--platform"), std::string::npos);
}

TEST(Planner, ComponentWithNoPhaseImageBuilderRunsIsAnEmptyStage) {
  DryRunOptions options;
  options.platform = "Linux";
  auto run = dry_run({std::make_shared<const SourceFile>(
                         "c.yaml", "name: C\nschemaVersion: 1.0\nphases:\n  - name: install\n    steps:\n"
                                   "      - {name: A, action: ExecuteBash, inputs: {commands: ['true']}}\n")},
                     options);
  ASSERT_TRUE(run->plan);
  ASSERT_EQ(run->plan->findings.size(), 1u);
  EXPECT_EQ(run->plan->findings[0].rule->id, "IB805");
}

}  // namespace
}  // namespace iblint::dryrun

namespace iblint::dryrun {
namespace {

TEST(Planner, UnknownRecipeOrDocumentIsNeverAnEmptyStage) {
  auto run = plan_text(R"({"name": "p", "imageRecipeArn": "arn:aws:imagebuilder:us-west-2:123456789012:image-recipe/r/1.0.0",
    "infrastructureConfigurationArn": "arn:aws:imagebuilder:us-west-2:123456789012:infrastructure-configuration/i",
    "imageTestsConfiguration": {"imageTestsEnabled": true, "timeoutMinutes": 60}})",
                       "pipeline.json");
  ASSERT_TRUE(run->plan) << run->error;
  EXPECT_TRUE(run->plan->findings.empty());
  DryRunOptions options;
  options.platform = "Linux";
  auto malformed = dry_run({std::make_shared<const SourceFile>("c.yaml", "name: C\nschemaVersion: 1.0\nphases:\n  name: build\n")},
                           options);
  ASSERT_TRUE(malformed->plan);
  EXPECT_TRUE(malformed->plan->findings.empty());
}

}  // namespace
}  // namespace iblint::dryrun

namespace iblint::dryrun {
namespace {

TEST(Planner, SubDocumentShowsCloudFormationSubstitutionsAsWritten) {
  auto run = plan_text(R"(AWSTemplateFormatVersion: "2010-09-09"
Resources:
  C:
    Type: AWS::ImageBuilder::Component
    Properties:
      Name: c
      Version: 1.0.0
      Platform: Linux
      Data: !Sub |
        name: C
        schemaVersion: 1.0
        phases:
          - name: build
            steps:
              - name: Get
                action: ExecuteBash
                inputs:
                  commands:
                    - 'aws s3 cp s3://bucket-${AWS::Region}/XX /tmp/x'
  R:
    Type: AWS::ImageBuilder::ImageRecipe
    Properties:
      Name: r
      Version: 1.0.0
      ParentImage: ami-0123456789abcdef0
      Components:
        - ComponentArn: !Ref C
)");
  ASSERT_TRUE(run->plan) << run->error;
  EXPECT_EQ(run->plan->stages[0].steps[0].inputs["commands"][0], "aws s3 cp s3://bucket-${AWS::Region}/XX /tmp/x");
}

}  // namespace
}  // namespace iblint::dryrun
