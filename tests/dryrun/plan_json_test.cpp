#include "dryrun/plan_json.h"

#include <gtest/gtest.h>

#include "dryrun/dry_run.h"

namespace iblint::dryrun {
namespace {

std::unique_ptr<DryRun> component_run(const std::string& text) {
  DryRunOptions options;
  options.platform = "Linux";
  return dry_run({std::make_shared<const SourceFile>("c.yaml", text)}, options);
}

TEST(PlanJson, HasTheDocumentedShape) {
  auto run = component_run(R"(name: C
schemaVersion: 1.0
parameters:
  - Missing:
      type: string
phases:
  - name: build
    steps:
      - name: A
        action: ExecuteBash
        if:
          binaryExists: apt-get
        inputs:
          commands: ['echo {{ Missing }}']
)");
  ASSERT_TRUE(run->plan);
  Json json = plan_json(*run->plan, run->findings);
  for (const char* key : {"pipeline", "stages", "notes", "findings", "summary"}) EXPECT_TRUE(json.contains(key)) << key;
  const Json& step = json["stages"][0]["steps"][0];
  for (const char* key : {"component", "componentVersion", "phase", "step", "action", "iteration", "inputs", "onFailure",
                          "maxAttempts", "timeoutSeconds", "condition"}) {
    EXPECT_TRUE(step.contains(key)) << key;
  }
  EXPECT_EQ(step["component"], "C");
  EXPECT_EQ(step["iteration"], nullptr);
  EXPECT_EQ(step["timeoutSeconds"], 7200);
  EXPECT_EQ(step["condition"]["value"], nullptr);
  EXPECT_EQ(step["condition"]["expression"], "binaryExists('apt-get')");
  EXPECT_EQ(step["inputs"]["commands"][0], "echo <parameter Missing: no value>");
  // Findings are lint's JSON diagnostic objects.
  ASSERT_EQ(json["findings"].size(), 1u);
  const Json& finding = json["findings"][0];
  EXPECT_EQ(finding["rule"], "IB801");
  EXPECT_EQ(finding["name"], "unresolved-value");
  EXPECT_EQ(finding["path"], "c.yaml");
  EXPECT_EQ(finding["line"], 14);
  EXPECT_EQ(finding["column"], 28);
  EXPECT_EQ(json["summary"]["steps"]["build"], 1);
  EXPECT_EQ(json["stages"][2]["name"], "distribute");
  EXPECT_TRUE(json["stages"][2]["targets"].is_array());
}

}  // namespace
}  // namespace iblint::dryrun
