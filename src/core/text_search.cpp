#include "core/text_search.h"

#include <algorithm>
#include <cstring>
#include <functional>

#include "util/utf8.h"

namespace provcheck::core {

std::vector<std::size_t> find_all(std::string_view hay, std::string_view needle, std::size_t limit) {
  std::vector<std::size_t> out;
  if (needle.empty() || needle.size() > hay.size()) return out;
  // glibc's memmem skips ahead on a hash of byte pairs, several times faster
  // than a first-byte memchr and memcmp loop on prose, where the first byte
  // of a quote is common.
  std::size_t pos = 0;
  while (out.size() < limit && pos + needle.size() <= hay.size()) {
    const void* hit = ::memmem(hay.data() + pos, hay.size() - pos, needle.data(), needle.size());
    if (!hit) break;
    std::size_t at = static_cast<std::size_t>(static_cast<const char*>(hit) - hay.data());
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
