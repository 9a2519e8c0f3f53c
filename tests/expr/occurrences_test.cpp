#include "expr/occurrences.h"

#include <gtest/gtest.h>

#include "load/component_loader.h"
#include "yaml/parser.h"

namespace iblint::expr {
namespace {

TEST(ExprOccurrences, RecordsPlaceStepAndExactFileSpans) {
  SourceFile file("t.yaml",
                  "description: uses {{ Name }}\nschemaVersion: 1.0\nphases:\n  - name: build\n    steps:\n"
                  "      - name: A\n        action: ExecuteBash\n        loop:\n          forEach: ['{{ Name }}']\n"
                  "        if: {stringEquals: x, value: '{{ Name }}'}\n        inputs:\n          commands:\n"
                  "            - \"echo \\\"{{ build.A.outputs.stdout }}\\\"\"\n            - |\n              run {{ Name }}\n"
                  "            - {{ x.y }}\n");
  auto stream = yaml::parse(file);
  Component c = load_component(*stream->documents[0]);
  ExpressionIndex index = index_expressions(file, c);
  ASSERT_EQ(index.occurrences.size(), 5u);
  EXPECT_EQ(index.occurrences[0].place, Place::Other);
  EXPECT_EQ(index.occurrences[0].step, nullptr);
  EXPECT_EQ(index.occurrences[1].place, Place::LoopList);
  EXPECT_EQ(index.occurrences[2].place, Place::Condition);
  const Occurrence& quoted = index.occurrences[3];
  EXPECT_EQ(quoted.place, Place::Inputs);
  EXPECT_EQ(quoted.step, &c.phases[0].steps[0]);
  const Expression& e = quoted.scan.expressions.at(0);
  EXPECT_EQ(file.text(quoted.span(e.range)), "{{ build.A.outputs.stdout }}");
  EXPECT_EQ(file.text(quoted.span(e.segments[3].range)), "stdout");
  const Occurrence& block = index.occurrences[4];
  EXPECT_EQ(file.text(block.span(block.scan.expressions.at(0).segments[0].range)), "Name");
  EXPECT_EQ(file.position(block.span(block.scan.expressions.at(0).range).begin), (Position{15, 19}));
  ASSERT_EQ(index.unquoted.size(), 1u);
  EXPECT_EQ(file.text(index.unquoted[0].node->span), "{{ x.y }}");
}

TEST(ExprOccurrences, RecordsTheFieldOfEachScalarForMessages) {
  SourceFile file("t.yaml",
                  "description: uses {{ Name }}\nschemaVersion: 1.0\nphases:\n  - name: 'b{{ Name }}'\n    steps:\n"
                  "      - name: 'A{{ Name }}'\n        action: ExecuteBash\n        loop:\n          name: l\n"
                  "          forEach: {list: '{{ Name }}', delimiter: '{{ Name }}'}\n"
                  "        inputs:\n          commands:\n            - x\n            - '{{ Name }}'\n");
  auto stream = yaml::parse(file);
  Component c = load_component(*stream->documents[0]);
  ExpressionIndex index = index_expressions(file, c);
  ASSERT_EQ(index.occurrences.size(), 6u);
  EXPECT_EQ(index.occurrences[0].where(), "in the document's `description`");
  EXPECT_EQ(index.occurrences[1].where(), "in the phase name");
  EXPECT_EQ(index.occurrences[2].where(), "in the step's `name`");
  EXPECT_EQ(index.occurrences[3].field, "loop.forEach.list");
  EXPECT_EQ(index.occurrences[3].place, Place::LoopList);
  EXPECT_EQ(index.occurrences[4].field, "loop.forEach.delimiter");
  EXPECT_EQ(index.occurrences[4].place, Place::LoopOther);
  EXPECT_EQ(index.occurrences[5].where(), "in the step's `inputs.commands[1]`");
}

TEST(ExprOccurrences, TheIndexLooksUpChainingTargetsOnlyWhenSomethingChains) {
  const std::string steps = "schemaVersion: 1.0\nphases:\n  - name: build\n    steps:\n      - name: A\n        action: UpdateOS\n"
                            "      - name: B\n        action: ExecuteBash\n        inputs:\n          commands:\n";
  SourceFile chaining("t.yaml", steps + "            - echo {{ build.A.outputs.stdout }}\n");
  auto stream = yaml::parse(chaining);
  Component c = load_component(*stream->documents[0]);
  ExpressionIndex index = index_expressions(chaining, c);
  EXPECT_EQ(index.steps.find("build", "A").step, &c.phases[0].steps[0]);

  SourceFile plain("t.yaml", steps + "            - echo {{ Version }}\n");
  auto plain_stream = yaml::parse(plain);
  Component d = load_component(*plain_stream->documents[0]);
  EXPECT_EQ(index_expressions(plain, d).steps.find("build", "A").phase, nullptr);  // never asked: not built
}

TEST(ExprOccurrences, FindStepAndStages) {
  SourceFile file("t.yaml", "schemaVersion: 1.0\nphases:\n  - name: build\n    steps:\n      - name: A\n        action: UpdateOS\n"
                            "  - name: test\n    steps:\n      - name: B\n        action: UpdateOS\n");
  auto stream = yaml::parse(file);
  Component c = load_component(*stream->documents[0]);
  StepRef b = find_step(c, "test", "B");
  ASSERT_NE(b.step, nullptr);
  EXPECT_EQ(b.phase_index, 1u);
  EXPECT_EQ(find_step(c, "test", "Z").step, nullptr);
  EXPECT_NE(find_step(c, "test", "Z").phase, nullptr);
  EXPECT_EQ(find_step(c, "deploy", "A").phase, nullptr);
  EXPECT_EQ(stage_of("validate"), "build");
  EXPECT_EQ(stage_of("test"), "test");
  EXPECT_EQ(stage_of("container-host-test"), "container host");
  EXPECT_EQ(stage_of("deploy"), "");
}

}  // namespace
}  // namespace iblint::expr
