#include "core/assertion.h"

#include <cctype>
#include <cmath>
#include <cstdio>
#include <limits>

namespace provcheck::core {
using util::Error;
using util::ErrorKind;

namespace {

constexpr double k_inf = std::numeric_limits<double>::infinity();

bool has_digit(std::string_view s) {
  for (char c : s) {
    if (std::isdigit(static_cast<unsigned char>(c))) return true;
  }
  return false;
}

bool has_letter(std::string_view s) {
  for (char c : s) {
    if (std::isalpha(static_cast<unsigned char>(c)) || static_cast<unsigned char>(c) >= 0x80) return true;
  }
  return false;
}

bool close(double a, double b) {
  if (a == b) return true;
  return std::fabs(a - b) <= 1e-9 * std::max(std::fabs(a), std::fabs(b));
}

enum class Scale { share, count, other };

Scale scale_of(FigureKind k) {
  switch (k) {
    case FigureKind::percent:
    case FigureKind::fraction: return Scale::share;
    case FigureKind::count: return Scale::count;
    default: return Scale::other;
  }
}

// The figure without its qualifier: the reader's interval for it is then
// its own (exact: a point; vague: its bounds).
Figure unqualified(const Figure& f) {
  if (f.approx.empty()) return f;
  if (auto g = parse_figure_value(f.text); g && g->approx.empty()) {
    g->kind = f.kind;  // a claim's unit may have made "60" a percent
    g->unit = f.unit;
    return *g;
  }
  Figure g = f;
  g.approx.clear();
  if (!f.vague) g.low = g.high = g.value;
  return g;
}

}  // namespace

util::Status check_qualifier(std::string_view approx, const Settings& settings) {
  std::string w = fold_name(approx);
  if (w.empty()) return Error(ErrorKind::invalid_input, "is empty; give a qualifier word such as about or almost");
  if (qualifier_class(w) || settings.tolerances.qualifiers.count(w)) return util::Status();
  return Error(ErrorKind::invalid_input, "'" + std::string(approx) + "' is not a qualifier provcheck knows; use one of: " +
                                             known_qualifiers() +
                                             " (or give it a width under tolerances.qualifiers in provcheck.json)");
}

util::Result<AssertedValue> parse_asserted_value(std::string_view value, std::string_view approx,
                                                 const Settings& settings) {
  AssertedValue out;
  std::string trimmed = fold_name(value);
  if (trimmed.empty()) {
    return Error(ErrorKind::invalid_input, "is empty; give a figure (250,000, 4.7 million, tens of thousands), "
                                           "a range LOW..HIGH, or a status word (opposition)");
  }
  if (!approx.empty()) PC_TRY_STATUS(check_qualifier(approx, settings));
  std::optional<Figure> f = parse_figure_value(value);
  if (!f) {
    if (has_digit(value) || value.find("..") != std::string_view::npos || !has_letter(value)) {
      return Error(ErrorKind::invalid_input,
                   "'" + std::string(value) + "' is neither a figure provcheck reads (250,000, 4.7 million, 60%, "
                   "tens of thousands, three-quarters), a range LOW..HIGH (250,000..300,000), nor a status word "
                   "(opposition; status words have no digits)");
    }
    out.status_word = std::string(value);
    if (!approx.empty()) {
      return Error(ErrorKind::invalid_input, "a qualifier ('" + std::string(approx) + "') needs a figure, but '" +
                                                 std::string(value) + "' is a status word");
    }
    return out;
  }
  if (f->low > f->high) {
    return Error(ErrorKind::invalid_input, "'" + std::string(value) + "' is a range whose low end is above its high end; write LOW..HIGH");
  }
  if (!approx.empty() && !f->approx.empty() && fold_name(approx) != fold_name(f->approx)) {
    return Error(ErrorKind::invalid_input, "'" + std::string(value) + "' already says '" + f->approx +
                                               "', which contradicts the qualifier '" + std::string(approx) +
                                               "'; give the qualifier once");
  }
  out.approx = !approx.empty() ? std::string(approx) : f->approx;
  out.figure = std::move(f);
  return out;
}

ValueInterval value_interval(const Figure& fig, std::string_view approx, const Settings& settings) {
  const Tolerances& t = settings.tolerances;
  Figure f = unqualified(fig);
  QualifierClass cls = approx.empty() ? QualifierClass::exact
                                      : qualifier_class(approx).value_or(QualifierClass::approximate);
  double width = approx.empty() ? 0.0 : settings.tolerance_for(approx);
  double v = f.value;
  ValueInterval r{f.low, f.high};
  if (!f.vague) {
    bool rounded = f.kind != FigureKind::ordinal && f.kind != FigureKind::date && f.kind != FigureKind::year &&
                   f.kind != FigureKind::time;
    double half = cls == QualifierClass::exact && t.rounding && rounded && f.step > 0 ? f.step / 2 : 0.0;
    double extra = cls == QualifierClass::exact ? std::fabs(v) * t.exact : 0.0;
    r.low = v - half - extra;
    r.high = v + half + extra;
    r.high_open = half > 0 && extra == 0;
  }
  switch (cls) {
    case QualifierClass::exact: break;
    case QualifierClass::approximate:
      r.low -= std::fabs(r.low) * width;
      r.high += std::fabs(r.high) * width;
      break;
    case QualifierClass::below: r.low -= std::fabs(r.low) * width; break;
    case QualifierClass::at_least: r.high = k_inf; break;
    case QualifierClass::at_most: r.low = -k_inf; break;
  }
  return r;
}

bool is_percent_unit(const std::string& u) {
  return u == "percent" || u == "%" || u == "per cent" || u == "pct" || u == "percentage point" ||
         u == "percentage points" || u == "percentage" || u == "pc" || u == "pp" || u == "per-cent";
}

void apply_claim_unit(Figure& f, std::string_view unit) {
  std::string u = fold_name(unit);
  if (u.empty()) return;
  bool bare = f.kind == FigureKind::count && f.unit.empty();
  if (bare && is_percent_unit(u)) {
    f.kind = FigureKind::percent;
    f.unit = "percent";
    return;
  }
  bool share_word = u == "fraction" || u == "share" || u == "proportion" || u == "ratio";
  if (share_word && (bare || f.kind == FigureKind::fraction) && f.low >= 0 && f.high <= 1) {
    f.kind = FigureKind::fraction;
    f.unit.clear();
    return;
  }
  if (f.unit.empty() && !share_word) f.unit = std::string(unit);
}

std::string unit_key(std::string_view unit) {
  std::string u = fold_name(unit);
  if (is_percent_unit(u)) return "percent";
  static constexpr std::pair<const char*, const char*> k_same[] = {
      {"km", "kilometer"}, {"kms", "kilometer"}, {"kilometre", "kilometer"}, {"kilometres", "kilometer"},
      {"mi", "mile"}, {"$", "usd"}, {"dollars", "usd"}, {"dollar", "usd"}, {"%", "percent"},
      {"yrs", "year"}, {"m", "meter"}, {"metre", "meter"}, {"metres", "meter"}};
  for (const auto& [from, to] : k_same) {
    if (u == from) return to;
  }
  if (u.size() > 3 && u.back() == 's') u.pop_back();  // plural
  return u;
}

namespace {

// Units of measure, as opposed to counted nouns: "280" with unit km and
// "100" with unit miles are not the same kind of count.
bool is_measure_unit(std::string_view unit) {
  static constexpr const char* k_measures[] = {"kilometer", "mile", "meter", "usd", "eur", "gbp", "percent", "year",
                                               "month", "week", "day", "hour", "minute", "second", "ton", "tonne",
                                               "kilogram", "liter", "litre", "acre", "hectare", "square kilometer"};
  std::string k = unit_key(unit);
  for (const char* m : k_measures) {
    if (k == m) return true;
  }
  return false;
}

}  // namespace

bool comparable(const Figure& a, const Figure& b) {
  Scale sa = scale_of(a.kind), sb = scale_of(b.kind);
  if ((sa == Scale::share) != (sb == Scale::share)) return false;
  if (sa == Scale::share) return true;
  auto timeish = [](FigureKind k) { return k == FigureKind::date || k == FigureKind::year || k == FigureKind::time; };
  if (timeish(a.kind) || timeish(b.kind)) return a.kind == b.kind;
  // Counts count different nouns ("people", "civilians") of one metric; a
  // bare number ("280" with --unit km) takes its unit from the claim.
  bool same_unit = a.unit.empty() || b.unit.empty() || unit_key(a.unit) == unit_key(b.unit);
  if (sa == Scale::count && sb == Scale::count) {
    return same_unit || (!is_measure_unit(a.unit) && !is_measure_unit(b.unit));
  }
  return same_unit;
}

double common_scale(const Figure& f, double v) { return f.kind == FigureKind::percent ? v / 100.0 : v; }

namespace {

// A fraction and a percent written to its rounding: "a third" and "33%",
// "two-thirds" and "66.7%" state one share.
bool same_share(const Figure& a, const Figure& b) {
  if (a.vague || b.vague || a.kind == b.kind) return false;
  const Figure* pct = a.kind == FigureKind::percent ? &a : b.kind == FigureKind::percent ? &b : nullptr;
  const Figure* frac = a.kind == FigureKind::fraction ? &a : b.kind == FigureKind::fraction ? &b : nullptr;
  if (pct == nullptr || frac == nullptr || pct->step <= 0) return false;
  return std::fabs(frac->value * 100 - pct->value) <= pct->step / 2 + 1e-9;
}

}  // namespace

bool same_figure(const Figure& claim, std::string_view claim_approx, const Figure& quoted_as_read) {
  Figure quoted = quoted_as_read;
  if (scale_of(claim.kind) == Scale::share && quoted.kind == FigureKind::count && quoted.unit.empty() &&
      quoted.value > 0 && quoted.value < 1)
    quoted.kind = FigureKind::fraction;  // "the share was 0.75" against 75 %
  if (!comparable(claim, quoted)) return false;
  Figure c = unqualified(claim), q = unqualified(quoted);
  if (c.vague && !q.vague) {  // a range or vague claim holds what the quote states inside it
    double v = common_scale(q, q.value);
    if (v < common_scale(c, c.low) || v > common_scale(c, c.high)) return false;
    return quoted.approx.empty() || qualifier_class(quoted.approx) == QualifierClass::approximate;
  }
  if (!close(common_scale(c, c.value), common_scale(q, q.value)) && !same_share(c, q)) return false;
  if ((c.vague || q.vague) && !close(common_scale(c, c.high), common_scale(q, q.high))) return false;
  QualifierClass cc = qualifier_class(claim_approx).value_or(QualifierClass::approximate);
  QualifierClass qc = qualifier_class(quoted.approx).value_or(QualifierClass::approximate);
  if (cc == QualifierClass::exact || cc == qc) return true;
  return cc == QualifierClass::approximate && qc == QualifierClass::exact;
}

std::string format_number(double v) {
  if (std::isinf(v)) return v > 0 ? "inf" : "-inf";
  if (std::isnan(v)) return "?";
  double r = std::round(v);
  if (std::fabs(v - r) < 1e-9 * std::max(1.0, std::fabs(v)) && std::fabs(v) < 1e15) {
    std::string digits = std::to_string(static_cast<long long>(std::fabs(r)));
    std::string out;
    for (std::size_t i = 0; i < digits.size(); ++i) {
      if (i > 0 && (digits.size() - i) % 3 == 0) out.push_back(',');
      out.push_back(digits[i]);
    }
    return (r < 0 ? "-" : "") + out;
  }
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.6g", v);
  return buf;
}

std::string format_interval(const ValueInterval& v) {
  std::string lo = std::isinf(v.low) ? "" : format_number(v.low);
  std::string hi = std::isinf(v.high) ? "" : format_number(v.high);
  if (!std::isinf(v.low) && !std::isinf(v.high) && lo == hi) return lo;
  return lo + ".." + hi;
}

}  // namespace provcheck::core
