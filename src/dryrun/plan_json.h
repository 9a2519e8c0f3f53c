#pragma once
// The plan as JSON, in the stable shape documented in README ("Dry run"):
// {"pipeline":{…},"stages":[{"name","enabled","instance","steps":[{"component","componentVersion",
//  "phase","step","action","iteration","inputs","onFailure","maxAttempts","timeoutSeconds",
//  "condition":{"expression","value",…},…}],…}],"notes":[…],"findings":[…],"summary":{…}}.
#include "dryrun/plan.h"
#include "engine/report.h"

namespace iblint::dryrun {

/// findings is plan.findings grouped by file (the lint JSON diagnostic objects are made from it).
Json plan_json(const Plan& plan, const Report& findings);

}  // namespace iblint::dryrun
