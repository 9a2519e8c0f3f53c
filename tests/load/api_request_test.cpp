#include "load/api_request.h"

#include <gtest/gtest.h>

#include "yaml/parser.h"

namespace iblint {
namespace {

ApiShape shape_of(const std::string& json) {
  SourceFile file("r.json", json);
  auto stream = yaml::parse(file);
  return api_shape(*stream->documents[0]);
}

TEST(ApiRequest, RecognisesEachCreateRequest) {
  EXPECT_EQ(shape_of(R"({"name":"c","semanticVersion":"1.0.0","platform":"Linux","data":"x"})").operation, "CreateComponent");
  EXPECT_EQ(shape_of(R"({"name":"c","semanticVersion":"1.0.0","platform":"Linux","uri":"s3://b/k"})").kind, ResourceKind::Component);
  EXPECT_EQ(shape_of(R"({"name":"r","semanticVersion":"1.0.0","parentImage":"ami-1","components":[]})").operation, "CreateImageRecipe");
  EXPECT_EQ(shape_of(R"({"containerType":"DOCKER","name":"r","semanticVersion":"1.0.0","parentImage":"amazonlinux:latest"})").operation,
            "CreateContainerRecipe");
  EXPECT_EQ(shape_of(R"({"name":"i","instanceProfileName":"p"})").operation, "CreateInfrastructureConfiguration");
  EXPECT_EQ(shape_of(R"({"name":"d","distributions":[]})").operation, "CreateDistributionConfiguration");
  EXPECT_EQ(shape_of(R"({"name":"p","imageRecipeArn":"a","infrastructureConfigurationArn":"b"})").operation, "CreateImagePipeline");
  EXPECT_EQ(shape_of(R"({"imageRecipeArn":"a","infrastructureConfigurationArn":"b"})").operation, "CreateImage");
}

TEST(ApiRequest, RecognisesUpdateRequests) {
  ApiShape pipeline = shape_of(R"({"imagePipelineArn":"x","imageRecipeArn":"a","infrastructureConfigurationArn":"b"})");
  EXPECT_EQ(pipeline.operation, "UpdateImagePipeline");
  EXPECT_TRUE(pipeline.update);
  EXPECT_EQ(shape_of(R"({"distributionConfigurationArn":"x","distributions":[]})").operation, "UpdateDistributionConfiguration");
}

TEST(ApiRequest, OtherJsonIsNotARequest) {
  EXPECT_EQ(shape_of(R"({"a": 1})").kind, ResourceKind::Other);
  EXPECT_EQ(shape_of("[1, 2]").kind, ResourceKind::Other);
}

}  // namespace
}  // namespace iblint
