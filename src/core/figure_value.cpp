// Kind names, one figure written alone (a claim's --value), and the
// intervals derived from a figure: its rounding and the days it covers.
#include <cmath>
#include <limits>
#include <string>

#include "core/figure_qualifiers.h"
#include "core/figure_text.h"
#include "core/figures.h"

namespace provcheck::core {
namespace {

using namespace figure_text;

constexpr double k_inf = std::numeric_limits<double>::infinity();

constexpr const char* k_kind_names[] = {"count", "percent", "money",   "distance", "duration",
                                        "date",  "year",    "ordinal", "time",     "fraction"};

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\n' || s.front() == '\r'))
    s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\n' || s.back() == '\r'))
    s.remove_suffix(1);
  return s;
}

// Lower-case with runs of whitespace as one space.
std::string squash(std::string_view s) {
  std::string out;
  bool space = false;
  for (char ch : trim(s)) {
    bool ws = ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r';
    if (ws) {
      space = true;
      continue;
    }
    if (space && !out.empty()) out.push_back(' ');
    space = false;
    out.push_back(lower(static_cast<unsigned char>(ch)));
  }
  return out;
}

std::optional<Figure> parse_single(std::string_view text) {
  std::string_view s = trim(text);
  if (s.empty()) return std::nullopt;
  if (eq_ci(s, "one")) {
    Figure f;
    f.end = s.size();
    f.text = std::string(s);
    f.value = f.low = f.high = 1;
    f.step = 1;
    return f;
  }
  std::vector<Figure> figs = extract_figures(s);
  if (figs.size() != 1) return std::nullopt;
  Figure f = figs.front();
  std::string before = squash(s.substr(0, f.start));
  std::string after = squash(s.substr(f.end));
  if (!before.empty() && before != f.approx) return std::nullopt;
  if (!after.empty() && after != squash(f.unit)) return std::nullopt;
  if (f.kind == FigureKind::year && !f.vague) {  // a bare number given as a value is a count
    f.kind = FigureKind::count;
    f.step = 1;
    double v = f.value;
    while (f.step < 1e3 && std::fmod(v, f.step * 10) == 0) f.step *= 10;
  }
  return f;
}

}  // namespace

const char* figure_kind_name(FigureKind k) { return k_kind_names[static_cast<int>(k)]; }

std::optional<FigureKind> figure_kind_from_name(std::string_view name) {
  for (int i = 0; i < 10; ++i)
    if (name == k_kind_names[i]) return static_cast<FigureKind>(i);
  return std::nullopt;
}

std::optional<Figure> parse_figure_value(std::string_view text) {
  std::string_view s = trim(text);
  std::size_t dots = s.find("..");
  if (dots == std::string_view::npos) return parse_single(s);
  std::string_view a = trim(s.substr(0, dots)), b = trim(s.substr(dots + 2));
  if (a.empty() && b.empty()) return std::nullopt;
  std::optional<Figure> lo = a.empty() ? std::nullopt : parse_single(a);
  std::optional<Figure> hi = b.empty() ? std::nullopt : parse_single(b);
  if ((!a.empty() && !lo) || (!b.empty() && !hi)) return std::nullopt;
  Figure f = lo ? *lo : *hi;
  f.start = 0;
  f.end = s.size();
  f.text = std::string(s);
  f.low = lo ? lo->low : -k_inf;
  f.high = hi ? hi->high : k_inf;
  if (lo && hi) {
    if (lo->kind != hi->kind || lo->low > hi->high) return std::nullopt;
    if (f.unit.empty()) f.unit = hi->unit;
  }
  f.value = lo ? lo->value : hi->value;
  f.vague = true;
  f.step = 0;
  f.approx.clear();
  return f;
}

FigureInterval rounding_interval(const Figure& f) {
  bool exact_number = !f.vague && f.step > 0 && f.kind != FigureKind::date && f.kind != FigureKind::year &&
                      f.kind != FigureKind::time && f.kind != FigureKind::ordinal;
  if (!exact_number) return {f.low, f.high};
  FigureInterval r{f.value - f.step / 2, f.value + f.step / 2};
  switch (figure_parse::qualifier_mode(f.approx)) {
    case figure_parse::Mode::around:
      r.low *= 0.9;
      r.high *= 1.1;
      break;
    case figure_parse::Mode::below:
      r.low *= 0.9;
      break;
    case figure_parse::Mode::at_least:
      r.high = k_inf;
      break;
    case figure_parse::Mode::at_most:
      r.low = -k_inf;
      break;
    case figure_parse::Mode::none:
      break;
  }
  return r;
}

std::optional<FigureInterval> date_days(const Figure& f, std::optional<int> default_year) {
  if (f.kind == FigureKind::year) {
    auto y0 = static_cast<int>(f.low), y1 = static_cast<int>(f.high);
    return FigureInterval{static_cast<double>(days_from_civil(y0, 1, 1)),
                          static_cast<double>(days_from_civil(y1, 12, 31))};
  }
  if (f.kind != FigureKind::date) return std::nullopt;
  if (!std::isnan(f.low)) return FigureInterval{f.low, f.high};
  if (!default_year || f.iso.size() < 4 || f.iso[0] != '-') return std::nullopt;
  int y = *default_year;
  auto m = static_cast<unsigned>(std::stoi(f.iso.substr(2, 2)));
  if (f.iso.size() >= 7) {
    auto d = static_cast<unsigned>(std::stoi(f.iso.substr(5, 2)));
    double day = static_cast<double>(days_from_civil(y, m, d));
    return FigureInterval{day, day};
  }
  double first = static_cast<double>(days_from_civil(y, m, 1));
  double next = m == 12 ? static_cast<double>(days_from_civil(y + 1, 1, 1))
                        : static_cast<double>(days_from_civil(y, m + 1, 1));
  return FigureInterval{first, next - 1};
}

}  // namespace provcheck::core
