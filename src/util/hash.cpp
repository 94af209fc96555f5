#include "util/hash.h"

#define XXH_INLINE_ALL
#include <xxhash.h>


namespace provcheck::util {
std::string hex64(std::uint64_t v) {
  static constexpr char k_digits[] = "0123456789abcdef";
  std::string s(16, '0');
  for (int i = 15; i >= 0; --i, v >>= 4) s[static_cast<std::size_t>(i)] = k_digits[v & 0xF];
  return s;
}

namespace {

std::string digest128(XXH128_hash_t h) {
  return std::string(k_xxh3_128) + ":" + hex64(h.high64) + hex64(h.low64);
}

}  // namespace

std::uint64_t xxh3_64(std::string_view bytes) { return XXH3_64bits(bytes.data(), bytes.size()); }

std::string xxh3_64_digest(std::string_view bytes) {
  return std::string(k_xxh3_64) + ":" + hex64(xxh3_64(bytes));
}

std::string xxh3_128_digest(std::string_view bytes) {
  return digest128(XXH3_128bits(bytes.data(), bytes.size()));
}

Xxh3_128Stream::Xxh3_128Stream() : m_state(XXH3_createState()) {
  XXH3_128bits_reset(static_cast<XXH3_state_t*>(m_state));
}

Xxh3_128Stream::~Xxh3_128Stream() { XXH3_freeState(static_cast<XXH3_state_t*>(m_state)); }

void Xxh3_128Stream::update(std::string_view bytes) {
  XXH3_128bits_update(static_cast<XXH3_state_t*>(m_state), bytes.data(), bytes.size());
}

std::string Xxh3_128Stream::digest() const {
  return digest128(XXH3_128bits_digest(static_cast<XXH3_state_t*>(m_state)));
}

Xxh3_64Stream::Xxh3_64Stream() : m_state(XXH3_createState()) {
  XXH3_64bits_reset(static_cast<XXH3_state_t*>(m_state));
}

Xxh3_64Stream::~Xxh3_64Stream() { XXH3_freeState(static_cast<XXH3_state_t*>(m_state)); }

void Xxh3_64Stream::update(std::string_view bytes) {
  XXH3_64bits_update(static_cast<XXH3_state_t*>(m_state), bytes.data(), bytes.size());
}

std::uint64_t Xxh3_64Stream::digest() const { return XXH3_64bits_digest(static_cast<XXH3_state_t*>(m_state)); }

std::optional<ParsedDigest> parse_digest(std::string_view digest) {
  auto colon = digest.rfind(':');
  if (colon == std::string_view::npos || colon == 0 || colon + 1 >= digest.size()) return std::nullopt;
  std::string_view hex = digest.substr(colon + 1);
  for (char c : hex) {
    bool ok = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
    if (!ok) return std::nullopt;
  }
  return ParsedDigest{std::string(digest.substr(0, colon)), std::string(hex)};
}

}  // namespace provcheck::util
