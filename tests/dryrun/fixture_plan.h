#pragma once
// The hand-written plan (tests/dryrun/plans/web-pipeline.plan.json) that the html page and the
// plan summary are tested against: it has every field the planner's JSON contract names.
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>

namespace iblint::dryrun {

inline nlohmann::json fixture_plan() {
  std::ifstream in(std::string(IBLINT_SOURCE_DIR) + "/tests/dryrun/plans/web-pipeline.plan.json");
  return nlohmann::json::parse(in);
}

}  // namespace iblint::dryrun
