#include "model/project.h"

#include <gtest/gtest.h>

#include "load/project_loader.h"

namespace iblint {
namespace {

TEST(Project, ApiNamesOfCloudFormationProperties) {
  EXPECT_EQ(Resource::api_name("InstanceProfileName"), "instanceProfileName");
  EXPECT_EQ(Resource::api_name("Version"), "semanticVersion");
  EXPECT_EQ(Resource::api_name("LaunchPermissionConfiguration"), "launchPermission");
  EXPECT_EQ(Resource::api_name("S3Logs"), "s3Logs");
}

TEST(Project, ResourcesReadPropertiesInTheirOwnSpelling) {
  auto cfn_file = std::make_shared<const SourceFile>(
      "t.yaml", "Resources:\n  Infra:\n    Type: AWS::ImageBuilder::InfrastructureConfiguration\n"
                "    Properties: {Name: i, Logging: {S3Logs: {S3BucketName: b}}}\n");
  auto api_file = std::make_shared<const SourceFile>("i.json", R"({"name": "j", "instanceProfileName": "p", "logging": {"s3Logs": {"s3BucketName": "c"}}})");
  auto project = load_project({{cfn_file, yaml::parse(*cfn_file)}, {api_file, yaml::parse(*api_file)}});
  ASSERT_EQ(project->infrastructures.size(), 2u);
  const Resource& cfn = *project->infrastructures[0].resource;
  const Resource& api = *project->infrastructures[1].resource;
  EXPECT_FALSE(cfn.api());
  EXPECT_TRUE(api.api());
  EXPECT_EQ(cfn.field(cfn.field(cfn.property("Logging"), "S3Logs"), "S3BucketName").literal(), "b");
  EXPECT_EQ(api.field(api.field(api.property("Logging"), "S3Logs"), "S3BucketName").literal(), "c");
  EXPECT_EQ(project->infrastructures[1].logging_bucket.literal(), "c");
  EXPECT_EQ(cfn.label(), "`Infra`");
  EXPECT_EQ(api.label(), "`j`");
  EXPECT_EQ(cfn_file->text(cfn.anchor()), "Infra");
  EXPECT_EQ(kind_name(cfn.kind), "infrastructure configuration");
  EXPECT_EQ(project->of_kind(ResourceKind::InfrastructureConfiguration).size(), 2u);
  EXPECT_EQ(project->infrastructure_of(Link{}), nullptr);
}

}  // namespace
}  // namespace iblint
