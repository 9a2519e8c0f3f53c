#include "iam/instance_permissions.h"

#include <gtest/gtest.h>

#include "load/project_loader.h"

namespace iblint::iam {
namespace {

std::unique_ptr<Project> load(const std::string& text) {
  auto file = std::make_shared<const SourceFile>("t.yaml", text);
  return load_project({{file, yaml::parse(*file)}});
}

const char* kTemplate = R"(Parameters:
  ExtraPolicy: {Type: String}
Resources:
  Role:
    Type: AWS::IAM::Role
    Properties:
      ManagedPolicyArns:
        - !Sub arn:${AWS::Partition}:iam::aws:policy/AmazonSSMManagedInstanceCore
        - !Ref Uploads
      Policies:
        - PolicyName: reads
          PolicyDocument:
            Statement: {Effect: Allow, Action: s3:GetObject, Resource: arn:aws:s3:::tools/*}
  Uploads:
    Type: AWS::IAM::ManagedPolicy
    Properties:
      PolicyDocument:
        Statement: [{Effect: Allow, Action: s3:PutObject, Resource: arn:aws:s3:::logs/*}]
  Lists:
    Type: AWS::IAM::Policy
    Properties:
      PolicyName: lists
      Roles: [!Ref Role]
      PolicyDocument:
        Statement: [{Effect: Allow, Action: s3:ListBucket, Resource: arn:aws:s3:::tools}]
  Profile:
    Type: AWS::IAM::InstanceProfile
    Properties: {Roles: [!Ref Role]}
  Infra:
    Type: AWS::ImageBuilder::InfrastructureConfiguration
    Properties: {Name: infra, InstanceProfileName: !Ref Profile}
  External:
    Type: AWS::ImageBuilder::InfrastructureConfiguration
    Properties: {Name: external, InstanceProfileName: SomeProfile}
  OtherRole:
    Type: AWS::IAM::Role
    Properties:
      ManagedPolicyArns: [!Ref ExtraPolicy, arn:aws:iam::aws:policy/AdministratorAccess]
)";

Text s3(const char* path) {
  Text t = Text::literal("arn:");
  t.append_symbol(kPartition).append_literal(":s3:::").append_literal(path);
  return t;
}

TEST(InstancePermissions, GathersEveryPolicyOfTheRole) {
  auto project = load(kTemplate);
  std::optional<InstancePermissions> p = instance_permissions(*project, project->infrastructures[0]);
  ASSERT_TRUE(p.has_value());
  EXPECT_EQ(p->role->resource->logical_id, "Role");
  EXPECT_EQ(p->profile->resource->logical_id, "Profile");
  ASSERT_EQ(p->policies.size(), 4u);  // inline, attached AWS::IAM::Policy, AWS-managed, customer-managed
  EXPECT_EQ(p->evaluate("s3:GetObject", s3("tools/a")), Decision::Allowed);
  EXPECT_EQ(p->evaluate("s3:ListBucket", s3("tools")), Decision::Allowed);
  EXPECT_EQ(p->evaluate("s3:PutObject", s3("logs/a")), Decision::Allowed);
  EXPECT_EQ(p->evaluate("s3:PutObject", s3("tools/a")), Decision::NotAllowed);
  EXPECT_EQ(p->evaluate("ssm:UpdateInstanceInformation", Text::symbol("r")), Decision::Allowed);
}

TEST(InstancePermissions, ProfileOutsideTheProjectIsNotJudged) {
  auto project = load(kTemplate);
  EXPECT_FALSE(instance_permissions(*project, project->infrastructures[1]).has_value());
}

TEST(InstancePermissions, PoliciesIblintCannotReadMakeAnswersUnknown) {
  auto project = load(kTemplate);
  const Role& other = project->roles[1];
  std::vector<Policy> policies = policies_of_role(*project, other);
  ASSERT_EQ(policies.size(), 2u);
  EXPECT_TRUE(policies[0].unreadable);  // a parameter
  EXPECT_TRUE(policies[1].unreadable);  // an AWS-managed policy not in iblint's table
  std::vector<const Policy*> view;
  for (const Policy& p : policies) view.push_back(&p);
  EXPECT_EQ(evaluate(view, "s3:PutObject", s3("logs/a")), Decision::Unknown);
}

TEST(InstancePermissions, S3ArnAndBucketPolicies) {
  EXPECT_EQ(s3_arn(Text::literal("b/k")).str(), "arn:${AWS::Partition}:s3:::b/k");
  auto project = load(R"(Resources:
  Bucket: {Type: AWS::S3::Bucket, Properties: {BucketName: logs}}
  BucketPolicy:
    Type: AWS::S3::BucketPolicy
    Properties: {Bucket: !Ref Bucket, PolicyDocument: {Statement: []}}
)");
  EXPECT_TRUE(bucket_policy_may_apply(*project, Text::literal("logs")));
  EXPECT_FALSE(bucket_policy_may_apply(*project, Text::literal("tools")));
}

}  // namespace
}  // namespace iblint::iam
