#include "iam/managed_policies.h"

#include <initializer_list>

namespace iblint::iam {
namespace {

Statement allow(std::initializer_list<std::string_view> actions, std::initializer_list<std::string_view> resources,
                bool conditional = false) {
  Statement s;
  for (std::string_view a : actions) s.actions.push_back(Text::literal(a));
  for (std::string_view r : resources) s.resources.push_back(Text::literal(r));
  s.conditional = conditional;
  return s;
}

Policy managed(std::string_view name, std::vector<Statement> statements) {
  Policy p;
  p.name = std::string(name);
  p.statements = std::move(statements);
  return p;
}

// The statements as AWS documents them, reduced to what iblint's rules ask (actions on
// resources); `arn:aws:` is written `arn:*:` so the table holds in every partition.
const std::vector<Policy>& table() {
  static const std::vector<Policy> policies = [] {
    std::vector<Policy> out;
    // Spec (pipeline-semantics §1): GetComponent on *, kms:Decrypt under an encryption-context
    // condition, CloudWatch Logs for /aws/imagebuilder/*, s3:GetObject on ec2imagebuilder-* buckets.
    std::vector<Statement> image_builder = {
        allow({"imagebuilder:GetComponent"}, {"*"}),
        allow({"kms:Decrypt"}, {"*"}, true),
        allow({"logs:CreateLogStream", "logs:CreateLogGroup", "logs:PutLogEvents"},
              {"arn:*:logs:*:*:log-group:/aws/imagebuilder/*"}),
        allow({"s3:GetObject"}, {"arn:*:s3:::ec2imagebuilder*"}),
    };
    out.push_back(managed("EC2InstanceProfileForImageBuilder", image_builder));
    // The container-build variant grants the same plus pushing to ECR (the repository scope
    // of its ECR statement is not recorded in the spec: uncertain, so read as any repository).
    std::vector<Statement> container = image_builder;
    container.push_back(allow({"ecr:GetAuthorizationToken"}, {"*"}));
    container.push_back(allow({"ecr:BatchCheckLayerAvailability", "ecr:BatchGetImage", "ecr:CompleteLayerUpload",
                               "ecr:GetDownloadUrlForLayer", "ecr:InitiateLayerUpload", "ecr:PutImage",
                               "ecr:UploadLayerPart"},
                              {"*"}, true));
    out.push_back(managed("EC2InstanceProfileForImageBuilderECRContainerBuilds", container));
    out.push_back(managed(
        "AmazonSSMManagedInstanceCore",
        {allow({"ssm:DescribeAssociation", "ssm:GetDeployablePatchSnapshotForInstance", "ssm:GetDocument",
                "ssm:DescribeDocument", "ssm:GetManifest", "ssm:GetParameter", "ssm:GetParameters",
                "ssm:ListAssociations", "ssm:ListInstanceAssociations", "ssm:PutInventory", "ssm:PutComplianceItems",
                "ssm:PutConfigurePackageResult", "ssm:UpdateAssociationStatus",
                "ssm:UpdateInstanceAssociationStatus", "ssm:UpdateInstanceInformation"},
               {"*"}),
         allow({"ssmmessages:CreateControlChannel", "ssmmessages:CreateDataChannel", "ssmmessages:OpenControlChannel",
                "ssmmessages:OpenDataChannel"},
               {"*"}),
         allow({"ec2messages:AcknowledgeMessage", "ec2messages:DeleteMessage", "ec2messages:FailMessage",
                "ec2messages:GetEndpoint", "ec2messages:GetMessages", "ec2messages:SendReply"},
               {"*"})}));
    out.push_back(managed("AmazonS3ReadOnlyAccess",
                          {allow({"s3:Get*", "s3:List*", "s3:Describe*", "s3-object-lambda:Get*", "s3-object-lambda:List*"},
                                 {"*"})}));
    out.push_back(managed("AmazonS3FullAccess", {allow({"s3:*", "s3-object-lambda:*"}, {"*"})}));
    return out;
  }();
  return policies;
}

}  // namespace

const Policy* find_managed_policy(std::string_view name) {
  for (const Policy& p : table()) {
    if (p.name == name) return &p;
  }
  return nullptr;
}

std::string managed_policy_name(const Text& arn) {
  // arn:<partition>:iam::aws:policy/<path/>Name, the partition literal or the partition symbol.
  std::string flat;
  for (const Text::Piece& piece : arn.pieces) {
    if (piece.symbol && piece.text != kPartition) return "";
    flat += piece.symbol ? "aws" : piece.text;
  }
  if (!flat.starts_with("arn:")) return "";
  size_t colon = flat.find(':', 4);
  if (colon == std::string::npos) return "";
  std::string_view rest = std::string_view(flat).substr(colon);
  constexpr std::string_view kPrefix = ":iam::aws:policy/";
  if (!rest.starts_with(kPrefix)) return "";
  std::string_view path = rest.substr(kPrefix.size());
  size_t slash = path.rfind('/');
  std::string_view name = slash == std::string_view::npos ? path : path.substr(slash + 1);
  return std::string(name);
}

}  // namespace iblint::iam
