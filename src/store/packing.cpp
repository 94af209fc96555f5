#include "store/packing.h"

namespace provcheck::store {

void put_u64(std::string& out, std::uint64_t v) {
  char b[8];
  for (int i = 0; i < 8; ++i) b[i] = static_cast<char>((v >> (8 * i)) & 0xFF);
  out.append(b, 8);
}

void put_str(std::string& out, std::string_view s) {
  put_u64(out, s.size());
  out.append(s);
}

std::uint64_t Unpacker::u64() {
  if (m_pos + 8 > m_data.size()) {
    m_ok = false;
    return 0;
  }
  std::uint64_t v = 0;
  for (int i = 0; i < 8; ++i) {
    v |= static_cast<std::uint64_t>(static_cast<unsigned char>(m_data[m_pos + static_cast<std::size_t>(i)])) << (8 * i);
  }
  m_pos += 8;
  return v;
}

std::string Unpacker::str() {
  std::uint64_t n = u64();
  if (!m_ok || n > m_data.size() - m_pos) {
    m_ok = false;
    return {};
  }
  std::string s(m_data.substr(m_pos, n));
  m_pos += n;
  return s;
}

}  // namespace provcheck::store
