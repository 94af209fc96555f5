#include "core/span_map.h"

#include <algorithm>
#include <cctype>
#include <vector>

#include "core/line_diff.h"

namespace provcheck::core {
namespace {

bool word_byte(char ch) {
  auto u = static_cast<unsigned char>(ch);
  return std::isalnum(u) || u >= 0x80;
}

// Offset `off` of old piece `o` in new piece `n`: the parts both share at
// their start and end keep their places; the changed middle maps onto what
// replaced it.
std::size_t within(std::string_view o, std::string_view n, std::size_t off, bool is_end) {
  std::size_t limit = std::min(o.size(), n.size()), p = 0, s = 0;
  while (p < limit && o[p] == n[p]) ++p;
  while (s < limit - p && o[o.size() - 1 - s] == n[n.size() - 1 - s]) ++s;
  if (off <= p) return off;
  if (off >= o.size() - s) return n.size() - (o.size() - off);
  return is_end ? n.size() - s : p;
}

// How many bytes two lines share at their start and at their end.
std::size_t shared_edges(std::string_view a, std::string_view b) {
  std::size_t limit = std::min(a.size(), b.size()), p = 0, s = 0;
  while (p < limit && a[p] == b[p]) ++p;
  while (s < limit - p && a[a.size() - 1 - s] == b[b.size() - 1 - s]) ++s;
  // A line break alone is not something shared.
  if (p + s > 0 && !a.empty() && a.back() == '\n' && s > 0) --s;
  return p + s;
}

// Maps old offset x; `is_end` picks the end of a changed middle, not its start.
std::size_t map_point(std::string_view old_text, std::string_view new_text, const std::vector<DiffHunk>& hunks,
                      std::size_t x, bool is_end) {
  std::ptrdiff_t delta = 0;
  for (std::size_t hi = 0; hi < hunks.size(); ++hi) {
    const DiffHunk& h = hunks[hi];
    std::size_t ob = h.old_lines.begin, oe = h.old_lines.end, nb = h.new_lines.begin, ne = h.new_lines.end;
    // A start at the block's first byte belongs to the block; an end there, before it.
    if (x < ob || (x == ob && (is_end || ob == oe))) break;
    if (x < oe) {
      // The old line holding x against the changed new line, in this block
      // or a neighbouring one (a diff may pair an edited line with an
      // inserted one), that shares most with it at its start and end: the
      // line edited in place. The whole block when no line shares enough.
      std::size_t ls = x == 0 ? std::string_view::npos : old_text.rfind('\n', x - 1);
      ls = (ls == std::string_view::npos || ls < ob) ? ob : ls + 1;
      if (x == ls && ls > ob && is_end) ls = x >= 2 ? old_text.rfind('\n', x - 2) + 1 : 0;  // an end at a line start ends the line before
      std::size_t le = old_text.find('\n', ls);
      le = le == std::string_view::npos ? old_text.size() : std::min(oe, le + 1);
      std::string_view old_line = old_text.substr(ls, le - ls);
      std::size_t best_b = 0, best_e = 0, best_shared = 0;
      for (std::size_t k = hi > 0 ? hi - 1 : 0; k < std::min(hunks.size(), hi + 2); ++k) {
        for (std::size_t lb = hunks[k].new_lines.begin; lb < hunks[k].new_lines.end;) {
          std::size_t lend = new_text.find('\n', lb);
          lend = lend == std::string_view::npos ? new_text.size() : std::min(hunks[k].new_lines.end, lend + 1);
          std::string_view line = new_text.substr(lb, lend - lb);
          std::size_t shared = shared_edges(old_line, line);
          if (shared > best_shared && shared * 4 >= std::min(old_line.size(), line.size())) {
            best_shared = shared;
            best_b = lb;
            best_e = lend;
          }
          lb = lend;
        }
      }
      if (best_shared > 0) return best_b + within(old_line, new_text.substr(best_b, best_e - best_b), x - ls, is_end);
      return nb + within(old_text.substr(ob, oe - ob), new_text.substr(nb, ne - nb), x - ob, is_end);
    }
    delta = static_cast<std::ptrdiff_t>(ne) - static_cast<std::ptrdiff_t>(oe);
  }
  auto y = static_cast<std::ptrdiff_t>(x) + delta;
  return static_cast<std::size_t>(std::clamp<std::ptrdiff_t>(y, 0, static_cast<std::ptrdiff_t>(new_text.size())));
}

}  // namespace

MappedSpan map_span(std::string_view old_text, std::string_view new_text, std::size_t begin, std::size_t end) {
  begin = std::min(begin, old_text.size());
  end = std::clamp(end, begin, old_text.size());
  std::vector<DiffHunk> hunks = line_diff(old_text, new_text);
  MappedSpan m{map_point(old_text, new_text, hunks, begin, false), map_point(old_text, new_text, hunks, end, true)};
  if (m.end < m.begin) m.end = m.begin;
  // Whole words, and no spaces at the edges.
  while (m.begin > 0 && m.begin < new_text.size() && word_byte(new_text[m.begin - 1]) && word_byte(new_text[m.begin])) --m.begin;
  while (m.end > m.begin && m.end < new_text.size() && word_byte(new_text[m.end - 1]) && word_byte(new_text[m.end])) ++m.end;
  while (m.begin < m.end && std::isspace(static_cast<unsigned char>(new_text[m.begin]))) ++m.begin;
  while (m.end > m.begin && std::isspace(static_cast<unsigned char>(new_text[m.end - 1]))) --m.end;
  return m;
}

}  // namespace provcheck::core
