#pragma once
// The conflict half of a check: gathers what the conflict judge needs from
// a full check's inputs (each claim, its first source's published date and
// its worst citation status) and adds the conflicts and groups to the
// report, counting them in the summary. A check answered from the store
// takes them from the store's conflict cache instead. Errors are values.

#include <vector>

#include "app/check_pipeline.h"
#include "core/conflicts.h"
#include "core/findings.h"
#include "core/settings.h"

namespace provcheck::app {

util::Result<core::ConflictResult> judge_claims(const CheckInputs& in, const std::vector<core::CitationFinding>& findings,
                                                const core::Settings& settings);

// Moves the conflicts and groups into the report and counts the conflicts
// (and their errors and warnings) in its summary.
void add_conflicts(core::CheckReport& report, core::ConflictResult result);

}  // namespace provcheck::app
