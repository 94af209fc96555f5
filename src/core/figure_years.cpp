// Dates without a year placed by the source's published date: "on December
// 11" in an article of 2016-12-13 is 2016-12-11; "next January" in it is
// 2017-01.
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <limits>
#include <optional>

#include "core/figure_text.h"
#include "core/figures.h"

namespace provcheck::core {
namespace {

using namespace figure_text;

struct Civil {
  int y = 0;
  unsigned m = 0;
  unsigned d = 0;
};

// "2016-12-13", "2016-12-13T10:00:00Z", "2016-12", "2016": the day a reader
// would take it for (the middle of a month or a year given alone).
std::optional<Civil> published_day(std::string_view p) {
  auto num = [&](std::size_t b, std::size_t n) -> int {
    if (p.size() < b + n) return -1;
    int v = 0;
    for (std::size_t i = b; i < b + n; ++i) {
      if (!is_digit(static_cast<unsigned char>(p[i]))) return -1;
      v = v * 10 + (p[i] - '0');
    }
    return v;
  };
  int y = num(0, 4);
  if (y < 1000) return std::nullopt;
  int m = p.size() >= 7 && p[4] == '-' ? num(5, 2) : -1;
  int d = m > 0 && p.size() >= 10 && p[7] == '-' ? num(8, 2) : -1;
  if (m < 1 || m > 12) return Civil{y, 7, 1};
  if (d < 1 || d > 31) return Civil{y, static_cast<unsigned>(m), 15};
  return Civil{y, static_cast<unsigned>(m), static_cast<unsigned>(d)};
}

unsigned month_days(int y, unsigned m) {
  static const unsigned k[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return m == 2 && leap ? 29 : k[m - 1];
}

enum class Hint { nearest, next, last, same };

Hint hint_before(std::string_view text, std::size_t start) {
  Span w = prev_word(text, start);
  if (word_is(text, w, "next") || word_is(text, w, "coming")) return Hint::next;
  if (word_is(text, w, "last") || word_is(text, w, "past") || word_is(text, w, "previous")) return Hint::last;
  if (word_is(text, w, "this")) return Hint::same;
  return Hint::nearest;
}

}  // namespace

void infer_years(std::vector<Figure>& figures, std::string_view text, std::string_view published) {
  std::optional<Civil> pub = published_day(published);
  if (!pub) return;
  const double now = static_cast<double>(days_from_civil(pub->y, pub->m, pub->d));
  for (Figure& f : figures) {
    if (f.kind != FigureKind::date || f.iso.size() < 4 || f.iso[0] != '-' || f.iso[1] != '-') continue;
    unsigned m = static_cast<unsigned>(std::atoi(f.iso.c_str() + 2));
    unsigned d = f.iso.size() >= 7 ? static_cast<unsigned>(std::atoi(f.iso.c_str() + 5)) : 0;
    if (m < 1 || m > 12) continue;
    Hint hint = hint_before(text, f.start);
    int best = 0;
    double best_distance = std::numeric_limits<double>::infinity();
    double best_first = 0, best_last = 0;
    for (int y = pub->y - 1; y <= pub->y + 1; ++y) {
      if (d > month_days(y, m)) continue;  // 29 February
      double first = static_cast<double>(days_from_civil(y, m, d > 0 ? d : 1));
      double last = static_cast<double>(days_from_civil(y, m, d > 0 ? d : month_days(y, m)));
      if (hint == Hint::next && !(first > now)) continue;
      if (hint == Hint::last && !(last < now)) continue;
      if (hint == Hint::same && y != pub->y) continue;
      double distance = now < first ? first - now : now > last ? now - last : 0;
      if (hint == Hint::last ? (best == 0 || y > best) : distance < best_distance) {  // ties: the earlier year
        best = y;
        best_distance = distance;
        best_first = first;
        best_last = last;
      }
    }
    if (best == 0) continue;
    char buf[48];
    if (d > 0) std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", best, m, d);
    else std::snprintf(buf, sizeof buf, "%04d-%02u", best, m);
    f.iso = buf;
    f.value = f.low = best_first;
    f.high = best_last;
    f.year_inferred = true;
  }
}

}  // namespace provcheck::core
