#include "core/findings.h"

namespace provcheck::core {

void summarize(CheckReport& report, std::size_t claims, std::size_t sources) {
  CheckSummary s;
  s.claims = claims;
  s.sources = sources;
  s.citations = report.citations.size();
  for (CitationStatus st : k_all_statuses) s.by_status[status_name(st)] = 0;
  auto count = [&](Severity sev) {
    if (sev == Severity::error) ++s.errors;
    if (sev == Severity::warning) ++s.warnings;
  };
  for (const CitationFinding& f : report.citations) {
    ++s.by_status[status_name(f.status)];
    count(f.severity);
  }
  s.conflicts = report.conflicts.size();
  for (const ConflictFinding& c : report.conflicts) count(c.severity);
  report.summary = s;
}

bool fails(const CheckReport& report, Severity fail_on) {
  for (const CitationFinding& f : report.citations) {
    if (f.severity >= fail_on) return true;
  }
  for (const ConflictFinding& c : report.conflicts) {
    if (c.severity >= fail_on) return true;
  }
  return false;
}

}  // namespace provcheck::core
