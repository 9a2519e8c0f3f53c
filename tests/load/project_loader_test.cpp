#include "load/project_loader.h"

#include <gtest/gtest.h>

#include "load/embedded_component.h"

namespace iblint {
namespace {

ProjectInput input(const std::string& path, const std::string& text) {
  auto file = std::make_shared<const SourceFile>(path, text);
  return {file, yaml::parse(*file)};
}

const char* kTemplate = R"(Resources:
  Component:
    Type: AWS::ImageBuilder::Component
    Properties:
      Name: hello
      Version: 1.0.0
      Platform: Linux
      Data: |
        name: hello
        schemaVersion: 1.0
        phases:
          - name: build
            steps:
              - name: Hi
                action: ExecuteBash
                inputs: {commands: [echo hi]}
  Recipe:
    Type: AWS::ImageBuilder::ImageRecipe
    Properties:
      Name: web recipe
      Version: 1.0.0
      ParentImage: ami-0123456789abcdef0
      Components:
        - ComponentArn: !Sub arn:${AWS::Partition}:imagebuilder:${AWS::Region}:aws:component/update-linux/x.x.x
        - ComponentArn: !Ref Component
          Parameters:
            - Name: Greeting
              Value: [hi]
  Role:
    Type: AWS::IAM::Role
    Properties:
      ManagedPolicyArns: [!Sub 'arn:${AWS::Partition}:iam::aws:policy/AmazonSSMManagedInstanceCore', !Ref Extra]
  Extra:
    Type: AWS::IAM::ManagedPolicy
    Properties:
      PolicyDocument: {Statement: []}
  Inline:
    Type: AWS::IAM::Policy
    Properties:
      PolicyName: logs
      Roles: [!Ref Role]
      PolicyDocument: {Statement: []}
  Profile:
    Type: AWS::IAM::InstanceProfile
    Properties:
      Roles: [!Ref Role]
  Group:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: build
      SecurityGroupIngress:
        - {IpProtocol: tcp, FromPort: 22, ToPort: 22, CidrIp: 0.0.0.0/0}
  GroupIngress:
    Type: AWS::EC2::SecurityGroupIngress
    Properties: {GroupId: !GetAtt Group.GroupId, IpProtocol: tcp, FromPort: 3389, ToPort: 3389, CidrIpv6: ::/0}
  Infra:
    Type: AWS::ImageBuilder::InfrastructureConfiguration
    Properties:
      Name: infra
      InstanceProfileName: !Ref Profile
      SecurityGroupIds: [!Ref Group, sg-0123]
      SubnetId: subnet-0123
      Logging: {S3Logs: {S3BucketName: logs-bucket, S3KeyPrefix: ib}}
  Pipeline:
    Type: AWS::ImageBuilder::ImagePipeline
    Properties:
      Name: pipe
      ImageRecipeArn: !GetAtt Recipe.Arn
      InfrastructureConfigurationArn: !Ref Infra
)";

TEST(ProjectLoader, LinksTheWholeTemplateGraph) {
  auto project = load_project({input("t.yaml", kTemplate)});
  ASSERT_EQ(project->pipelines.size(), 1u);
  const ImagePipeline& p = project->pipelines[0];
  const ImageRecipe* recipe = project->recipe_of(p.recipe);
  ASSERT_NE(recipe, nullptr);
  EXPECT_EQ(recipe->resource->logical_id, "Recipe");
  ASSERT_EQ(recipe->components.size(), 2u);
  EXPECT_EQ(recipe->components[0].component.status, Link::Status::Managed);
  EXPECT_EQ(recipe->components[0].component.managed->name, "update-linux");
  const ComponentResource* component = project->component_of(recipe->components[1].component);
  ASSERT_NE(component, nullptr);
  ASSERT_NE(component->document, nullptr);
  EXPECT_EQ(component->document->phases.size(), 1u);
  // Document spans are outer-file spans (in place for a block scalar).
  Span action = component->outer_span(component->document->phases[0].steps[0].action_node->span);
  EXPECT_EQ(component->resource->file->text(action), "ExecuteBash");
  ASSERT_EQ(recipe->components[1].parameters.size(), 1u);
  EXPECT_EQ(recipe->components[1].parameters[0].name.literal(), "Greeting");
  EXPECT_EQ(recipe->parent.status, Link::Status::External);  // an AMI id

  const InfrastructureConfiguration* infra = project->infrastructure_of(p.infrastructure);
  ASSERT_NE(infra, nullptr);
  EXPECT_EQ(infra->logging_bucket.literal(), "logs-bucket");
  EXPECT_EQ(infra->logging_prefix.literal(), "ib");
  EXPECT_EQ(infra->subnet.status, Link::Status::External);
  ASSERT_EQ(infra->security_groups.size(), 2u);
  const SecurityGroup* group = project->security_group_of(infra->security_groups[0]);
  ASSERT_NE(group, nullptr);
  ASSERT_EQ(group->ingress.size(), 2u);  // inline rule + the SecurityGroupIngress resource
  EXPECT_EQ(group->ingress[0].cidr_ip.literal(), "0.0.0.0/0");
  EXPECT_EQ(group->ingress[1].cidr_ipv6.literal(), "::/0");
  EXPECT_EQ(infra->security_groups[1].status, Link::Status::External);

  const InstanceProfile* profile = project->instance_profile_of(infra->instance_profile);
  ASSERT_NE(profile, nullptr);
  ASSERT_EQ(profile->role_links.size(), 1u);
  const Role* role = project->role_of(profile->role_links[0]);
  ASSERT_NE(role, nullptr);
  ASSERT_EQ(role->managed_policy_links.size(), 2u);
  EXPECT_EQ(role->managed_policy_links[0].status, Link::Status::Unknown);  // a !Sub ARN
  EXPECT_EQ(role->managed_policy_links[1].status, Link::Status::Resolved);
  ASSERT_EQ(role->attached_policies.size(), 1u);
  EXPECT_EQ(role->attached_policies[0]->logical_id, "Inline");
}

TEST(ProjectLoader, ApiRequestsLinkAcrossFilesByArnName) {
  auto project = load_project({
      input("pipeline.json", R"({"name": "p", "imageRecipeArn": "arn:aws:imagebuilder:us-west-2:123456789012:image-recipe/web-recipe/1.0.0",
        "infrastructureConfigurationArn": "arn:aws:imagebuilder:us-west-2:123456789012:infrastructure-configuration/infra"})"),
      input("recipe.json", R"({"name": "Web_Recipe", "semanticVersion": "1.0.0", "parentImage": "ami-1",
        "components": [{"componentArn": "arn:aws:imagebuilder:us-west-2:aws:component/update-linux/x.x.x"}]})"),
      input("infra.json", R"({"name": "infra", "instanceProfileName": "ImageBuilderProfile"})"),
  });
  ASSERT_EQ(project->pipelines.size(), 1u);
  const ImagePipeline& p = project->pipelines[0];
  EXPECT_EQ(p.resource->type, "CreateImagePipeline");
  const ImageRecipe* recipe = project->recipe_of(p.recipe);
  ASSERT_NE(recipe, nullptr);
  EXPECT_EQ(recipe->resource->file->path(), "recipe.json");
  EXPECT_EQ(recipe->components[0].component.status, Link::Status::Managed);
  const InfrastructureConfiguration* infra = project->infrastructure_of(p.infrastructure);
  ASSERT_NE(infra, nullptr);
  EXPECT_EQ(infra->instance_profile.status, Link::Status::External);
  EXPECT_EQ(infra->instance_profile_name.literal(), "ImageBuilderProfile");
}

