// Forms of numbers outside plain news prose: signs ("-4", "−4", "minus
// five"), a leading decimal point (".08"), scientific notation ("1.3x10^6",
// "12.32e+14"), slash fractions and mixed numbers ("3/4", "2 1/4") told
// apart from dates and idioms ("12/5", "24/7", "9/11"), and spoken decimals
// ("two hundred point zero three").
#include <cmath>
#include <cstdio>

#include "core/figure_parse.h"

namespace provcheck::core::figure_parse {
namespace {

using figure_lexicon::Entry;
using figure_lexicon::lookup;
using figure_lexicon::WordClass;
using namespace figure_text;

bool is_space(unsigned char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// Digits at p, none before: value and end (0 when none or more than 9).
long digits_at(std::string_view t, std::size_t p, std::size_t& end) {
  std::size_t q = p;
  long v = 0;
  while (is_digit(at(t, q)) && q - p < 9) v = v * 10 + (t[q++] - '0');
  if (q == p || is_digit(at(t, q))) return -1;
  end = q;
  return v;
}

// The characters that may stand before a sign: the start of a text, space,
// an opening bracket or quote, a colon or an equals sign.
bool sign_may_follow(std::string_view t, std::size_t s) {
  if (s == 0) return true;
  unsigned char c = at(t, s - 1);
  return is_space(c) || c == '(' || c == '[' || c == '"' || c == '\'' || c == ':' || c == '=' || c == ';' ||
         (c == 0xA0 && s >= 2 && at(t, s - 2) == 0xC2) || (c == 0x9C && s >= 3 && at(t, s - 3) == 0xE2);
}

// Denominators a fraction is written with; others ("9/11", "3/7") are
// names, codes or dates unless "of" or a unit follows.
bool usual_denominator(long b) {
  for (long d : {2, 3, 4, 5, 6, 8, 10, 12, 16, 20, 32, 64, 100, 1000})
    if (b == d) return true;
  return false;
}

bool date_word_before(std::string_view t, std::size_t p) {
  Span w = prev_word(t, p);
  for (std::string_view d : {"on", "by", "since", "until", "till", "from", "before", "after", "dated", "through"})
    if (word_is(t, w, d)) return true;
  return false;
}

}  // namespace

bool leading_point(std::string_view t, std::size_t p) {
  if (p == 0 || at(t, p - 1) != '.') return false;
  if (p < 2) return true;
  unsigned char c = at(t, p - 2);
  return !is_alnum(c) && c != '.' && c != '_' && c != '/' && c != '\\';
}

std::size_t exponent_after(std::string_view t, std::size_t q, int& exp) {
  std::size_t e = q;
  if ((at(t, q) == 'e' || at(t, q) == 'E') && !is_alpha(at(t, q + 1))) {
    e = q + 1;
  } else {
    std::size_t x = q;
    if (at(t, x) == ' ') ++x;
    if (at(t, x) == 'x' || at(t, x) == 'X' || at(t, x) == '*') ++x;
    else if (at(t, x) == 0xC3 && at(t, x + 1) == 0x97) x += 2;  // ×
    else if (at(t, x) == 0xC2 && at(t, x + 1) == 0xB7) x += 2;  // ·
    else return 0;
    if (at(t, x) == ' ') ++x;
    if (at(t, x) != '1' || at(t, x + 1) != '0' || at(t, x + 2) != '^') return 0;
    e = x + 3;
  }
  bool neg = false;
  if (at(t, e) == '+' || at(t, e) == '-') {
    neg = at(t, e) == '-';
    ++e;
  } else if (at(t, e) == 0xE2 && at(t, e + 1) == 0x88 && at(t, e + 2) == 0x92) {
    neg = true;
    e += 3;
  }
  std::size_t end = 0;
  long v = digits_at(t, e, end);
  if (v < 0 || v > 300 || end - e > 3 || is_alpha(at(t, end))) return 0;
  exp = static_cast<int>(neg ? -v : v);
  return end;
}

void apply_sign(std::string_view t, Num& n, std::size_t floor) {
  std::size_t b = n.span.b;
  std::size_t s = b;
  if (b >= 1 && at(t, b - 1) == '-') s = b - 1;
  else if (b >= 3 && at(t, b - 3) == 0xE2 && at(t, b - 2) == 0x88 && at(t, b - 1) == 0x92) s = b - 3;  // U+2212
  if (s != b) {
    // "3-4", "10 -20": a range's or a score's hyphen, not a sign
    std::size_t before = skip_space_back(t, s);
    if (s < floor || !sign_may_follow(t, s) || (before > 0 && is_digit(at(t, before - 1)))) return;
  } else {
    Span w = prev_word(t, b);
    if (w.empty() || w.b < floor || !word_is(t, w, "minus") || (w.b > 0 && is_alnum(at(t, w.b - 1)))) return;
    Span before = prev_word(t, w.b);  // "5 minus 3" is arithmetic, not a negative figure
    std::size_t q = skip_space_back(t, w.b);
    if (!before.empty() && before.e == q && lookup(sv(t, before)) != nullptr) return;
    if (q > 0 && is_digit(at(t, q - 1))) return;
    s = w.b;
  }
  double lo = n.low;
  n.value = -n.value;
  n.low = -n.high;
  n.high = -lo;
  n.span.b = s;
  n.plain_int = false;
  n.bare_one = false;
}

std::size_t mixed_fraction(std::string_view t, std::size_t p, double& value) {
  if (at(t, p) != ' ') return 0;
  std::size_t e1 = 0, e2 = 0;
  long a = digits_at(t, p + 1, e1);
  if (a < 1 || at(t, e1) != '/') return 0;
  long b = digits_at(t, e1 + 1, e2);
  if (b < 2 || a >= b || at(t, e2) == '/' || is_alnum(at(t, e2)) || (at(t, e2) == '.' && is_digit(at(t, e2 + 1))))
    return 0;
  value = static_cast<double>(a) / static_cast<double>(b);
  return e2;
}

std::size_t try_slash(Ctx& c, std::size_t p) {
  std::string_view t = c.t;
  std::size_t e1 = 0, e2 = 0;
  long a = digits_at(t, p, e1);
  if (a < 0 || at(t, e1) != '/') return 0;
  long b = digits_at(t, e1 + 1, e2);
  if (b < 0 || at(t, e2) == '/' || (at(t, e2) == '.' && is_digit(at(t, e2 + 1))) || is_alpha(at(t, e2))) return 0;
  if (p > 0 && (at(t, p - 1) == '/' || at(t, p - 1) == '.' || is_alnum(at(t, p - 1)))) return e2;
  Span next = next_word(t, e2);
  bool of = word_is(t, next, "of");
  bool date = !of && a >= 1 && a <= 12 && b >= 1 && b <= 31 && date_word_before(t, p) && !(a == 9 && b == 11);
  if (date) {
    Figure f = make_figure(t, {p, e2}, FigureKind::date, std::nan(""));
    f.low = f.high = std::nan("");
    char buf[16];
    std::snprintf(buf, sizeof buf, "--%02ld-%02ld", a, b);
    f.iso = buf;
    f.step = 0;
    emit(c, std::move(f));
    return e2;
  }
  bool fraction = b >= 2 && a >= 1 && a < b && (usual_denominator(b) || of);
  if (!fraction) return e2;  // 24/7, 9/11, 50/50, 3/7: no quantity a reader would compare
  Num n;
  n.span = {p, e2};
  n.digits = true;
  n.fraction = true;
  n.step = 0;
  n.value = n.low = n.high = static_cast<double>(a) / static_cast<double>(b);
  std::size_t end = finish_number(c, n);
  return end > e2 ? end : e2;
}

bool spoken_decimals(std::string_view t, Num& n) {
  Span pw = next_word(t, n.span.e);
  if (!word_is(t, pw, "point") || pw.b == n.span.e || n.value != std::floor(n.value) || n.value < 0) return false;
  double frac = 0, place = 1;
  std::size_t end = pw.e;
  Span w = next_word(t, pw.e);
  while (!w.empty() && w.b != end) {
    const Entry* e = lookup(sv(t, w));
    bool oh = word_is(t, w, "oh") && place < 1;
    if (!oh && (e == nullptr || e->cls != WordClass::cardinal || e->value > 9)) break;
    place /= 10;
    frac += (oh ? 0 : e->value) * place;
    end = w.e;
    w = next_word(t, w.e);
  }
  if (place == 1) return false;
  n.value = n.low = n.high = n.value + frac;
  n.step = place;
  n.span.e = end;
  n.bare_one = false;
  Span s = next_word(t, end);  // "two point five million"
  const Entry* se = s.empty() || s.b == end ? nullptr : lookup(sv(t, s));
  if (se != nullptr && se->cls == WordClass::scale && se->value >= 100) {
    n.value = n.low = n.high = std::round(n.value * se->value * 1e6) / 1e6;
    n.step *= se->value;
    n.span.e = s.e;
  }
  return true;
}

}  // namespace provcheck::core::figure_parse
