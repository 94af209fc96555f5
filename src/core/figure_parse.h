#pragma once
// The pieces of the figure extractor, shared between its files:
// figure_numbers.cpp reads numbers written in digits or words,
// figure_dates.cpp reads dates and clock times, figure_extractor.cpp drives
// the scan and adds units, ranges and qualifiers. Internal to core. Pure,
// thread-safe, never throw.

#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

#include "core/figure_lexicon.h"
#include "core/figure_text.h"
#include "core/figures.h"

namespace provcheck::core::figure_parse {

using figure_text::Span;

// Where a scan stands: the text, the figures found so far, and the end of
// the last one (a qualifier or a leading "a" never reaches back past it).
struct Ctx {
  std::string_view t;
  std::vector<Figure>* out = nullptr;
  std::size_t floor = 0;
};

void emit(Ctx& c, Figure f);
Figure make_figure(std::string_view t, Span s, FigureKind kind, double value);

// A number as written, before units, ranges and qualifiers.
struct Num {
  Span span;
  double value = 0;
  double low = 0;
  double high = 0;
  double step = 1;       // place of the last significant digit
  bool vague = false;    // low < high: several, tens of thousands, a few
  bool digits = false;   // written in digits
  bool plain_int = false;  // digits only, no separator, decimal point or scale
  bool bare_one = false;   // the single word "one" (a pronoun or article unless a unit follows)
  bool fraction = false;   // three-quarters, two-thirds, half
  bool money = false;      // a currency sign before it
  std::string_view currency;
};

// Digits at p ("4,000", "4.7", "700k", "1.2bn", "4.7 million", "$5"); nullopt
// when the digits are not a number a reader would see (part of a name like
// "T-90" or "_0001.jpg"). `p` is the first digit.
std::optional<Num> read_digits(std::string_view t, std::size_t p);
// Number words starting with the word `w` ("twenty-three", "a hundred",
// "three-quarters", "tens of thousands", "several", "a few"), with a
// leading "a"/"an" where one belongs, never reaching back before `floor`.
// nullopt when it is no figure.
std::optional<Num> read_words(std::string_view t, Span w, const figure_lexicon::Entry& entry, std::size_t floor);
// "and a half" after a number: its end, or 0.
std::size_t and_a_half(std::string_view t, std::size_t p);

// Dates and times. Each returns the end of what it consumed and emits the
// figure, or returns 0 when the text there is no date or time.
std::size_t try_month(Ctx& c, Span w, int month, bool abbr);
std::size_t try_weekday(Ctx& c, Span w);
std::size_t try_day_month(Ctx& c, Span digits, int day);
std::size_t try_clock(Ctx& c, std::size_t p);        // digits at p, then ':' and two digits
std::size_t try_am_pm(Ctx& c, Span digits, int hour);  // "10 a.m.", "3pm"
std::size_t try_iso_date(Ctx& c, std::size_t p);     // 2016-12-15
std::size_t try_numeric_date(Ctx& c, std::size_t p); // 12/5/2020 (month first unless the first number > 12)

}  // namespace provcheck::core::figure_parse
