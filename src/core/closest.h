#pragma once
// The passage of a text closest to a quote that does not occur in it, for
// "not found" messages: where the fuzzy matcher (fuzzy_match.h) aligns the
// normalized quote best, widened to whole words, with its similarity
// (1 - edit distance / the longer length). Bounded work like the anchoring
// engine: q-gram candidate places, a window around each. Pure, thread-safe.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "core/normalize.h"

namespace provcheck::core {

struct ClosestPassage {
  std::size_t begin = 0;  // original bytes of the text
  std::size_t end = 0;
  double similarity = 0;
};

// The best place at or above `min_similarity`; nullopt when none is.
std::optional<ClosestPassage> closest_passage(const NormalizedText& text, std::string_view normalized_quote,
                                              double min_similarity = 0.5);

// The passage as one line: its whitespace runs (line breaks included) become
// single spaces, so it can be typed or pasted back as a quote.
std::string one_line_passage(std::string_view passage);

}  // namespace provcheck::core
