#include "app/check_conflicts.h"

#include <unordered_map>

namespace provcheck::app {

util::Result<core::ConflictResult> judge_claims(const CheckInputs& in, const std::vector<core::CitationFinding>& findings,
                                                const core::Settings& settings) {
  // Citations without a finding are intact (text output leaves them out).
  std::unordered_map<std::string_view, core::CitationStatus> worst;
  for (const core::CitationFinding& f : findings) {
    auto [it, inserted] = worst.emplace(f.claim, f.status);
    if (!inserted && f.status > it->second) it->second = f.status;
  }
  std::vector<core::ClaimFacts> facts;
  for (const workspace::ClaimsFile& file : in.claims) {
    for (const core::Claim& c : file.claims) {
      if (c.assertion.empty()) continue;
      core::ClaimFacts f;
      f.claim = &c;
      if (!c.citations.empty()) {
        auto src = in.by_id.find(c.citations.front().source);
        if (src != in.by_id.end()) f.published = src->second.entry.meta.published;
      }
      if (auto w = worst.find(c.id); w != worst.end()) f.worst = w->second;
      facts.push_back(f);
    }
  }
  return core::judge_conflicts(facts, settings);
}

void add_conflicts(core::CheckReport& report, core::ConflictResult result) {
  for (core::ConflictFinding& c : result.conflicts) {
    ++report.summary.conflicts;
    if (c.severity == core::Severity::error) ++report.summary.errors;
    if (c.severity == core::Severity::warning) ++report.summary.warnings;
    report.conflicts.push_back(std::move(c));
  }
  for (core::AssertionGroup& g : result.groups) report.groups.push_back(std::move(g));
}

}  // namespace provcheck::app
