#pragma once
// Two ways of finding a passage that the exact and normalized searches miss,
// shared by anchoring (anchor.cpp) and quote resolution (quote.cpp):
// - spaceless matches: the text layer lost or gained spaces between words
//   (a PDF's "NetherfieldParkis" for "Netherfield Park is"); the quote and the
//   text are compared with every space removed, so only the very same
//   letters match, never a merely similar passage;
// - context by edit distance: when a quote occurs several times and its
//   stored prefix or suffix was typed or captured with a typo, how far the
//   surroundings of each copy are from the stored context.
// Internal to core. Pure, thread-safe, never throw.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/normalize.h"

namespace provcheck::core::anchor_variants {

struct Span {
  std::uint64_t begin = 0, end = 0;  // original bytes
};

// `s` without spaces (normalized text has single spaces between words).
std::string despace(std::string_view s);

// Places of the normalized quote in the normalized text once spaces are
// ignored, as spans of the original bytes, in document order (at most
// `limit`), leaving out places spaced like the quote (the normalized search
// finds those). Empty when the quote has fewer than two words or fewer than
// `min_letters` letters without spaces: a short word sequence is too easily
// found by accident.
std::vector<Span> spaceless_matches(const NormalizedText& norm, std::string_view nquote, std::size_t limit,
                                    std::size_t min_letters = 12);

// Edit distance between the stored normalized prefix and the normalized text
// ending at `before` (aligned at the quote's edge: the prefix's last byte
// next to the quote), plus the same for the suffix from `after`; `text` is
// the source's raw text. Spaces are ignored on both sides.
std::size_t context_distance(std::string_view text, std::uint64_t before, std::uint64_t after,
                             std::string_view want_prefix, std::string_view want_suffix);

}  // namespace provcheck::core::anchor_variants
