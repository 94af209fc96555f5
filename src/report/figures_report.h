#pragma once
// Renders the figures of sources for `provcheck figures`: JSON Lines, one
// figure a line, {"source", "start", "end", "text", "kind", "value", "unit",
// "approx", "low", "high"} as DESIGN.md shows (dates and clock times as
// their ISO strings, an unbounded side of an interval as null); or a
// readable table. Pure, deterministic and thread-safe; never throws.

#include <string>
#include <vector>

#include "core/figures.h"

namespace provcheck::report {

struct SourceFigures {
  std::string source;  // source id
  std::vector<core::Figure> figures;
};

// One JSON line (with its '\n') for a figure of `source`.
std::string render_figure_json_line(const std::string& source, const core::Figure& f);
std::string render_figures_json(const std::vector<SourceFigures>& all);

// A table with a header, one row a figure, and a closing count.
std::string render_figures_text(const std::vector<SourceFigures>& all);

// A figure's value as shown in the text table: "4700000", "0.75", "2016-12-15", "23:33".
std::string figure_value_text(const core::Figure& f, double v);

}  // namespace provcheck::report
