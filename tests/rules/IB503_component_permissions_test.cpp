// IB503 across files: a CreateComponent request whose document downloads from S3, and a
// template holding the recipe (naming the component by ARN), the pipeline and the instance role.
// The golden fixtures cover single files; this checks the finding lands in the request file at
// the exact source value, with the role of the other file as related location.
#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "engine/project_lint.h"
#include "source/source_file.h"

namespace iblint {
namespace {

const char* kComponentRequest = R"({
    "name": "install-app",
    "semanticVersion": "1.0.0",
    "platform": "Linux",
    "data": "name: install-app\nschemaVersion: 1.0\nphases:\n  - name: build\n    steps:\n      - name: Fetch\n        action: S3Download\n        inputs:\n          - source: s3://release-artifacts/app.tar.gz\n            destination: /tmp/app.tar.gz\n"
}
)";

std::string pipeline_template(const std::string& grant) {
  return R"(Resources:
  Recipe:
    Type: AWS::ImageBuilder::ImageRecipe
    Properties:
      Name: web-recipe
      Version: 1.0.0
      ParentImage: ami-0123456789abcdef0
      Components:
        - ComponentArn: arn:aws:imagebuilder:us-east-1:123456789012:component/install-app/1.0.0/1
  Role:
    Type: AWS::IAM::Role
    Properties:
      ManagedPolicyArns:
        - arn:aws:iam::aws:policy/EC2InstanceProfileForImageBuilder
        - arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore
      Policies:
        - PolicyName: artifacts
          PolicyDocument:
            Statement:
              - {Effect: Allow, Action: s3:GetObject, Resource: )" + grant + R"(}
  Profile:
    Type: AWS::IAM::InstanceProfile
    Properties: {Roles: [!Ref Role]}
  Infra:
    Type: AWS::ImageBuilder::InfrastructureConfiguration
    Properties:
      Name: infra
      InstanceProfileName: !Ref Profile
      SubnetId: subnet-0123
      SecurityGroupIds: [sg-0123]
      InstanceMetadataOptions: {HttpTokens: required}
  Pipeline:
    Type: AWS::ImageBuilder::ImagePipeline
    Properties:
      Name: web
      ImageRecipeArn: !Ref Recipe
      InfrastructureConfigurationArn: !Ref Infra
)";
}

/// The lint of both files, with the files kept alive: findings point into them.
struct Linted {
  std::vector<std::shared_ptr<const SourceFile>> files;
  std::vector<FileLint> lints;
};

Linted lint(const std::string& grant) {
  Linted out;
  out.files = {std::make_shared<const SourceFile>("component.json", kComponentRequest),
               std::make_shared<const SourceFile>("pipeline.yaml", pipeline_template(grant))};
  LintSettings settings;
  settings.shellcheck = false;
  settings.enabled = [](const RuleInfo& r) { return std::string_view(r.id) == "IB503"; };
  out.lints = lint_files(out.files, settings);
  return out;
}

TEST(ComponentPermissions, FindingLandsInTheComponentRequest) {
  Linted linted = lint("arn:aws:s3:::other-bucket/*");
  const std::vector<FileLint>& lints = linted.lints;
  ASSERT_EQ(lints.size(), 2u);
  ASSERT_EQ(lints[0].diagnostics.size(), 1u);
  EXPECT_TRUE(lints[1].diagnostics.empty());
  const Diagnostic& d = lints[0].diagnostics[0];
  std::string text = kComponentRequest;
  std::string source = "s3://release-artifacts/app.tar.gz";
  EXPECT_EQ(text.substr(d.span.begin, d.span.end - d.span.begin), source);
  EXPECT_NE(d.message.find("`s3:GetObject`"), std::string::npos) << d.message;
  EXPECT_NE(d.message.find("`Role`"), std::string::npos) << d.message;
  ASSERT_EQ(d.related.size(), 1u);
  ASSERT_NE(d.related[0].file, nullptr);
  EXPECT_EQ(d.related[0].file->path(), "pipeline.yaml");
}

TEST(ComponentPermissions, GrantOnTheBucketIsEnough) {
  for (const FileLint& l : lint("arn:aws:s3:::release-*/*").lints) EXPECT_TRUE(l.diagnostics.empty());
}

TEST(ComponentPermissions, UnknownGrantIsNotReported) {
  for (const FileLint& l : lint("!ImportValue artifacts-bucket-arn").lints) EXPECT_TRUE(l.diagnostics.empty());
}

}  // namespace
}  // namespace iblint
