#include "rules/project_support.h"

#include <gtest/gtest.h>

#include "load/project_loader.h"

namespace iblint {
namespace {

std::unique_ptr<Project> load(const std::string& path, const std::string& text) {
  auto file = std::make_shared<const SourceFile>(path, text);
  return load_project({{file, yaml::parse(*file)}});
}

const char* kTemplate = R"(Parameters:
  Subnet: {Type: String}
Conditions:
  Never: !Equals [!Ref Subnet, x]
Resources:
  Group:
    Type: AWS::EC2::SecurityGroup
    Properties: {GroupDescription: build}
  Infra:
    Type: AWS::ImageBuilder::InfrastructureConfiguration
    Properties:
      Name: infra
      InstanceProfileName: ""
      SubnetId: !If [Never, !Ref Subnet, !Ref AWS::NoValue]
      SecurityGroupIds: [!GetAtt Group.GroupId, !Ref Group, sg-0123]
      KeyPair: !If [Never, a, b]
  Pipeline:
    Type: AWS::ImageBuilder::ImagePipeline
    Properties: {Name: p, ImageRecipeArn: arn:aws:imagebuilder:us-east-1:123456789012:image-recipe/r/1.0.0, InfrastructureConfigurationArn: !Ref Infra}
)";

TEST(ProjectSupport, CertainlySetAndUnset) {
  auto project = load("t.yaml", kTemplate);
  const InfrastructureConfiguration& infra = project->infrastructures[0];
  EXPECT_FALSE(certainly_set(infra.subnet_id));    // an Fn::If that may remove it
  EXPECT_FALSE(certainly_unset(infra.subnet_id));
  EXPECT_TRUE(certainly_set(infra.security_group_ids));
  EXPECT_TRUE(certainly_unset(infra.instance_profile_name));  // ""
  EXPECT_TRUE(certainly_set(infra.key_pair));      // both branches give a value
  EXPECT_TRUE(certainly_unset(infra.logging));     // not written
}

TEST(ProjectSupport, SecurityGroupsByRefAndGetAtt) {
  auto project = load("t.yaml", kTemplate);
  const InfrastructureConfiguration& infra = project->infrastructures[0];
  ASSERT_EQ(infra.security_groups.size(), 3u);
  const SecurityGroup* by_get_att = security_group_behind(*project, infra.security_groups[0]);
  const SecurityGroup* by_ref = security_group_behind(*project, infra.security_groups[1]);
  ASSERT_NE(by_get_att, nullptr);
  EXPECT_EQ(by_get_att, by_ref);
  EXPECT_EQ(security_group_behind(*project, infra.security_groups[2]), nullptr);  // an id outside the project
}

TEST(ProjectSupport, PipelinesAndNames) {
  auto project = load("t.yaml", kTemplate);
  const InfrastructureConfiguration& infra = project->infrastructures[0];
  ASSERT_EQ(pipelines_using(*project, infra).size(), 1u);
  EXPECT_EQ(property_name(*infra.resource, "SubnetId"), "SubnetId");
  EXPECT_EQ(resource_label(*infra.resource), "`Infra`");
}

TEST(ProjectSupport, UpdateRequestsAreNamedByTheirArn) {
  std::string text = R"({"infrastructureConfigurationArn": "arn:aws:imagebuilder:us-west-2:123456789012:infrastructure-configuration/web",
 "instanceProfileName": "profile"})";
  auto project = load("update.json", text);
  ASSERT_EQ(project->infrastructures.size(), 1u);
  const Resource& r = *project->infrastructures[0].resource;
  EXPECT_EQ(resource_label(r), "`web`");
  EXPECT_EQ(property_name(r, "SubnetId"), "subnetId");
  Span anchor = resource_anchor(r);
  EXPECT_EQ(text.substr(anchor.begin, anchor.end - anchor.begin),
            "\"arn:aws:imagebuilder:us-west-2:123456789012:infrastructure-configuration/web\"");
}

}  // namespace
}  // namespace iblint
