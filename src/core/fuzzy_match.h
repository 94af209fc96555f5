#pragma once
// Approximate search for a (normalized) quote in a (normalized) text:
// candidate places come from exact hits of short pieces of the quote and of
// its context, and each is scored by semi-global edit distance over a
// window around it (the quote aligned whole, the text free at both ends).
// Bounded work: at most k_max_windows windows of about the quote's length,
// so a long document costs its q-gram searches, not a full alignment.
// Pure, thread-safe.

#include <cstddef>
#include <string_view>
#include <vector>

namespace provcheck::core {

struct Alignment {
  std::size_t begin = 0;  // in the text
  std::size_t end = 0;
  std::size_t distance = 0;
};

inline constexpr std::size_t k_max_windows = 48;

// Best alignment of `pattern` inside text[from, to), or distance > max_distance.
Alignment align_in_window(std::string_view pattern, std::string_view text, std::size_t from, std::size_t to);

// Start positions in `text` where `pattern` may begin, from its pieces and
// from the given context anchors (expected starts), merged when close.
std::vector<std::size_t> candidate_starts(std::string_view pattern, std::string_view text,
                                          const std::vector<std::size_t>& anchors, std::size_t slack);

}  // namespace provcheck::core
