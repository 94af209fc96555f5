#pragma once
// What the reports need beyond a check's findings, read from the workspace:
// for the CI formats, where each source file and each flagged passage is
// (lines and columns); for `report`, the source inventory, the claims' own
// words and a window of each source's text around each passage. Sources are
// read one at a time, only those the output needs. A source that cannot be
// read now simply gets no window or region (its finding says why).

#include <vector>

#include "app/check_cmd.h"
#include "report/report.h"
#include "report/report_data.h"
#include "store/store.h"
#include "workspace/workspace.h"

namespace provcheck::app {

// Bytes of source text shown on each side of a passage in the HTML report.
inline constexpr std::size_t k_window_radius = 240;

report::CiContext ci_context(const workspace::Workspace& ws, const std::vector<SourceState>& sources,
                             const core::CheckReport& report, core::Severity fail_on);

// With a store, a citation found nowhere shows what the text now has where
// its passage was: its old span carried through the diff of the snapshot
// it was pinned to and the text now (core/span_map.h); without the old
// snapshot, the surrounding text at the old offsets, not highlighted.
report::ReportData report_data(const workspace::Workspace& ws, FullCheck check, store::Store* store = nullptr);

// The tool's version, as `provcheck --version` prints it.
const char* tool_version();

}  // namespace provcheck::app
