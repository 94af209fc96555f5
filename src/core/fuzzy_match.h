#pragma once
// Approximate search for a (normalized) quote in a (normalized) text:
// candidate places come from exact hits of short pieces of the quote and of
// its context, and each is scored by semi-global edit distance over a
// window around it (the quote aligned whole, the text free at both ends).
// Bounded work: at most k_max_windows windows of about the quote's length,
// so a long document costs its q-gram searches, not a full alignment.
//
// Edit distances are computed with Myers' bit-parallel algorithm in
// Hyyrö's multi-word form: a window of n bytes costs n * ceil(m / 64)
// word operations for a quote of m bytes, instead of n * m for the
// dynamic programme. Pure; a Pattern is immutable after construction and
// may be shared between threads.

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace provcheck::core {

struct Alignment {
  std::size_t begin = 0;  // in the text
  std::size_t end = 0;
  std::size_t distance = 0;
};

inline constexpr std::size_t k_max_windows = 48;

// A quote prepared for bit-parallel search: its match masks per byte value,
// forwards and reversed.
class Pattern {
 public:
  explicit Pattern(std::string_view pattern);
  std::size_t size() const { return m_size; }

  // Edit distance of the whole pattern against the whole of `text`.
  std::size_t distance_to(std::string_view text) const;
  // Best alignment of the pattern inside text[from, to): the least distance,
  // its leftmost end, and the latest start that gives that distance.
  Alignment align_in_window(std::string_view text, std::size_t from, std::size_t to) const;

 private:
  struct Masks {
    std::size_t blocks = 0;
    std::vector<std::uint64_t> eq;  // [byte][block]
  };
  static Masks build(std::string_view p);
  // Runs the automaton over text; calls at(j, d) with the distance d of the
  // pattern ending after text[j]. free_start: the text may start anywhere.
  template <class F>
  void scan(const Masks& masks, std::string_view text, bool free_start, F&& at) const;

  std::size_t m_size = 0;
  Masks m_fwd, m_rev;
};

// Convenience for one-off alignments (tests): builds a Pattern each call.
Alignment align_in_window(std::string_view pattern, std::string_view text, std::size_t from, std::size_t to);

// Start positions in `text` where `pattern` may begin, from its pieces and
// from the given context anchors (expected starts), merged when close.
std::vector<std::size_t> candidate_starts(std::string_view pattern, std::string_view text,
                                          const std::vector<std::size_t>& anchors, std::size_t slack);

}  // namespace provcheck::core
