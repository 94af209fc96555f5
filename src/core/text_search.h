#pragma once
// Small text helpers shared by quote resolution and anchoring: finding
// every occurrence of a needle, W3C-style context (prefix/suffix) around a
// span, line numbers and short snippets for messages. Pure, thread-safe.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace provcheck::core {

// Code points of context kept on each side of a quote (as Hypothesis does).
inline constexpr std::size_t k_context_chars = 32;

// Start offsets of every occurrence of `needle` in `hay` (overlapping
// allowed), at most `limit` of them.
std::vector<std::size_t> find_all(std::string_view hay, std::string_view needle, std::size_t limit = 1000);

// The up to k_context_chars code points before `begin` / after `end`.
std::string context_before(std::string_view text, std::size_t begin, std::size_t chars = k_context_chars);
std::string context_after(std::string_view text, std::size_t end, std::size_t chars = k_context_chars);

// 1-based line of a byte offset.
int line_of(std::string_view text, std::size_t offset);

// A one-line excerpt of text[begin, end) for messages, at most `max_bytes`
// long, whitespace collapsed, cut at code point boundaries.
std::string excerpt(std::string_view text, std::size_t begin, std::size_t end, std::size_t max_bytes = 80);

}  // namespace provcheck::core
