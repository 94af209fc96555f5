#pragma once
// What a check found: one finding per citation, the conflicts between
// claims, and the summary. The reports render these; the store caches them.
// Plain values.

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/verdict.h"

namespace provcheck::core {

struct CitationFinding {
  std::string claim;
  int index = 0;  // citation's position in the claim, from 0
  std::string source;
  std::string claim_file;
  int claim_line = 0;
  CitationStatus status = CitationStatus::missing;
  Severity severity = Severity::error;
  std::uint64_t pinned_start = 0;
  std::uint64_t pinned_end = 0;
  std::optional<std::uint64_t> found_start;
  std::optional<std::uint64_t> found_end;
  double similarity = 0;
  std::string message;
  std::string old_passage;
  std::string new_passage;
  std::string diff;   // word diff of old and new passage, when the wording changed
  std::string since;  // when this status was first seen, ISO time; empty when unknown
};

struct ConflictFinding {
  ConflictKind kind = ConflictKind::figure_conflict;
  std::vector<std::string> claims;
  std::string subject;
  std::string metric;
  Severity severity = Severity::error;
  std::string message;
};

struct CheckSummary {
  std::size_t claims = 0;
  std::size_t citations = 0;
  std::size_t sources = 0;
  std::map<std::string, std::size_t> by_status;  // every status name, zero included
  std::size_t conflicts = 0;
  std::size_t errors = 0;
  std::size_t warnings = 0;
};

struct CheckReport {
  CheckSummary summary;
  std::vector<CitationFinding> citations;  // sorted by claim id, then index
  std::vector<ConflictFinding> conflicts;
};

// Fills report.summary from its findings (claims and sources are counted by the caller).
void summarize(CheckReport& report, std::size_t claims, std::size_t sources);

// Exit policy: does anything reach the failure threshold?
bool fails(const CheckReport& report, Severity fail_on);

}  // namespace provcheck::core
