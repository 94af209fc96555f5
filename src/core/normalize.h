#pragma once
// Text normalization with an offset map back to the original bytes.
//
// Two texts are "the same after normalization" when they differ only in:
// Unicode compatibility forms (NFKD via utf8proc, so composed and decomposed
// accents, ligatures and full-width forms agree), combining diacritical marks
// (dropped, so "Erdogan" typed without its breve finds "Erdoğan"; marks of
// other scripts, such as Arabic harakat, are kept), typographic quotes and
// ellipses ("..." finds "…"), dashes (any run of hyphens and dashes, "--"
// typed for "—" included, is one "-" with no whitespace on either side),
// invisible characters (soft hyphen, zero-width marks, BOM), and whitespace
// (any run of spaces, tabs, line breaks and Unicode spaces is one space;
// leading and trailing whitespace is dropped). Case is kept: a changed
// capital is a changed quote.
//
// Version history (k_normalization_version, written into every normalized
// digest as "+normN"): 1 the rules above without the diacritics and dash
// rules; 2 adds them. A pin made under norm1 keeps its digest; verdicts are
// always computed by normalizing both sides anew, so a normalizer change
// never turns into drift.
//
// Decomposition is per code point: combining marks are not reordered
// across characters into canonical order (two marks typed in another order
// on one letter stay different); rare in news text.
//
// Invalid UTF-8 bytes are kept in place: each becomes U+FFFD mapped to that
// one byte, so offsets never shift. Every change to these rules must bump
// k_normalization_version, which is written into every normalized digest
// so a new normalizer is recognised as such, not reported as drift.
//
// Pure functions; thread-safe.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace provcheck::core {

inline constexpr int k_normalization_version = 2;

struct NormalizedText {
  std::string text;
  // For each byte of `text`, the span of original bytes it came from.
  std::vector<std::uint32_t> begin;
  std::vector<std::uint32_t> end;

  struct Span { std::uint64_t begin, end; };
  // Maps a non-empty normalized span [b, e) back to original bytes.
  Span to_original(std::size_t b, std::size_t e) const { return {begin[b], end[e - 1]}; }
};

// Normalizes with an offset map. Inputs past 4 GiB are not supported (offsets are 32-bit).
NormalizedText normalize_with_map(std::string_view bytes);
// Normalizes without a map (quotes, context strings).
std::string normalize(std::string_view bytes);

// "xxh3-64+norm1:<hex>": the digest of normalize(bytes), naming the normalizer version.
std::string normalized_digest(std::string_view bytes);
std::string normalized_digest_algorithm();

}  // namespace provcheck::core
