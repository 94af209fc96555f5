#include <string>

#include "report/check_report.h"

namespace provcheck::report {
namespace {

const char* color_of(core::Severity s) {
  switch (s) {
    case core::Severity::ok: return "\x1b[32m";
    case core::Severity::info: return "\x1b[36m";
    case core::Severity::warning: return "\x1b[33m";
    case core::Severity::error: return "\x1b[31m";
  }
  return "";
}

std::string span(std::uint64_t b, std::uint64_t e) { return std::to_string(b) + "-" + std::to_string(e); }

std::string one_line(const std::string& s, std::size_t max) {
  std::string out;
  for (char c : s) out.push_back(c == '\n' || c == '\r' || c == '\t' ? ' ' : c);
  if (out.size() > max) {
    std::size_t cut = max;
    while (cut > 0 && (static_cast<unsigned char>(out[cut]) & 0xC0) == 0x80) --cut;
    out = out.substr(0, cut) + "…";
  }
  return out;
}

}  // namespace

std::string render_check_text(const core::CheckReport& report, bool color) {
  std::string out;
  auto paint = [&](core::Severity s, const std::string& text) {
    return color ? std::string(color_of(s)) + text + "\x1b[0m" : text;
  };
  // Everything not ok, grouped by status in the order of DESIGN.md's table, worst last.
  for (core::CitationStatus st : core::k_all_statuses) {
    if (core::default_severity(st) == core::Severity::ok) continue;
    bool header = false;
    for (const core::CitationFinding& f : report.citations) {
      if (f.status != st) continue;
      if (!header) {
        out += "\n" + paint(f.severity, std::string(core::status_name(st))) + ":\n";
        header = true;
      }
      out += "  " + f.claim_file + ":" + std::to_string(f.claim_line) + ": claim " + f.claim + " cites " + f.source +
             (f.page > 0 ? " p. " + std::to_string(f.page) : std::string()) + " [" + span(f.pinned_start, f.pinned_end) + "] (" + core::severity_name(f.severity) + ")\n";
      if (!f.message.empty()) out += "    " + f.message + "\n";
      out += "    was: \"" + one_line(f.old_passage, 160) + "\"\n";
      if (!f.new_passage.empty()) out += "    now: \"" + one_line(f.new_passage, 160) + "\"\n";
      if (!f.diff.empty()) out += "    diff: " + one_line(f.diff, 240) + "\n";
      if (!f.since.empty()) out += "    since: " + f.since + "\n";
    }
  }
  for (const core::ConflictFinding& c : report.conflicts) {
    out += "\n" + paint(c.severity, std::string(core::conflict_kind_name(c.kind))) + ": " + c.message + "\n";
  }
  const core::CheckSummary& s = report.summary;
  std::string counts;
  for (core::CitationStatus st : core::k_all_statuses) {
    auto it = s.by_status.find(core::status_name(st));
    if (it == s.by_status.end() || it->second == 0) continue;
    counts += (counts.empty() ? "" : ", ") + std::to_string(it->second) + " " + core::status_name(st);
  }
  if (!out.empty()) out += "\n";
  out += std::to_string(s.claims) + " claims, " + std::to_string(s.citations) + " citations, " +
         std::to_string(s.sources) + " sources: " + (counts.empty() ? "nothing to check" : counts) + "; " +
         std::to_string(s.conflicts) + " conflicts; " + std::to_string(s.errors) + " errors, " +
         std::to_string(s.warnings) + " warnings\n";
  return out;
}

}  // namespace provcheck::report
