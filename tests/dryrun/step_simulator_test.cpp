#include "dryrun/step_simulator.h"

#include <gtest/gtest.h>

#include <chrono>

#include "dryrun/dry_run.h"
#include "dryrun/loop_expansion.h"
#include "engine/rule.h"
#include "load/component_loader.h"
#include "tests/dryrun/yaml_node_fixture.h"

namespace iblint::dryrun {
namespace {

using test_support::parse_yaml;

struct Simulated {
  test_support::ParsedYaml yaml;
  Component component;
  Stage stage;
  Plan plan;
};

std::unique_ptr<Simulated> simulate(const std::string& text, std::vector<std::string> phases = {"build", "validate"},
                                    ParameterOverrides overrides = {}, std::map<std::string, std::string> recipe = {}) {
  auto s = std::make_unique<Simulated>();
  s->yaml = parse_yaml(text);
  s->component = load_component(s->yaml.root());
  s->stage.name = "build";
  ComponentRun run;
  run.name = "c";
  run.document = &s->component;
  run.document_file = s->yaml.file.get();
  run.report_file = s->yaml.file.get();
  run.parameter_values = std::move(recipe);
  simulate_component(run, phases, overrides, s->stage, s->plan);
  return s;
}

const char* kParameters = R"(name: P
schemaVersion: 1.0
parameters:
  - Version:
      type: string
      default: "1.0"
phases:
  - name: build
    steps:
      - name: Show
        action: ExecuteBash
        inputs:
          commands: ['echo {{ Version }}']
)";

TEST(StepSimulator, ParameterBindingPrefersParamThenRecipeThenDefault) {
  EXPECT_EQ(simulate(kParameters)->stage.steps[0].inputs["commands"][0], "echo 1.0");
  EXPECT_EQ(simulate(kParameters, {"build"}, {}, {{"Version", "2.0"}})->stage.steps[0].inputs["commands"][0], "echo 2.0");
  EXPECT_EQ(simulate(kParameters, {"build"}, {{"Version", "3.0"}}, {{"Version", "2.0"}})->stage.steps[0].inputs["commands"][0],
            "echo 3.0");
}

TEST(StepSimulator, StepOptionsAndFailurePaths) {
  auto s = simulate(R"(name: F
schemaVersion: 1.0
phases:
  - name: build
    steps:
      - name: A
        action: ExecuteBash
        onFailure: Continue
        maxAttempts: 3
        timeoutSeconds: 60
        inputs: {commands: ['true']}
      - name: B
        action: ExecuteBash
        onFailure: Ignore
        inputs: {commands: ['true']}
      - name: C
        action: ExecuteBash
        inputs: {commands: ['true']}
)");
  const auto& steps = s->stage.steps;
  ASSERT_EQ(steps.size(), 3u);
  EXPECT_EQ(steps[0].max_attempts, 3u);
  EXPECT_EQ(steps[0].timeout_seconds, 60);
  EXPECT_NE(steps[0].failure_leads_to.find("after 3 attempts"), std::string::npos);
  EXPECT_NE(steps[0].failure_leads_to.find("later steps still run"), std::string::npos);
  EXPECT_NE(steps[1].failure_leads_to.find("IgnoredFailure"), std::string::npos);
  EXPECT_EQ(steps[2].on_failure, "Abort");
  EXPECT_EQ(steps[2].timeout_seconds, 7200);
  EXPECT_NE(steps[2].failure_leads_to.find("no later step"), std::string::npos);
}

TEST(StepSimulator, RebootModuleAndRebootExitCodes) {
  auto s = simulate(R"(name: R
schemaVersion: 1.0
phases:
  - name: build
    steps:
      - name: Kernel
        action: ExecuteBash
        inputs:
          commands: ['if [ ! -f /m ]; then touch /m; exit 194; fi']
      - name: Restart
        action: Reboot
        timeoutSeconds: 60
)");
  const auto& steps = s->stage.steps;
  ASSERT_EQ(steps.size(), 2u);
  ASSERT_TRUE(steps[0].reboot);
  EXPECT_FALSE(steps[0].reboot->certain);
  EXPECT_NE(steps[0].reboot->resumes_at.find("build.Kernel again"), std::string::npos);
  ASSERT_TRUE(steps[1].reboot);
  EXPECT_TRUE(steps[1].reboot->certain);
  EXPECT_FALSE(steps[1].timeout_seconds.has_value());  // Reboot ignores step timeouts
}

TEST(StepSimulator, LoopExpandsIntoIterationsWithTheirValues) {
  auto s = simulate(R"(name: L
schemaVersion: 1.0
phases:
  - name: build
    steps:
      - name: Each
        action: ExecuteBash
        loop:
          forEach: [a, b, c]
        inputs: {commands: ['echo {{ loop.index }}={{ loop.value }}']}
)");
  const auto& steps = s->stage.steps;
  ASSERT_EQ(steps.size(), 3u);
  EXPECT_EQ(steps[2].iteration, 2u);
  EXPECT_EQ(steps[2].iterations, 3u);
  EXPECT_EQ(steps[2].inputs["commands"][0], "echo 2=c");
}

TEST(StepSimulator, FalseConditionSkipsAndReportsWhereTheIfIs) {
  auto s = simulate(R"(name: C
schemaVersion: 1.0
phases:
  - name: build
    steps:
      - name: Never
        action: ExecuteBash
        if:
          stringEquals: yes
          value: 'no'
        inputs: {commands: ['true']}
      - name: Reads
        action: ExecuteBash
        inputs: {commands: ['echo {{ build.Never.outputs.stdout }}']}
)");
  const auto& steps = s->stage.steps;
  ASSERT_EQ(steps.size(), 2u);
  EXPECT_TRUE(steps[0].skipped);
  ASSERT_EQ(s->plan.findings.size(), 2u);
  EXPECT_EQ(s->plan.findings[0].rule->id, "IB803");
  EXPECT_EQ(s->plan.findings[1].rule->id, "IB804");
  EXPECT_EQ(s->yaml.file->text(s->plan.findings[1].span), "{{ build.Never.outputs.stdout }}");
  EXPECT_EQ(s->yaml.file->text(s->plan.findings[0].span).substr(0, 12), "stringEquals");
}

TEST(StepSimulator, OnlyTheStagePhasesRunInDocumentOrder) {
  auto s = simulate(R"(name: O
schemaVersion: 1.0
phases:
  - name: validate
    steps:
      - {name: V, action: ExecuteBash, inputs: {commands: ['true']}}
  - name: test
    steps:
      - {name: T, action: ExecuteBash, inputs: {commands: ['true']}}
  - name: build
    steps:
      - {name: B, action: ExecuteBash, inputs: {commands: ['true']}}
)");
  ASSERT_EQ(s->stage.steps.size(), 2u);
  EXPECT_EQ(s->stage.steps[0].step, "V");
  EXPECT_EQ(s->stage.steps[1].step, "B");
}

}  // namespace
}  // namespace iblint::dryrun

