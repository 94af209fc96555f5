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

J text_or_null(const std::string& s) { return s.empty() ? J(nullptr) : J(s); }

}  // namespace

std::string render_figure_json_line(const std::string& source, const core::Figure& f) {
  J j;
  j["source"] = source;
  j["start"] = f.start;
  j["end"] = f.end;
  j["text"] = f.text;
  j["kind"] = core::figure_kind_name(f.kind);
  j["value"] = bound(f, f.value);
  j["unit"] = text_or_null(f.unit);
  j["approx"] = text_or_null(f.approx);
  j["low"] = bound(f, f.low);
  j["high"] = bound(f, f.high);
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

std::string render_figures_json(const std::vector<SourceFigures>& all) {
  std::string out;
  for (const SourceFigures& s : all)
    for (const core::Figure& f : s.figures) out += render_figure_json_line(s.source, f);
  return out;
}

}  // namespace provcheck::report
