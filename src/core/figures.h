#pragma once
// Figures: numbers as a careful reader sees them in text. The extractor finds
// every figure in a text layer with its span, kind, value, unit, qualifier and
// the interval it stands for ("tens of thousands" = [20000, 99999]; "about
// 250,000" is wider than "250,000"). parse_figure_value reads one figure
// written alone (a claim's --value) with the same rules.
//
// Pure functions over UTF-8 text; no I/O, thread-safe, never throw. Offsets
// are UTF-8 byte offsets into the text given.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace provcheck::core {

enum class FigureKind { count, percent, money, distance, duration, date, year, ordinal, time, fraction };

const char* figure_kind_name(FigureKind k);

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
                            // dates and years as days/years (see figures.cpp)
  std::string unit;         // as stated, normalized ("people", "USD", "km", "years"); empty when none
  std::string approx;       // qualifier word as written, lower-cased ("about", "some", "more than"); empty when exact
  double low = 0;           // the interval the figure stands for, rounding and qualifier included
  double high = 0;
};

// Every figure in `text`, in document order, spans not overlapping.
std::vector<Figure> extract_figures(std::string_view text);

// One figure written alone ("250,000", "4.7 million", "tens of thousands",
// "about 60%"), or a range "LOW..HIGH". nullopt when it is not a figure
// (e.g. a status word such as "opposition").
std::optional<Figure> parse_figure_value(std::string_view text);

}  // namespace provcheck::core
