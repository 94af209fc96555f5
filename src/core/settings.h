#pragma once
// A workspace's settings (provcheck.json) as the judging code uses them: the
// failure threshold, severity overrides per citation status and per conflict
// kind, aliases that make two spellings of a subject, metric or status word
// the same, and the tolerances that turn a figure into the interval it stands
// for. workspace/settings_file.h reads them; every field has a default, so a
// workspace without provcheck.json behaves as DESIGN.md says. Plain values,
// safe to copy and share between threads.

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/verdict.h"

namespace provcheck::core {

// How a qualifier word bounds a figure.
enum class QualifierClass {
  exact,        // no qualifier
  approximate,  // about, around, roughly, some, estimated: value x (1 +- t)
  below,        // almost, nearly, close to, just under: value x (1 - t) .. value
  at_least,     // more than, at least, over: value .. no bound
  at_most,      // up to, fewer than, less than, under: no bound .. value
};

struct Tolerances {
  bool rounding = true;      // an exact figure stands for what its last significant digit rounds ("250,000": 245,000..255,000)
  double exact = 0.0;        // relative half-width added to every exact figure
  double approximate = 0.1;  // relative half-width of "about", "around", "some", ...
  double almost = 0.1;       // how far below its value "almost", "nearly", ... may go
  std::map<std::string, double> qualifiers;  // per-word override of the half-width (lower-case word)
};

struct Settings {
  std::optional<Severity> fail_on;  // threshold; --fail-on overrides it; default error
  std::map<CitationStatus, Severity> status_severity;
  std::map<ConflictKind, Severity> conflict_severity;
  std::map<std::string, std::string> subject_aliases;  // folded alias -> canonical as written
  std::map<std::string, std::string> metric_aliases;
  std::map<std::string, std::string> value_aliases;    // status words: folded alias -> canonical
  Tolerances tolerances;
  std::vector<std::string> rating_scale;  // labels worst first; empty: core::default_rating_scale()

  // The shared store ("postgresql://..."; empty: the embedded SQLite store)
  // and this workspace's id in it (workspace/store_choice.h).
  std::string store;
  std::string workspace_id;

  // The rating scale in force.
  const std::vector<std::string>& ratings() const;
  Severity severity_for(CitationStatus s) const;
  Severity severity_for(ConflictKind k) const;
  // Canonical names after aliases (the alias's target as written, else the name itself).
  std::string subject(std::string_view name) const;
  std::string metric(std::string_view name) const;
  std::string status_value(std::string_view word) const;
  // Relative width for a qualifier word, from the per-word table or its class.
  double tolerance_for(std::string_view qualifier) const;
};

// Lower-case ASCII, runs of whitespace as one space, ends trimmed: the form
// in which names and qualifier words are compared.
std::string fold_name(std::string_view s);

// The class of a qualifier word ("about" -> approximate); nullopt when the
// word is not a known qualifier.
std::optional<QualifierClass> qualifier_class(std::string_view word);
// Every known qualifier word, for messages.
const char* known_qualifiers();

}  // namespace provcheck::core
