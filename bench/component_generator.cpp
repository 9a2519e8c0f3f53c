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
