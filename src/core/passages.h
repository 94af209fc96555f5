#pragma once
// Cuts a text layer into passages for the search index: paragraphs (runs of
// lines between blank lines), and a paragraph longer than k_passage_max_bytes
// into pieces of whole sentences, each about k_passage_target_bytes. Spans
// are UTF-8 byte offsets into the text, trimmed of surrounding whitespace,
// in document order, never overlapping. Pure, thread-safe.

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace provcheck::core {

inline constexpr std::size_t k_passage_max_bytes = 700;
inline constexpr std::size_t k_passage_target_bytes = 400;

struct Span {
  std::uint64_t start = 0;
  std::uint64_t end = 0;
};

std::vector<Span> split_passages(std::string_view text);

}  // namespace provcheck::core
