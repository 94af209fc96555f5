#include "util/utf8.h"

#include <cstring>

namespace provcheck::util {

Decoded decode_utf8(std::string_view s, std::size_t pos) {
  auto b0 = static_cast<unsigned char>(s[pos]);
  if (b0 < 0x80) return {b0, 1, true};
  std::uint32_t need;
  char32_t cp;
  char32_t min;
  if (b0 >= 0xC2 && b0 <= 0xDF) { need = 1; cp = b0 & 0x1F; min = 0x80; }
  else if (b0 >= 0xE0 && b0 <= 0xEF) { need = 2; cp = b0 & 0x0F; min = 0x800; }
  else if (b0 >= 0xF0 && b0 <= 0xF4) { need = 3; cp = b0 & 0x07; min = 0x10000; }
  else return {k_replacement, 1, false};
  if (pos + need >= s.size()) return {k_replacement, 1, false};  // truncated sequence
  for (std::uint32_t i = 1; i <= need; ++i) {
    auto b = static_cast<unsigned char>(s[pos + i]);
    if ((b & 0xC0) != 0x80) return {k_replacement, 1, false};
    cp = (cp << 6) | (b & 0x3F);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return {k_replacement, 1, false};
  return {cp, need + 1, true};
}

void append_utf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

Utf8Report check_utf8(std::string_view bytes) {
  Utf8Report r;
  std::size_t pos = 0;
  while (pos < bytes.size()) {
    // Fast path: eight ASCII bytes with no NUL at a time.
    if (pos + 8 <= bytes.size()) {
      std::uint64_t w;
      std::memcpy(&w, bytes.data() + pos, 8);
      bool ascii = (w & 0x8080808080808080ULL) == 0;
      bool has_zero = ((w - 0x0101010101010101ULL) & ~w & 0x8080808080808080ULL) != 0;
      if (ascii && !has_zero) {
        pos += 8;
        continue;
      }
    }
    if (bytes[pos] == '\0') ++r.nul_bytes;
    if (static_cast<unsigned char>(bytes[pos]) < 0x80) { ++pos; continue; }
    Decoded d = decode_utf8(bytes, pos);
    if (!d.valid) {
      if (r.invalid_sequences == 0) r.first_invalid_offset = pos;
      ++r.invalid_sequences;
    }
    pos += d.length;
  }
  return r;
}

bool looks_binary(std::string_view bytes) {
  std::string_view head = bytes.substr(0, 65536);
  if (head.find('\0') != std::string_view::npos) return true;
  if (head.empty()) return false;
  Utf8Report r = check_utf8(head);
  return r.invalid_sequences * 20 > head.size();
}

std::size_t utf8_floor(std::string_view bytes, std::size_t pos) {
  if (pos >= bytes.size()) return bytes.size();
  std::size_t p = pos;
  for (int i = 0; i < 3 && p > 0 && (static_cast<unsigned char>(bytes[p]) & 0xC0) == 0x80; ++i) --p;
  // Only accept the move when a valid sequence really starts there and covers pos.
  Decoded d = decode_utf8(bytes, p);
  if (d.valid && p + d.length > pos) return p;
  return pos;
}

std::size_t count_code_points(std::string_view bytes) {
  std::size_t n = 0;
  for (std::size_t i = 0; i < bytes.size(); ++n) {
    if (static_cast<unsigned char>(bytes[i]) < 0x80) {
      ++i;
    } else {
      i += decode_utf8(bytes, i).length;
    }
  }
  return n;
}

std::size_t byte_offset_of_code_point(std::string_view bytes, std::size_t n) {
  std::size_t i = 0;
  for (std::size_t k = 0; k < n && i < bytes.size(); ++k) {
    i += static_cast<unsigned char>(bytes[i]) < 0x80 ? 1 : decode_utf8(bytes, i).length;
  }
  return i;
}

}  // namespace provcheck::util
