#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "model/project.h"
#include "yaml/node.h"

namespace iblint {

/// Which Image Builder API request a JSON document is (what
/// `aws imagebuilder <command> --cli-input-json` takes), decided by its members.
struct ApiShape {
  ResourceKind kind = ResourceKind::Other;  ///< Other: not a request iblint knows
  std::string operation;                   ///< "CreateComponent", "UpdateImagePipeline", …
  bool update = false;                     ///< an Update* request (names the resource by ARN)
};

ApiShape api_shape(const yaml::Node& root);

}  // namespace iblint
