#pragma once
// Renderers of a check's findings: text for people (grouped by status,
// coloured only when asked), the JSON object of DESIGN.md
// ("provcheck.check/1"), and a Markdown summary. Output is deterministic:
// findings are rendered in the order given (sorted by the caller), no
// timestamps. Pure functions.

#include <string>

#include "core/findings.h"

namespace provcheck::report {

std::string render_check_text(const core::CheckReport& report, bool color);
std::string render_check_json(const core::CheckReport& report);
std::string render_check_markdown(const core::CheckReport& report);

}  // namespace provcheck::report
