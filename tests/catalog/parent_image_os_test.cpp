#include "catalog/parent_image_os.h"

#include <gtest/gtest.h>

#include "catalog/action_catalog.h"

namespace iblint {
namespace {

std::string os_of(std::string_view reference) {
  std::optional<ParentImageOs> os = parent_image_os(reference);
  return os ? os->display() : "unknown";
}

TEST(ParentImageOs, ManagedImageArnsNameTheOs) {
  EXPECT_EQ(os_of("arn:aws:imagebuilder:us-east-1:aws:image/amazon-linux-2-x86/x.x.x"), "Amazon Linux 2");
  EXPECT_EQ(os_of("arn:aws:imagebuilder:us-east-1:aws:image/amazon-linux-2-arm64/2024.1.1"), "Amazon Linux 2");
  EXPECT_EQ(os_of("arn:aws:imagebuilder:us-east-1:aws:image/amazon-linux-2023-x86/x.x.x"), "Amazon Linux 2023");
  EXPECT_EQ(os_of("arn:aws:imagebuilder:us-east-1:aws:image/ubuntu-server-22-lts-x86/x.x.x"), "Ubuntu 22.04");
  EXPECT_EQ(os_of("arn:aws:imagebuilder:us-east-1:aws:image/ubuntu-18-x86-18-04/x.x.x"), "Ubuntu 18.04");
  EXPECT_EQ(os_of("arn:aws:imagebuilder:us-east-1:aws:image/windows-server-2019-english-full-base-x86/x.x.x"),
            "Windows Server 2019");
  EXPECT_EQ(os_of("arn:aws:imagebuilder:us-east-1:aws:image/windows-server-2012-r2-rtm-english-core-x86/x.x.x"),
            "Windows Server 2012 R2");
  EXPECT_EQ(os_of("arn:aws:imagebuilder:us-east-1:aws:image/windows-server-2019-x86-core-ltsc2019-amd64/x.x.x"),
            "Windows Server 2019");
  EXPECT_EQ(os_of("arn:aws:imagebuilder:us-east-1:aws:image/red-hat-enterprise-linux-8-x86/x.x.x"),
            "Red Hat Enterprise Linux 8");
  EXPECT_EQ(os_of("arn:aws:imagebuilder:us-east-1:aws:image/suse-server-15-x86/x.x.x"), "SUSE Linux Enterprise Server 15");
  EXPECT_EQ(os_of("arn:aws:imagebuilder:us-east-1:aws:image/centos-linux-7-x86/x.x.x"), "CentOS 7");
  EXPECT_EQ(parent_image_os("arn:aws:imagebuilder:us-east-1:aws:image/windows-server-2022-english-full-base-x86/x.x.x")->platform,
            kWindows);
}

TEST(ParentImageOs, SubstitutedPartitionAndRegionAreFineButNotTheName) {
  EXPECT_EQ(os_of("arn:${AWS::Partition}:imagebuilder:${AWS::Region}:aws:image/amazon-linux-2-x86/x.x.x"), "Amazon Linux 2");
  EXPECT_EQ(os_of("arn:${AWS::Partition}:imagebuilder:${AWS::Region}:aws:image/${BaseImage}"), "unknown");
}

TEST(ParentImageOs, OwnImagesAmiIdsAndUnknownNamesAreUnknown) {
  EXPECT_EQ(os_of("arn:aws:imagebuilder:us-east-1:123456789012:image/amazon-linux-2-x86/1.0.0"), "unknown");
  EXPECT_EQ(os_of("ami-0123456789abcdef0"), "unknown");
  EXPECT_EQ(os_of("arn:aws:imagebuilder:us-east-1:aws:image/some-future-os-x86/x.x.x"), "unknown");
  EXPECT_EQ(os_of("arn:aws:imagebuilder:us-east-1:aws:component/update-linux/x.x.x"), "unknown");
  EXPECT_EQ(os_of("prod-abcdefghijk"), "unknown");
  EXPECT_EQ(os_of(""), "unknown");
}

TEST(ParentImageOs, AwsPublicSsmParameters) {
  EXPECT_EQ(os_of("ssm:/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64"), "Amazon Linux 2023");
  EXPECT_EQ(os_of("ssm:/aws/service/ami-amazon-linux-latest/amzn2-ami-hvm-x86_64-gp2"), "Amazon Linux 2");
  EXPECT_EQ(os_of("ssm:/aws/service/ami-windows-latest/Windows_Server-2022-English-Full-Base"), "Windows Server 2022");
  EXPECT_EQ(os_of("ssm:/aws/service/ami-windows-latest/Windows_Server-2012-R2_RTM-English-64Bit-Base"),
            "Windows Server 2012 R2");
  EXPECT_EQ(os_of("{{resolve:ssm:/aws/service/canonical/ubuntu/server/22.04/stable/current/amd64/hvm/ebs-gp2/ami-id}}"),
            "Ubuntu 22.04");
  EXPECT_EQ(os_of("ssm:arn:aws:ssm:us-east-1::parameter/aws/service/ami-amazon-linux-latest/amzn2-ami-hvm-x86_64-gp2"),
            "Amazon Linux 2");
  EXPECT_EQ(os_of("{{resolve:ssm:/aws/service/suse/sles/15-sp5/x86_64/latest}}"), "SUSE Linux Enterprise Server 15");
  EXPECT_EQ(parent_image_os("ssm:/aws/service/ami-windows-latest/Windows_Server-2019-English-Full-Base")->source,
            ParentImageOs::Source::PublicSsmParameter);
}

TEST(ParentImageOs, OtherParametersAreUnknown) {
  EXPECT_EQ(os_of("ssm:/golden/ami/latest"), "unknown");
  EXPECT_EQ(os_of("ssm:/aws/service/deeplearning/ami/x86_64/base-oss-nvidia-driver-gpu-amazon-linux-2023/latest/ami-id"),
            "unknown");
  EXPECT_EQ(os_of("{{resolve:ssm:${SsmPath}}}"), "unknown");
  EXPECT_EQ(os_of("/aws/service/ami-amazon-linux-latest/amzn2-ami-hvm-x86_64-gp2"), "unknown");  // not a parent image form
}

}  // namespace
}  // namespace iblint
