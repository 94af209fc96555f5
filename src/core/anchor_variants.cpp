#include "core/anchor_variants.h"

#include <algorithm>

#include "core/text_search.h"

namespace provcheck::core::anchor_variants {
namespace {

// Edit distance of `want` against the best-aligned start of `have`, where
// both are read from the quote's edge outwards (index 0 next to the quote)
// and `have` may run on past the end of `want` for free.
std::size_t edge_distance(std::string_view want, std::string_view have) {
  std::vector<std::size_t> prev(have.size() + 1), cur(have.size() + 1);
  for (std::size_t j = 0; j <= have.size(); ++j) prev[j] = j;
  for (std::size_t i = 1; i <= want.size(); ++i) {
    cur[0] = i;
    for (std::size_t j = 1; j <= have.size(); ++j) {
      std::size_t sub = prev[j - 1] + (want[i - 1] == have[j - 1] ? 0 : 1);
      cur[j] = std::min({sub, prev[j] + 1, cur[j - 1] + 1});
    }
    std::swap(prev, cur);
  }
  return *std::min_element(prev.begin(), prev.end());
}

}  // namespace

std::string despace(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char ch : s)
    if (ch != ' ') out.push_back(ch);
  return out;
}

std::vector<Span> spaceless_matches(const NormalizedText& norm, std::string_view nquote, std::size_t limit,
                                    std::size_t min_letters) {
  std::vector<Span> out;
  std::string q = despace(nquote);
  if (q.size() < min_letters || q.size() == nquote.size()) return out;  // one word: nothing to lose or gain
  std::string flat;
  std::vector<std::size_t> pos;  // index in norm.text of each byte of flat
  flat.reserve(norm.text.size());
  pos.reserve(norm.text.size());
  for (std::size_t i = 0; i < norm.text.size(); ++i) {
    if (norm.text[i] == ' ') continue;
    flat.push_back(norm.text[i]);
    pos.push_back(i);
  }
  for (std::size_t at : find_all(flat, q, limit)) {
    std::size_t b = pos[at], e = pos[at + q.size() - 1] + 1;
    if (std::string_view(norm.text).substr(b, e - b) == nquote) continue;  // spaced alike: the other stages' business
    auto span = norm.to_original(b, e);
    out.push_back({span.begin, span.end});
  }
  return out;
}

std::size_t context_distance(std::string_view text, std::uint64_t before, std::uint64_t after,
                             std::string_view want_prefix, std::string_view want_suffix) {
  std::string wp = despace(want_prefix), ws = despace(want_suffix);
  std::string hp = despace(normalize(context_before(text, before, k_context_chars * 2)));
  std::string hs = despace(normalize(context_after(text, after, k_context_chars * 2)));
  std::reverse(wp.begin(), wp.end());
  std::reverse(hp.begin(), hp.end());
  return edge_distance(wp, hp) + edge_distance(ws, hs);
}

}  // namespace provcheck::core::anchor_variants
