#include "cfn/template.h"

#include <gtest/gtest.h>

#include "yaml/parser.h"

namespace iblint::cfn {
namespace {

TEST(Template, ReadsParametersConditionsMappingsAndResources) {
  SourceFile file("t.yaml",
                  "Parameters:\n  Env: {Type: String, Default: prod}\n  Subnets: {Type: 'List<AWS::EC2::Subnet::Id>', Default: [a, b]}\n"
                  "  Bare: {Type: String}\nConditions:\n  IsProd: !Equals [!Ref Env, prod]\nMappings:\n  M: {k: {v: 1}}\n"
                  "Resources:\n  R:\n    Type: AWS::ImageBuilder::Component\n    Condition: IsProd\n    Properties: {Name: c}\n"
                  "  NoProps: {Type: AWS::IAM::Role}\n");
  auto stream = yaml::parse(file);
  Template t = load_template(file, *stream->documents[0]);
  ASSERT_EQ(t.parameters.size(), 3u);
  EXPECT_EQ(t.parameter("Env")->default_value, "prod");
  EXPECT_EQ(t.parameter("Subnets")->default_value, "a,b");
  EXPECT_EQ(t.parameter("Subnets")->type, "List<AWS::EC2::Subnet::Id>");
  EXPECT_FALSE(t.parameter("Bare")->default_value);
  EXPECT_NE(t.condition("IsProd"), nullptr);
  EXPECT_NE(t.mappings, nullptr);
  ASSERT_EQ(t.resources.size(), 2u);
  const TemplateResource* r = t.resource("R");
  ASSERT_NE(r, nullptr);
  EXPECT_EQ(r->type, "AWS::ImageBuilder::Component");
  EXPECT_EQ(r->condition, "IsProd");
  ASSERT_NE(r->properties, nullptr);
  EXPECT_EQ(file.text(r->id_node->span), "R");
  EXPECT_EQ(t.resource("NoProps")->properties, nullptr);
  EXPECT_EQ(t.resource("Missing"), nullptr);
}

TEST(Template, MalformedSectionsAreSkipped) {
  SourceFile file("t.yaml", "Parameters: 3\nConditions: [x]\nResources:\n  A: 5\n  B: {Type: [x], Properties: 4}\n");
  auto stream = yaml::parse(file);
  Template t = load_template(file, *stream->documents[0]);
  EXPECT_TRUE(t.parameters.empty());
  EXPECT_TRUE(t.conditions.empty());
  ASSERT_EQ(t.resources.size(), 2u);
  EXPECT_EQ(t.resources[1].type, "");
  EXPECT_EQ(t.resources[1].properties, nullptr);
}

TEST(Template, PseudoParameters) {
  EXPECT_TRUE(is_pseudo_parameter("AWS::Region"));
  EXPECT_TRUE(is_pseudo_parameter("AWS::AccountId"));
  EXPECT_FALSE(is_pseudo_parameter("Region"));
}

}  // namespace
}  // namespace iblint::cfn
