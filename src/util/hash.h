#pragma once
// Content digests over xxHash (XXH3). They detect change; they do not resist
// forgery: anyone can craft two texts with the same XXH3 digest. A Digest is
// always written with its algorithm ("xxh3-64:0123abcd..."), so a stored
// digest says how it was made. Pure functions, thread-safe.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace provcheck::util {

inline constexpr std::string_view k_xxh3_64 = "xxh3-64";
inline constexpr std::string_view k_xxh3_128 = "xxh3-128";

std::uint64_t xxh3_64(std::string_view bytes);

// "xxh3-64:" followed by 16 lowercase hex digits.
std::string xxh3_64_digest(std::string_view bytes);
// "xxh3-128:" followed by 32 lowercase hex digits (high half first, as xxhsum -H2 prints).
std::string xxh3_128_digest(std::string_view bytes);

// Streaming XXH3-128 for files read in chunks.
class Xxh3_128Stream {
 public:
  Xxh3_128Stream();
  ~Xxh3_128Stream();
  Xxh3_128Stream(const Xxh3_128Stream&) = delete;
  Xxh3_128Stream& operator=(const Xxh3_128Stream&) = delete;
  void update(std::string_view bytes);
  std::string digest() const;

 private:
  void* m_state;
};

// Streaming XXH3-64, for keys made of several parts.
class Xxh3_64Stream {
 public:
  Xxh3_64Stream();
  ~Xxh3_64Stream();
  Xxh3_64Stream(const Xxh3_64Stream&) = delete;
  Xxh3_64Stream& operator=(const Xxh3_64Stream&) = delete;
  void update(std::string_view bytes);
  std::uint64_t digest() const;

 private:
  void* m_state;
};

// 16 lowercase hex digits.
std::string hex64(std::uint64_t v);

// Splits "algo:hex" into its parts; nullopt when the shape is wrong.
struct ParsedDigest {
  std::string algorithm;
  std::string hex;
};
std::optional<ParsedDigest> parse_digest(std::string_view digest);

}  // namespace provcheck::util
