#pragma once
// Renderers of the `report` command and of the CI formats of `check`.
//
// - HTML: one self-contained page (inline CSS, inline SVG, no script, no
//   external resource; a Content-Security-Policy that forbids scripts as a
//   second wall behind escaping), readable with JavaScript off.
// - Markdown: for a pull-request comment (summary table, failures first,
//   details folded in <details>).
// - JSON: "provcheck.report/1", the check object plus the source inventory
//   and the subject-and-metric groups.
// - JUnit XML, SARIF 2.1.0 and GitHub workflow commands for CI.
//
// Every renderer is a pure function of its input, deterministic (no clock,
// no randomness), and escapes every piece of claim and source text for its
// format. Thread-safe.

#include <map>
#include <optional>
#include <string>

#include "core/findings.h"
#include "report/report_data.h"

namespace provcheck::report {

std::string render_report_html(const ReportData& data);
std::string render_report_markdown(const ReportData& data);
std::string render_report_json(const ReportData& data);

// Where a citation's passage is in its source file, for SARIF.
struct SourceSpan {
  std::uint64_t byte_offset = 0;
  std::uint64_t byte_length = 0;
  int start_line = 0;  // 1-based; 0 when unknown
  int start_column = 0;  // 1-based, in Unicode code points
  int end_line = 0;
  int end_column = 0;  // exclusive
};

struct CiContext {
  core::Severity fail_on = core::Severity::error;
  std::string tool_version;
  // source id -> workspace-relative content file ("sources/x.md").
  std::map<std::string, std::string> source_files;
  // window_key(claim, index) -> the passage's place in that file, when the
  // text layer is the file's bytes (byte offsets are then file offsets).
  std::map<std::string, SourceSpan> spans;
};

std::string render_junit(const core::CheckReport& report, const CiContext& ctx);
std::string render_sarif(const core::CheckReport& report, const CiContext& ctx);
std::string render_github(const core::CheckReport& report, const CiContext& ctx);

// Which citation findings the CI formats annotate: everything not ok (info
// included; intact and moved are not findings a reviewer must see).
bool annotated(const core::CitationFinding& f);

}  // namespace provcheck::report
