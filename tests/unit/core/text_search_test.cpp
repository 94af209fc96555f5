#include "core/text_search.h"

#include <gtest/gtest.h>

#include <random>
#include <string>

namespace provcheck::core {
namespace {

std::vector<std::size_t> naive(const std::string& hay, const std::string& needle, std::size_t limit) {
  std::vector<std::size_t> out;
  if (needle.empty()) return out;
  for (std::size_t i = 0; i + needle.size() <= hay.size() && out.size() < limit; ++i) {
    if (hay.compare(i, needle.size(), needle) == 0) out.push_back(i);
  }
  return out;
}

// The SIMD filter must agree with the plain definition everywhere: at the
// start, across 16-byte blocks, in the tail, for needles of 1 to 40 bytes,
// overlapping matches included.
TEST(TextSearch, FindAllAgreesWithANaiveSearch) {
  std::mt19937 rng(5);
  for (int round = 0; round < 400; ++round) {
    std::string hay;
    std::size_t len = rng() % 200;
    for (std::size_t i = 0; i < len; ++i) hay += "ab a"[rng() % 4];
    std::size_t n = 1 + rng() % 40;
    std::string needle;
    if (len > 0 && rng() % 2) {
      std::size_t at = rng() % len;
      needle = hay.substr(at, n);
    } else {
      for (std::size_t i = 0; i < n; ++i) needle += "ab a"[rng() % 4];
    }
    EXPECT_EQ(find_all(hay, needle, 1000), naive(hay, needle, 1000)) << "hay=" << hay << " needle=" << needle;
    EXPECT_EQ(find_all(hay, needle, 2), naive(hay, needle, 2));
  }
  EXPECT_EQ(find_all("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "aa", 100).size(), 36u);
  EXPECT_TRUE(find_all("short", "longer than the text", 10).empty());
}

}  // namespace
}  // namespace provcheck::core
