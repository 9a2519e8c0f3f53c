#include "rules/component_s3_access.h"

#include <gtest/gtest.h>

#include "load/project_loader.h"
#include "rules/project_support.h"

namespace iblint {
namespace {

const char* kTemplate = R"(Parameters:
  Bucket: {Type: String}
Resources:
  Artifacts:
    Type: AWS::S3::Bucket
    Properties: {BucketName: my-artifacts}
  Component:
    Type: AWS::ImageBuilder::Component
    Properties:
      Name: c
      Version: 1.0.0
      Platform: Linux
      Data: !Sub |
        name: c
        schemaVersion: 1.0
        parameters:
          - Prefix: {type: string, default: app}
          - Target: {type: string}
        phases:
          - name: build
            steps:
              - name: Get
                action: S3Download
                inputs:
                  - source: 's3://${Artifacts}/{{ Prefix }}/*'
                    destination: /tmp/app/
              - name: Put
                action: S3Upload
                inputs:
                  - source: /var/log/*
                    destination: 's3://{{ Target }}/logs'
  Recipe:
    Type: AWS::ImageBuilder::ImageRecipe
    Properties:
      Name: r
      Version: 1.0.0
      ParentImage: ami-0123456789abcdef0
      Components:
        - ComponentArn: !Ref Component
          Parameters:
            - {Name: Target, Value: [!Ref Bucket]}
)";

TEST(ComponentS3Access, ReadsUrisWithSubstitutionsAndParameters) {
  auto file = std::make_shared<const SourceFile>("t.yaml", kTemplate);
  std::unique_ptr<Project> project = load_project({{file, yaml::parse(*file)}});
  const ComponentResource& component = project->components[0];
  const EmbeddedComponent* doc = embedded_of(*project, component);
  ASSERT_NE(doc, nullptr);
  Variables variables = variables_of(*component.document, project->recipes[0].components[0]);
  EXPECT_EQ(variables["Prefix"], "app");               // the default
  EXPECT_EQ(variables["Target"], std::nullopt);        // the recipe passes a template parameter
  std::vector<S3Access> accesses = s3_accesses(*component.document, *doc, *component.resource, variables);
  ASSERT_EQ(accesses.size(), 2u);

  const S3Access& get = accesses[0];
  EXPECT_FALSE(get.upload);
  EXPECT_EQ(get.uri.str(), "s3://my-artifacts/app/*");  // the bucket's literal BucketName, the default
  EXPECT_EQ(get.written, "s3://my-artifacts/{{ Prefix }}/*");  // what CloudFormation substitutes, expressions kept
  EXPECT_EQ(bucket_of(get).str(), "my-artifacts");
  iam::Text shown;
  auto requests = s3_requests(get, shown);
  ASSERT_EQ(requests.size(), 2u);
  EXPECT_EQ(requests[0].first, "s3:GetObject");
  EXPECT_EQ(requests[0].second.str(), "arn:${AWS::Partition}:s3:::my-artifacts/app/${object}");
  EXPECT_EQ(requests[1].first, "s3:ListBucket");
  EXPECT_EQ(requests[1].second.str(), "arn:${AWS::Partition}:s3:::my-artifacts");
  EXPECT_EQ(shown.str(), "arn:${AWS::Partition}:s3:::my-artifacts/app/*");

  const S3Access& put = accesses[1];
  EXPECT_TRUE(put.upload);
  EXPECT_TRUE(put.folder);  // a wildcard source: keys under the destination
  EXPECT_EQ(put.written, "s3://{{ Target }}/logs");
  requests = s3_requests(put, shown);
  ASSERT_EQ(requests.size(), 1u);
  EXPECT_EQ(requests[0].first, "s3:PutObject");
  EXPECT_EQ(requests[0].second.str(), "arn:${AWS::Partition}:s3:::${{{ Target }}}/logs/${object}");
}

}  // namespace
}  // namespace iblint
