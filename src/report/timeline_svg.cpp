// The SVG timeline of one subject and metric: as-of date on x, the figure
// (or the status word, one row per word) on y. Laid out in whole pixels so
// the output is byte-stable.
#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <vector>

#include "report/html_parts.h"

namespace provcheck::report::html {
namespace {

constexpr int k_width = 760;
constexpr int k_left = 96, k_right = 24, k_top = 24, k_bottom = 44;
constexpr std::size_t k_max_labels = 24;

std::optional<double> date_point(std::string_view s, bool end) {
  auto digits = [&](std::size_t pos, std::size_t n) -> std::optional<int> {
    if (pos + n > s.size()) return std::nullopt;
    int v = 0;
    for (std::size_t i = pos; i < pos + n; ++i) {
      if (s[i] < '0' || s[i] > '9') return std::nullopt;
      v = v * 10 + (s[i] - '0');
    }
    return v;
  };
  auto year = digits(0, 4);
  if (!year) return std::nullopt;
  double y = *year;
  if (s.size() == 4) return end ? y + 1 : y;
  if (s.size() < 7 || s[4] != '-') return std::nullopt;
  auto month = digits(5, 2);
  if (!month || *month < 1 || *month > 12) return std::nullopt;
  double m = y + (*month - 1) / 12.0;
  if (s.size() == 7) return end ? m + 1 / 12.0 : m;
  if (s.size() < 10 || s[7] != '-') return std::nullopt;
  auto day = digits(8, 2);
  if (!day || *day < 1 || *day > 31) return std::nullopt;
  double d = m + (*day - 1) / 365.25;
  return end ? d + 1 / 365.25 : d;
}

struct Mark {
  const core::AssertionRow* row;
  TimeSpan t;
  double lo = 0, hi = 0;  // figure interval, or the row index of a status word
};

std::string px(double v) { return std::to_string(static_cast<long>(std::lround(v))); }

// Round tick steps: 1, 2 or 5 times a power of ten.
double nice_step(double range, int ticks) {
  double raw = range / ticks;
  double p = std::pow(10.0, std::floor(std::log10(raw)));
  for (double m : {1.0, 2.0, 5.0, 10.0}) {
    if (m * p >= raw) return m * p;
  }
  return 10 * p;
}

std::string truncate(std::string_view s, std::size_t max) {
  if (s.size() <= max) return std::string(s);
  std::size_t cut = max;
  while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
  return std::string(s.substr(0, cut)) + "…";
}

std::vector<Mark> marks_of(const core::AssertionGroup& g, std::vector<std::string>& words) {
  std::vector<Mark> marks;
  bool numeric = std::any_of(g.rows.begin(), g.rows.end(), [](const auto& r) { return r.low && r.high; });
  for (const core::AssertionRow& r : g.rows) {
    auto t = parse_as_of(r.as_of);
    if (!t) continue;
    if (numeric && r.low && r.high) {
      marks.push_back({&r, *t, *r.low, *r.high});
    } else if (!numeric && !r.status_value.empty()) {
      if (std::find(words.begin(), words.end(), r.status_value) == words.end()) words.push_back(r.status_value);
      marks.push_back({&r, *t, 0, 0});
    }
  }
  std::sort(words.begin(), words.end());
  for (Mark& m : marks) {
    if (!m.row->status_value.empty() && !(m.row->low && m.row->high)) {
      double i = static_cast<double>(std::find(words.begin(), words.end(), m.row->status_value) - words.begin());
      m.lo = m.hi = i;
    }
  }
  return marks;
}

}  // namespace

std::optional<TimeSpan> parse_as_of(std::string_view s) {
  std::size_t t = s.find('T');
  std::size_t slash = s.find('/');
  if (slash != std::string_view::npos) {
    std::string_view a = s.substr(0, slash), b = s.substr(slash + 1);
    std::optional<double> from = a == ".." || a.empty() ? std::nullopt : date_point(a.substr(0, a.find('T')), false);
    std::optional<double> to = b == ".." || b.empty() ? std::nullopt : date_point(b.substr(0, b.find('T')), true);
    if (!from && !to) return std::nullopt;
    if (!from) from = *to - 1 / 365.25;
    if (!to) to = *from + 1 / 365.25;
    if (*to < *from) std::swap(*from, *to);
    return TimeSpan{*from, *to};
  }
  if (t != std::string_view::npos) s = s.substr(0, t);
  auto from = date_point(s, false), to = date_point(s, true);
  if (!from || !to) return std::nullopt;
  return TimeSpan{*from, *to};
}

bool wants_timeline(const core::AssertionGroup& g) {
  std::vector<std::string> words;
  std::vector<Mark> marks = marks_of(g, words);
  if (marks.size() < 2) return false;
  std::set<std::string> dates, sources;
  for (const Mark& m : marks) {
    dates.insert(m.row->as_of);
    sources.insert(m.row->source);
  }
  return dates.size() > 1 || sources.size() > 1;
}

std::string timeline_svg(const core::AssertionGroup& g, const std::set<std::string>& conflicted) {
  std::vector<std::string> words;
  std::vector<Mark> marks = marks_of(g, words);
  if (marks.empty()) return "";
  bool numeric = words.empty();
  int height = numeric ? 260 : k_top + k_bottom + 44 * static_cast<int>(std::max<std::size_t>(words.size(), 2));
  double t0 = marks[0].t.from, t1 = marks[0].t.to, v0 = marks[0].lo, v1 = marks[0].hi;
  for (const Mark& m : marks) {
    t0 = std::min(t0, m.t.from);
    t1 = std::max(t1, m.t.to);
    v0 = std::min(v0, m.lo);
    v1 = std::max(v1, m.hi);
  }
  double tpad = std::max((t1 - t0) * 0.06, 1 / 24.0);
  t0 -= tpad;
  t1 += tpad;
  if (numeric) {
    double vpad = v1 > v0 ? (v1 - v0) * 0.12 : std::max(std::abs(v0) * 0.1, 1.0);
    v0 = v0 >= 0 ? std::max(0.0, v0 - vpad) : v0 - vpad;
    v1 += vpad;
  } else {
    v0 = -0.5;
    v1 = static_cast<double>(words.size()) - 0.5;
  }
  const double plot_w = k_width - k_left - k_right, plot_h = height - k_top - k_bottom;
  auto X = [&](double t) { return k_left + (t - t0) / (t1 - t0) * plot_w; };
  auto Y = [&](double v) { return k_top + (v1 - v) / (v1 - v0) * plot_h; };

  std::string label = g.subject + " — " + g.metric + ": " + std::to_string(marks.size()) + " claims over time";
  std::string out = "<svg class=\"timeline\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " +
                    std::to_string(k_width) + " " + std::to_string(height) + "\" width=\"" + std::to_string(k_width) +
                    "\" height=\"" + std::to_string(height) + "\" role=\"img\" aria-label=\"" + esc(label) + "\">\n";
  out += "<title>" + esc(label) + "</title>\n";
  out += "<rect class=\"plot\" x=\"" + px(k_left) + "\" y=\"" + px(k_top) + "\" width=\"" + px(plot_w) +
         "\" height=\"" + px(plot_h) + "\"/>\n";
  // y axis: round figures, or one row per status word.
  if (numeric) {
    double step = nice_step(v1 - v0, 4);
    for (double v = std::ceil(v0 / step) * step; v <= v1 + 1e-9; v += step) {
      out += "<line class=\"grid\" x1=\"" + px(k_left) + "\" x2=\"" + px(k_left + plot_w) + "\" y1=\"" + px(Y(v)) +
             "\" y2=\"" + px(Y(v)) + "\"/><text class=\"tick\" x=\"" + px(k_left - 6) + "\" y=\"" + px(Y(v) + 4) +
             "\" text-anchor=\"end\">" + esc(format_figure(v)) + "</text>\n";
    }
  } else {
    for (std::size_t i = 0; i < words.size(); ++i) {
      double y = Y(static_cast<double>(i));
      out += "<line class=\"grid\" x1=\"" + px(k_left) + "\" x2=\"" + px(k_left + plot_w) + "\" y1=\"" + px(y) +
             "\" y2=\"" + px(y) + "\"/><text class=\"tick\" x=\"" + px(k_left - 6) + "\" y=\"" + px(y + 4) +
             "\" text-anchor=\"end\">" + esc(truncate(words[i], 14)) + "</text>\n";
    }
  }
  // x axis: years, or months when the span is short.
  bool months = t1 - t0 < 2.5;
  double xstep = months ? (t1 - t0 < 0.8 ? 1 / 12.0 : 3 / 12.0) : std::max(1.0, nice_step(t1 - t0, 6));
  static const char* k_month[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  for (double t = std::ceil(t0 / xstep - 1e-9) * xstep; t <= t1; t += xstep) {
    long ym = std::lround(t * 12);
    std::string text = months ? std::string(k_month[ym % 12]) + " " + std::to_string(ym / 12)
                              : std::to_string(std::lround(t));
    out += "<line class=\"grid\" x1=\"" + px(X(t)) + "\" x2=\"" + px(X(t)) + "\" y1=\"" + px(k_top) + "\" y2=\"" +
           px(k_top + plot_h) + "\"/><text class=\"tick\" x=\"" + px(X(t)) + "\" y=\"" + px(k_top + plot_h + 16) +
           "\" text-anchor=\"middle\">" + text + "</text>\n";
  }
  // Marks that fall on one spot share one label, listing their sources:
  // separate labels there would be drawn over each other.
  std::map<std::pair<long, long>, std::vector<std::string>> spot_sources;
  auto spot = [&](const Mark& m) {
    return std::pair<long, long>(std::lround(X((m.t.from + m.t.to) / 2) / 6), std::lround(Y((m.lo + m.hi) / 2) / 6));
  };
  for (const Mark& m : marks) {
    auto& v = spot_sources[spot(m)];
    if (std::find(v.begin(), v.end(), m.row->source) == v.end()) v.push_back(m.row->source);
  }
  std::set<std::pair<long, long>> labelled;
  // One mark per claim: a bar for the as-of interval and the figure's interval, a dot at the middle.
  int n = 0;
  for (const Mark& m : marks) {
    const core::AssertionRow& r = *m.row;
    bool conflict = conflicted.count(r.claim) > 0;
    double cx = X((m.t.from + m.t.to) / 2), cy = Y((m.lo + m.hi) / 2);
    bool holds = r.status.empty() || r.status == "intact" || r.status == "moved";
    std::string cls = std::string("mark") + (conflict ? " conflict" : "") + (holds ? "" : " drift");
    out += "<g class=\"" + cls + "\"><title>" +
           esc(r.claim + ": " + r.value + (r.unit.empty() ? "" : " " + r.unit) + ", as of " + r.as_of +
               (r.as_of_assumed ? " (published)" : "") + ", source " + r.source +
               (r.status.empty() ? "" : ", " + r.status) + (conflict ? ", in conflict" : "")) +
           "</title>";
    if (X(m.t.to) - X(m.t.from) >= 3) {
      out += "<line class=\"span\" x1=\"" + px(X(m.t.from)) + "\" x2=\"" + px(X(m.t.to)) + "\" y1=\"" + px(cy) +
             "\" y2=\"" + px(cy) + "\"/>";
    }
    if (Y(m.lo) - Y(m.hi) >= 3) {
      out += "<line class=\"range\" x1=\"" + px(cx) + "\" x2=\"" + px(cx) + "\" y1=\"" + px(Y(m.lo)) + "\" y2=\"" +
             px(Y(m.hi)) + "\"/>";
    }
    out += "<circle cx=\"" + px(cx) + "\" cy=\"" + px(cy) + "\" r=\"" + (conflict ? "7" : "5") + "\"/>";
    if (conflict) {
      out += "<text class=\"flag\" x=\"" + px(cx + 9) + "\" y=\"" + px(cy + 4) + "\">!</text>";
    }
    // Labels alternate above and below; past k_max_labels marks they would
    // only overlap, and each mark's tooltip still names its source.
    if (marks.size() <= k_max_labels && labelled.insert(spot(m)).second) {
      const std::vector<std::string>& here = spot_sources[spot(m)];
      std::string text = truncate(here.front(), 28);
      if (here.size() > 1) text += " +" + std::to_string(here.size() - 1);
      bool above = n % 2 == 0;
      // Near an edge the label runs inwards, so that it is not cut off.
      const char* anchor = cx > k_width - 110 ? "end" : cx < 110 ? "start" : "middle";
      out += "<text class=\"label\" x=\"" + px(cx) + "\" y=\"" + px(above ? cy - 11 : cy + 19) +
             "\" text-anchor=\"" + anchor + "\">" + esc(text) + "</text>";
      ++n;
    }
    out += "</g>\n";
  }
  out += "</svg>\n";
  return out;
}

}  // namespace provcheck::report::html
