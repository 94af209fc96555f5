#include "core/text_search.h"

#include <algorithm>
#include <cstring>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif
#include <functional>

#include "util/utf8.h"

namespace provcheck::core {

namespace {

// The next occurrence of needle in hay at or after pos, or npos. On x86-64
// the SSE2 filter of Wojciech Muła's "SIMD-friendly algorithms for substring
// searching": sixteen places at a time are tested for the needle's first
// and last byte together, and only where both match is the middle compared.
// On prose that is several times faster than glibc's memmem, whose
// per-position hashing dominated a drift check's searches.
std::size_t find_from(std::string_view hay, std::string_view needle, std::size_t pos) {
  const std::size_t n = needle.size();
  if (n == 0 || pos + n > hay.size()) return std::string_view::npos;
#if defined(__SSE2__)
  if (n >= 2) {
    const __m128i first = _mm_set1_epi8(needle[0]);
    const __m128i last = _mm_set1_epi8(needle[n - 1]);
    const char* base = hay.data();
    std::size_t i = pos;
    for (; i + n - 1 + 16 <= hay.size(); i += 16) {
      __m128i block_first = _mm_loadu_si128(reinterpret_cast<const __m128i*>(base + i));
      __m128i block_last = _mm_loadu_si128(reinterpret_cast<const __m128i*>(base + i + n - 1));
      auto mask = static_cast<unsigned>(
          _mm_movemask_epi8(_mm_and_si128(_mm_cmpeq_epi8(first, block_first), _mm_cmpeq_epi8(last, block_last))));
      while (mask) {
        unsigned bit = static_cast<unsigned>(__builtin_ctz(mask));
        if (std::memcmp(base + i + bit + 1, needle.data() + 1, n - 2) == 0) return i + bit;
        mask &= mask - 1;
      }
    }
    pos = i;
    if (pos + n > hay.size()) return std::string_view::npos;
  }
#endif
  const void* hit = ::memmem(hay.data() + pos, hay.size() - pos, needle.data(), n);
  return hit ? static_cast<std::size_t>(static_cast<const char*>(hit) - hay.data()) : std::string_view::npos;
}

}  // namespace

std::vector<std::size_t> find_all(std::string_view hay, std::string_view needle, std::size_t limit) {
  std::vector<std::size_t> out;
  if (needle.empty() || needle.size() > hay.size()) return out;
  std::size_t pos = 0;
  while (out.size() < limit) {
    std::size_t at = find_from(hay, needle, pos);
    if (at == std::string_view::npos) break;
    out.push_back(at);
    pos = at + 1;
  }
  return out;
}

namespace {
bool is_continuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }
}  // namespace

std::string context_before(std::string_view text, std::size_t begin, std::size_t chars) {
  std::size_t pos = std::min(begin, text.size());
  std::size_t count = 0;
  while (pos > 0 && count < chars) {
    --pos;
    for (int back = 0; back < 3 && pos > 0 && is_continuation(text[pos]); ++back) --pos;
    ++count;
  }
  return std::string(text.substr(pos, begin - pos));
}

std::string context_after(std::string_view text, std::size_t end, std::size_t chars) {
  std::size_t pos = std::min(end, text.size());
  std::size_t count = 0;
  while (pos < text.size() && count < chars) {
    pos += util::decode_utf8(text, pos).length;
    ++count;
  }
  return std::string(text.substr(end, pos - end));
}

int line_of(std::string_view text, std::size_t offset) {
  offset = std::min(offset, text.size());
  return 1 + static_cast<int>(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(offset), '\n'));
}

std::string excerpt(std::string_view text, std::size_t begin, std::size_t end, std::size_t max_bytes) {
  begin = std::min(begin, text.size());
  end = std::clamp(end, begin, text.size());
  std::string out;
  bool space = false;
  std::size_t pos = begin;
  while (pos < end) {
    util::Decoded d = util::decode_utf8(text, pos);
    bool ws = d.codepoint == ' ' || d.codepoint == '\n' || d.codepoint == '\t' || d.codepoint == '\r';
    if (ws) {
      space = !out.empty();
    } else {
      if (space) out.push_back(' ');
      space = false;
      if (out.size() + d.length > max_bytes) {
        out += "…";
        break;
      }
      if (d.valid) out.append(text.substr(pos, d.length));
      else util::append_utf8(out, util::k_replacement);
    }
    pos += d.length;
  }
  return out;
}

}  // namespace provcheck::core
