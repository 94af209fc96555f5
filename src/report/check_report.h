#pragma once
// Renderers of a check's findings: text for people (grouped by status,
// coloured only when asked), the JSON object of DESIGN.md
// ("provcheck.check/1"), and a Markdown summary. Output is deterministic:
// findings are rendered in the order given (sorted by the caller), no
// timestamps. Pure functions.

#include <string>

#include "core/findings.h"

namespace provcheck::report {

// Not-ok citations grouped by status, then moved ones with their new span,
// conflicts, related figures, and the summary line.
std::string render_check_text(const core::CheckReport& report, bool color);
// "12 claims, 14 citations, 5 sources: 13 intact, 1 missing; 0 conflicts; 1 errors, 0 warnings"
std::string render_check_summary_line(const core::CheckReport& report);
std::string render_check_json(const core::CheckReport& report);
std::string render_check_markdown(const core::CheckReport& report);

}  // namespace provcheck::report
