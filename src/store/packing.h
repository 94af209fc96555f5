#pragma once
// Little-endian packing for the store's blob rows (the stat cache): a
// count, then fixed 64-bit integers and length-prefixed strings. The
// Unpacker never reads past its input; a short or damaged blob turns
// ok() false, which the store reports as corruption. Pure.

#include <cstdint>
#include <string>
#include <string_view>

namespace provcheck::store {

void put_u64(std::string& out, std::uint64_t v);
void put_str(std::string& out, std::string_view s);

class Unpacker {
 public:
  explicit Unpacker(std::string_view data) : m_data(data) {}
  explicit Unpacker(std::string&&) = delete;  // would view a temporary
  bool ok() const { return m_ok; }
  std::uint64_t u64();
  std::string str();

 private:
  std::string_view m_data;
  std::size_t m_pos = 0;
  bool m_ok = true;
};

}  // namespace provcheck::store
