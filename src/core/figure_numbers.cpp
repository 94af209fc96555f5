// Numbers as written: digits with separators, decimals, suffixes and scale
// words; number words, fractions and vague quantities. Units, ranges and
// qualifiers are added by figure_extractor.cpp.
#include <cmath>
#include <cstdlib>

#include "core/figure_parse.h"

namespace provcheck::core::figure_parse {
namespace {

using figure_lexicon::Entry;
using figure_lexicon::lookup;
using figure_lexicon::WordClass;
using namespace figure_text;

bool is_file_extension(std::string_view t, std::size_t p) {
  Span w = word_at(t, p);
  for (std::string_view ext : {"jpg", "jpeg", "png", "gif", "webp", "svg", "mp4", "mp3", "pdf", "htm", "html", "txt"})
    if (word_is(t, w, ext)) return true;
  return false;
}

// Largest power of ten dividing an integral value (1 for 0).
double integer_step(double v) {
  double step = 1;
  if (v <= 0 || v >= 1e15) return 1;
  while (step < 1e12 && std::fmod(v, step * 10) == 0) step *= 10;
  return step;
}

// A currency sign just before p: its start and code.
std::size_t currency_before(std::string_view t, std::size_t p, std::string_view& code) {
  if (p >= 1 && t[p - 1] == '$') {
    code = "USD";
    if (p >= 3 && eq_ci(t.substr(p - 3, 2), "us")) return p - 3;
    return p - 1;
  }
  if (p >= 3 && t.substr(p - 3, 3) == "\xE2\x82\xAC") {
    code = "EUR";
    return p - 3;
  }
  if (p >= 2 && t.substr(p - 2, 2) == "\xC2\xA3") {
    code = "GBP";
    return p - 2;
  }
  return p;
}

// Digits preceded by "-" after a word ("T-90") belong to a name, except
// "mid-2015", "early-2016" and the like.
bool joined_to_name(std::string_view t, std::size_t p) {
  if (p == 0) return false;
  unsigned char c = at(t, p - 1);
  if (is_alpha(c) || c == '_') return true;
  if (c == '-' && p >= 2 && is_alpha(at(t, p - 2))) {
    Span w = word_ending_at(t, p - 1);
    for (std::string_view ok : {"mid", "early", "late", "pre", "post", "end"})
      if (word_is(t, w, ok)) return false;
    return true;
  }
  return false;
}

// The multiplier of the word w after digits: a scale word ("million",
// "bln"), "dozen", a one-letter suffix written apart ("2.33 k", "1.2 M";
// not "m", which is metres); 0 for other words.
double scale_after_digits(std::string_view t, Span w, bool first) {
  std::string_view s = sv(t, w);
  if (first && s.size() == 1 && at(t, w.e) != '-' && at(t, w.e) != '\'') {
    if (s == "k" || s == "K") return 1e3;
    if (s == "M") return 1e6;
    if (s == "B") return 1e9;
    return 0;
  }
  const Entry* e = lookup(s);
  if (e == nullptr) return 0;
  if (e->cls == WordClass::scale || e->cls == WordClass::dozen) return e->value;
  if (word_is(t, w, "dozens")) return 12;  // "three dozens"
  return 0;
}

// Applies scale words after a number ("4.7 million", "3 dozen", "2.33 k"),
// then what continues it: "4 thousand 3 hundred", "3 hundred and 21".
void apply_scales(std::string_view t, Num& n) {
  double last = 0;
  for (;;) {
    Span w = next_word(t, n.span.e);
    if (w.empty() || w.b == n.span.e) break;
    double mult = scale_after_digits(t, w, last == 0);
    if (mult == 0 || (last != 0 && mult == 12)) break;
    n.value *= mult;
    n.low *= mult;
    n.high *= mult;
    n.step *= mult;
    n.span.e = w.e;
    n.plain_int = false;
    last = mult;
  }
  while (last >= 100 && last != 12) {  // a smaller part after the scale
    std::size_t q = n.span.e;
    Span w = next_word(t, q);
    bool and_word = word_is(t, w, "and");
    std::size_t d = skip_space(t, and_word ? w.e : q);
    if (d == q || (and_word && d == w.e) || !is_digit(at(t, d))) break;
    std::size_t e = d;
    double v = 0;
    while (is_digit(at(t, e)) && e - d < 4) v = v * 10 + (t[e++] - '0');
    if (is_alnum(at(t, e)) || at(t, e) == ',' || at(t, e) == '.' || at(t, e) == '/' || at(t, e) == ':') {
      if (!(at(t, e) == ',' || at(t, e) == '.') || is_digit(at(t, e + 1))) break;
    }
    Span s = next_word(t, e);
    const Entry* se = s.empty() || s.b == e ? nullptr : lookup(sv(t, s));
    double mult = se != nullptr && se->cls == WordClass::scale ? se->value : 0;
    if (mult > 0) {
      if (mult >= last || v * mult >= last) break;
      n.value += v * mult;
      n.step = std::min(n.step, mult);
      n.span.e = s.e;
      last = mult;
      continue;
    }
    if (!and_word || v >= last || last > 1000) break;  // "3 hundred and 21"
    n.value += v;
    n.step = 1;
    n.span.e = e;
    break;
  }
  n.low = n.high = n.value;
}

}  // namespace

std::optional<Num> read_digits(std::string_view t, std::size_t p) {
  if (joined_to_name(t, p)) return std::nullopt;
  Num n;
  n.digits = true;
  std::string buf;
  std::size_t q = p;
  bool point = leading_point(t, p);  // ".08" is 0.08, never 8
  bool sep = false;
  if (point) {
    buf = "0";
  } else {
    while (is_digit(at(t, q))) buf.push_back(t[q++]);
    while (at(t, q) == ',' && is_digit(at(t, q + 1)) && is_digit(at(t, q + 2)) && is_digit(at(t, q + 3)) &&
           !is_digit(at(t, q + 4)) && q - p <= 3 + 4 * 4) {
      if (!sep && q - p > 3) break;  // "12345,678" is no thousands grouping
      buf.append(t.substr(q + 1, 3));
      q += 4;
      sep = true;
    }
  }
  std::size_t decimals = 0;
  if ((point && is_digit(at(t, q))) || (at(t, q) == '.' && is_digit(at(t, q + 1)))) {
    buf.push_back('.');
    if (!point) ++q;
    while (is_digit(at(t, q))) {
      buf.push_back(t[q++]);
      ++decimals;
    }
    if (at(t, q) == '.' && is_digit(at(t, q + 1))) return std::nullopt;  // 1.2.3: a version or an address
  }
  if (at(t, q) == '_' || (at(t, q) == '.' && is_file_extension(t, q + 1))) return std::nullopt;
  n.value = std::strtod(buf.c_str(), nullptr);
  n.step = decimals > 0 ? std::pow(10.0, -static_cast<double>(decimals)) : integer_step(n.value);
  n.plain_int = !point && !sep && decimals == 0;
  n.span = {point ? p - 1 : p, q};
  int exp = 0;
  if (std::size_t e = exponent_after(t, q, exp)) {  // 1.3x10^6, 12.32e+14
    n.value = std::strtod((buf + "e" + std::to_string(exp)).c_str(), nullptr);
    n.step = std::pow(10.0, exp - static_cast<int>(decimals));
    n.span.e = q = e;
    n.plain_int = false;
  } else if (at(t, q) == '^' && buf == "10") {  // 10^6
    std::size_t ee = q + 1;
    bool neg = at(t, ee) == '-';
    if (neg) ++ee;
    double v = 0;
    std::size_t d = ee;
    while (is_digit(at(t, d)) && d - ee < 3) v = v * 10 + (t[d++] - '0');
    if (d > ee && !is_alnum(at(t, d))) {
      n.value = std::pow(10.0, neg ? -v : v);
      n.step = n.value;
      n.span.e = q = d;
      n.plain_int = false;
    }
  }
  if (is_alpha(at(t, q))) {
    Span w = word_at(t, q);
    std::string_view s = sv(t, w);
    double mult = 0;
    if (eq_ci(s, "k")) mult = 1e3;
    else if (eq_ci(s, "m") || eq_ci(s, "mn") || eq_ci(s, "mln")) mult = 1e6;
    else if (eq_ci(s, "bn") || eq_ci(s, "b") || eq_ci(s, "bln")) mult = 1e9;
    else if (eq_ci(s, "tn") || eq_ci(s, "trn") || eq_ci(s, "tln")) mult = 1e12;
    if (mult > 0) {
      n.value *= mult;
      n.step *= mult;
      n.span.e = w.e;
      n.plain_int = false;
    } else {
      bool known = false;  // suffixes the extractor reads: units, ordinals, times, decades
      for (std::string_view ok : {"km", "st", "nd", "rd", "th", "am", "pm", "s", "mi"})
        if (eq_ci(s, ok)) known = true;
      if (!known) return std::nullopt;
    }
  }
  n.low = n.high = n.value;
  std::string_view code;
  std::size_t b = currency_before(t, n.span.b, code);
  if (b != n.span.b) {
    n.money = true;
    n.currency = code;
    n.span.b = b;
  }
  if (n.plain_int && !n.money) {  // 2 1/4
    double frac = 0;
    if (std::size_t e = mixed_fraction(t, n.span.e, frac)) {
      n.value = n.low = n.high = n.value + frac;
      n.span.e = e;
      n.step = 0;
      n.plain_int = false;
      return n;
    }
  }
  if (!is_alpha(at(t, n.span.e))) apply_scales(t, n);
  return n;
}

namespace {

// A leading "a"/"an" before w (not before the floor): its start, or w.b.
std::size_t article_before(std::string_view t, Span w, std::size_t floor) {
  Span a = prev_word(t, w.b);
  if (a.b < floor || a.empty()) return w.b;
  if (a.b > 0 && is_alnum(at(t, a.b - 1))) return w.b;
  return (word_is(t, a, "a") || word_is(t, a, "an")) ? a.b : w.b;
}

// An ordinal ending a number in words ("twenty-first", "one hundred twenty
// fifth", "two hundredth"): its value added to `sofar`, or 0 when the word
// does not continue the number. `last` is the class of the word before it.
double ordinal_continuation(const Entry& ord, WordClass last, double last_value, double sofar, double cur) {
  if (ord.cls != WordClass::ordinal) return 0;
  bool scale_ordinal = ord.value >= 100;
  if (last == WordClass::tens && ord.value < 10) return sofar + ord.value;
  if (last == WordClass::scale && !scale_ordinal && ord.value < last_value) return sofar + ord.value;
  if (scale_ordinal && cur > 1 && ord.value > cur) return (sofar - cur) + cur * ord.value;  // "two hundredth"
  return 0;
}

// Cardinal words, tens, "hundred", scales and "dozen" from w on, and an
// ordinal that ends them.
Num word_number(std::string_view t, Span w, bool article) {
  double total = 0, cur = article ? 1 : 0;
  WordClass last = WordClass::none;
  double last_value = 0;
  std::size_t end = w.b, words = 0;
  bool ordinal = false;
  Span cw = w;
  for (;;) {
    const Entry* e = lookup(sv(t, cw));
    if (e == nullptr) break;
    if (e->cls == WordClass::cardinal) {
      if (last == WordClass::cardinal || (last == WordClass::tens && (e->value >= 10 || e->value == 0))) break;
      if (last == WordClass::scale && last_value >= 1000 && cur != 0) break;
      cur += e->value;
    } else if (e->cls == WordClass::tens) {
      if (last == WordClass::cardinal || last == WordClass::tens) break;
      cur += e->value;
    } else if (e->cls == WordClass::scale && e->value == 100) {
      if (last == WordClass::scale && last_value == 100) break;
      cur = (cur != 0 ? cur : 1) * 100;
    } else if (e->cls == WordClass::scale) {
      if (e->value < 1e6 && last == WordClass::scale && last_value >= e->value) break;
      total += (cur != 0 ? cur : 1) * e->value;
      cur = 0;
    } else if (e->cls == WordClass::dozen || (word_is(t, cw, "dozens") && cur != 0)) {
      if (last == WordClass::dozen) break;
      cur = (cur != 0 ? cur : 1) * 12;
      e = lookup("dozen");
    } else {
      break;
    }
    last = e->cls;
    last_value = e->value;
    end = cw.e;
    ++words;
    bool hyphen = at(t, end) == '-' && is_alpha(at(t, end + 1));
    Span nw = hyphen ? word_at(t, end + 1) : next_word(t, end);
    if (nw.empty() || nw.b == end) break;
    const Entry* ne = lookup(sv(t, nw));
    if (ne != nullptr && ne->cls == WordClass::ordinal) {
      if (double v = ordinal_continuation(*ne, last, last_value, total + cur, cur); v > 0) {
        total = v;
        cur = 0;
        end = nw.e;
        ordinal = true;
      }
      break;
    }
    if (hyphen) {
      if (last == WordClass::tens && ne != nullptr && ne->cls == WordClass::cardinal && ne->value > 0 &&
          ne->value < 10) {
        cw = nw;
        continue;
      }
      break;
    }
    if (word_is(t, nw, "and")) {
      Span n2 = next_word(t, nw.e);
      const Entry* ne2 = lookup(sv(t, n2));
      if (last == WordClass::scale && ne2 != nullptr &&
          (ne2->cls == WordClass::cardinal || ne2->cls == WordClass::tens) && ne2->value > 0) {
        cw = n2;
        continue;
      }
      break;
    }
    cw = nw;
  }
  Num n;
  n.value = n.low = n.high = total + cur;
  n.span = {w.b, end};
  n.step = integer_step(n.value);
  n.ordinal = ordinal;
  n.bare_one = words == 1 && !article && word_is(t, w, "one");
  return n;
}

// "three-quarters", "two thirds", "one-third", "one half", "fifty-four
// hundredths" after a whole number in words.
bool read_fraction(std::string_view t, Num& n) {
  if (n.ordinal || n.value < 1 || n.value >= 1000 || n.value != std::floor(n.value)) return false;
  std::size_t q = n.span.e;
  Span w;
  if (at(t, q) == '-' && is_alpha(at(t, q + 1))) w = word_at(t, q + 1);
  else w = next_word(t, q);
  if (w.empty() || w.b == q) return false;
  const Entry* e = lookup(sv(t, w));
  if (e == nullptr) return false;
  double den = 0;
  if (e->cls == WordClass::fraction_den && (n.value > 1 || e->den == 4)) den = e->den;
  if (n.value == 1 && (e->cls == WordClass::half || (e->cls == WordClass::ordinal && e->den > 0) ||
                       (e->cls == WordClass::fraction_den && e->den == 4)))
    den = e->den;
  if (den == 0 || n.value >= den) return false;
  n.value = n.low = n.high = n.value / den;
  n.span.e = w.e;
  n.fraction = true;
  n.bare_one = false;
  n.step = 0;
  return true;
}

// The value of a fraction word after "a"/"an": half, quarter, third,
// hundredth; 0 for other words.
double article_fraction(const Entry& e) {
  if (e.cls == WordClass::half) return 0.5;
  if (e.cls == WordClass::fraction_den && e.den == 4) return 0.25;
  if (e.cls == WordClass::ordinal && e.den > 0) return 1.0 / e.den;
  return 0;
}

// Base of a plural scale word: thousands 1e3, millions 1e6, billions 1e9, hundreds 1e2.
double plural_scale(std::string_view t, Span w) {
  if (word_is(t, w, "hundreds")) return 1e2;
  if (word_is(t, w, "thousands")) return 1e3;
  if (word_is(t, w, "millions")) return 1e6;
  if (word_is(t, w, "billions")) return 1e9;
  return 0;
}

// "several", "dozens", "thousands", "tens of thousands", "hundreds of millions", "a few".
std::optional<Num> vague_words(std::string_view t, Span w, const Entry& e, std::size_t lead) {
  Num n;
  n.vague = true;
  n.step = 0;
  n.span = {lead, w.e};
  n.low = e.value;
  n.high = e.high;
  bool plural = e.cls == WordClass::tens_of || plural_scale(t, w) > 0 || word_is(t, w, "dozens");
  if (plural) {
    Span of = next_word(t, w.e);
    Span s = word_is(t, of, "of") ? next_word(t, of.e) : Span{};
    double base = s.empty() ? 0 : plural_scale(t, s);
    if (base > 0 && base > (word_is(t, w, "hundreds") ? 100 : 10) && !word_is(t, w, "dozens")) {
      double unit = e.cls == WordClass::tens_of ? 1 : plural_scale(t, w);
      n.low = (e.cls == WordClass::tens_of ? 20 : 2) * unit * base;
      n.high = (e.cls == WordClass::tens_of ? 100 : 10) * unit * base - 1;
      n.span.e = s.e;
    } else if (e.cls == WordClass::tens_of) {
      return std::nullopt;
    }
  } else {
    Span s = next_word(t, w.e);
    const Entry* se = s.empty() ? nullptr : lookup(sv(t, s));
    if (se != nullptr && se->cls == WordClass::scale && se->value >= 100) {
      n.low *= se->value;
      n.high *= se->value;
      n.span.e = s.e;
    }
  }
  n.value = n.low;
  return n;
}

}  // namespace

bool and_fraction(std::string_view t, Num& n) {
  if (n.fraction || n.vague || n.ordinal || n.value != std::floor(n.value)) return false;
  Span a = next_word(t, n.span.e);
  if (!word_is(t, a, "and") || a.b == n.span.e) return false;
  Span w = next_word(t, a.e);
  if (w.empty() || w.b == a.e) return false;
  double frac = 0, step = 0;
  std::size_t end = 0;
  if (word_is(t, w, "a") || word_is(t, w, "an")) {
    Span f = next_word(t, w.e);
    const Entry* fe = f.empty() || f.b == w.e ? nullptr : lookup(sv(t, f));
    frac = fe == nullptr ? 0 : article_fraction(*fe);
    step = frac;
    end = f.e;
  } else if (const Entry* we = lookup(sv(t, w));
             we != nullptr && (we->cls == WordClass::cardinal || we->cls == WordClass::tens)) {
    Num m = word_number(t, w, false);
    if (!read_fraction(t, m)) return false;
    frac = m.value;
    step = 0;
    end = m.span.e;
  }
  if (frac <= 0 || frac >= 1) return false;
  n.value = n.low = n.high = n.value + frac;
  n.span.e = end;
  n.step = step;
  n.bare_one = false;
  return true;
}

bool fraction_of_scale(std::string_view t, Num& n) {
  if (n.vague || n.ordinal || n.value <= 0 || (!n.fraction && n.value == std::floor(n.value))) return false;
  Span s = next_word(t, n.span.e);
  if (s.b == n.span.e) return false;
  if (word_is(t, s, "of")) {  // "two thirds of a million"
    Span a = next_word(t, s.e);
    if (!(word_is(t, a, "a") || word_is(t, a, "an"))) return false;
    s = next_word(t, a.e);
  }
  const Entry* se = s.empty() ? nullptr : lookup(sv(t, s));
  if (se == nullptr || se->cls != WordClass::scale || se->value < 100) return false;
  double v = n.value * se->value;
  n.value = n.low = n.high = v >= 1 ? std::round(v) : v;
  n.step = n.fraction || n.step == 0 ? se->value : n.step * se->value;
  n.span.e = s.e;
  n.fraction = false;
  n.bare_one = false;
  return true;
}

std::optional<Num> read_words(std::string_view t, Span w, const Entry& e, std::size_t floor) {
  switch (e.cls) {
    case WordClass::cardinal:
    case WordClass::tens: {
      Num n = word_number(t, w, false);
      if (n.ordinal || spoken_decimals(t, n)) return n;
      if (word_is(t, w, "nought") || word_is(t, w, "naught")) return std::nullopt;  // "all for naught"
      if (!read_fraction(t, n)) and_fraction(t, n);
      fraction_of_scale(t, n);
      return n;
    }
    case WordClass::scale:
    case WordClass::dozen: {
      std::size_t lead = article_before(t, w, floor);
      if (lead == w.b) return std::nullopt;
      Num n = word_number(t, w, true);
      n.span.b = lead;
      return n;
    }
    case WordClass::few: {
      std::size_t lead = article_before(t, w, floor);
      if (lead == w.b) return std::nullopt;
      if (word_is(t, w, "couple")) {  // "a couple" alone is two people, not a quantity
        Span next = next_word(t, w.e);
        const Entry* ne = next.empty() ? nullptr : lookup(sv(t, next));
        if (!word_is(t, next, "of") && !(ne != nullptr && ne->cls == WordClass::scale)) return std::nullopt;
      }
      return vague_words(t, w, e, lead);
    }
    case WordClass::vague:
    case WordClass::tens_of:
      return vague_words(t, w, e, w.b);
    case WordClass::half: {
      if (at(t, w.e) == '-') return std::nullopt;  // half-victory, half-hearted
      Num n;
      n.span = w;
      n.fraction = true;
      n.step = 0;
      n.value = n.low = n.high = 0.5;
      Span a = next_word(t, w.e);
      Span s = word_is(t, a, "a") ? next_word(t, a.e) : Span{};
      const Entry* se = s.empty() ? nullptr : lookup(sv(t, s));
      if (se != nullptr && (se->cls == WordClass::scale || se->cls == WordClass::dozen)) {
        n.value = n.low = n.high = 0.5 * se->value;  // half a million
        n.span.e = s.e;
        n.fraction = false;
        n.step = n.value;
      } else if (fraction_of_scale(t, n)) {  // half million, half of a billion
        n.step = n.value;
      }
      return n;
    }
    default:
      return std::nullopt;
  }
}

}  // namespace provcheck::core::figure_parse
