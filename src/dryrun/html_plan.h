#pragma once
#include <string>

#include <nlohmann/json.hpp>

namespace iblint::dryrun {

/// One self-contained HTML page (inline CSS, no script, no external asset) showing a dry-run
/// plan in the JSON shape of `iblint dry-run --format json`: a header with the pipeline, a
/// summary (steps, attempts and worst-case time per stage), the timeline stage → component →
/// phase → step with each step's inputs, condition, failure handling, attempts and timeout,
/// findings beside the step they point into (same file, line within the step's lines) and the
/// list of all findings. Any field may be missing or of another type: what is there is shown,
/// nothing throws. Every text from the plan is escaped; symbolic values (`<stdout of
/// build.InstallApp>`: angle brackets around text with a space) are marked as known only at
/// run time.
std::string render_plan_html(const nlohmann::ordered_json& plan);

}  // namespace iblint::dryrun
