#include "dryrun/dry_run.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "engine/rule.h"

namespace iblint::dryrun {
namespace {
namespace fs = std::filesystem;

std::shared_ptr<const SourceFile> fixture(const std::string& relative) {
  std::ifstream in(fs::path(IBLINT_SOURCE_DIR) / relative, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return std::make_shared<const SourceFile>(relative, text.str());
}

TEST(DryRun, ApiRequestsLinkIntoOnePipeline) {
  std::vector<std::shared_ptr<const SourceFile>> files;
  for (const char* name : {"component", "distribution", "infrastructure", "pipeline", "recipe"}) {
    files.push_back(fixture(std::string("fixtures/dryrun/api-pipeline/") + name + ".json"));
  }
  std::unique_ptr<DryRun> run = dry_run(files, DryRunOptions{});
  ASSERT_TRUE(run->plan) << run->error;
  const Plan& plan = *run->plan;
  EXPECT_EQ(plan.pipeline["name"], "web-pipeline");
  EXPECT_EQ(plan.pipeline["infrastructure"], "web-infrastructure");
  const Stage& build = plan.stages[0];
  ASSERT_FALSE(build.steps.empty());
  // The recipe's parameter value wins over the document default…
  EXPECT_EQ(build.steps[0].inputs[0]["content"], "8443");
  // …the delimited loop expands per site, and chains an earlier input concretely.
  EXPECT_EQ(build.steps[1].inputs["commands"][0], "mkdir -p /srv/www && cat /etc/web/port");
  EXPECT_EQ(build.steps[2].inputs["commands"][0], "mkdir -p /srv/api && cat /etc/web/port");
  EXPECT_EQ(build.instance["instanceTypes"][0], "t3.medium");
  EXPECT_EQ(plan.stages[1].limit_seconds, 90 * 60);
  EXPECT_EQ(plan.stages[2].targets.size(), 2u);
}

TEST(DryRun, ParamOverridesReachEveryComponent) {
  DryRunOptions options;
  options.overrides["Port"] = "80";
  std::vector<std::shared_ptr<const SourceFile>> files;
  for (const char* name : {"component", "pipeline", "recipe"}) {
    files.push_back(fixture(std::string("fixtures/dryrun/api-pipeline/") + name + ".json"));
  }
  std::unique_ptr<DryRun> run = dry_run(files, options);
  ASSERT_TRUE(run->plan);
  EXPECT_EQ(run->plan->stages[0].steps[0].inputs[0]["content"], "80");
  // numberGreaterThan 1024 with value 80 is false: the step is skipped and reported.
  bool skipped = false;
  for (const PlannedStep& s : run->plan->stages[0].steps) skipped = skipped || (s.step == "ReadBack" && s.skipped);
  EXPECT_TRUE(skipped);
  ASSERT_EQ(run->findings.files.size(), 1u);
  EXPECT_EQ(run->findings.files[0].diagnostics[0].rule->id, "IB803");
}

TEST(DryRun, BinaryAndOtherDocumentsAreIgnored) {
  std::vector<std::shared_ptr<const SourceFile>> files = {
      std::make_shared<const SourceFile>("bin.yaml", std::string("\x00\x01\x02", 3)),
      std::make_shared<const SourceFile>("k8s.yaml", "apiVersion: v1\nkind: Pod\n")};
  std::unique_ptr<DryRun> run = dry_run(files, DryRunOptions{});
  EXPECT_FALSE(run->plan);
  EXPECT_FALSE(run->error.empty());
}

}  // namespace
}  // namespace iblint::dryrun
