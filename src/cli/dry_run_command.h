#pragma once
#include <cstdint>
#include <iosfwd>
#include <string>
#include <vector>

#include "source/source_file.h"

namespace iblint {

/// Everything `iblint dry-run PATH...` was asked to do.
struct DryRunCommand {
  std::vector<std::string> paths;
  std::string format = "text";       ///< text | json | html
  std::vector<std::string> params;   ///< --param name=value, as written
  std::string platform;              ///< linux | windows (any case); "" = from the project
  std::string profile;               ///< current | seed-2020; "" = current
  std::string output;                ///< file to write instead of stdout
  std::string fail_on = "warning";   ///< exit 1 when a finding is at least this severe
  uint64_t max_file_size = kDefaultMaxFileBytes;
};

/// Plans the files and writes the plan. Exit codes as for lint: 0 no finding at or above
/// --fail-on, 1 findings, 2 usage or I/O error (message on err, nothing written).
int run_dry_run(const DryRunCommand& command, std::ostream& out, std::ostream& err);

}  // namespace iblint
