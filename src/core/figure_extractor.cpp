// The scan: finds where figures start (a digit, a number word, a month, a
// weekday, an ordinal), reads the number, then what a reader attaches to
// it: a range's second number, a unit, the counted noun and a qualifier.
#include <cmath>
#include <limits>

#include "core/figure_parse.h"
#include "core/figure_qualifiers.h"

namespace provcheck::core {
namespace figure_parse {

Figure make_figure(std::string_view t, Span s, FigureKind kind, double value) {
  Figure f;
  f.start = s.b;
  f.end = s.e;
  f.text = std::string(t.substr(s.b, s.e - s.b));
  f.kind = kind;
  f.value = f.low = f.high = value;
  f.step = 1;
  return f;
}

void emit(Ctx& c, Figure f) {
  c.floor = f.end;
  c.out->push_back(std::move(f));
}

}  // namespace figure_parse

namespace {

using namespace figure_text;
using namespace figure_parse;
using figure_lexicon::Entry;
using figure_lexicon::lookup;
using figure_lexicon::WordClass;

struct Unit {
  FigureKind kind = FigureKind::count;
  std::string unit;
  std::size_t end = 0;  // 0: no unit
};

// The unit written right after a number ending at p: "%", "percent", "per
// cent", "years", "-day", "km", "miles", "dollars".
Unit unit_after(std::string_view t, std::size_t p) {
  Unit u;
  std::size_t q = p;
  if (at(t, q) == ' ' && at(t, q + 1) == '%') ++q;
  if (at(t, q) == '%') return {FigureKind::percent, "percent", q + 1};
  bool hyphen = at(t, p) == '-' && is_alpha(at(t, p + 1));
  Span w = hyphen ? word_at(t, p + 1) : next_word(t, p);
  if (w.empty()) return u;
  if (!hyphen && word_is(t, w, "percentage")) {
    Span pts = next_word(t, w.e);
    if (word_is(t, pts, "points") || word_is(t, pts, "point"))
      return {FigureKind::percent, "percentage points", pts.e};
  }
  if (!hyphen && word_is(t, w, "per")) {
    Span c = next_word(t, w.e);
    if (word_is(t, c, "cent")) return {FigureKind::percent, "percent", c.e};
  }
  const Entry* e = lookup(sv(t, w));
  if (e == nullptr) return u;
  switch (e->cls) {
    case WordClass::duration_unit:
      return {FigureKind::duration, std::string(e->canon), w.e};
    case WordClass::distance_unit:
      return {FigureKind::distance, std::string(e->canon), w.e};
    case WordClass::percent_word:
      return hyphen ? u : Unit{FigureKind::percent, "percent", w.e};
    case WordClass::money_word:
      return hyphen ? u : Unit{FigureKind::money, std::string(e->canon), w.e};
    default:
      break;
  }
  return u;
}

bool looks_plural(std::string_view s) {
  if (s.size() < 4 || lower(static_cast<unsigned char>(s.back())) != 's') return false;
  char a = lower(static_cast<unsigned char>(s[s.size() - 2]));
  if (a == 's' || a == 'u' || a == 'i') return false;
  for (std::string_view no : {"this", "does", "goes", "always", "perhaps", "towards", "across", "whereas", "besides",
                              "unless", "news", "series", "species", "politics", "thus", "plus", "sometimes", "times",
                              "years", "days", "weeks", "months", "hours", "minutes", "seconds", "was", "has"})
    if (eq_ci(s, no)) return false;
  return true;
}

// The noun a count is of: "250,000 people", "two most significant allies",
// "4.7 million Syrian refugees", "tens of thousands of trapped civilians".
std::string counted_noun(std::string_view t, std::size_t p, bool vague) {
  if (at(t, p) == ']' && at(t, p + 1) == '(') {  // [700,000](#) Russian personnel
    std::size_t close = t.find(')', p + 2);
    if (close == std::string_view::npos || close - p > 200) return {};
    p = close + 1;
  }
  Span w = next_word(t, p);
  if (w.b == p) return {};
  if (vague && word_is(t, w, "of")) w = next_word(t, w.e);
  for (int i = 0; i < 4 && !w.empty(); ++i) {
    std::string_view s = sv(t, w);
    if (figure_lexicon::is_stop_word(s)) return {};
    const Entry* e = lookup(s);
    if (e != nullptr && e->cls == WordClass::counted_noun) {
      std::string out(s);
      if (is_upper(static_cast<unsigned char>(out[0]))) out[0] = lower(static_cast<unsigned char>(out[0]));
      return out;
    }
    if (e != nullptr) return {};
    if (looks_plural(s)) return std::string(s);
    std::size_t q = w.e;
    if (at(t, q) == '.' && w.size() <= 2 && is_upper(at(t, w.b))) ++q;  // U.S. soldiers
    while (at(t, q) == '-' && is_alpha(at(t, q + 1))) q = word_at(t, q + 1).e;
    Span next = next_word(t, q);
    if (next.b == q && !(q > w.e && at(t, q - 1) == '.')) return {};
    if (at(t, q) == '.' && q == w.e) return {};
    w = next;
  }
  return {};
}

// A second number making a range: "three or four", "2 to 3 million",
// "between 10 and 20", "10-20". Extends n; false when there is none.
bool read_range(Ctx& c, Num& n) {
  std::string_view t = c.t;
  if (n.fraction || n.vague) return false;
  std::size_t q = n.span.e;
  std::size_t second = 0;
  Span before = prev_word(t, n.span.b);
  if (n.digits && (at(t, q) == '-' || (at(t, q) == 0xE2 && at(t, q + 1) == 0x80 && at(t, q + 2) == 0x93))) {
    std::size_t d = q + (at(t, q) == '-' ? 1 : 3);
    if (!is_digit(at(t, d))) return false;
    second = d;
  } else {
    Span w = next_word(t, q);
    if (w.empty() || w.b == q) return false;
    bool connector = word_is(t, w, "or") || (word_is(t, w, "to") && !word_is(t, before, "from")) ||
                     (word_is(t, w, "and") && word_is(t, before, "between"));
    if (!connector) return false;
    second = skip_space(t, w.e);
    if (second == w.e) return false;
  }
  std::optional<Num> m;
  if (n.digits && is_digit(at(t, second))) {
    m = read_digits(t, second);
  } else if (!n.digits && is_alpha(at(t, second))) {
    Span w2 = word_at(t, second);
    const Entry* e = lookup(sv(t, w2));
    if (e != nullptr && (e->cls == WordClass::cardinal || e->cls == WordClass::tens))
      m = read_words(t, w2, *e, c.floor);
  } else if (n.money && at(t, second) == '$') {
    m = read_digits(t, second + 1);
  }
  if (!m || m->vague || m->fraction) return false;
  double low = n.value;
  if (m->step > n.step * 100 && low * (m->step / n.step) <= m->value && low < m->value / 10) {
    // "2 to 3 million": the first number takes the second's scale
    double scale = 1;
    while (low * scale * 10 <= m->value) scale *= 10;
    low *= scale;
  }
  if (!(low < m->value)) return false;
  n.low = n.value = low;
  n.high = m->value;
  n.vague = true;
  n.step = 0;
  n.bare_one = false;
  n.span.e = m->span.e;
  return true;
}

bool is_year(const Num& n) {
  return n.plain_int && !n.money && n.value >= 1000 && n.value <= 2199 && n.span.e - n.span.b == 4;
}

// A four-digit number read as a year ("in 2012", "the 1990s") unless a
// unit follows or a qualifier and a counted noun make it a count ("some
// 2000 people"). Returns the end of the year, or 0 when it is no year.
std::size_t try_year(Ctx& c, const Num& n) {
  std::string_view t = c.t;
  std::size_t end = n.span.e;
  if (!n.digits || !is_year(n) || (at(t, end) == '-' && is_alpha(at(t, end + 1)))) return 0;
  if (unit_after(t, end).end != 0) return 0;
  Span nw = next_word(t, end);
  const Entry* ne = nw.b == end ? nullptr : lookup(sv(t, nw));
  if (ne != nullptr && ne->cls == WordClass::counted_noun &&
      qualifier_before(t, n.span.b, c.floor).mode != Mode::none)
    return 0;
  Figure f = make_figure(t, n.span, FigureKind::year, n.value);
  f.step = 0;
  if (at(t, end) == 's' && !is_alpha(at(t, end + 1)) && std::fmod(n.value, 10) == 0) {  // the 1990s
    f = make_figure(t, {n.span.b, end + 1}, FigureKind::year, n.value);
    f.high = n.value + 9;
    f.vague = true;
    f.step = 0;
  }
  std::size_t fend = f.end;
  emit(c, std::move(f));
  return fend;
}

// Emits the figure for a number read at the scan position. Returns the end
// of what it consumed (0 when the number is no figure).
std::size_t finish(Ctx& c, Num n) {
  std::string_view t = c.t;
  apply_sign(t, n, c.floor);
  if (n.ordinal) {  // twenty-first, one hundred twenty-fifth
    Figure f = make_figure(t, n.span, FigureKind::ordinal, n.value);
    std::size_t fend = f.end;
    emit(c, std::move(f));
    return fend;
  }
  if (std::size_t e = try_year(c, n)) return e;
  std::size_t end = n.span.e;
  if (n.digits && is_alpha(at(t, end))) {
    Span w = word_at(t, end);
    std::string_view s = sv(t, w);
    bool ordinal = eq_ci(s, "st") || eq_ci(s, "nd") || eq_ci(s, "rd") || eq_ci(s, "th");
    if (ordinal && n.plain_int) {
      Figure f = make_figure(t, {n.span.b, w.e}, FigureKind::ordinal, n.value);
      emit(c, std::move(f));
      return w.e;
    }
    if (!(eq_ci(s, "km") || eq_ci(s, "mi"))) return w.e;
  }
  read_range(c, n);
  end = n.span.e;
  Unit u = unit_after(t, end);
  if (u.end == 0 && n.vague) {  // "hundreds of years", "a couple of days"
    Span of = next_word(t, end);
    if (word_is(t, of, "of")) {
      Unit v = unit_after(t, of.e);
      if (v.kind == FigureKind::duration || v.kind == FigureKind::distance) u = v;
    }
  }
  bool hyphen_word = at(t, end) == '-' && is_alpha(at(t, end + 1));
  // "two-pronged", "one-sided" are idioms; "a 10,000-strong force" is a count
  if (u.end == 0 && hyphen_word && !n.money && !n.digits) return word_at(t, end + 1).e;
  if (n.bare_one && u.end == 0) return end;  // "one of", "one word": a pronoun or an article
  FigureKind kind = n.fraction ? FigureKind::fraction : n.money ? FigureKind::money : u.end ? u.kind : FigureKind::count;
  std::size_t fend = u.end ? u.end : end;
  Figure f = make_figure(t, {n.span.b, fend}, kind, n.value);
  f.low = n.low;
  f.high = n.high;
  f.vague = n.vague;
  f.step = n.vague ? 0 : n.step;
  if (n.money) f.unit = std::string(n.currency);
  else if (u.end) f.unit = u.unit;
  else if (kind == FigureKind::count) f.unit = counted_noun(t, end, n.vague);
  Qualifier q = qualifier_before(t, n.span.b, c.floor);
  apply_qualifier(q, f);
  emit(c, std::move(f));
  return fend;
}

// The end of a telephone-like run of digit groups at p ("555-1234",
// "555-123-4567", "(555) 123-4567"), or 0: no quantity, two numbers or a range.
std::size_t phone_end(std::string_view t, std::size_t p, std::size_t run) {
  auto group = [&](std::size_t q, std::size_t len) {
    for (std::size_t i = 0; i < len; ++i)
      if (!is_digit(at(t, q + i))) return false;
    return !is_digit(at(t, q + len));
  };
  if (run - p != 3) return 0;
  std::size_t q = run;
  if (p > 0 && at(t, p - 1) == '(' && at(t, q) == ')' && at(t, q + 1) == ' ') q += 1;
  if (!(at(t, q) == '-' || at(t, q) == ' ' || at(t, q) == '.') ) return 0;
  char sep = static_cast<char>(at(t, q));
  std::size_t end = 0;
  if (group(q + 1, 4) && sep == '-') end = q + 5;
  else if (group(q + 1, 3) && (at(t, q + 4) == '-' || at(t, q + 4) == sep) && group(q + 5, 4)) end = q + 9;
  if (end == 0 || is_alnum(at(t, end)) || (at(t, end) == '-' && is_digit(at(t, end + 1)))) return 0;
  if (end == q + 5) {  // "555-1234" after "call", "phone", "tel"; "200-1500 people" is a range
    Span before = prev_word(t, p > 0 && at(t, p - 1) == '(' ? p - 1 : p);
    bool phone_word = false;
    for (std::string_view w : {"call", "calling", "phone", "tel", "telephone", "fax", "dial", "number", "hotline", "line"})
      if (word_is(t, before, w)) phone_word = true;
    if (!phone_word && is_alpha(at(t, skip_space(t, end))) && skip_space(t, end) > end) return 0;
  }
  return end;
}

std::size_t at_digits(Ctx& c, std::size_t p) {
  std::string_view t = c.t;
  std::size_t run = p;
  while (is_digit(at(t, run))) ++run;
  if (std::size_t e = phone_end(t, p, run)) return e;
  if (at(t, run) == ':' && is_digit(at(t, run + 1))) {
    if (std::size_t e = try_clock(c, p)) return e;
  }
  if (run - p == 4 && at(t, run) == '-') {
    if (std::size_t e = try_iso_date(c, p)) return e;
  }
  if (run - p <= 2 && at(t, run) == '/') {
    if (std::size_t e = try_numeric_date(c, p)) return e;
  }
  if (at(t, run) == '/' && is_digit(at(t, run + 1)) && !leading_point(t, p)) {
    if (std::size_t e = try_slash(c, p)) return e;
  }
  std::optional<Num> n = read_digits(t, p);
  if (!n) {
    std::size_t q = run;
    while (is_alnum(at(t, q)) || at(t, q) == '_' || at(t, q) == '.' || at(t, q) == '-') {
      if (at(t, q) == '.' && !is_alnum(at(t, q + 1))) break;
      ++q;
    }
    return q;
  }
  if (n->plain_int && !n->money && n->span.e - p <= 2) {
    int v = static_cast<int>(n->value);
    if (std::size_t e = try_day_month(c, {p, n->span.e}, v)) return e;
    if (std::size_t e = try_am_pm(c, {p, n->span.e}, v)) return e;
  }
  std::size_t e = finish(c, *n);
  return e > p ? e : run;
}

// Whether a word after "a fifth" makes it the subject of a verb ("a fifth
// came", "a third voted"): a past tense or a frequent verb.
bool looks_like_verb(std::string_view s) {
  if (s.size() > 3 && eq_ci(s.substr(s.size() - 2), "ed")) return true;
  for (std::string_view v : {"came", "went", "got", "gets", "saw", "sees", "say", "says", "think", "thinks", "want",
                             "wants", "fell", "rose", "grew", "lost", "won", "voted", "backed", "chose", "knew",
                             "support", "supports", "oppose", "opposes", "own", "owns", "hold", "holds", "held",
                             "live", "lives", "work", "works", "made", "make", "makes", "took", "take", "takes"})
    if (eq_ci(s, v)) return true;
  return false;
}

// "first", "second-largest", "a third of", "a quarter of".
std::size_t at_ordinal(Ctx& c, Span w, const Entry& e) {
  std::string_view t = c.t;
  Span next = next_word(t, w.e);
  Span prev = prev_word(t, w.b);
  bool article = !prev.empty() && prev.b >= c.floor && (word_is(t, prev, "a") || word_is(t, prev, "an") ||
                                                        word_is(t, prev, "one"));
  bool quarter = e.cls == WordClass::fraction_den && word_is(t, w, "quarter");
  if (article && (quarter || (e.cls == WordClass::ordinal && e.den > 0))) {
    // "a fifth", "a third of", "a hundredth", "a quarter mile"; but "a third
    // term", "a fifth straight day" are ordinals
    const Entry* ne = next.empty() ? nullptr : lookup(sv(t, next));
    bool fraction = quarter || next.empty() || word_is(t, next, "of") || word_is(t, next, "and") ||
                    figure_lexicon::is_stop_word(sv(t, next)) || (ne != nullptr && ne->cls == WordClass::scale) ||
                    looks_like_verb(sv(t, next));
    if (fraction) {
      Num n;
      n.span = {prev.b, w.e};
      n.fraction = true;
      n.step = 0;
      n.value = n.low = n.high = 1.0 / e.den;
      fraction_of_scale(t, n);  // a quarter of a million
      std::size_t end = finish(c, n);
      return end > w.e ? end : w.e;
    }
  }
  if (e.cls != WordClass::ordinal) return w.e;
  if (article && e.value == 2 && word_is(t, w, "second") &&
      (next.empty() || figure_lexicon::is_stop_word(sv(t, next))))
    return w.e;  // "a hundredth of a second": the unit of time
  if (word_is(t, next, "responders") || word_is(t, prev, "at") || word_is(t, next, "hand")) return w.e;
  std::size_t end = w.e;
  if (at(t, end) == '-' && is_alpha(at(t, end + 1))) {
    Span s = word_at(t, end + 1);
    if (word_is(t, s, "hand")) return s.e;
    std::string_view suf = sv(t, s);
    bool superlative = (suf.size() > 4 && eq_ci(suf.substr(suf.size() - 3), "est")) || eq_ci(suf, "most") ||
                       eq_ci(suf, "ranked") || eq_ci(suf, "placed") || eq_ci(suf, "largest");
    if (superlative) end = s.e;
    else return s.e;
  }
  Figure f = make_figure(t, {w.b, end}, FigureKind::ordinal, e.value);
  emit(c, std::move(f));
  return end;
}

// The end of a web address starting at w ("https://...", "www.x.org/2016/12/..."),
// or w.e when it is none: its digits are no figures.
std::size_t url_end(std::string_view t, Span w) {
  bool scheme = t.substr(w.e, 3) == "://";
  bool www = at(t, w.e) == '.' && word_is(t, w, "www");
  if (!scheme && !www) return w.e;
  std::size_t q = w.e;
  while (q < t.size() && !(at(t, q) <= ' ' || at(t, q) == '"' || at(t, q) == '<' || at(t, q) == '>' ||
                           at(t, q) == ')' || at(t, q) == ']'))
    ++q;
  return q;
}

std::size_t at_word(Ctx& c, Span w, const Entry& e) {
  std::string_view t = c.t;
  switch (e.cls) {
    case WordClass::url:
      return url_end(t, w);
    case WordClass::cardinal:
    case WordClass::tens:
    case WordClass::scale:
    case WordClass::dozen:
    case WordClass::few:
    case WordClass::vague:
    case WordClass::tens_of:
    case WordClass::half: {
      std::optional<Num> n = read_words(t, w, e, c.floor);
      if (!n) return w.e;
      std::size_t end = finish(c, *n);
      return end > w.e ? end : w.e;
    }
    case WordClass::ordinal:
    case WordClass::fraction_den:
      return at_ordinal(c, w, e);
    case WordClass::month:
    case WordClass::month_abbr: {
      std::size_t end = try_month(c, w, static_cast<int>(e.value), e.cls == WordClass::month_abbr);
      return end > w.e ? end : w.e;
    }
    case WordClass::weekday: {
      std::size_t end = try_weekday(c, w);
      return end > w.e ? end : w.e;
    }
    default:
      return w.e;
  }
}

bool is_trigger(WordClass cls) {
  switch (cls) {
    case WordClass::duration_unit:
    case WordClass::distance_unit:
    case WordClass::percent_word:
    case WordClass::money_word:
    case WordClass::counted_noun:
    case WordClass::none:
      return false;
    default:
      return true;
  }
}

}  // namespace

std::size_t figure_parse::finish_number(Ctx& c, Num n) { return finish(c, std::move(n)); }

std::vector<Figure> extract_figures(std::string_view text) {
  std::vector<Figure> out;
  out.reserve(text.size() / 1024 + 4);  // news prose has a figure every 300-400 bytes; grows from there
  Ctx c{text, &out, 0};
  const figure_lexicon::Filter& filter = figure_lexicon::filter();
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t n = text.size();
  std::size_t p = 0;
  while (p < n) {
    unsigned char ch = s[p];
    if (is_digit(ch)) {
      if (p > 0 && (is_alpha(s[p - 1]) || s[p - 1] == '_')) {
        while (p < n && is_alnum(s[p])) ++p;
        continue;
      }
      p = at_digits(c, p);
    } else if (is_alpha(ch)) {
      std::size_t b = p;
      p = letters_end(s, p + 1, n);
      Span w{b, p};
      if (!filter.may_contain(sv(text, w))) continue;
      if (b > 0 && (is_digit(s[b - 1]) || s[b - 1] == '_')) continue;
      const Entry* e = lookup(sv(text, w));
      if (e != nullptr && is_trigger(e->cls)) p = at_word(c, w, *e);
    } else {
      ++p;
    }
  }
  return out;
}

}  // namespace provcheck::core