namespace iblint::dryrun {
namespace {

TEST(StepSimulator, HostileLoopsStayBoundedAndFast) {
  std::string text = "name: H\nschemaVersion: 1.0\nphases:\n  - name: build\n    steps:\n";
  for (int i = 0; i < 400; ++i) {
    text += "      - name: S" + std::to_string(i) +
            "\n        action: ExecuteBash\n        loop:\n          for: {start: 0, end: 999999999999, updateBy: 1}\n"
            "        inputs: {commands: ['echo {{ loop.value }}']}\n";
  }
  auto started = std::chrono::steady_clock::now();
  auto s = simulate(text, {"build"});
  auto elapsed = std::chrono::steady_clock::now() - started;
  EXPECT_LE(s->stage.steps.size(), kMaxPlannedSteps + 400);
  EXPECT_GE(s->stage.steps.size(), 400u);  // every step is still listed
  EXPECT_EQ(s->stage.steps.back().iterations, 1000000000000u);
  EXPECT_FALSE(s->plan.notes.empty());
  EXPECT_LT(std::chrono::duration_cast<std::chrono::seconds>(elapsed).count(), 20);
}

}  // namespace
}  // namespace iblint::dryrun

namespace iblint::dryrun {
namespace {

TEST(StepSimulator, ExecuteBinaryRebootCodeFollowsThePlatform) {
  const std::string text = "name: B\nschemaVersion: 1.0\nphases:\n  - name: build\n    steps:\n"
                           "      - name: Patch\n        action: ExecuteBinary\n        inputs:\n"
                           "          path: powershell.exe\n          arguments: ['-Command', 'exit 3010']\n";
  auto plan_on = [&](const std::string& platform) {
    DryRunOptions options;
    options.platform = platform;
    return dry_run({std::make_shared<const SourceFile>("b.yaml", text)}, options);
  };
  auto on_windows = plan_on("Windows");
  ASSERT_TRUE(on_windows->plan);
  EXPECT_TRUE(on_windows->plan->stages[0].steps[0].reboot.has_value());
  auto on_linux = plan_on("Linux");
  ASSERT_TRUE(on_linux->plan);
  EXPECT_FALSE(on_linux->plan->stages[0].steps[0].reboot.has_value());  // Linux binaries ask with 194
}

}  // namespace
}  // namespace iblint::dryrun
