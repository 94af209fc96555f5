// The HTML report's sections about claims side by side (conflicts, figures
// by subject and metric) and about sources, with the small pieces they share.
#include <algorithm>
#include <cmath>
#include <cstdio>

#include "report/escape.h"
#include "report/html_parts.h"

namespace provcheck::report::html {
namespace {

std::string value_cell(const core::AssertionRow& r) {
  std::string v = esc(r.approx.empty() || r.value.find(r.approx) != std::string::npos ? r.value : r.approx + " " + r.value);
  if (!r.unit.empty()) v += " <span class=\"unit\">" + esc(r.unit) + "</span>";
  return v;
}

std::string as_of_cell(const core::AssertionRow& r) {
  if (r.as_of.empty()) return "<span class=\"muted\">not stated</span>";
  std::string s = esc(r.as_of);
  if (r.as_of_assumed) s += " <span class=\"muted\" title=\"not stated: the source's published date\">(published)</span>";
  return s;
}

std::string rows_table(const std::vector<core::AssertionRow>& rows, const std::set<std::string>& conflicted) {
  std::string out = "<table class=\"rows\"><thead><tr><th>claim</th><th>value</th><th>as of</th><th>source</th>"
                    "<th>status</th></tr></thead><tbody>\n";
  for (const core::AssertionRow& r : rows) {
    bool c = conflicted.count(r.claim) > 0;
    out += std::string("<tr") + (c ? " class=\"in-conflict\"" : "") + "><td><a href=\"#" + claim_anchor(r.claim) +
           "\">" + esc(r.claim) + "</a>" + (c ? " <span class=\"flag-text\" title=\"in a conflict\">conflict</span>" : "") +
           "</td><td>" + value_cell(r) + "</td><td>" + as_of_cell(r) + "</td><td>" + esc(r.source) + "</td><td>" +
           (r.status.empty() ? "" : status_badge(r.status)) + "</td></tr>\n";
  }
  return out + "</tbody></table>\n";
}

std::set<std::string> conflicted_claims(const core::CheckReport& r) {
  std::set<std::string> out;
  for (const core::ConflictFinding& c : r.conflicts) out.insert(c.claims.begin(), c.claims.end());
  return out;
}

}  // namespace

std::string esc(std::string_view raw) { return xml_escape(raw); }

std::string claim_anchor(std::string_view claim) {
  std::string out = "claim-";
  for (char c : claim) {
    bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.';
    if (plain) {
      out += c;
    } else {
      char buf[4];
      std::snprintf(buf, sizeof buf, "%02X", static_cast<unsigned char>(c));
      out += "_";
      out += buf;
    }
  }
  return out;
}

std::string status_badge(std::string_view status) {
  bool known = core::parse_status(status).has_value();
  return "<span class=\"badge st-" + (known ? std::string(status) : std::string("other")) + "\">" + esc(status) +
         "</span>";
}

std::string severity_badge(core::Severity s) {
  return std::string("<span class=\"sev sev-") + core::severity_name(s) + "\">" + core::severity_name(s) + "</span>";
}

std::string format_figure(double v) {
  double a = std::abs(v);
  char buf[64];
  if (a >= 1e9 && std::fmod(a, 1e7) == 0) {
    std::snprintf(buf, sizeof buf, "%g billion", v / 1e9);
    return buf;
  }
  if (a >= 1e6 && std::fmod(a, 1e4) == 0) {
    std::snprintf(buf, sizeof buf, "%g million", v / 1e6);
    return buf;
  }
  if (a != std::floor(a) || a >= 1e15) {
    std::snprintf(buf, sizeof buf, "%.6g", v);
    return buf;
  }
  std::string digits = std::to_string(static_cast<long long>(a));
  std::string out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return (v < 0 ? "-" : "") + out;
}

// Each side's own quote with its source and dates, side by side: what the
// reader must weigh, not only ids and values.
std::string sides_html(const ReportData& data, const core::ConflictFinding& c) {
  std::string out = "<div class=\"sides\">";
  for (const core::AssertionRow& r : c.sides) {
    auto q = data.claim_quote.find(r.claim);
    auto src = std::lower_bound(data.sources.begin(), data.sources.end(), r.source,
                                [](const SourceRow& s, const std::string& k) { return s.id < k; });
    bool known = src != data.sources.end() && src->id == r.source;
    std::string source = known && !src->title.empty() ? src->title : r.source;
    std::string dates = "as of " + (r.as_of.empty() ? std::string("(no date)") : r.as_of + (r.as_of_assumed ? " (published)" : ""));
    if (known && !src->published.empty()) dates += " · published " + src->published;
    out += "<figure class=\"side\"><figcaption><a href=\"#" + claim_anchor(r.claim) + "\">" + esc(r.claim) +
           "</a>: <strong>" + esc((r.approx.empty() || r.value.find(r.approx) != std::string::npos ? "" : r.approx + " ") +
                                  r.value + (r.unit.empty() ? "" : " " + r.unit)) +
           "</strong></figcaption>";
    if (q != data.claim_quote.end()) out += "<blockquote>" + esc(q->second) + "</blockquote>";
    out += "<p class=\"muted\">" + esc(source) + (known && !src->publisher.empty() ? " · " + esc(src->publisher) : "") +
           " · " + esc(dates) + "</p></figure>";
  }
  return out + "</div>\n";
}

std::string conflicts_section(const ReportData& data) {
  const auto& conflicts = data.check.conflicts;
  std::string out = "<section id=\"conflicts\"><h2>Conflicts between claims <span class=\"count\">" +
                    std::to_string(conflicts.size()) + "</span></h2>\n";
  if (conflicts.empty()) {
    return out + "<p class=\"muted\">No conflicts between claims in this check.</p></section>\n";
  }
  std::set<std::string> none;
  for (const core::ConflictFinding& c : conflicts) {
    out += "<article class=\"conflict f-" + std::string(core::severity_name(c.severity)) + "\"><h3>" +
           severity_badge(c.severity) + " <span class=\"kind\">" + esc(core::conflict_kind_name(c.kind)) + "</span> " +
           esc(c.subject) + (c.metric.empty() ? "" : " · " + esc(c.metric)) + "</h3>\n<p class=\"why\">" +
           esc(c.message) + "</p>\n";
    if (!c.sides.empty()) {
      out += rows_table(c.sides, none) + sides_html(data, c);
    } else {
      out += "<p>Claims: ";
      for (std::size_t i = 0; i < c.claims.size(); ++i) {
        out += (i ? ", " : "") + std::string("<a href=\"#") + claim_anchor(c.claims[i]) + "\">" + esc(c.claims[i]) + "</a>";
      }
      out += "</p>\n";
    }
    out += "</article>\n";
  }
  return out + "</section>\n";
}

std::string figures_section(const ReportData& data) {
  const auto& groups = data.check.groups;
  std::string out = "<section id=\"figures\"><h2>Figures by subject and metric <span class=\"count\">" +
                    std::to_string(groups.size()) + "</span></h2>\n";
  if (groups.empty()) {
    return out + "<p class=\"muted\">No claims grouped by subject and metric in this check.</p></section>\n";
  }
  std::set<std::string> conflicted = conflicted_claims(data.check);
  for (const core::AssertionGroup& g : groups) {
    std::size_t n = 0;
    for (const auto& r : g.rows) n += conflicted.count(r.claim);
    out += "<article class=\"group\"><h3>" + esc(g.subject) + " · " + esc(g.metric) + " <span class=\"count\">" +
           std::to_string(g.rows.size()) + (g.rows.size() == 1 ? " claim" : " claims") + "</span>" +
           (n ? " <span class=\"flag-text\">" + std::to_string(n) + " in conflict</span>" : "") + "</h3>\n";
    if (wants_timeline(g)) {
      out += "<figure>" + timeline_svg(g, conflicted) +
             "<figcaption class=\"legend\">One mark per claim, labelled by its source: a horizontal bar spans the "
             "period the claim speaks of, a vertical one the range its value stands for; an arrow: that range runs past "
             "the axis, which spans the exact figures. Two claims of one source are labelled with their ids too; hover "
             "a mark for its claim. Red with ! : in a conflict; orange: its citation drifted.</figcaption></figure>\n";
    }
    out += rows_table(g.rows, conflicted) + "</article>\n";
  }
  return out + "</section>\n";
}

std::string sources_section(const ReportData& data) {
  std::string out = "<section id=\"sources\"><h2>Sources <span class=\"count\">" + std::to_string(data.sources.size()) +
                    "</span></h2>\n<div class=\"scroll\"><table class=\"sources\"><thead><tr><th>id</th><th>title</th>"
                    "<th>publisher</th><th>published</th><th>retrieved</th><th>hash</th><th>citations</th>"
                    "<th>status</th></tr></thead><tbody>\n";
  for (const SourceRow& s : data.sources) {
    std::string title = esc(s.title.empty() ? s.id : s.title);
    if (auto link = safe_link(s.url)) {
      title = "<a href=\"" + esc(*link) + "\" rel=\"noopener noreferrer nofollow\">" + title + "</a>";
    } else if (!s.url.empty()) {
      title += "<br><span class=\"muted url\">" + esc(s.url) + "</span>";
    }
    std::string status;
    if (!s.problem.empty()) {
      status = "<span class=\"badge st-source_missing\">unusable</span> " + esc(s.problem);
    } else if (!s.captured_hash.empty() && !s.current_hash.empty() && s.captured_hash != s.current_hash) {
      status = "<span class=\"badge st-modified\">changed since capture</span>";
    } else {
      status = "<span class=\"badge st-intact\">as captured</span>";
    }
    std::string hash = s.current_hash.empty() ? s.captured_hash : s.current_hash;
    out += "<tr id=\"source-" + esc(s.id) + "\"><td><code>" + esc(s.id) + "</code><br><span class=\"muted\">" +
           esc(s.file) + "</span></td><td>" + title + "</td><td>" + esc(s.publisher) + "</td><td>" + esc(s.published) +
           "</td><td title=\"" + esc(s.retrieved) + "\">" + esc(s.retrieved.substr(0, 10)) +
           "</td><td><code class=\"hash\" title=\"" + esc(hash) + "\">" +
           esc(hash.substr(0, std::min<std::size_t>(hash.size(), 17))) + (hash.size() > 17 ? "…" : "") +
           "</code></td><td class=\"num\">" + std::to_string(s.citations) + "</td><td>" + status + "</td></tr>\n";
  }
  return out + "</tbody></table></div></section>\n";
}

}  // namespace provcheck::report::html
