#include "load/component_loader.h"

#include <gtest/gtest.h>

#include "yaml/parser.h"

namespace iblint {
namespace {

TEST(ComponentLoader, ReadsPhasesStepsAndVariablesWithNodes) {
  SourceFile file("t.yaml",
                  "name: c\nschemaVersion: 1.0\nparameters:\n  - Target:\n      type: string\nconstants:\n"
                  "  - Ver:\n      type: string\n      value: '1'\nphases:\n  - name: build\n    steps:\n"
                  "      - name: S\n        action: ExecuteBash\n        timeoutSeconds: 60\n        onFailure: Abort\n"
                  "        maxAttempts: 2\n        inputs: {commands: [x]}\n        loop: {forEach: [a]}\n"
                  "        if: {binaryExists: apt}\n");
  auto stream = yaml::parse(file);
  Component c = load_component(*stream->documents[0]);
  ASSERT_EQ(c.variables.size(), 2u);
  EXPECT_EQ(c.variables[0].name, "Target");
  EXPECT_FALSE(c.variables[0].constant);
  EXPECT_TRUE(c.variables[1].constant);
  ASSERT_EQ(c.phases.size(), 1u);
  ASSERT_EQ(c.phases[0].steps.size(), 1u);
  const Step& s = c.phases[0].steps[0];
  EXPECT_EQ(s.name, "S");
  EXPECT_EQ(s.action, "ExecuteBash");
  EXPECT_EQ(file.text(s.timeout_seconds->span), "60");
  EXPECT_EQ(file.text(s.on_failure->span), "Abort");
  EXPECT_NE(s.max_attempts, nullptr);
  EXPECT_NE(s.inputs, nullptr);
  EXPECT_NE(s.loop, nullptr);
  EXPECT_NE(s.condition, nullptr);
  EXPECT_EQ(file.text(s.name_node->span), "S");
}

TEST(ComponentLoader, MalformedPartsAreLeftOut) {
  SourceFile file("t.yaml", "schemaVersion: 1.0\nphases:\n  build:\n    steps: x\n");
  auto stream = yaml::parse(file);
  Component c = load_component(*stream->documents[0]);
  EXPECT_TRUE(c.phases.empty());
  EXPECT_NE(c.phases_node, nullptr);
}

}  // namespace
}  // namespace iblint
