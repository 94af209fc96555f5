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
  int page = 0;       // paged sources (PDF): the page the citation was pinned on; 0 when none
};

// One claim's structured assertion as the conflict judge read it: a side of
// a conflict, or one row of a subject-and-metric table in a report.
struct AssertionRow {
  std::string claim;
  std::string source;          // the claim's first citation's source
  std::string subject;         // after aliases
  std::string metric;          // after aliases
  std::string value;           // as written in the claim
  std::optional<double> low;   // numeric interval the value stands for; empty for a status word
  std::optional<double> high;
  std::string status_value;    // a status word ("opposition"), when the value is one
  std::string unit;
  std::string approx;
  std::string as_of;           // ISO date, month, year or interval the value holds for
  bool as_of_assumed = false;  // taken from the source's published date, not stated
  std::string status;          // worst citation status of the claim ("intact", ...)
};

struct ConflictFinding {
  ConflictKind kind = ConflictKind::figure_conflict;
  std::vector<std::string> claims;
  std::string subject;
  std::string metric;
  Severity severity = Severity::error;
  std::string message;
  std::vector<AssertionRow> sides;  // the claims involved, in the order of `claims`
};

// Every claim with a structured assertion about one subject and metric, ordered
// by as_of then claim id: the "related, side by side" view and the timelines.
struct AssertionGroup {
  std::string subject;
  std::string metric;
  std::vector<AssertionRow> rows;
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
  std::vector<AssertionGroup> groups;  // sorted by subject, metric
};

// Fills report.summary from its findings (claims and sources are counted by the caller).
void summarize(CheckReport& report, std::size_t claims, std::size_t sources);

// Exit policy: does anything reach the failure threshold?
bool fails(const CheckReport& report, Severity fail_on);

}  // namespace provcheck::core
