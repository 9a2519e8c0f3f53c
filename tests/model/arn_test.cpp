#include "model/arn.h"

#include <gtest/gtest.h>

namespace iblint {
namespace {

TEST(Arn, ParsesEveryLevel) {
  auto a = parse_imagebuilder_arn("arn:aws:imagebuilder:us-west-2:aws:component/update-linux/1.0.2/1");
  ASSERT_TRUE(a);
  EXPECT_EQ(a->owner, "aws");
  EXPECT_TRUE(a->amazon_owned());
  EXPECT_EQ(a->type, "component");
  EXPECT_EQ(a->name, "update-linux");
  EXPECT_EQ(a->version, "1.0.2");
  EXPECT_EQ(a->build, "1");
  auto infra = parse_imagebuilder_arn("arn:aws-cn:imagebuilder:cn-north-1:123456789012:infrastructure-configuration/x");
  ASSERT_TRUE(infra);
  EXPECT_FALSE(infra->amazon_owned());
  EXPECT_EQ(infra->version, "");
  auto workflow = parse_imagebuilder_arn("arn:aws:imagebuilder:us-east-1:aws:workflow/build/build-image/1.0.0/1");
  ASSERT_TRUE(workflow);
  EXPECT_EQ(workflow->type, "workflow/build");
  EXPECT_EQ(workflow->name, "build-image");
}

TEST(Arn, SubstitutionVariablesAreNotGuessed) {
  auto a = parse_imagebuilder_arn("arn:${AWS::Partition}:imagebuilder:${AWS::Region}:${AWS::AccountId}:image-recipe/${Name}/1.0.0");
  ASSERT_TRUE(a);
  EXPECT_TRUE(a->owner_variable);
  EXPECT_TRUE(a->name_variable);
  EXPECT_EQ(a->type, "image-recipe");
  EXPECT_EQ(a->version, "1.0.0");
}

TEST(Arn, RejectsOtherServicesAndShapes) {
  EXPECT_FALSE(parse_imagebuilder_arn("arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore"));
  EXPECT_FALSE(parse_imagebuilder_arn("ami-0123"));
  EXPECT_FALSE(parse_imagebuilder_arn("arn:aws:imagebuilder:us-east-1:aws:component"));
  EXPECT_TRUE(looks_like_arn("arn:x"));
}

TEST(Arn, NameNormalization) { EXPECT_EQ(arn_name_of("My Recipe_1"), "my-recipe-1"); }

}  // namespace
}  // namespace iblint
