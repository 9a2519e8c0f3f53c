#include "iam/policy_reader.h"

#include <gtest/gtest.h>

#include "load/project_loader.h"

namespace iblint::iam {
namespace {

struct Loaded {
  std::unique_ptr<Project> project;
  const Role* role = nullptr;
};

Loaded load(const std::string& text) {
  auto file = std::make_shared<const SourceFile>("t.yaml", text);
  Loaded out;
  out.project = load_project({{file, yaml::parse(*file)}});
  if (!out.project->roles.empty()) out.role = &out.project->roles.front();
  return out;
}

const char* kTemplate = R"(Parameters:
  BucketName: {Type: String}
Resources:
  Named:
    Type: AWS::S3::Bucket
    Properties: {BucketName: my-artifacts}
  Generated:
    Type: AWS::S3::Bucket
  Role:
    Type: AWS::IAM::Role
    Properties:
      Policies:
        - PolicyName: p
          PolicyDocument:
            Statement:
              - Effect: Allow
                Action: [s3:GetObject, !Ref BucketName]
                Resource:
                  - !GetAtt Named.Arn
                  - !Sub ${Generated.Arn}/*
                  - !Join ["", ["arn:", !Ref AWS::Partition, ":s3:::", !Ref BucketName, "/*"]]
                  - !If [Never, a, b]
                  - !Sub ["arn:${AWS::Partition}:s3:::${B}/logs/*", {B: !Ref Generated}]
              - Effect: !Ref BucketName
                NotAction: iam:*
                NotResource: "*"
                Condition: {Bool: {aws:SecureTransport: true}}
              - !If [Never, {}, {}]
)";

TEST(PolicyReader, ReadsStatementsWithSymbols) {
  Loaded t = load(kTemplate);
  ASSERT_NE(t.role, nullptr);
  ASSERT_EQ(t.role->inline_policies.size(), 1u);
  Policy p = read_policy(t.role->inline_policies[0].document, *t.role->resource, "p");
  EXPECT_EQ(p.name, "p");
  ASSERT_EQ(p.statements.size(), 3u);
  const Statement& s = p.statements[0];
  EXPECT_EQ(s.effect, Statement::Effect::Allow);
  ASSERT_EQ(s.actions.size(), 2u);
  EXPECT_EQ(s.actions[0].str(), "s3:GetObject");
  EXPECT_EQ(s.actions[1].str(), "${BucketName}");
  ASSERT_EQ(s.resources.size(), 4u);
  EXPECT_EQ(s.resources[0].str(), "arn:${AWS::Partition}:s3:::my-artifacts");  // literal BucketName
  EXPECT_EQ(s.resources[1].str(), "arn:${AWS::Partition}:s3:::${Generated}/*");
  EXPECT_EQ(s.resources[2].str(), "arn:${AWS::Partition}:s3:::${BucketName}/*");
  EXPECT_EQ(s.resources[3].str(), "arn:${AWS::Partition}:s3:::${Generated}/logs/*");  // the variable map
  EXPECT_TRUE(s.resources_unknown);  // the Fn::If
  const Statement& n = p.statements[1];
  EXPECT_EQ(n.effect, Statement::Effect::Unknown);
  EXPECT_TRUE(n.not_action);
  EXPECT_TRUE(n.not_resource);
  EXPECT_TRUE(n.conditional);
  EXPECT_EQ(p.statements[2].effect, Statement::Effect::Unknown);
}

TEST(PolicyReader, UnreadableDocuments) {
  Loaded t = load(R"(Resources:
  Role:
    Type: AWS::IAM::Role
    Properties:
      Policies:
        - PolicyName: p
          PolicyDocument: !ImportValue shared-policy
)");
  ASSERT_NE(t.role, nullptr);
  Policy p = read_policy(t.role->inline_policies[0].document, *t.role->resource, "p");
  EXPECT_TRUE(p.unreadable);
}

TEST(PolicyReader, TextOfValues) {
  Loaded t = load(kTemplate);
  const Resource& where = *t.role->resource;
  EXPECT_EQ(variable_text(where, "Named").str(), "my-artifacts");
  EXPECT_EQ(variable_text(where, "Generated").str(), "${Generated}");
  EXPECT_EQ(variable_text(where, "BucketName").str(), "${BucketName}");
}

}  // namespace
}  // namespace iblint::iam
