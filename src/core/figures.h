#pragma once
// Figures: numbers as a careful reader sees them in text. The extractor finds
// every figure in a text layer with its span, kind, value, unit, qualifier and
// the interval it stands for ("tens of thousands" = [20000, 99999]; "about
// 250,000" is wider than "250,000"). parse_figure_value reads one figure
// written alone (a claim's --value) with the same rules.
//
// Pure functions over UTF-8 text; no I/O, thread-safe, never throw. Offsets
// are UTF-8 byte offsets into the text given.
//
// Numbers in `value`, `low`, `high`, by kind:
// - count, percent ("60%" = 60), money (in the currency's units, unit "USD"
//   for "$"), distance, duration (in the unit stated), ordinal ("second" = 2),
//   fraction ("three-quarters" = 0.75): the number itself.
// - year: the year (2012); low = high = the year ("1990s": 1990..1999).
// - date: days since 1970-01-01 of the first day (value = low) and of the
//   last day (high) of the period: "2016-12-15" is one day, "July 2012" the
//   31 days of that month. A date without a year ("Jan. 20", "in September")
//   has no day number: value, low and high are NaN; `iso` says what it is
//   and date_days() resolves it against a year (e.g. the source's published
//   date). Use `iso` or the kind, never the number alone, to tell dates apart.
// - time: a clock time ("11:33 PM") as seconds since midnight with `iso`
//   "23:33"; a running length written "MM:SS" ("02:56", a video's length)
//   as its length in seconds, `iso` empty.
// - `iso` holds the labelled set's string form for dates and clock times:
//   "YYYY-MM-DD", "YYYY-MM", "--MM-DD", "--MM", "HH:MM"; empty otherwise.
//
// The interval [low, high] follows the labelled set (tests/data/figures/
// README.md): an exact figure has low = high = value; a vague quantity or a
// range its bounds (value = low); a qualifier widens or bounds it (about,
// some, around, roughly, estimated: x0.9..x1.1; almost, nearly, close to:
// x0.9..x1; more than, over, at least: value..+inf; up to, less than, under:
// -inf..value). Unbounded sides are +-infinity (JSON null).
// rounding_interval() widens an exact figure by its rounding, for comparing
// figures that might be the same quantity rounded differently.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace provcheck::core {

enum class FigureKind { count, percent, money, distance, duration, date, year, ordinal, time, fraction };

const char* figure_kind_name(FigureKind k);
// The kind named `name` ("count", "percent", ...); nullopt for other names.
std::optional<FigureKind> figure_kind_from_name(std::string_view name);

struct Figure {
  // Span of the figure's own words: number, scale word and unit ("4.7 million",
  // "60%", "280 kilometers", "December 15, 2016"); a qualifier ("about") is
  // outside it and goes in `approx`; in "[700,000](#)" only the number.
  // The conventions of tests/data/figures/README.md.
  std::uint64_t start = 0;
  std::uint64_t end = 0;
  std::string text;         // the bytes at [start, end)
  FigureKind kind = FigureKind::count;
  double value = 0;         // normalized: "4.7 million" = 4700000, "60%" = 60, "three-quarters" = 0.75;
                            // dates and years as days/years (see above)
  std::string unit;         // as stated, normalized ("people", "USD", "km", "years"); empty when none
  std::string approx;       // qualifier word as written, lower-cased ("about", "some", "more than"); empty when exact
  double low = 0;           // the interval the figure stands for, rounding and qualifier included
  double high = 0;
  // Added with the extractor:
  std::string iso;          // dates and clock times: "2016-12-15", "2016-12", "--01-20", "--09", "23:33"
  double step = 0;          // place of the last significant digit as written: "250,000" 10000,
                            // "4.7 million" 100000, "2.5" 0.1, "five" 1; 0 for vague quantities,
                            // ranges, dates, years and times
  bool vague = false;       // a vague quantity ("tens of thousands", "several", "a few") or a range
  bool year_inferred = false;  // a date written without a year, placed by infer_years()
};

// Every figure in `text`, in document order, spans not overlapping.
std::vector<Figure> extract_figures(std::string_view text);

// One figure written alone ("250,000", "4.7 million", "tens of thousands",
// "about 60%"), or a range "LOW..HIGH" (either side may be empty for an open
// range). A bare number ("2012", "1500") is a count here, not a year. nullopt
// when it is not a figure (e.g. a status word such as "opposition").
std::optional<Figure> parse_figure_value(std::string_view text);

// The interval an exact figure stands for once its rounding is allowed for:
// +- half the place of its last significant digit ("250,000" = 245,000 ..
// 255,000; "4.7 million" = 4,650,000 .. 4,750,000; "60%" = 55 .. 65), then
// the qualifier's widening applied to that ("about 250,000" = 220,500 ..
// 280,500). Vague quantities, ranges, dates, years and times: [low, high].
struct FigureInterval {
  double low = 0;
  double high = 0;
};
FigureInterval rounding_interval(const Figure& f);

// The days (since 1970-01-01, inclusive) a date or year figure covers:
// "2016" = 2016-01-01 .. 2016-12-31. A date without a year is placed in
// `default_year` when given, else nullopt. nullopt for other kinds.
std::optional<FigureInterval> date_days(const Figure& f, std::optional<int> default_year = std::nullopt);

// Places the dates written without a year ("on December 11", "in March",
// "on 12/5") in the year a reader of the source would: the one that puts the
// date nearest to the source's `published` date ("2016-12-13", also with a
// time, or "2016-12"), unless the words before it say otherwise ("next
// January": the first one after; "last March", "this past May": the last
// one before). Sets iso ("2016-12-11"), value, low, high and year_inferred.
// Does nothing when `published` has no year.
void infer_years(std::vector<Figure>& figures, std::string_view text, std::string_view published);

// Days since 1970-01-01 of a civil date (proleptic Gregorian).
std::int64_t days_from_civil(int year, unsigned month, unsigned day);

}  // namespace provcheck::core
