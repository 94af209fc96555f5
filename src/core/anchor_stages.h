#pragma once
// The pieces of anchoring shared between its files: anchor.cpp runs the
// stages (exact, normalized, spaceless, fuzzy) and judges context and the
// old place's frame; anchor_fuzzy.cpp is the fuzzy stage. Internal to core.
// Pure over the source view; the thresholds of the running judgement are per
// thread (judge_citation sets them), so concurrent judgements do not meet.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/anchor.h"

namespace provcheck::core::anchor_stages {

// The thresholds of the judgement running on this thread.
const AnchorThresholds& th();

// A place where the quote (or its normalized form) occurs, original bytes.
struct Candidate {
  std::uint64_t begin, end;
  double context = 0;
};

// The citation's prefix and suffix normalized (cached per thread).
struct NormalizedContext {
  std::string raw_prefix, raw_suffix, prefix, suffix;
};
const NormalizedContext& normalized_context(const Citation& c);

// Agreement of the stored context with the text around [begin, end), 0..1.
double context_score(std::string_view text, std::uint64_t begin, std::uint64_t end, const Citation& c);

// What became of the old frame (prefix ... suffix) at the quote's old place;
// see anchor.cpp.
enum class Frame { unknown, closed, edited, stale_beside_edit };
Frame frame_state(SourceView& src, const Citation& c, std::string_view nquote,
                  std::optional<std::uint64_t> copy_at = std::nullopt);

// "bytes B-E (line L)" for messages.
std::string where(SourceView& src, std::uint64_t b, std::uint64_t e);

// A close match of a changed passage (modified or figure_changed), an
// ambiguous verdict when two places resemble it equally, or nullopt. Copies
// in `rejected` (old words the exact stages turned down) are not edits.
std::optional<Verdict> fuzzy_stage(SourceView& src, const Citation& c, std::string_view nquote,
                                   const std::vector<Candidate>& rejected);

}  // namespace provcheck::core::anchor_stages
