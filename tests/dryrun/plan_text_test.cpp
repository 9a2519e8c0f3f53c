#include "dryrun/plan_text.h"

#include <gtest/gtest.h>

#include <sstream>

#include "dryrun/dry_run.h"

namespace iblint::dryrun {
namespace {

TEST(PlanText, TimelineShowsStagesStepsInputsAndInlineFindings) {
  DryRunOptions options;
  options.platform = "Linux";
  auto run = dry_run({std::make_shared<const SourceFile>("c.yaml", R"(name: C
schemaVersion: 1.0
phases:
  - name: build
    steps:
      - name: Find
        action: ExecuteBash
        inputs:
          commands: ['ls /opt']
      - name: Use
        action: ExecuteBash
        inputs:
          commands:
            - |
              echo "{{ build.Find.outputs.stdout }}"
              echo {{ build.Later.outputs.stdout }}
      - name: Restart
        action: Reboot
      - name: Later
        action: ExecuteBash
        inputs:
          commands: ['true']
)")},
                     options);
  ASSERT_TRUE(run->plan);
  std::ostringstream out;
  emit_plan_text(*run->plan, run->findings, out);
  std::string text = out.str();
  EXPECT_NE(text.find("BUILD stage"), std::string::npos) << text;
  EXPECT_NE(text.find("  component C\n    phase build\n      - Find [ExecuteBash]"), std::string::npos) << text;
  EXPECT_NE(text.find("echo \"<stdout of build.Find>\""), std::string::npos) << text;
  EXPECT_NE(text.find("!! IB804:"), std::string::npos) << text;
  EXPECT_NE(text.find("== reboot (Reboot module): resumes at C: build.Later =="), std::string::npos) << text;
  EXPECT_NE(text.find("Findings:\nc.yaml:16:20: error:"), std::string::npos) << text;
  EXPECT_NE(text.find("Summary: build 4 step(s), worst case 6 h; test 0 step(s)"), std::string::npos) << text;
}

TEST(PlanText, DurationsAreReadable) {
  EXPECT_EQ(format_duration(7200), "2 h");
  EXPECT_EQ(format_duration(3725), "1 h 2 min 5 s");
  EXPECT_EQ(format_duration(0), "0 s");
  EXPECT_EQ(format_duration(std::nullopt), "unbounded (a step has no timeout)");
}

}  // namespace
}  // namespace iblint::dryrun
