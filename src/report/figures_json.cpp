#include <algorithm>
#include <cmath>
#include <nlohmann/json.hpp>

#include "report/figures_report.h"

namespace provcheck::report {
namespace {

using J = nlohmann::ordered_json;

// Integral values print without a fraction ("250000", not "250000.0").
J number(double v) {
  if (std::isinf(v) || std::isnan(v)) return nullptr;
  double r = std::round(v);
  if (std::fabs(v - r) <= 1e-9 * std::max(1.0, std::fabs(v)) && std::fabs(v) < 1e15)
    return static_cast<std::int64_t>(r);  // also 4400 for 4000 x 1.1 = 4400.000000000001
  return v;
}

J bound(const core::Figure& f, double v) {
  if (!f.iso.empty()) return f.iso;
  return number(v);
}

}  // namespace

// The line is assembled by hand, with nlohmann/json for what needs care
// (escaping strings, printing non-integral numbers): building a json object
// per figure took more time than extracting the figures.
std::string render_figure_json_line(const std::string& source, const core::Figure& f) {
  auto str = [](std::string& out, const std::string& s) {
    out += J(s).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  };
  auto val = [&f](std::string& out, double v) {
    J j = bound(f, v);
    if (j.is_number_integer()) out += std::to_string(j.get<std::int64_t>());
    else out += j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  };
  auto opt = [&str](std::string& out, const std::string& s) {
    if (s.empty()) out += "null";
    else str(out, s);
  };
  std::string out;
  out.reserve(200);
  out += "{\"source\":";
  str(out, source);
  out += ",\"start\":" + std::to_string(f.start) + ",\"end\":" + std::to_string(f.end) + ",\"text\":";
  str(out, f.text);
  out += ",\"kind\":\"";
  out += core::figure_kind_name(f.kind);
  out += "\",\"value\":";
  val(out, f.value);
  out += ",\"unit\":";
  opt(out, f.unit);
  out += ",\"approx\":";
  opt(out, f.approx);
  out += ",\"low\":";
  val(out, f.low);
  out += ",\"high\":";
  val(out, f.high);
  if (f.year_inferred) out += ",\"year_inferred\":true";
  out += "}\n";
  return out;
}

std::string render_figures_json(const std::vector<SourceFigures>& all) {
  std::string out;
  std::size_t n = 0;
  for (const SourceFigures& s : all) n += s.figures.size();
  out.reserve(n * 180);
  for (const SourceFigures& s : all)
    for (const core::Figure& f : s.figures) out += render_figure_json_line(s.source, f);
  return out;
}

}  // namespace provcheck::report
