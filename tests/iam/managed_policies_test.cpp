#include "iam/managed_policies.h"

#include <gtest/gtest.h>

namespace iblint::iam {
namespace {

TEST(ManagedPolicies, NamesOfPolicyArns) {
  EXPECT_EQ(managed_policy_name(Text::literal("arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore")),
            "AmazonSSMManagedInstanceCore");
  EXPECT_EQ(managed_policy_name(Text::literal("arn:aws-cn:iam::aws:policy/service-role/AmazonEC2RoleforSSM")),
            "AmazonEC2RoleforSSM");
  Text sub = Text::literal("arn:");
  sub.append_symbol(kPartition).append_literal(":iam::aws:policy/EC2InstanceProfileForImageBuilder");
  EXPECT_EQ(managed_policy_name(sub), "EC2InstanceProfileForImageBuilder");
  // Customer-managed (an account id), or an unknown account: not AWS-managed.
  EXPECT_EQ(managed_policy_name(Text::literal("arn:aws:iam::123456789012:policy/Mine")), "");
  Text account = Text::literal("arn:aws:iam::");
  account.append_symbol("AWS::AccountId").append_literal(":policy/Mine");
  EXPECT_EQ(managed_policy_name(account), "");
  EXPECT_EQ(managed_policy_name(Text::literal("AmazonSSMManagedInstanceCore")), "");
}

TEST(ManagedPolicies, KnownPoliciesGrantWhatAwsDocuments) {
  const Policy* core = find_managed_policy("AmazonSSMManagedInstanceCore");
  ASSERT_NE(core, nullptr);
  Text any = Text::symbol("resource");
  EXPECT_EQ(evaluate({core}, "ssm:UpdateInstanceInformation", any), Decision::Allowed);
  EXPECT_EQ(evaluate({core}, "s3:GetObject", Text::literal("arn:aws:s3:::bucket/key")), Decision::NotAllowed);

  const Policy* image_builder = find_managed_policy("EC2InstanceProfileForImageBuilder");
  ASSERT_NE(image_builder, nullptr);
  EXPECT_EQ(evaluate({image_builder}, "s3:GetObject", Text::literal("arn:aws:s3:::ec2imagebuilder-tools/x")),
            Decision::Allowed);
  EXPECT_EQ(evaluate({image_builder}, "s3:GetObject", Text::literal("arn:aws:s3:::my-tools/x")), Decision::NotAllowed);
  EXPECT_EQ(evaluate({image_builder}, "ecr:PutImage", any), Decision::NotAllowed);
  const Policy* ecr = find_managed_policy("EC2InstanceProfileForImageBuilderECRContainerBuilds");
  ASSERT_NE(ecr, nullptr);
  EXPECT_EQ(evaluate({ecr}, "imagebuilder:GetComponent", any), Decision::Allowed);

  const Policy* read_only = find_managed_policy("AmazonS3ReadOnlyAccess");
  ASSERT_NE(read_only, nullptr);
  EXPECT_EQ(evaluate({read_only}, "s3:GetObject", Text::literal("arn:aws:s3:::any/x")), Decision::Allowed);
  EXPECT_EQ(evaluate({read_only}, "s3:PutObject", Text::literal("arn:aws:s3:::any/x")), Decision::NotAllowed);
  const Policy* full = find_managed_policy("AmazonS3FullAccess");
  ASSERT_NE(full, nullptr);
  EXPECT_EQ(evaluate({full}, "s3:PutObject", Text::literal("arn:aws:s3:::any/x")), Decision::Allowed);

  EXPECT_EQ(find_managed_policy("AdministratorAccess"), nullptr);  // not in the table: never guessed
}

}  // namespace
}  // namespace iblint::iam
