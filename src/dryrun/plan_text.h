#pragma once
// The plan as a readable timeline: stage → component → phase → step, the resolved inputs under
// each step (symbolic values shown `<like this>`), conditions, failure paths, reboots and
// findings inline, then the findings in lint's text format and a summary.
#include <ostream>

#include "dryrun/plan.h"
#include "engine/report.h"

namespace iblint::dryrun {

void emit_plan_text(const Plan& plan, const Report& findings, std::ostream& out);

/// "2 h 5 min", "45 s", "unbounded" (for the summary and the time budget).
std::string format_duration(std::optional<int64_t> seconds);

}  // namespace iblint::dryrun