TEST(ProjectLoader, DanglingReferencesSayWhy) {
  auto project = load_project({input("t.yaml", R"(Resources:
  Role: {Type: AWS::IAM::Role}
  Infra:
    Type: AWS::ImageBuilder::InfrastructureConfiguration
    Properties: {Name: i, InstanceProfileName: !Ref Role}
  Pipeline:
    Type: AWS::ImageBuilder::ImagePipeline
    Properties:
      Name: p
      ImageRecipeArn: arn:aws:imagebuilder:us-east-1:123456789012:component/x/1.0.0
      InfrastructureConfigurationArn: !GetAtt Missing.Arn
)")});
  const ImagePipeline& p = project->pipelines[0];
  EXPECT_EQ(p.recipe.status, Link::Status::Dangling);
  EXPECT_NE(p.recipe.note.find("component"), std::string::npos);
  EXPECT_EQ(p.infrastructure.status, Link::Status::Dangling);
  const InfrastructureConfiguration& infra = project->infrastructures[0];
  EXPECT_EQ(infra.instance_profile.status, Link::Status::Dangling);
  EXPECT_NE(infra.instance_profile.note.find("IAM role"), std::string::npos);
}

TEST(ProjectLoader, ReusesComponentDocumentsTheInputAlreadyParsed) {
  ProjectInput in = input("t.yaml", kTemplate);
  const yaml::Node* data = in.yaml->documents[0]->find("Resources")->find("Component")->find("Properties")->find("Data");
  ASSERT_NE(data, nullptr);
  std::shared_ptr<const EmbeddedComponent> parsed = load_embedded_component(*in.file, *data);
  ASSERT_TRUE(parsed && parsed->component);
  in.embedded.push_back(parsed);
  auto project = load_project({in});
  ASSERT_EQ(project->components.size(), 1u);
  EXPECT_EQ(project->components[0].embedded, parsed.get()) << "parsed a second time";
  EXPECT_EQ(project->components[0].document, &*parsed->component);
  // A document of another file is never taken for this one.
  ProjectInput other = input("t.yaml", kTemplate);
  other.embedded.push_back(parsed);
  auto separate = load_project({other});
  ASSERT_EQ(separate->components.size(), 1u);
  EXPECT_NE(separate->components[0].embedded, nullptr);
  EXPECT_NE(separate->components[0].embedded, parsed.get());
}

TEST(ProjectLoader, OtherDocumentsAndBrokenTemplatesAreHarmless) {
  auto project = load_project({input("c.yaml", "name: c\nschemaVersion: 1.0\nphases: []\n"),
                               input("t.yaml", "Resources:\n  A: 5\n  B: {Type: [x]}\n  C: {Type: AWS::ImageBuilder::ImagePipeline, Properties: 3}\n")});
  EXPECT_EQ(project->resources.size(), 3u);
  ASSERT_EQ(project->pipelines.size(), 1u);
  EXPECT_EQ(project->pipelines[0].recipe.status, Link::Status::None);
}

}  // namespace
}  // namespace iblint
