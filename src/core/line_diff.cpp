#include "core/line_diff.h"

#include <algorithm>
#include <cstdint>

#include "util/hash.h"

namespace provcheck::core {
namespace {

struct Line {
  std::size_t begin;
  std::size_t end;  // including the newline
  std::uint64_t hash;
};

std::vector<Line> split_lines(std::string_view text) {
  std::vector<Line> out;
  std::size_t i = 0;
  while (i < text.size()) {
    std::size_t nl = text.find('\n', i);
    std::size_t e = nl == std::string_view::npos ? text.size() : nl + 1;
    out.push_back({i, e, util::xxh3_64(text.substr(i, e - i))});
    i = e;
  }
  return out;
}

// Myers' greedy forward search; returns the matched pairs (i, j) of the
// longest common subsequence of a[0..n) and b[0..m), or nothing when the
// edit distance exceeds max_d.
bool myers(const std::vector<std::uint64_t>& a, const std::vector<std::uint64_t>& b, std::size_t max_d,
           std::vector<std::pair<std::size_t, std::size_t>>& pairs) {
  const std::ptrdiff_t n = static_cast<std::ptrdiff_t>(a.size()), m = static_cast<std::ptrdiff_t>(b.size());
  const std::ptrdiff_t limit = std::min<std::ptrdiff_t>(n + m, static_cast<std::ptrdiff_t>(max_d));
  const std::ptrdiff_t off = limit + 1;
  std::vector<std::ptrdiff_t> v(static_cast<std::size_t>(2 * limit + 3), 0);
  std::vector<std::vector<std::ptrdiff_t>> trace;
  for (std::ptrdiff_t d = 0; d <= limit; ++d) {
    // V as it stood before round d, for k in [-d, d]: O(D^2) memory in all.
    trace.emplace_back(v.begin() + (off - d), v.begin() + (off + d + 1));
    for (std::ptrdiff_t k = -d; k <= d; k += 2) {
      std::ptrdiff_t x = (k == -d || (k != d && v[off + k - 1] < v[off + k + 1])) ? v[off + k + 1] : v[off + k - 1] + 1;
      std::ptrdiff_t y = x - k;
      while (x < n && y < m && a[x] == b[y]) ++x, ++y;
      v[off + k] = x;
      if (x >= n && y >= m) {
        // Walk back through the trace to recover the snakes.
        std::ptrdiff_t cx = n, cy = m;
        for (std::ptrdiff_t dd = d; dd > 0; --dd) {
          const std::vector<std::ptrdiff_t>& tv = trace[static_cast<std::size_t>(dd)];
          auto pv = [&tv, dd](std::ptrdiff_t kk) { return tv[static_cast<std::size_t>(kk + dd)]; };
          std::ptrdiff_t ck = cx - cy;
          bool down = ck == -dd || (ck != dd && pv(ck - 1) < pv(ck + 1));
          std::ptrdiff_t pk = down ? ck + 1 : ck - 1;
          std::ptrdiff_t px = pv(pk), py = px - pk;
          std::ptrdiff_t sx = down ? px : px + 1;
          std::ptrdiff_t sy = sx - ck;
          while (cx > sx && cy > sy) pairs.emplace_back(static_cast<std::size_t>(--cx), static_cast<std::size_t>(--cy));
          cx = px;
          cy = py;
        }
        while (cx > 0 && cy > 0) pairs.emplace_back(static_cast<std::size_t>(--cx), static_cast<std::size_t>(--cy));
        std::reverse(pairs.begin(), pairs.end());
        return true;
      }
    }
  }
  return false;
}

LineSpan span_of(const std::vector<Line>& lines, std::size_t first, std::size_t count, std::size_t text_size) {
  LineSpan s;
  s.first_line = first;
  s.lines = count;
  s.begin = first < lines.size() ? lines[first].begin : text_size;
  s.end = count ? lines[first + count - 1].end : s.begin;
  return s;
}

}  // namespace

std::vector<DiffHunk> line_diff(std::string_view old_text, std::string_view new_text, std::size_t max_edits) {
  std::vector<Line> a = split_lines(old_text), b = split_lines(new_text);
  std::size_t head = 0;
  while (head < a.size() && head < b.size() && a[head].hash == b[head].hash) ++head;
  std::size_t tail = 0;
  while (tail < a.size() - head && tail < b.size() - head &&
         a[a.size() - 1 - tail].hash == b[b.size() - 1 - tail].hash) {
    ++tail;
  }
  std::vector<std::uint64_t> ha, hb;
  for (std::size_t i = head; i < a.size() - tail; ++i) ha.push_back(a[i].hash);
  for (std::size_t i = head; i < b.size() - tail; ++i) hb.push_back(b[i].hash);
  std::vector<std::pair<std::size_t, std::size_t>> pairs;
  if (!myers(ha, hb, max_edits, pairs)) pairs.clear();  // one replaced block
  pairs.emplace_back(ha.size(), hb.size());               // sentinel
  std::vector<DiffHunk> out;
  std::size_t i = 0, j = 0;
  for (auto [pi, pj] : pairs) {
    if (pi > i || pj > j) {
      out.push_back({span_of(a, head + i, pi - i, old_text.size()), span_of(b, head + j, pj - j, new_text.size())});
    }
    i = pi + 1;
    j = pj + 1;
  }
  return out;
}

}  // namespace provcheck::core
