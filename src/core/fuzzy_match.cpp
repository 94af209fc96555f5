#include "core/fuzzy_match.h"

#include <algorithm>
#include <string>

#include "core/text_search.h"

namespace provcheck::core {

Pattern::Masks Pattern::build(std::string_view p) {
  Masks m;
  m.blocks = (p.size() + 63) / 64;
  m.eq.assign(256 * m.blocks, 0);
  for (std::size_t i = 0; i < p.size(); ++i) {
    m.eq[static_cast<unsigned char>(p[i]) * m.blocks + i / 64] |= std::uint64_t{1} << (i % 64);
  }
  return m;
}

Pattern::Pattern(std::string_view pattern) : m_size(pattern.size()), m_fwd(build(pattern)) {
  std::string reversed(pattern.rbegin(), pattern.rend());
  m_rev = build(reversed);
}

// Hyyrö's block form of Myers' algorithm (as in edlib's calculateBlock):
// per block, vertical deltas Pv/Mv; the horizontal delta hin carries
// between blocks. Only the pattern's last row is read, so padding bits of
// the last block never matter (carries only run upwards).
template <class F>
void Pattern::scan(const Masks& masks, std::string_view text, bool free_start, F&& at) const {
  const std::size_t blocks = masks.blocks;
  if (blocks == 0) {
    for (std::size_t j = 0; j < text.size(); ++j) at(j, free_start ? std::size_t{0} : j + 1);
    return;
  }
  std::vector<std::uint64_t> pv(blocks, ~std::uint64_t{0}), mv(blocks, 0);
  const std::uint64_t last_bit = std::uint64_t{1} << ((m_size - 1) % 64);
  std::size_t score = m_size;  // D[m][0]
  for (std::size_t j = 0; j < text.size(); ++j) {
    const std::uint64_t* eqs = &masks.eq[static_cast<unsigned char>(text[j]) * blocks];
    int hin = free_start ? 0 : 1;  // the top row: 0 everywhere, or j
    for (std::size_t b = 0; b < blocks; ++b) {
      std::uint64_t eq = eqs[b];
      std::uint64_t p = pv[b], mm = mv[b];
      std::uint64_t xv = eq | mm;
      if (hin < 0) eq |= 1;
      std::uint64_t xh = (((eq & p) + p) ^ p) | eq;
      std::uint64_t ph = mm | ~(xh | p);
      std::uint64_t mh = p & xh;
      const std::uint64_t top = b + 1 == blocks ? last_bit : std::uint64_t{1} << 63;
      int hout = (ph & top) ? 1 : (mh & top) ? -1 : 0;
      ph <<= 1;
      mh <<= 1;
      if (hin < 0) mh |= 1;
      else if (hin > 0) ph |= 1;
      pv[b] = mh | ~(xv | ph);
      mv[b] = ph & xv;
      hin = hout;
    }
    score = static_cast<std::size_t>(static_cast<std::ptrdiff_t>(score) + hin);
    at(j, score);
  }
}

std::size_t Pattern::distance_to(std::string_view text) const {
  if (text.empty()) return m_size;
  std::size_t d = m_size;
  scan(m_fwd, text, false, [&d](std::size_t, std::size_t score) { d = score; });
  return d;
}

Alignment Pattern::align_in_window(std::string_view text, std::size_t from, std::size_t to) const {
  to = std::min(to, text.size());
  from = std::min(from, to);
  std::string_view t = text.substr(from, to - from);
  Alignment best{from, from, m_size};
  scan(m_fwd, t, true, [&best, from](std::size_t j, std::size_t d) {
    if (d < best.distance) best = {from, from + j + 1, d};
  });
  if (best.end == from) return best;  // nothing better than matching no text at all
  // The start: scan backwards from the end with the reversed pattern, the
  // end fixed; the first (latest) start that reaches the best distance.
  std::string reversed(t.substr(0, best.end - from));
  std::reverse(reversed.begin(), reversed.end());
  std::size_t len = 0;
  bool found = false;
  scan(m_rev, reversed, false, [&](std::size_t j, std::size_t d) {
    if (!found && d == best.distance) {
      len = j + 1;
      found = true;
    }
  });
  best.begin = found ? best.end - len : from;
  return best;
}

Alignment align_in_window(std::string_view pattern, std::string_view text, std::size_t from, std::size_t to) {
  return Pattern(pattern).align_in_window(text, from, to);
}

std::vector<std::size_t> candidate_starts(std::string_view pattern, std::string_view text,
                                          const std::vector<std::size_t>& anchors, std::size_t slack) {
  std::vector<std::size_t> starts(anchors.begin(), anchors.end());
  std::size_t m = pattern.size();
  std::size_t g = std::clamp<std::size_t>(m / 4, 4, 12);
  if (m >= g) {
    std::size_t pieces = std::min<std::size_t>(8, m / g);
    for (std::size_t k = 0; k < pieces; ++k) {
      std::size_t off = pieces == 1 ? 0 : k * (m - g) / (pieces - 1);
      for (std::size_t at : find_all(text, pattern.substr(off, g), 24)) starts.push_back(at >= off ? at - off : 0);
    }
  }
  std::sort(starts.begin(), starts.end());
  std::vector<std::size_t> merged;
  for (std::size_t s : starts) {
    if (merged.empty() || s > merged.back() + slack) merged.push_back(s);
  }
  // Keep the places most pieces agreed on when there are too many.
  if (merged.size() > k_max_windows) {
    std::vector<std::pair<std::size_t, std::size_t>> votes;  // (count, start)
    for (std::size_t s : merged) {
      auto lo = std::lower_bound(starts.begin(), starts.end(), s);
      auto hi = std::upper_bound(starts.begin(), starts.end(), s + slack);
      votes.push_back({static_cast<std::size_t>(hi - lo), s});
    }
    std::stable_sort(votes.begin(), votes.end(), [](auto& a, auto& b) { return a.first > b.first; });
    merged.clear();
    for (std::size_t i = 0; i < k_max_windows; ++i) merged.push_back(votes[i].second);
    std::sort(merged.begin(), merged.end());
  }
  return merged;
}

}  // namespace provcheck::core
