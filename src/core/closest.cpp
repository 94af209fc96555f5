#include "core/closest.h"

#include <algorithm>
#include <cctype>

#include "core/fuzzy_match.h"

namespace provcheck::core {
namespace {

bool word_byte(char ch) {
  auto u = static_cast<unsigned char>(ch);
  return std::isalnum(u) || u >= 0x80;
}

}  // namespace

std::optional<ClosestPassage> closest_passage(const NormalizedText& norm, std::string_view nquote,
                                              double min_similarity) {
  std::string_view text = norm.text;
  std::size_t m = nquote.size();
  if (m == 0 || text.empty()) return std::nullopt;
  auto budget = static_cast<std::size_t>(static_cast<double>(m) * (1.0 - min_similarity)) + 1;
  const Pattern pattern(nquote);
  std::optional<ClosestPassage> best;
  for (std::size_t s : candidate_starts(nquote, text, {}, budget + 8)) {
    std::size_t from = s > budget + 8 ? s - budget - 8 : 0;
    Alignment a = pattern.align_in_window(text, from, std::min(text.size(), s + m + budget + 8));
    if (a.end <= a.begin) continue;
    // Whole words: a match that starts or ends inside a word shows the word.
    while (a.begin > 0 && word_byte(text[a.begin - 1]) && word_byte(text[a.begin])) --a.begin;
    while (a.end < text.size() && word_byte(text[a.end - 1]) && word_byte(text[a.end])) ++a.end;
    while (a.begin < a.end && text[a.begin] == ' ') ++a.begin;
    while (a.end > a.begin && text[a.end - 1] == ' ') --a.end;
    if (a.end <= a.begin) continue;
    std::size_t d = pattern.distance_to(text.substr(a.begin, a.end - a.begin));
    double sim = 1.0 - static_cast<double>(d) / static_cast<double>(std::max(m, a.end - a.begin));
    if (sim < min_similarity || (best && sim <= best->similarity)) continue;
    auto span = norm.to_original(a.begin, a.end);
    best = ClosestPassage{span.begin, span.end, sim};
  }
  return best;
}

std::string one_line_passage(std::string_view passage) {
  std::string out;
  bool space = false;
  for (char ch : passage) {
    if (ch == ' ' || ch == '\n' || ch == '\r' || ch == '\t') {
      space = !out.empty();
      continue;
    }
    if (space) out.push_back(' ');
    space = false;
    out.push_back(ch);
  }
  return out;
}

}  // namespace provcheck::core
