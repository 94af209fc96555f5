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

// A figure is vague when its interval is wide for its size ("hundreds of
// thousands": 100,000 to 999,999); "about 12,000" (±5%) is not.
bool is_vague(const Mark& m) {
  double size = std::max(std::abs(m.lo), std::abs(m.hi));
  return m.hi - m.lo > 0.5 * size;
}

// Text boxes estimated from the number of characters (the widths of a
// proportional font vary; 0.62 em is about the widest usual average), so
// that labels are kept apart from each other and from the ticks.
constexpr double k_tick_font = 12, k_label_font = 11, k_flag_font = 14;

struct Box {
  double x0, y0, x1, y1;
};

bool overlaps(const Box& a, const Box& b) { return a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1; }

Box text_box(double x, double y, std::string_view anchor, std::string_view text, double font) {
  std::size_t chars = 0;
  for (char c : text) chars += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  double w = static_cast<double>(chars) * font * 0.62;
  double left = anchor == "end" ? x - w : anchor == "middle" ? x - w / 2 : x;
  return {left, y - font * 0.8, left + w, y + font * 0.25};
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
    // A vague figure ("hundreds of thousands") would squash the exact ones
    // into one line: the axis then spans the exact figures (with a margin)
    // and the bars that run past it end in an arrow.
    double e0 = 0, e1 = 0;
    bool any_exact = false;
    for (const Mark& m : marks) {
      if (is_vague(m)) continue;
      e0 = any_exact ? std::min(e0, m.lo) : m.lo;
      e1 = any_exact ? std::max(e1, m.hi) : m.hi;
      any_exact = true;
    }
    bool clipped = false;
    if (any_exact) {
      double epad = e1 > e0 ? (e1 - e0) * 0.15 : std::max(std::abs(e0) * 0.1, 1.0);
      double c0 = e0 >= 0 ? std::max(0.0, e0 - epad) : e0 - epad, c1 = e1 + epad;
      if (v0 < c0 || v1 > c1) {
        v0 = c0;
        v1 = c1;
        clipped = true;
      }
    }
    if (!clipped) {
      double vpad = v1 > v0 ? (v1 - v0) * 0.12 : std::max(std::abs(v0) * 0.1, 1.0);
      v0 = v0 >= 0 ? std::max(0.0, v0 - vpad) : v0 - vpad;
      v1 += vpad;
    }
  } else {
    v0 = -0.5;
    v1 = static_cast<double>(words.size()) - 0.5;
  }
  const double plot_w = k_width - k_left - k_right, plot_h = height - k_top - k_bottom;
  auto X = [&](double t) { return k_left + (t - t0) / (t1 - t0) * plot_w; };
  auto Y = [&](double v) { return k_top + (v1 - std::clamp(v, v0, v1)) / (v1 - v0) * plot_h; };

  std::vector<Box> taken;  // ticks, dots and text drawn so far: labels go elsewhere
  std::string label = g.subject + " — " + g.metric + ": " + std::to_string(marks.size()) + " claims over time";
  std::string out = "<svg class=\"timeline\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " +
                    std::to_string(k_width) + " " + std::to_string(height) + "\" width=\"" + std::to_string(k_width) +
                    "\" height=\"" + std::to_string(height) + "\" role=\"img\" aria-label=\"" + esc(label) + "\">\n";
  out += "<title>" + esc(label) + "</title>\n";
  out += "<rect class=\"plot\" x=\"" + px(k_left) + "\" y=\"" + px(k_top) + "\" width=\"" + px(plot_w) +
         "\" height=\"" + px(plot_h) + "\"/>\n";
  auto tick = [&](double x, double y, const char* anchor, const std::string& text) {
    Box b = text_box(std::round(x), std::round(y), anchor, text, k_tick_font);
    for (const Box& o : taken) {
      if (overlaps(b, o)) return std::string();  // a tick label that would collide is left out
    }
    taken.push_back(b);
    return "<text class=\"tick\" x=\"" + px(x) + "\" y=\"" + px(y) + "\" text-anchor=\"" + anchor + "\">" + esc(text) +
           "</text>";
  };
  // y axis: round figures, or one row per status word.
  if (numeric) {
    double step = nice_step(v1 - v0, 4);
    for (double v = std::ceil(v0 / step) * step; v <= v1 + 1e-9; v += step) {
      out += "<line class=\"grid\" x1=\"" + px(k_left) + "\" x2=\"" + px(k_left + plot_w) + "\" y1=\"" + px(Y(v)) +
             "\" y2=\"" + px(Y(v)) + "\"/>" + tick(k_left - 6, Y(v) + 4, "end", format_figure(v)) + "\n";
    }
  } else {
    for (std::size_t i = 0; i < words.size(); ++i) {
      double y = Y(static_cast<double>(i));
      out += "<line class=\"grid\" x1=\"" + px(k_left) + "\" x2=\"" + px(k_left + plot_w) + "\" y1=\"" + px(y) +
             "\" y2=\"" + px(y) + "\"/>" + tick(k_left - 6, y + 4, "end", truncate(words[i], 14)) + "\n";
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
           px(k_top + plot_h) + "\"/>" + tick(X(t), k_top + plot_h + 16, "middle", text) + "\n";
  }
  // Marks that fall on one spot share one label, listing their sources:
  // separate labels there would be drawn over each other.
  std::map<std::pair<long, long>, std::vector<std::string>> spot_sources;
  auto spot = [&](const Mark& m) {
    return std::pair<long, long>(std::lround(X((m.t.from + m.t.to) / 2) / 6), std::lround(Y((m.lo + m.hi) / 2) / 6));
  };
  std::map<std::string, std::set<std::pair<long, long>>> source_spots;
  for (const Mark& m : marks) {
    auto& v = spot_sources[spot(m)];
    if (std::find(v.begin(), v.end(), m.row->source) == v.end()) v.push_back(m.row->source);
    source_spots[m.row->source].insert(spot(m));
  }
  for (const Mark& m : marks) {
    double cx = X((m.t.from + m.t.to) / 2), cy = Y((m.lo + m.hi) / 2);
    taken.push_back({cx - 7, cy - 7, cx + 7, cy + 7});
  }
  const Box plot_box{k_left + 2.0, k_top + 2.0, k_left + plot_w - 2, k_top + plot_h - 2};
  std::set<std::pair<long, long>> labelled;
  // One mark per claim: a bar for the as-of interval and the figure's interval, a dot at the middle.
  int n = 0;
  for (const Mark& m : marks) {
    const core::AssertionRow& r = *m.row;
    bool conflict = conflicted.count(r.claim) > 0;
    double cx = X((m.t.from + m.t.to) / 2), cy = Y((m.lo + m.hi) / 2);
    bool holds = r.status.empty() || r.status == "intact" || r.status == "moved";
    std::string cls = std::string("mark") + (conflict ? " conflict" : "") + (holds ? "" : " drift");
    out += "<g class=\"" + cls + "\" data-claim=\"" + esc(r.claim) + "\"><title>" +
           esc(r.claim + ": " + r.value + (r.unit.empty() ? "" : " " + r.unit) + ", as of " + r.as_of +
               (r.as_of_assumed ? " (published)" : "") + ", source " + r.source +
               (r.status.empty() ? "" : ", " + r.status) + (conflict ? ", in conflict" : "")) +
           "</title>";
    if (X(m.t.to) - X(m.t.from) >= 3) {
      out += "<line class=\"span\" x1=\"" + px(X(m.t.from)) + "\" x2=\"" + px(X(m.t.to)) + "\" y1=\"" + px(cy) +
             "\" y2=\"" + px(cy) + "\"/>";
    }
    if (numeric && Y(m.lo) - Y(m.hi) >= 3) {
      out += "<rect class=\"range\" x=\"" + px(cx - 4) + "\" y=\"" + px(Y(m.hi)) + "\" width=\"8\" height=\"" +
             px(Y(m.lo) - Y(m.hi)) + "\"/>";
    }
    out += "<circle cx=\"" + px(cx) + "\" cy=\"" + px(cy) + "\" r=\"" + (conflict ? "7" : "5") + "\"/>";
    // The part of a figure's interval past the clipped axis: an arrow at the edge
    // (above the plot, drawn after the dot, which sits on the edge).
    if (numeric && m.hi > v1) {
      out += "<path class=\"past\" d=\"M" + px(cx - 6) + " " + px(k_top - 1) + "L" + px(cx + 6) + " " + px(k_top - 1) +
             "L" + px(cx) + " " + px(k_top - 11) + "Z\"><title>" + esc(r.claim + " runs up to " + format_figure(m.hi)) +
             "</title></path>";
    }
    if (numeric && m.lo < v0 && v0 > 0) {
      double b = k_top + plot_h;
      out += "<path class=\"past\" d=\"M" + px(cx - 6) + " " + px(b - 9) + "L" + px(cx + 6) + " " + px(b - 9) + "L" +
             px(cx) + " " + px(b) + "Z\"><title>" + esc(r.claim + " runs down to " + format_figure(m.lo)) +
             "</title></path>";
    }
    if (conflict) {
      Box b = text_box(std::round(cx + 9), std::round(cy + 4), "start", "!", k_flag_font);
      if (std::none_of(taken.begin(), taken.end(), [&](const Box& o) { return overlaps(b, o); })) {
        taken.push_back(b);
        out += "<text class=\"flag\" x=\"" + px(cx + 9) + "\" y=\"" + px(cy + 4) + "\">!</text>";
      }
    }
    // Each label goes to the first free place around its mark (above or
    // below first, alternating, then beside, then further out); a label with
    // no free place is left out, its mark's tooltip and the table still name
    // the source and the claim.
    if (marks.size() <= k_max_labels && labelled.insert(spot(m)).second) {
      const std::vector<std::string>& here = spot_sources[spot(m)];
      std::string text = truncate(here.front(), 28);
      if (here.size() > 1) {
        text += " +" + std::to_string(here.size() - 1);
      } else if (source_spots[r.source].size() > 1) {
        text += " · " + truncate(r.claim, 20);  // two claims of one source, told apart
      }
      bool above = n % 2 == 0;
      struct Place {
        double x, y;
        const char* anchor;
      };
      std::vector<Place> places;
      for (int ring = 0; ring < 3; ++ring) {
        double up = cy - 11 - 14 * ring, down = cy + 19 + 14 * ring;
        places.push_back({cx, above ? up : down, "middle"});
        places.push_back({cx, above ? down : up, "middle"});
        places.push_back({cx + 10 + 8 * ring, cy + 4, "start"});
        places.push_back({cx - 10 - 8 * ring, cy + 4, "end"});
      }
      for (Place p : places) {
        // Near an edge a label runs inwards, so that it is not cut off.
        double x = std::lround(p.x), y = std::lround(p.y);
        Box b = text_box(x, y, p.anchor, text, k_label_font);
        if (b.x0 < plot_box.x0) {
          x += plot_box.x0 - b.x0;
        } else if (b.x1 > plot_box.x1) {
          x -= b.x1 - plot_box.x1;
        }
        x = std::round(x);
        b = text_box(x, y, p.anchor, text, k_label_font);
        if (b.y0 < plot_box.y0 || b.y1 > plot_box.y1 || b.x0 < plot_box.x0 - 1 || b.x1 > plot_box.x1 + 1) continue;
        if (std::any_of(taken.begin(), taken.end(), [&](const Box& o) { return overlaps(b, o); })) continue;
        taken.push_back(b);
        out += "<text class=\"label\" x=\"" + px(x) + "\" y=\"" + px(y) + "\" text-anchor=\"" + p.anchor + "\">" +
               esc(text) + "</text>";
        break;
      }
      ++n;
    }
    out += "</g>\n";
  }
  out += "</svg>\n";
  return out;
}

}  // namespace provcheck::report::html
