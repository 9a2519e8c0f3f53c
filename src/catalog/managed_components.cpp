#include "catalog/managed_components.h"

#include "catalog/action_catalog.h"

namespace iblint {

// The data: names seen in public Image Builder samples (the corpus) and the Image Builder
// console's Amazon-managed list. Platforms follow the name suffix AWS uses. The specification
// lists no parameters for any of them, so parameters_known stays false everywhere (uncertain).
const std::vector<ManagedComponent>& managed_components() {
  static const std::vector<ManagedComponent> catalog = {
      {"update-linux", kLinux},
      {"update-linux-kernel-mainline", kLinux},
      {"update-windows", kWindows},
      {"reboot-linux", kLinux},
      {"reboot-windows", kWindows},
      {"reboot-test-linux", kLinux, true},
      {"reboot-test-windows", kWindows, true},
      {"simple-boot-test-linux", kLinux, true},
      {"simple-boot-test-windows", kWindows, true},
      {"aws-cli-version-2-linux", kLinux},
      {"aws-cli-version-2-windows", kWindows},
      {"amazon-cloudwatch-agent-linux", kLinux},
      {"amazon-cloudwatch-agent-windows", kWindows},
      {"aws-codedeploy-agent-linux", kLinux},
      {"aws-codedeploy-agent-windows", kWindows},
      {"stig-build-linux-low", kLinux},
      {"stig-build-linux-medium", kLinux},
      {"stig-build-linux-high", kLinux},
      {"stig-build-windows-low", kWindows},
      {"stig-build-windows-medium", kWindows},
      {"stig-build-windows-high", kWindows},
      {"python-3-linux", kLinux},
      {"python-3-windows", kWindows},
      {"dotnet-runtime-linux", kLinux},
      {"dotnet-sdk-linux", kLinux},
      {"dotnet-runtime-windows", kWindows},
      {"dotnet-sdk-windows", kWindows},
      {"apache-tomcat-9-linux", kLinux},
      {"docker-ce-linux", kLinux},
      {"docker-ce-ubuntu", kLinux},
      {"docker-ce-centos", kLinux},
      {"powershell-windows", kWindows},
      {"powershell-linux", kLinux},
      {"chocolatey", kWindows},
      {"ec2launch-v2-windows", kWindows},
      {"windows-activation-test", kWindows, true},
      {"yum-repository-test-linux", kLinux, true},
      {"inspector-test-linux", kLinux, true},
      {"inspector-test-windows", kWindows, true},
      {"eni-attachment-test-linux", kLinux, true},
      {"eni-attachment-test-windows", kWindows, true},
      {"ebs-volume-usage-test-linux", kLinux, true},
      {"ebs-volume-usage-test-windows", kWindows, true},
      {"chrony-time-configuration-test", kLinux, true},
      {"hello-world-linux", kLinux},
      {"hello-world-windows", kWindows},
  };
  return catalog;
}

const ManagedComponent* find_managed_component(std::string_view name) {
  for (const ManagedComponent& c : managed_components()) {
    if (c.name == name) return &c;
  }
  return nullptr;
}

}  // namespace iblint
