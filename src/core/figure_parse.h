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
  bool fraction = false;   // three-quarters, two-thirds, half, 3/4
  bool ordinal = false;    // a compound ordinal: twenty-first, one hundred twenty-fifth
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
// A fraction after a whole number: "and a half", "and a third", "and three
// fifths", "and fifty-four hundredths". Adds it to n and extends its span;
// false when there is none.
bool and_fraction(std::string_view t, Num& n);
// A scale after a fraction or a mixed number ("half million", "two thirds of
// a million", "five and a half million", "a quarter of a billion"): n becomes
// the count. False when none follows.
bool fraction_of_scale(std::string_view t, Num& n);

// Forms of figure_forms.cpp.
// A decimal point that starts a number (".08", "$.50"): the digits at p follow it.
bool leading_point(std::string_view t, std::size_t p);
// Scientific notation after a mantissa ending at q: "e+14", "E-3", "x10^6",
// "×10^-4", " x 10^6". Sets exp; returns its end, or 0.
std::size_t exponent_after(std::string_view t, std::size_t q, int& exp);
// A minus sign or the word "minus" right before the number (not before
// `floor`, not a range's hyphen "3-4"): negates n and takes the sign in.
void apply_sign(std::string_view t, Num& n, std::size_t floor);
// A proper fraction "1/4" after a whole number ending at p ("2 1/4"): its
// value and end, or 0.
std::size_t mixed_fraction(std::string_view t, std::size_t p, double& value);
// "a/b" at p (digits, a slash, digits): a fraction ("3/4", "-4/5"), a date
// without a year after a date word ("on 12/5"), or neither ("24/7", "9/11",
// "50/50": read as no figure). Returns the end consumed, or 0 when the text
// is not a/b.
std::size_t try_slash(Ctx& c, std::size_t p);
// "point" and digit words after a number in words ("two hundred point zero
// three", "nine point nought four"); false when none.
bool spoken_decimals(std::string_view t, Num& n);
// Emits the figure for a number read at the scan position (figure_extractor.cpp).
std::size_t finish_number(Ctx& c, Num n);

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
