#pragma once
// Re-anchoring a pinned citation in the current text of its source and
// giving it one status (verdict.h). The stages run from cheapest to most
// lenient and the first that decides wins:
//
//   1. intact      the exact bytes are still at the pinned span
//   2. moved       the exact bytes are elsewhere, chosen by context
//   3. normalized  the normalized quote is found, chosen by context
//   4. modified / figure_changed: a close match (edit distance within
//      fuzzy_budget of the quote's length), chosen by similarity and
//      context; figure_changed when its figures differ (figures.h or
//      figure_tokens.h)
//   5. missing
//
// A copy found elsewhere is accepted when its context agrees; the only copy
// is also accepted on weaker context, or none when the quote is long enough
// not to be a coincidence, unless the old passage's frame (prefix ...
// suffix) still stands with other words inside. What became of that frame
// decides the hard cases (anchor.cpp, frame_state): closed up means moved;
// a copy inside an edited frame beside a close match, or out of its
// paragraph, is a stale copy and never taken: a corrected passage must
// never silently jump to another place that still has the old words.
// Equal-best candidates are ambiguous.
//
// SourceView caches the normalized text of one source; it is not
// thread-safe, use one per thread. judge_citation is otherwise pure.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/model.h"
#include "core/normalize.h"
#include "core/verdict.h"

namespace provcheck::core {

class SourceView {
 public:
  explicit SourceView(std::string_view bytes) : m_bytes(bytes) {}
  std::string_view bytes() const { return m_bytes; }
  const NormalizedText& normalized();
  // 1-based line of a byte offset, from an index of line starts built once.
  int line_of(std::uint64_t offset);

 private:
  std::string_view m_bytes;
  std::optional<NormalizedText> m_normalized;
  std::vector<std::uint32_t> m_newlines;  // offsets of '\n', once built
  bool m_newlines_built = false;
};

struct Verdict {
  CitationStatus status = CitationStatus::missing;
  std::optional<std::uint64_t> found_start;
  std::optional<std::uint64_t> found_end;
  double similarity = 0.0;   // 1.0 for exact or normalized matches
  double context_score = 0;  // agreement of prefix and suffix, 0..1
  std::string message;
  std::string new_passage;   // the passage now at found_*, when it differs in bytes
  std::string diff;          // word diff of the old quote and new_passage, when the wording changed
};

// The thresholds of the stages above. The defaults are tuned on
// bench/drift (bench/README.md gives the sweep that justifies each);
// `locate --threshold NAME=VALUE` overrides them for such sweeps.
struct AnchorThresholds {
  // Context agreement at which a copy is accepted whatever its length.
  double context_accept = 0.5;
  // Context agreement enough for the only copy, when the old place does not
  // show an edit in place.
  double context_unique_accept = 0.25;
  // Minimum normalized length of a quote whose only copy is accepted as
  // moved even when its context changed (a whole moved paragraph).
  std::size_t distinctive_quote_bytes = 40;
  // Fuzzy stage: edits allowed, as a share of the normalized quote's length;
  // a close match is taken when it is this similar and its context agrees
  // this much, or when it is at least fuzzy_alone similar; two close matches
  // within fuzzy_tie of each other are ambiguous.
  double fuzzy_budget = 0.3;
  double fuzzy_similar = 0.75;
  double fuzzy_context = 0.25;
  double fuzzy_alone = 0.9;
  double fuzzy_tie = 0.02;
  std::size_t fuzzy_min_quote = 8;
};

// Sets one threshold by name ("fuzzy_similar"); false for an unknown name.
bool set_threshold(AnchorThresholds& t, std::string_view name, double value);
// The names set_threshold knows, for messages.
std::string threshold_names();

Verdict judge_citation(SourceView& source, const Citation& citation, const AnchorThresholds& thresholds = {});

// The verdict for a citation whose exact bytes are at its pinned span.
Verdict intact_verdict(const Citation& citation);

// The verdict for a citation whose source file or sidecar is unusable.
Verdict source_missing_verdict(const std::string& why);

}  // namespace provcheck::core
