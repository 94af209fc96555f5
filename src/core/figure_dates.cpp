// Dates ("December 15, 2016", "Jan. 20", "February of 2022", "in
// September", "Sun February 7, 2016", "15 December 2016", "2016-12-15") and
// times ("11:33 PM EST", "10 a.m.", a running length "02:56").
#include <cmath>
#include <cstdio>
#include <limits>
#include <string>
#include <utility>

#include "core/figure_parse.h"

namespace provcheck::core {

std::int64_t days_from_civil(int y, unsigned m, unsigned d) {
  // H. Hinnant's algorithm (public domain), proleptic Gregorian calendar.
  y -= m <= 2;
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

}  // namespace provcheck::core

namespace provcheck::core::figure_parse {
namespace {

using figure_lexicon::lookup;
using figure_lexicon::WordClass;
using namespace figure_text;

constexpr double k_nan = std::numeric_limits<double>::quiet_NaN();

unsigned days_in_month(int y, unsigned m) {
  static const unsigned k[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return m == 2 && leap ? 29 : k[m - 1];
}

// A run of 1..4 digits at p not followed by another digit: its value, or -1.
int small_int(std::string_view t, std::size_t p, std::size_t max_digits, std::size_t& end) {
  std::size_t q = p;
  int v = 0;
  while (is_digit(at(t, q)) && q - p < max_digits) v = v * 10 + (t[q++] - '0');
  if (q == p || is_digit(at(t, q))) return -1;
  end = q;
  return v;
}

bool plausible_year(int y) { return y >= 1000 && y <= 2199; }

// A year after p: ", 2016", " 2016", " of 2022". Sets end; returns the year or -1.
int year_after(std::string_view t, std::size_t p, bool allow_of, std::size_t& end) {
  std::size_t q = p;
  if (at(t, q) == ',') ++q;
  q = skip_space(t, q);
  if (allow_of) {
    Span of = word_at(t, q);
    if (word_is(t, of, "of")) q = skip_space(t, of.e);
  }
  std::size_t e = 0;
  int y = small_int(t, q, 4, e);
  if (y < 0 || e - q != 4 || !plausible_year(y) || is_alpha(at(t, e))) return -1;
  if (at(t, e) == ',' && is_digit(at(t, e + 1))) return -1;
  end = e;
  return y;
}

Figure date_figure(std::string_view t, Span s, int y, unsigned m, unsigned d) {
  Figure f = make_figure(t, s, FigureKind::date, k_nan);
  char buf[48];
  if (y > 0 && d > 0) {
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", y, m, d);
    f.value = f.low = f.high = static_cast<double>(days_from_civil(y, m, d));
  } else if (y > 0) {
    std::snprintf(buf, sizeof buf, "%04d-%02u", y, m);
    f.value = f.low = static_cast<double>(days_from_civil(y, m, 1));
    f.high = static_cast<double>(days_from_civil(y, m, days_in_month(y, m)));
  } else if (d > 0) {
    std::snprintf(buf, sizeof buf, "--%02u-%02u", m, d);
    f.low = f.high = k_nan;
  } else {
    std::snprintf(buf, sizeof buf, "--%02u", m);
    f.low = f.high = k_nan;
  }
  f.iso = buf;
  f.step = 0;
  return f;
}

// A day number after a month at p: " 15", " 15th", " 7,". Sets end; returns day or -1.
int day_after(std::string_view t, std::size_t p, std::size_t& end) {
  std::size_t q = skip_space(t, p);
  if (q == p) return -1;
  std::size_t e = 0;
  int d = small_int(t, q, 2, e);
  if (d < 1 || d > 31) return -1;
  if (at(t, e) == ':' || (at(t, e) == ',' && is_digit(at(t, e + 1))) || (at(t, e) == '.' && is_digit(at(t, e + 1))))
    return -1;
  Span suffix = word_at(t, e);
  if (!suffix.empty()) {
    std::string_view s = sv(t, suffix);
    if (!(eq_ci(s, "st") || eq_ci(s, "nd") || eq_ci(s, "rd") || eq_ci(s, "th"))) return -1;
    e = suffix.e;
  }
  end = e;
  return d;
}

// Words before a bare month name that make it a date ("in May", "this past May").
bool month_context(std::string_view t, Span w) {
  if (w.b > 0 && t[w.b - 1] == '-') return true;  // mid-October
  Span p = prev_word(t, w.b);
  for (std::string_view ok : {"in", "since", "until", "till", "by", "from", "to", "through", "last", "this", "next",
                              "past", "early", "late", "mid", "during", "of", "on", "before", "after", "between",
                              "and", "or", "end", "beginning", "start", "throughout"})
    if (word_is(t, p, ok)) return true;
  return false;
}

}  // namespace

std::size_t try_month(Ctx& c, Span w, int month, bool abbr) {
  std::string_view t = c.t;
  if (!is_upper(at(t, w.b))) return 0;  // "march", "may" are verbs
  std::size_t q = w.e;
  if (abbr && at(t, q) == '.') ++q;
  auto m = static_cast<unsigned>(month);
  std::size_t e = 0;
  int d = day_after(t, q, e);
  if (d > 0 && static_cast<unsigned>(d) <= days_in_month(2000, m)) {
    std::size_t ye = 0;
    int y = year_after(t, e, false, ye);
    if (y > 0) {
      emit(c, date_figure(t, {w.b, ye}, y, m, static_cast<unsigned>(d)));
      return ye;
    }
    emit(c, date_figure(t, {w.b, e}, 0, m, static_cast<unsigned>(d)));
    return e;
  }
  std::size_t ye = 0;
  int y = year_after(t, q, true, ye);
  if (y > 0 && at(t, q) != ',') {
    emit(c, date_figure(t, {w.b, ye}, y, m, 0));
    return ye;
  }
  // A month alone needs a word that makes it a time ("in June", "until
  // July", "mid-October"): "May", "March" are verbs and "June" a name too.
  if (abbr || !month_context(t, w)) return 0;
  emit(c, date_figure(t, w, 0, m, 0));
  return w.e;
}

std::size_t try_weekday(Ctx& c, Span w) {
  std::string_view t = c.t;
  if (!is_upper(at(t, w.b))) return 0;
  std::size_t q = w.e;
  if (at(t, q) == '.') ++q;
  if (at(t, q) == ',') ++q;
  Span m = next_word(t, q);
  if (m.empty()) return 0;
  const figure_lexicon::Entry* e = lookup(sv(t, m));
  if (e == nullptr || (e->cls != WordClass::month && e->cls != WordClass::month_abbr)) return 0;
  std::size_t probe = m.e + (at(t, m.e) == '.' ? 1 : 0);
  std::size_t de = 0;
  if (day_after(t, probe, de) < 0) return 0;
  std::size_t before = c.out->size();
  std::size_t end = try_month(c, m, static_cast<int>(e->value), e->cls == WordClass::month_abbr);
  if (end == 0 || c.out->size() != before + 1) return 0;
  Figure& f = c.out->back();
  f.start = w.b;
  f.text = std::string(t.substr(w.b, f.end - w.b));
  return end;
}

std::size_t try_day_month(Ctx& c, Span digits, int day) {
  std::string_view t = c.t;
  if (day < 1 || day > 31) return 0;
  Span m = next_word(t, digits.e);
  if (m.empty() || m.b == digits.e || !is_upper(at(t, m.b))) return 0;
  const figure_lexicon::Entry* e = lookup(sv(t, m));
  if (e == nullptr || (e->cls != WordClass::month && e->cls != WordClass::month_abbr)) return 0;
  auto mo = static_cast<unsigned>(e->value);
  if (static_cast<unsigned>(day) > days_in_month(2000, mo)) return 0;
  std::size_t q = m.e + (e->cls == WordClass::month_abbr && at(t, m.e) == '.' ? 1 : 0);
  std::size_t ye = 0;
  int y = year_after(t, q, false, ye);
  if (y > 0 && at(t, q) != ',') {
    emit(c, date_figure(t, {digits.b, ye}, y, mo, static_cast<unsigned>(day)));
    return ye;
  }
  emit(c, date_figure(t, {digits.b, q}, 0, mo, static_cast<unsigned>(day)));
  return q;
}

std::size_t try_iso_date(Ctx& c, std::size_t p) {
  std::string_view t = c.t;
  std::size_t e1 = 0, e2 = 0, e3 = 0;
  int y = small_int(t, p, 4, e1);
  if (y < 0 || e1 - p != 4 || at(t, e1) != '-') return 0;
  int m = small_int(t, e1 + 1, 2, e2);
  if (m < 1 || m > 12 || e2 - e1 != 3 || at(t, e2) != '-') return 0;
  int d = small_int(t, e2 + 1, 2, e3);
  if (d < 1 || e3 - e2 != 3 || static_cast<unsigned>(d) > days_in_month(y, static_cast<unsigned>(m))) return 0;
  if (is_alnum(at(t, e3))) return 0;
  emit(c, date_figure(t, {p, e3}, y, static_cast<unsigned>(m), static_cast<unsigned>(d)));
  return e3;
}

std::size_t try_numeric_date(Ctx& c, std::size_t p) {
  std::string_view t = c.t;
  std::size_t e1 = 0, e2 = 0, e3 = 0;
  int a = small_int(t, p, 2, e1);
  if (a < 1 || at(t, e1) != '/') return 0;
  int b = small_int(t, e1 + 1, 2, e2);
  if (b < 1 || at(t, e2) != '/') return 0;
  int y = small_int(t, e2 + 1, 4, e3);
  if (e3 - e2 != 5 || !plausible_year(y) || is_alnum(at(t, e3)) || at(t, e3) == '/') return 0;
  int m = a, d = b;  // the US order, unless it cannot be
  if (a > 12) std::swap(m, d);
  if (m > 12 || static_cast<unsigned>(d) > days_in_month(y, static_cast<unsigned>(m))) return 0;
  emit(c, date_figure(t, {p, e3}, y, static_cast<unsigned>(m), static_cast<unsigned>(d)));
  return e3;
}

namespace {

// "am", "pm", "a.m.", "p.m." at p (after optional space): +12 for pm, end.
int meridiem(std::string_view t, std::size_t p, std::size_t& end) {
  std::size_t q = skip_space(t, p);
  Span w = word_at(t, q);
  if (word_is(t, w, "am") || word_is(t, w, "pm")) {
    end = w.e;
    return lower(at(t, w.b)) == 'p' ? 1 : 0;
  }
  if (w.size() == 1 && at(t, w.e) == '.' && is_alpha(at(t, w.e + 1)) && lower(at(t, w.e + 1)) == 'm' &&
      at(t, w.e + 2) == '.' && (lower(at(t, w.b)) == 'a' || lower(at(t, w.b)) == 'p') && !is_alpha(at(t, w.e + 2))) {
    end = w.e + 3;
    return lower(at(t, w.b)) == 'p' ? 1 : 0;
  }
  return -1;
}

// A time zone written after a time: " EST", " GMT", " UTC".
std::string_view zone_after(std::string_view t, std::size_t p, std::size_t& end) {
  std::size_t q = skip_space(t, p);
  Span w = word_at(t, q);
  std::string_view s = sv(t, w);
  for (std::string_view z : {"EST", "EDT", "CST", "CDT", "MST", "MDT", "PST", "PDT", "ET", "PT", "GMT", "UTC", "BST",
                             "CET", "CEST", "EET", "EEST", "MSK"})
    if (s == z) {
      end = w.e;
      return s;
    }
  return {};
}

Figure clock_figure(std::string_view t, Span s, int h, int m, std::string_view zone) {
  Figure f = make_figure(t, s, FigureKind::time, h * 3600.0 + m * 60.0);
  char buf[32];
  std::snprintf(buf, sizeof buf, "%02d:%02d", h, m);
  f.iso = buf;
  f.unit = std::string(zone);
  f.step = 0;
  return f;
}

}  // namespace

std::size_t try_clock(Ctx& c, std::size_t p) {
  std::string_view t = c.t;
  std::size_t e1 = 0, e2 = 0, e3 = 0;
  int a = small_int(t, p, 2, e1);
  if (a < 0 || at(t, e1) != ':') return 0;
  int b = small_int(t, e1 + 1, 2, e2);
  if (b < 0 || e2 - e1 != 3 || b > 59) return 0;
  int s3 = -1;
  if (at(t, e2) == ':') {
    s3 = small_int(t, e2 + 1, 2, e3);
    if (s3 < 0 || e3 - e2 != 3 || s3 > 59) return 0;
  }
  std::size_t end = s3 >= 0 ? e3 : e2;
  if (is_alnum(at(t, end)) && !is_alpha(at(t, end))) return 0;
  std::size_t me = 0, ze = 0;
  int pm = meridiem(t, end, me);
  if (pm >= 0 && a >= 1 && a <= 12) {
    int h = a % 12 + (pm == 1 ? 12 : 0);
    std::string_view zone = zone_after(t, me, ze);
    std::size_t fe = zone.empty() ? me : ze;
    emit(c, clock_figure(t, {p, me}, h, b, zone));
    return fe;
  }
  std::string_view zone = zone_after(t, end, ze);
  Span before = prev_word(t, p);
  bool clock_word = word_is(t, before, "at") || word_is(t, before, "until") || word_is(t, before, "since") ||
                    word_is(t, before, "by");
  if ((!zone.empty() || clock_word) && a <= 23 && s3 < 0) {
    emit(c, clock_figure(t, {p, end}, a, b, zone));
    return zone.empty() ? end : ze;
  }
  if (is_alpha(at(t, end))) return 0;
  double secs = s3 >= 0 ? a * 3600.0 + b * 60.0 + s3 : a * 60.0 + b;  // a running length
  Figure f = make_figure(t, {p, end}, FigureKind::time, secs);
  f.step = 0;
  emit(c, std::move(f));
  return end;
}

std::size_t try_am_pm(Ctx& c, Span digits, int hour) {
  if (hour < 1 || hour > 12) return 0;
  std::size_t me = 0, ze = 0;
  int pm = meridiem(c.t, digits.e, me);
  if (pm < 0) return 0;
  std::string_view zone = zone_after(c.t, me, ze);
  emit(c, clock_figure(c.t, {digits.b, me}, hour % 12 + (pm == 1 ? 12 : 0), 0, zone));
  return zone.empty() ? me : ze;
}

}  // namespace provcheck::core::figure_parse
