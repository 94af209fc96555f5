#pragma once
// Byte-level helpers the figure extractor scans text with: ASCII classes,
// words, the whitespace a figure may span (spaces, tabs, one line break, a
// no-break space, but never a blank line) and case-insensitive comparison.
// Internal to core/figure_*.cpp. Pure, thread-safe, never throw.

#include <bit>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>

namespace provcheck::core::figure_text {

inline bool is_digit(unsigned char c) { return c >= '0' && c <= '9'; }
inline bool is_alpha(unsigned char c) { return static_cast<unsigned char>((c | 32) - 'a') < 26; }
inline bool is_alnum(unsigned char c) { return is_digit(c) || is_alpha(c); }
inline bool is_upper(unsigned char c) { return c >= 'A' && c <= 'Z'; }
inline char lower(unsigned char c) { return static_cast<char>(is_upper(c) ? c | 32 : c); }

inline unsigned char at(std::string_view t, std::size_t i) {
  return i < t.size() ? static_cast<unsigned char>(t[i]) : 0;
}

struct Span {
  std::size_t b = 0;
  std::size_t e = 0;
  bool empty() const { return b == e; }
  std::size_t size() const { return e - b; }
};

// Whitespace after `p`: spaces, tabs, CR, U+00A0 and at most one '\n'.
inline std::size_t skip_space(std::string_view t, std::size_t p) {
  bool newline = false;
  while (p < t.size()) {
    unsigned char c = at(t, p);
    if (c == ' ' || c == '\t' || c == '\r') {
      ++p;
    } else if (c == '\n' && !newline) {
      newline = true;
      ++p;
    } else if (c == 0xC2 && at(t, p + 1) == 0xA0) {
      p += 2;
    } else {
      break;
    }
  }
  return p;
}

// Whitespace before `p` (same rules, backwards): the position where it starts.
inline std::size_t skip_space_back(std::string_view t, std::size_t p) {
  bool newline = false;
  while (p > 0) {
    unsigned char c = at(t, p - 1);
    if (c == ' ' || c == '\t' || c == '\r') {
      --p;
    } else if (c == '\n' && !newline) {
      newline = true;
      --p;
    } else if (c == 0xA0 && p >= 2 && at(t, p - 2) == 0xC2) {
      p -= 2;
    } else {
      break;
    }
  }
  return p;
}

// The run of ASCII letters starting at `p` (empty when t[p] is no letter).
inline Span word_at(std::string_view t, std::size_t p) {
  std::size_t e = p;
  while (e < t.size() && is_alpha(at(t, e))) ++e;
  return {p, e};
}

// The run of ASCII letters ending at `p` (empty when t[p-1] is no letter).
inline Span word_ending_at(std::string_view t, std::size_t p) {
  std::size_t b = p;
  while (b > 0 && is_alpha(at(t, b - 1))) --b;
  return {b, p};
}

// The word after the whitespace following `p`.
inline Span next_word(std::string_view t, std::size_t p) { return word_at(t, skip_space(t, p)); }
// The word before the whitespace preceding `p`.
inline Span prev_word(std::string_view t, std::size_t p) { return word_ending_at(t, skip_space_back(t, p)); }

// The end of the run of ASCII letters starting at p, eight bytes at a time:
// the scan's hot loop, where a per-byte branch would be mispredicted at the
// end of every word.
inline std::size_t letters_end(const unsigned char* s, std::size_t p, std::size_t n) {
  constexpr std::uint64_t k_high = 0x8080808080808080ull;
  while (p + 8 <= n) {
    std::uint64_t x;
    std::memcpy(&x, s + p, 8);
    std::uint64_t z = (x | 0x2020202020202020ull) & 0x7f7f7f7f7f7f7f7full;  // no carries below
    std::uint64_t letter = (z + 0x1f1f1f1f1f1f1f1full) & ~(z + 0x0505050505050505ull) & ~x & k_high;
    std::uint64_t other = ~letter & k_high;
    if (other != 0) {
      if constexpr (std::endian::native == std::endian::little) return p + (std::countr_zero(other) >> 3);
      while (is_alpha(s[p])) ++p;
      return p;
    }
    p += 8;
  }
  while (p < n && is_alpha(s[p])) ++p;
  return p;
}

// Case-insensitive equality with an all-lowercase ASCII literal.
inline bool eq_ci(std::string_view s, std::string_view lower_lit) {
  if (s.size() != lower_lit.size()) return false;
  for (std::size_t i = 0; i < s.size(); ++i)
    if (lower(static_cast<unsigned char>(s[i])) != lower_lit[i]) return false;
  return true;
}

inline std::string_view sv(std::string_view t, Span s) { return t.substr(s.b, s.e - s.b); }
inline bool word_is(std::string_view t, Span s, std::string_view lower_lit) { return eq_ci(sv(t, s), lower_lit); }

}  // namespace provcheck::core::figure_text
