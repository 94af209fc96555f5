#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>

#include "report/figures_report.h"

namespace provcheck::report {
namespace {

constexpr std::size_t k_columns = 8;
using Row = std::array<std::string, k_columns>;

std::string interval_text(const core::Figure& f) {
  if (!f.iso.empty()) return "";
  bool lo = !std::isinf(f.low), hi = !std::isinf(f.high);
  if (lo && hi && f.low == f.high) return "";
  if (lo && !hi) return ">= " + figure_value_text(f, f.low);
  if (!lo && hi) return "<= " + figure_value_text(f, f.high);
  return figure_value_text(f, f.low) + ".." + figure_value_text(f, f.high);
}

// One line of text: line breaks inside a figure ("December\n15") shown as spaces.
std::string one_line(std::string s) {
  for (char& c : s)
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  return s;
}

}  // namespace

std::string figure_value_text(const core::Figure& f, double v) {
  if (!f.iso.empty()) return f.iso;
  char buf[64];
  double r = std::round(v);
  if (std::fabs(v - r) <= 1e-9 * std::max(1.0, std::fabs(v)) && std::fabs(v) < 1e15) std::snprintf(buf, sizeof buf, "%.0f", r);
  else std::snprintf(buf, sizeof buf, "%.6g", v);
  return buf;
}

std::string render_figures_text(const std::vector<SourceFigures>& all) {
  std::vector<Row> rows;
  rows.push_back({"SOURCE", "SPAN", "KIND", "VALUE", "INTERVAL", "UNIT", "APPROX", "TEXT"});
  std::size_t count = 0;
  for (const SourceFigures& s : all) {
    for (const core::Figure& f : s.figures) {
      ++count;
      rows.push_back({s.source, std::to_string(f.start) + "-" + std::to_string(f.end), core::figure_kind_name(f.kind),
                      figure_value_text(f, f.value) + (f.year_inferred ? " (year inferred)" : ""), interval_text(f), f.unit, f.approx, "\"" + one_line(f.text) + "\""});
    }
  }
  std::array<std::size_t, k_columns> width{};
  for (const Row& r : rows)
    for (std::size_t i = 0; i < k_columns; ++i) width[i] = std::max(width[i], r[i].size());
  std::string out;
  if (count > 0) {
    for (const Row& r : rows) {
      std::string line;
      for (std::size_t i = 0; i < k_columns; ++i) {
        line += r[i];
        if (i + 1 < k_columns) line += std::string(width[i] - r[i].size() + 2, ' ');
      }
      out += line + "\n";
    }
  }
  out += std::to_string(count) + (count == 1 ? " figure" : " figures") + " in " + std::to_string(all.size()) +
         (all.size() == 1 ? " source" : " sources") + "\n";
  return out;
}

}  // namespace provcheck::report
