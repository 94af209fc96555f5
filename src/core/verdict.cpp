#include "core/verdict.h"

namespace provcheck::core {

const char* status_name(CitationStatus s) {
  switch (s) {
    case CitationStatus::intact: return "intact";
    case CitationStatus::moved: return "moved";
    case CitationStatus::normalized: return "normalized";
    case CitationStatus::modified: return "modified";
    case CitationStatus::figure_changed: return "figure_changed";
    case CitationStatus::ambiguous: return "ambiguous";
    case CitationStatus::missing: return "missing";
    case CitationStatus::source_missing: return "source_missing";
  }
  return "missing";
}

std::optional<CitationStatus> parse_status(std::string_view name) {
  for (CitationStatus s : k_all_statuses) {
    if (name == status_name(s)) return s;
  }
  return std::nullopt;
}

Severity default_severity(CitationStatus s) {
  switch (s) {
    case CitationStatus::intact:
    case CitationStatus::moved: return Severity::ok;
    case CitationStatus::normalized: return Severity::info;
    case CitationStatus::modified: return Severity::warning;
    default: return Severity::error;
  }
}

const char* conflict_kind_name(ConflictKind k) {
  switch (k) {
    case ConflictKind::claim_quote_mismatch: return "claim_quote_mismatch";
    case ConflictKind::figure_conflict: return "figure_conflict";
    case ConflictKind::status_conflict: return "status_conflict";
    case ConflictKind::possible_conflict: return "possible_conflict";
  }
  return "figure_conflict";
}

Severity default_severity(ConflictKind k) {
  return k == ConflictKind::possible_conflict ? Severity::warning : Severity::error;
}

const char* severity_name(Severity s) {
  switch (s) {
    case Severity::ok: return "ok";
    case Severity::info: return "info";
    case Severity::warning: return "warning";
    case Severity::error: return "error";
  }
  return "error";
}

std::optional<Severity> parse_severity(std::string_view name) {
  for (Severity s : {Severity::ok, Severity::info, Severity::warning, Severity::error}) {
    if (name == severity_name(s)) return s;
  }
  return std::nullopt;
}

}  // namespace provcheck::core
