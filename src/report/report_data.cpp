#include "report/report_data.h"

#include <algorithm>

namespace provcheck::report {
namespace {

bool continuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }
bool space(char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r'; }

}  // namespace

std::string window_key(const std::string& claim, int index) { return claim + "#" + std::to_string(index); }

PassageWindow make_window(std::string_view text, std::uint64_t start, std::uint64_t end, std::size_t radius) {
  std::size_t n = text.size();
  std::size_t b = static_cast<std::size_t>(std::min<std::uint64_t>(start, n));
  std::size_t e = static_cast<std::size_t>(std::clamp<std::uint64_t>(end, b, n));
  while (b > 0 && b < n && continuation(text[b])) --b;
  while (e < n && continuation(text[e])) ++e;
  std::size_t lo = b > radius ? b - radius : 0;
  std::size_t hi = std::min(n, e + radius);
  while (lo > 0 && continuation(text[lo])) --lo;
  while (hi < n && continuation(text[hi])) ++hi;
  // Start and end on a word boundary when one is near, so no word is shown cut.
  if (lo > 0 && !space(text[lo - 1]) && !space(text[lo])) {
    std::size_t w = lo;
    while (w < b && !space(text[w])) ++w;
    if (w < b) lo = w + 1;
  }
  if (hi < n && !space(text[hi]) && !space(text[hi - 1])) {
    std::size_t w = hi;
    while (w > e && !space(text[w - 1])) --w;
    if (w > e) hi = w - 1;
  }
  PassageWindow win;
  win.start = lo;
  win.before = std::string(text.substr(lo, b - lo));
  win.passage = std::string(text.substr(b, e - b));
  win.after = std::string(text.substr(e, hi - e));
  win.cut_before = lo > 0;
  win.cut_after = hi < n;
  return win;
}

std::vector<const core::CitationFinding*> failures_first(const core::CheckReport& report) {
  std::vector<const core::CitationFinding*> out;
  for (const core::CitationFinding& f : report.citations) {
    if (f.severity != core::Severity::ok) out.push_back(&f);
  }
  std::stable_sort(out.begin(), out.end(), [](const core::CitationFinding* a, const core::CitationFinding* b) {
    if (a->severity != b->severity) return a->severity > b->severity;
    int c = a->claim.compare(b->claim);
    return c != 0 ? c < 0 : a->index < b->index;
  });
  return out;
}

}  // namespace provcheck::report
