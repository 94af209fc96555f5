#include "core/fuzzy_match.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <string>
#include <vector>

namespace provcheck::core {
namespace {

// Reference: the textbook dynamic programmes the bit-parallel code replaces.
std::size_t reference_distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> prev(b.size() + 1), cur(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) prev[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    cur[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
    }
    std::swap(prev, cur);
  }
  return prev[b.size()];
}

// Semi-global: least distance of p against any substring of t, and the leftmost end giving it.
std::pair<std::size_t, std::size_t> reference_best_end(std::string_view p, std::string_view t) {
  std::vector<std::size_t> prev(t.size() + 1, 0), cur(t.size() + 1);
  for (std::size_t i = 1; i <= p.size(); ++i) {
    cur[0] = i;
    for (std::size_t j = 1; j <= t.size(); ++j) {
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (p[i - 1] == t[j - 1] ? 0 : 1)});
    }
    std::swap(prev, cur);
  }
  std::size_t best = p.size(), end = 0;
  for (std::size_t j = 1; j <= t.size(); ++j) {
    if (prev[j] < best) best = prev[j], end = j;
  }
  return {best, end};
}

std::string random_text(std::mt19937& rng, std::size_t n, const std::string& alphabet) {
  std::string s;
  for (std::size_t i = 0; i < n; ++i) s += alphabet[rng() % alphabet.size()];
  return s;
}

std::string mutate(std::mt19937& rng, std::string s, int edits, const std::string& alphabet) {
  for (int e = 0; e < edits && !s.empty(); ++e) {
    std::size_t at = rng() % s.size();
    switch (rng() % 3) {
      case 0: s[at] = alphabet[rng() % alphabet.size()]; break;
      case 1: s.erase(at, 1); break;
      default: s.insert(at, 1, alphabet[rng() % alphabet.size()]);
    }
  }
  return s;
}

TEST(FuzzyMatch, DistanceMatchesTheDynamicProgrammeAcrossBlockSizes) {
  std::mt19937 rng(42);
  const std::string alphabet = "abcde ,.";
  for (std::size_t m : {1u, 5u, 63u, 64u, 65u, 127u, 128u, 129u, 200u, 300u}) {
    for (int round = 0; round < 20; ++round) {
      std::string p = random_text(rng, m, alphabet);
      std::string t = mutate(rng, p, static_cast<int>(rng() % (m / 3 + 2)), alphabet);
      EXPECT_EQ(Pattern(p).distance_to(t), reference_distance(p, t)) << "m=" << m;
    }
  }
  EXPECT_EQ(Pattern("abc").distance_to(""), 3u);
}

TEST(FuzzyMatch, WindowAlignmentFindsTheBestEndAndAStartThatGivesItsDistance) {
  std::mt19937 rng(7);
  const std::string alphabet = "abcdefgh ";
  for (std::size_t m : {8u, 40u, 64u, 65u, 150u}) {
    for (int round = 0; round < 20; ++round) {
      std::string p = random_text(rng, m, alphabet);
      std::string t = random_text(rng, 50, alphabet) + mutate(rng, p, static_cast<int>(m / 10), alphabet) +
                      random_text(rng, 50, alphabet);
      Alignment a = Pattern(p).align_in_window(t, 10, t.size() - 5);
      auto [best, end] = reference_best_end(p, std::string_view(t).substr(10, t.size() - 15));
      EXPECT_EQ(a.distance, best) << "m=" << m;
      EXPECT_EQ(a.end, 10 + end) << "m=" << m;
      EXPECT_EQ(reference_distance(p, std::string_view(t).substr(a.begin, a.end - a.begin)), a.distance);
    }
  }
}

TEST(FuzzyMatch, AnEditedSentenceIsFoundWhereItIs) {
  std::string text = "Intro line. The agency said some 4,500 families were evacuated overnight. Outro.";
  Alignment a = align_in_window("The agency said some 4,000 families were evacuated overnight.", text, 0, text.size());
  EXPECT_EQ(text.substr(a.begin, a.end - a.begin), "The agency said some 4,500 families were evacuated overnight.");
  EXPECT_EQ(a.distance, 1u);
}

}  // namespace
}  // namespace provcheck::core
