#include "component_generator.h"

#include <random>

namespace iblint::bench {

std::string generate_component(uint32_t steps, uint32_t seed) {
  std::mt19937 rng(seed);
  std::string out = "name: Generated benchmark component\ndescription: Seed " + std::to_string(seed) +
                    "\nschemaVersion: 1.0\nconstants:\n  - Version:\n      type: string\n      value: 1.2.3\n"
                    "parameters:\n  - Target:\n      type: string\n      default: /opt/app\nphases:\n";
  const char* phases[] = {"build", "validate", "test"};
  uint32_t per_phase = steps / 3 + 1;
  uint32_t written = 0;
  for (const char* phase : phases) {
    out += "  - name: ";
    out += phase;
    out += "\n    steps:\n";
    for (uint32_t i = 0; i < per_phase && written < steps; ++i, ++written) {
      std::string name = std::string(phase) + "Step" + std::to_string(i);
      out += "      # step " + std::to_string(written) + "\n";
      out += "      - name: " + name + "\n";
      switch (rng() % 4) {
        case 0:
          out += "        action: ExecuteBash\n        timeoutSeconds: 600\n        onFailure: Abort\n"
                 "        inputs:\n          commands:\n            - |\n              set -euo pipefail\n"
                 "              echo \"installing {{ Version }} into {{ Target }}\"\n"
                 "              mkdir -p /opt/app/" + std::to_string(rng() % 1000) + "\n";
          break;
        case 1:
          out += "        action: WebDownload\n        maxAttempts: 3\n        inputs:\n"
                 "          - source: https://example.com/pkg-" + std::to_string(rng() % 1000) + ".tar.gz\n"
                 "            destination: /tmp/pkg.tar.gz\n            checksum: 'abc123'\n            algorithm: SHA256\n";
          break;
        case 2:
          out += "        action: CreateFile\n        inputs:\n          - path: /etc/app/config-" + std::to_string(i) +
                 ".ini\n            content: 'key=value'\n            permissions: '0644'\n            overwrite: true\n";
          break;
        default:
          out += "        action: ExecuteBinary\n        inputs:\n          path: /usr/bin/env\n"
                 "          arguments:\n            - 'true'\n";
          break;
      }
    }
  }
  return out;
}

}  // namespace iblint::bench

namespace iblint::bench {
namespace {

/// text with every non-empty line indented by `spaces`.
std::string indented(const std::string& text, size_t spaces) {
  std::string out;
  std::string pad(spaces, ' ');
  size_t begin = 0;
  while (begin < text.size()) {
    size_t end = text.find('\n', begin);
    if (end == std::string::npos) end = text.size();
    if (end > begin) out += pad;
    out.append(text, begin, end - begin);
    out += '\n';
    begin = end + 1;
  }
  return out;
}

}  // namespace

std::string generate_template(uint32_t components, uint32_t steps, uint32_t seed) {
  std::mt19937 rng(seed);
  std::string id = std::to_string(seed);
  std::string out = "AWSTemplateFormatVersion: \"2010-09-09\"\nDescription: Generated pipeline " + id +
                    "\nParameters:\n  SubnetId:\n    Type: AWS::EC2::Subnet::Id\nResources:\n";
  std::string recipe_components;
  for (uint32_t c = 0; c < components; ++c) {
    std::string name = "Component" + std::to_string(c);
    out += "  " + name + ":\n    Type: AWS::ImageBuilder::Component\n    Properties:\n      Name: generated-" + id + "-" +
           std::to_string(c) + "\n      Version: 1.0." + std::to_string(rng() % 100) +
           "\n      Platform: Linux\n      Data: |\n";
    out += indented(generate_component(steps, seed * 31 + c), 8);
    recipe_components += "        - ComponentArn: !Ref " + name + "\n";
  }
  out += "  Recipe:\n    Type: AWS::ImageBuilder::ImageRecipe\n    Properties:\n      Name: generated-" + id +
         "\n      Version: 1.0.0\n      ParentImage: !Sub arn:${AWS::Partition}:imagebuilder:${AWS::Region}:aws:image/"
         "amazon-linux-2023-x86/x.x.x\n      Components:\n" + recipe_components;
  out += "  InstanceRole:\n    Type: AWS::IAM::Role\n    Properties:\n      AssumeRolePolicyDocument:\n"
         "        Statement:\n          - Effect: Allow\n            Principal: {Service: ec2.amazonaws.com}\n"
         "            Action: sts:AssumeRole\n      ManagedPolicyArns:\n"
         "        - !Sub arn:${AWS::Partition}:iam::aws:policy/AmazonSSMManagedInstanceCore\n"
         "        - !Sub arn:${AWS::Partition}:iam::aws:policy/EC2InstanceProfileForImageBuilder\n";
  out += "  InstanceProfile:\n    Type: AWS::IAM::InstanceProfile\n    Properties:\n      Roles: [!Ref InstanceRole]\n";
  out += "  Infrastructure:\n    Type: AWS::ImageBuilder::InfrastructureConfiguration\n    Properties:\n"
         "      Name: generated-" + id + "-infrastructure\n      InstanceProfileName: !Ref InstanceProfile\n"
         "      SubnetId: !Ref SubnetId\n";
  out += "  Pipeline:\n    Type: AWS::ImageBuilder::ImagePipeline\n    Properties:\n      Name: generated-" + id +
         "\n      ImageRecipeArn: !Ref Recipe\n      InfrastructureConfigurationArn: !Ref Infrastructure\n";
  return out;
}

}  // namespace iblint::bench
