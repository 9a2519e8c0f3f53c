// What the project tells about the OS a recipe builds on: through an image of the project
// (cascading pipelines), from a container recipe's PlatformOverride, and never from what
// cannot be known.
#include "rules/recipe_os.h"

#include <gtest/gtest.h>

#include "catalog/action_catalog.h"
#include "load/project_loader.h"

namespace iblint {
namespace {

std::unique_ptr<Project> project_of(const std::string& text) {
  auto file = std::make_shared<const SourceFile>("template.yaml", text);
  return load_project({{file, yaml::parse(*file)}});
}

const ImageRecipe& recipe_named(const Project& project, std::string_view logical_id) {
  for (const ImageRecipe& r : project.recipes) {
    if (r.resource->logical_id == logical_id) return r;
  }
  ADD_FAILURE() << "no recipe " << logical_id;
  return project.recipes.front();
}

const char* kCascade = R"(Resources:
  BaseRecipe:
    Type: AWS::ImageBuilder::ImageRecipe
    Properties:
      Name: base
      Version: 1.0.0
      ParentImage: !Sub arn:${AWS::Partition}:imagebuilder:${AWS::Region}:aws:image/windows-server-2022-english-full-base-x86/x.x.x
  BaseImage:
    Type: AWS::ImageBuilder::Image
    Properties:
      ImageRecipeArn: !Ref BaseRecipe
      InfrastructureConfigurationArn: arn:aws:imagebuilder:us-east-1:111122223333:infrastructure-configuration/build
  AppRecipe:
    Type: AWS::ImageBuilder::ImageRecipe
    Properties:
      Name: app
      Version: 1.0.0
      ParentImage: !GetAtt BaseImage.Arn
  AmiRecipe:
    Type: AWS::ImageBuilder::ImageRecipe
    Properties:
      Name: ami
      Version: 1.0.0
      ParentImage: ami-0123456789abcdef0
  Container:
    Type: AWS::ImageBuilder::ContainerRecipe
    Properties:
      Name: container
      Version: 1.0.0
      ContainerType: DOCKER
      ParentImage: amazonlinux:latest
      PlatformOverride: Linux
)";

TEST(RecipeOs, ParentImageArnNamesTheOs) {
  auto project = project_of(kCascade);
  std::optional<RecipeOs> os = recipe_os(*project, recipe_named(*project, "BaseRecipe"));
  ASSERT_TRUE(os);
  EXPECT_EQ(os->os.display(), "Windows Server 2022");
  EXPECT_FALSE(os->inherited);
  EXPECT_TRUE(aws_published_parent(recipe_named(*project, "BaseRecipe")));
}

TEST(RecipeOs, AnImageOfTheProjectPassesItsRecipesOsOn) {
  auto project = project_of(kCascade);
  std::optional<RecipeOs> os = recipe_os(*project, recipe_named(*project, "AppRecipe"));
  ASSERT_TRUE(os);
  EXPECT_EQ(os->os.platform, kWindows);
  EXPECT_TRUE(os->inherited);
  EXPECT_NE(os->described.find("the image `BaseImage`"), std::string::npos) << os->described;
  EXPECT_FALSE(aws_published_parent(recipe_named(*project, "AppRecipe")));
}

TEST(RecipeOs, AmiIdsAreUnknownAndPlatformOverrideIsKnown) {
  auto project = project_of(kCascade);
  EXPECT_FALSE(recipe_os(*project, recipe_named(*project, "AmiRecipe")));
  EXPECT_FALSE(aws_published_parent(recipe_named(*project, "AmiRecipe")));
  std::optional<RecipeOs> os = recipe_os(*project, recipe_named(*project, "Container"));
  ASSERT_TRUE(os);
  EXPECT_TRUE(os->from_platform_override);
  EXPECT_EQ(os->os.platform, kLinux);
}

TEST(RecipeOs, PlatformLists) {
  EXPECT_EQ(platform_list(kLinux), "Linux");
  EXPECT_EQ(platform_list(kLinux | kMacOS), "Linux or macOS");
  EXPECT_EQ(platform_list(kWindows), "Windows");
}

}  // namespace
}  // namespace iblint
