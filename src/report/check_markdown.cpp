#include <string>

#include "report/check_report.h"

namespace provcheck::report {
namespace {

// Escapes text for a Markdown table cell or inline text.
std::string md(const std::string& s) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '|': out += "\\|"; break;
      case '\n': case '\r': out += ' '; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '&': out += "&amp;"; break;
      case '*': case '_': case '`': case '[': case ']': case '\\':
        out += '\\';
        out += c;
        break;
      default: out += c;
    }
  }
  return out;
}

// Text for an inline code span inside a table cell.
std::string code(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '`') out += '\'';
    else if (c == '|') out += "\\|";
    else if (c == '\n' || c == '\r') out += ' ';
    else out += c;
  }
  return out;
}

}  // namespace

std::string render_check_markdown(const core::CheckReport& report) {
  const core::CheckSummary& s = report.summary;
  std::string out = "# provcheck consistency summary\n\n";
  out += "| claims | citations | sources | conflicts | errors | warnings |\n|---:|---:|---:|---:|---:|---:|\n";
  out += "| " + std::to_string(s.claims) + " | " + std::to_string(s.citations) + " | " + std::to_string(s.sources) +
         " | " + std::to_string(s.conflicts) + " | " + std::to_string(s.errors) + " | " + std::to_string(s.warnings) +
         " |\n\n";
  out += "| status | citations |\n|---|---:|\n";
  for (core::CitationStatus st : core::k_all_statuses) {
    auto it = s.by_status.find(core::status_name(st));
    out += "| " + std::string(core::status_name(st)) + " | " + std::to_string(it == s.by_status.end() ? 0 : it->second) +
           " |\n";
  }
  bool any = false;
  for (const core::CitationFinding& f : report.citations) {
    if (f.severity == core::Severity::ok) continue;
    if (!any) {
      out += "\n## Needs attention\n\n| severity | status | claim | source | where | message |\n|---|---|---|---|---|---|\n";
      any = true;
    }
    out += "| " + std::string(core::severity_name(f.severity)) + " | " + core::status_name(f.status) + " | " +
           md(f.claim) + " | " + md(f.source) +
           (f.page > 0 ? " p. " + std::to_string(f.page) : std::string()) + " | " + md(f.claim_file) + ":" + std::to_string(f.claim_line) +
           " | " + md(f.message) + (f.diff.empty() ? "" : ": `" + code(f.diff) + "`") + " |\n";
  }
  if (!any && report.conflicts.empty()) out += "\nEvery citation holds.\n";
  for (const core::ConflictFinding& c : report.conflicts) {
    out += "\n- **" + std::string(core::conflict_kind_name(c.kind)) + "** (" + core::severity_name(c.severity) +
           "): " + md(c.message) + "\n";
  }
  out += "\n<details><summary>All citations</summary>\n\n| claim | source | status | pinned span |\n|---|---|---|---|\n";
  for (const core::CitationFinding& f : report.citations) {
    out += "| " + md(f.claim) + " | " + md(f.source) + " | " + core::status_name(f.status) + " | " +
           std::to_string(f.pinned_start) + "-" + std::to_string(f.pinned_end) + " |\n";
  }
  out += "\n</details>\n";
  return out;
}

}  // namespace provcheck::report
