#pragma once
// Citation statuses, conflict kinds and severities of DESIGN.md, with their
// stable names (what JSON and scripts see) and default severities. Pure.

#include <optional>
#include <string>
#include <string_view>

namespace provcheck::core {

enum class CitationStatus {
  intact, moved, normalized, modified, figure_changed, ambiguous, missing, source_missing,
};
inline constexpr CitationStatus k_all_statuses[] = {
    CitationStatus::intact,         CitationStatus::moved,     CitationStatus::normalized,
    CitationStatus::modified,       CitationStatus::figure_changed, CitationStatus::ambiguous,
    CitationStatus::missing,        CitationStatus::source_missing,
};

// possible_conflict: the values differ, but one as-of is coarser and holds
// the other ("2016-12" and "2016-12-07"), so both may be true.
enum class ConflictKind { claim_quote_mismatch, figure_conflict, status_conflict, possible_conflict };
inline constexpr ConflictKind k_all_conflict_kinds[] = {ConflictKind::claim_quote_mismatch, ConflictKind::figure_conflict,
                                                        ConflictKind::status_conflict, ConflictKind::possible_conflict};

enum class Severity { ok = 0, info = 1, warning = 2, error = 3 };

const char* status_name(CitationStatus s);
std::optional<CitationStatus> parse_status(std::string_view name);
Severity default_severity(CitationStatus s);
const char* conflict_kind_name(ConflictKind k);
Severity default_severity(ConflictKind k);
const char* severity_name(Severity s);
std::optional<Severity> parse_severity(std::string_view name);

}  // namespace provcheck::core
