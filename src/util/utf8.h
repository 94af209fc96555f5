#pragma once
// UTF-8 decoding that never moves offsets: an invalid byte decodes as
// U+FFFD with length 1, so every byte of the input keeps its offset. Pure,
// thread-safe.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace provcheck::util {

inline constexpr char32_t k_replacement = 0xFFFD;

struct Decoded {
  char32_t codepoint;
  std::uint32_t length;  // bytes consumed, 1..4
  bool valid;
};

// Decodes the code point at `pos` (pos < bytes.size()).
Decoded decode_utf8(std::string_view bytes, std::size_t pos);
void append_utf8(std::string& out, char32_t cp);

struct Utf8Report {
  std::size_t invalid_sequences = 0;
  std::size_t first_invalid_offset = 0;  // meaningful when invalid_sequences > 0
  std::size_t nul_bytes = 0;
};
Utf8Report check_utf8(std::string_view bytes);

// True when bytes look like a binary file: a NUL byte, or more than 5% of
// the first 64 KiB invalid as UTF-8.
bool looks_binary(std::string_view bytes);

// Moves `pos` back to the start of the code point containing it.
std::size_t utf8_floor(std::string_view bytes, std::size_t pos);

// Code points in `bytes`, counted as decode_utf8 steps through them (an
// invalid byte is one). W3C TextPositionSelectors count these.
std::size_t count_code_points(std::string_view bytes);
// The byte offset of the code point numbered `n` (from 0); bytes.size()
// when `n` is at or past the end.
std::size_t byte_offset_of_code_point(std::string_view bytes, std::size_t n);

}  // namespace provcheck::util
