#include "core/fuzzy_match.h"

#include <algorithm>

#include "core/text_search.h"

namespace provcheck::core {

Alignment align_in_window(std::string_view p, std::string_view text, std::size_t from, std::size_t to) {
  to = std::min(to, text.size());
  from = std::min(from, to);
  std::string_view t = text.substr(from, to - from);
  std::size_t m = p.size(), n = t.size();
  // cost[j] / start[j]: best distance of p[0, i) ending at t[j), and where it began.
  std::vector<std::size_t> cost(n + 1, 0), start(n + 1), prev_cost(n + 1), prev_start(n + 1);
  for (std::size_t j = 0; j <= n; ++j) start[j] = j;
  for (std::size_t i = 1; i <= m; ++i) {
    std::swap(cost, prev_cost);
    std::swap(start, prev_start);
    cost[0] = i;
    start[0] = 0;
    for (std::size_t j = 1; j <= n; ++j) {
      std::size_t diag = prev_cost[j - 1] + (p[i - 1] == t[j - 1] ? 0 : 1);
      std::size_t up = prev_cost[j] + 1;     // a quote character missing from the text
      std::size_t left = cost[j - 1] + 1;    // an extra character in the text
      if (diag <= up && diag <= left) {
        cost[j] = diag;
        start[j] = prev_start[j - 1];
      } else if (up <= left) {
        cost[j] = up;
        start[j] = prev_start[j];
      } else {
        cost[j] = left;
        start[j] = start[j - 1];
      }
    }
  }
  Alignment best{from, from, m};
  for (std::size_t j = 0; j <= n; ++j) {
    if (cost[j] < best.distance || (cost[j] == best.distance && best.end == from)) {
      best = {from + start[j], from + j, cost[j]};
    }
  }
  return best;
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
