#pragma once
// Internal to the HTML report: the pieces its sections share. Pure,
// thread-safe; every string argument is raw text and is escaped here.

#include <optional>
#include <set>
#include <string>
#include <string_view>

#include "core/findings.h"
#include "report/report_data.h"

namespace provcheck::report::html {

std::string esc(std::string_view raw);
// <span class="badge st-STATUS">STATUS</span>; unknown names get a neutral badge.
std::string status_badge(std::string_view status);
std::string severity_badge(core::Severity s);
// A figure for people: 250000 -> "250,000", 4700000 -> "4.7 million", 0.75 -> "0.75".
std::string format_figure(double v);

// An as-of date or interval as fractional years ("2016-12" -> [2016.917, 2017.0)).
struct TimeSpan {
  double from = 0;
  double to = 0;
};
std::optional<TimeSpan> parse_as_of(std::string_view as_of);

// A group gets a timeline when at least two of its claims can be placed and
// they come from more than one date or more than one source.
bool wants_timeline(const core::AssertionGroup& g);
// Inline SVG: figure (or status word) against as-of date, one mark per
// claim labelled by its source; claims in `conflicted` are marked.
std::string timeline_svg(const core::AssertionGroup& g, const std::set<std::string>& conflicted);

std::string conflicts_section(const ReportData& data);
std::string figures_section(const ReportData& data);
std::string sources_section(const ReportData& data);
// The id of a claim's anchor in the page.
std::string claim_anchor(std::string_view claim);

}  // namespace provcheck::report::html
