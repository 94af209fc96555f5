// The HTML report: the page, its summary, the findings that need attention
// and every citation's passage in place. The sections about claims side by
// side and sources are in html_sections.cpp, the timelines in timeline_svg.cpp.
#include "report/report.h"

#include <algorithm>

#include "report/escape.h"
#include "report/html_parts.h"

namespace provcheck::report {
namespace {
using html::esc;

constexpr const char* k_css = R"css(
:root{--fg:#1d2330;--muted:#5b6475;--line:#d9dee7;--bg:#fff;--panel:#f6f7f9;--ok:#1f7a3a;--info:#1c6491;
--warn:#9a5b00;--err:#b3261e;--mark:#fff0a8}
*{box-sizing:border-box}body{margin:0;font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif;
color:var(--fg);background:var(--bg)}main{max-width:1100px;margin:0 auto;padding:0 20px 48px}
header.top{background:#1d2330;color:#fff;padding:18px 20px}header.top .inner{max-width:1100px;margin:0 auto}
header.top h1{margin:0;font-size:22px}header.top p{margin:4px 0 0;color:#c9cfda}
nav{max-width:1100px;margin:0 auto;padding:8px 20px;font-size:14px}nav a{margin-right:14px;color:var(--info)}
h2{font-size:19px;margin:32px 0 10px;padding-bottom:4px;border-bottom:1px solid var(--line)}h3{font-size:16px;margin:0 0 6px}
.count{color:var(--muted);font-weight:normal;font-size:.85em}.muted{color:var(--muted)}code{font:13px/1.4 ui-monospace,Menlo,Consolas,monospace}
.verdict{font-size:17px;font-weight:600;padding:10px 14px;border-radius:6px;margin:18px 0}
.verdict.bad{background:#fbe9e7;color:var(--err)}.verdict.warn{background:#fff4e0;color:var(--warn)}.verdict.good{background:#e6f4ea;color:var(--ok)}
.cards{display:flex;flex-wrap:wrap;gap:10px}.card{background:var(--panel);border:1px solid var(--line);border-radius:6px;padding:8px 14px;min-width:110px}
.card b{display:block;font-size:22px}.card.err b{color:var(--err)}.card.warn b{color:var(--warn)}
table{border-collapse:collapse;margin:8px 0;font-size:14px}th,td{border:1px solid var(--line);padding:4px 8px;text-align:left;vertical-align:top}
th{background:var(--panel)}td.num{text-align:right}.scroll{overflow-x:auto}
.bar{display:inline-block;height:10px;background:var(--info);vertical-align:middle}
.badge{display:inline-block;padding:0 7px;border-radius:10px;font-size:12.5px;font-weight:600;white-space:nowrap;background:#e8eaee}
.st-intact,.st-moved{background:#e6f4ea;color:var(--ok)}.st-normalized{background:#e4f0f8;color:var(--info)}
.st-modified{background:#fff4e0;color:var(--warn)}.st-figure_changed,.st-ambiguous,.st-missing,.st-source_missing{background:#fbe9e7;color:var(--err)}
.sev{font-size:12px;text-transform:uppercase;font-weight:700;letter-spacing:.03em}.sev-error{color:var(--err)}.sev-warning{color:var(--warn)}
.sev-info{color:var(--info)}.sev-ok{color:var(--ok)}
article{border:1px solid var(--line);border-left-width:5px;border-radius:6px;padding:10px 14px;margin:10px 0}
article.f-error{border-left-color:var(--err)}article.f-warning{border-left-color:var(--warn)}article.f-info{border-left-color:var(--info)}
del+ins,ins+del{margin-left:3px}
.claim-text{font-style:italic}.where{font-size:13px;color:var(--muted)}.msg{margin:4px 0}
.context{white-space:pre-wrap;background:var(--panel);border-radius:4px;padding:8px 10px;margin:6px 0;font-size:14px}
.context mark{background:var(--mark);padding:1px 0;outline:1px solid #e0c200}
.pinned-place mark{background:#eceff3;outline:1px dashed var(--muted)}.cut{color:var(--muted)}
.diff{white-space:pre-wrap;background:var(--panel);border-radius:4px;padding:8px 10px;margin:6px 0;font-size:14px}
del{background:#fbe0de;color:#8c1d18;text-decoration:line-through}ins{background:#dcf3e1;color:#0f5a27;text-decoration:none}
.old{white-space:pre-wrap;border-left:3px solid var(--err);padding-left:8px;margin:6px 0}
details{border-bottom:1px solid var(--line);padding:4px 0}details summary{cursor:pointer}details .body{padding:4px 0 8px 18px}
.conflict .why{font-weight:600}.sides{display:grid;grid-template-columns:repeat(auto-fit,minmax(16rem,1fr));gap:12px;margin:10px 0}.side{margin:0;border:1px solid #ddd;border-radius:6px;padding:8px 10px}.side blockquote{margin:6px 0}tr.in-conflict td{background:#fdf1f0}.flag-text{color:var(--err);font-size:12px;font-weight:700}
figure{margin:6px 0;overflow-x:auto}svg.timeline{max-width:100%;height:auto;font:12px system-ui,sans-serif}
svg .plot{fill:#fbfcfd;stroke:var(--line)}svg .grid{stroke:#e7eaf0}svg .tick{fill:var(--muted)}
svg .mark circle{fill:var(--info);stroke:#fff;stroke-width:1.5}svg .mark line{stroke:var(--info);stroke-width:3;opacity:.55}
svg .mark.drift circle{fill:var(--warn)}svg .mark.conflict circle{fill:var(--err);stroke:#5c0f0a;stroke-width:2}
svg .mark rect.range{fill:var(--info);fill-opacity:.22;stroke:var(--info)}svg .mark path.past{fill:var(--info)}
svg .mark.conflict rect.range{fill:var(--err);stroke:var(--err)}svg .mark.conflict path.past{fill:var(--err)}
svg .mark.conflict line{stroke:var(--err)}svg .label{fill:var(--fg);font-size:11px}svg .flag{fill:var(--err);font-weight:700;font-size:14px}
.legend{font-size:13px;color:var(--muted)}.unit{color:var(--muted)}.hash{font-size:12px}
footer{max-width:1100px;margin:0 auto;padding:16px 20px;color:var(--muted);font-size:13px;border-top:1px solid var(--line)}
)css";

std::string n(std::size_t v) { return std::to_string(v); }

std::string summary_section(const ReportData& d) {
  const core::CheckSummary& s = d.check.summary;
  std::string verdict, cls;
  if (s.errors > 0) {
    cls = "bad";
    verdict = "Provenance broken: " + n(s.errors) + (s.errors == 1 ? " error" : " errors") + ", " + n(s.warnings) +
              (s.warnings == 1 ? " warning" : " warnings") + ".";
  } else if (s.warnings > 0) {
    cls = "warn";
    verdict = "No errors; " + n(s.warnings) + (s.warnings == 1 ? " warning needs" : " warnings need") + " a look.";
  } else {
    cls = "good";
    verdict = "Every citation holds" + std::string(s.conflicts == 0 ? " and no claims conflict." : ".");
  }
  std::string out = "<section id=\"summary\"><p class=\"verdict " + cls + "\">" + esc(verdict) + "</p>\n<div class=\"cards\">";
  auto card = [&](const char* label, std::size_t v, const char* c) {
    out += std::string("<div class=\"card") + (v > 0 && *c ? std::string(" ") + c : "") + "\"><b>" + n(v) + "</b>" +
           label + "</div>";
  };
  card("claims", s.claims, "");
  card("citations", s.citations, "");
  card("sources", s.sources, "");
  card("conflicts", s.conflicts, "err");
  card("errors", s.errors, "err");
  card("warnings", s.warnings, "warn");
  out += "</div>\n<table class=\"by-status\"><thead><tr><th>status</th><th>severity</th><th>citations</th><th></th>"
         "</tr></thead><tbody>\n";
  for (core::CitationStatus st : core::k_all_statuses) {
    auto it = s.by_status.find(core::status_name(st));
    std::size_t v = it == s.by_status.end() ? 0 : it->second;
    std::size_t width = s.citations ? (v * 240 + s.citations - 1) / s.citations : 0;
    out += "<tr><td>" + html::status_badge(core::status_name(st)) + "</td><td>" +
           html::severity_badge(core::default_severity(st)) + "</td><td class=\"num\">" + n(v) +
           "</td><td><span class=\"bar\" style=\"width:" + n(width) + "px\"></span></td></tr>\n";
  }
  return out + "</tbody></table></section>\n";
}

std::string diff_html(const std::string& diff) {
  std::string out = "<div class=\"diff\" title=\"word diff: old passage against the passage found now\">";
  for (const DiffPiece& p : parse_word_diff(diff)) {
    if (p.kind == DiffPiece::Kind::removed) out += "<del>" + esc(p.text) + "</del>";
    else if (p.kind == DiffPiece::Kind::added) out += "<ins>" + esc(p.text) + "</ins>";
    else out += esc(p.text);
  }
  return out + "</div>\n";
}

std::string where_line(const core::CitationFinding& f, const SourceRow* src) {
  std::string span = "bytes " + n(f.pinned_start) + "–" + n(f.pinned_end);
  if (f.found_start && f.found_end && (*f.found_start != f.pinned_start || *f.found_end != f.pinned_end)) {
    span = "pinned at bytes " + n(f.pinned_start) + "–" + n(f.pinned_end) + ", found at " + n(*f.found_start) + "–" +
           n(*f.found_end);
  }
  return "<p class=\"where\">" + esc(f.claim_file) + ":" + n(static_cast<std::size_t>(f.claim_line)) + " · " +
         esc(src ? src->file : "sources/" + f.source) + " " + esc(span) +
         (f.similarity > 0 && f.similarity < 1 ? " · similarity " + esc(std::to_string(f.similarity).substr(0, 4)) : "") +
         (f.since.empty() ? "" : " · since " + esc(f.since)) + "</p>\n";
}

// The passage inside its surrounding text, the drift and the old words.
std::string passage_html(const ReportData& d, const core::CitationFinding& f, const SourceRow* src) {
  std::string out;
  auto w = d.windows.find(window_key(f.claim, f.index));
  if (!f.diff.empty()) out += diff_html(f.diff);
  bool found = w != d.windows.end() && !w->second.at_pinned_place;
  if (!found && !f.old_passage.empty()) {
    out += "<p class=\"muted\">Not found in the source as it is now. The pinned passage read:</p>"
           "<blockquote class=\"old\">" + esc(f.old_passage) + "</blockquote>\n";
  }
  if (w != d.windows.end()) {
    const PassageWindow& pw = w->second;
    if (pw.at_pinned_place) {
      out += !pw.mapped ? "<p class=\"muted\">Around its old place (the pinned version is no longer in the store, so "
                          "its words cannot be followed) the source now reads:</p>"
             : pw.passage.empty() ? "<p class=\"muted\">Its words were removed; around their old place the source now reads:</p>"
                                  : "<p class=\"muted\">Where the passage was, the source now reads:</p>";
    }
    std::string mark = pw.passage.empty() ? "" : "<mark>" + esc(pw.passage) + "</mark>";
    out += std::string("<blockquote class=\"context") + (pw.at_pinned_place ? " pinned-place" : "") + "\">" +
           (pw.cut_before ? "<span class=\"cut\">… </span>" : "") + esc(pw.before) + mark + esc(pw.after) +
           (pw.cut_after ? "<span class=\"cut\"> …</span>" : "") + "</blockquote>\n";
  }
  out += where_line(f, src);
  auto live = d.live_links.find(window_key(f.claim, f.index));
  if (live != d.live_links.end()) {
    if (auto link = safe_link(live->second)) {
      out += "<p class=\"live\"><a href=\"" + esc(*link) + "\" rel=\"noreferrer noopener\" target=\"_blank\" "
             "title=\"opens the page at the passage, highlighted, in browsers that support text fragments\">"
             "Open the passage in the live page</a></p>\n";
    }
  }
  return out;
}

const SourceRow* source_of(const ReportData& d, const std::string& id) {
  auto it = std::lower_bound(d.sources.begin(), d.sources.end(), id,
                             [](const SourceRow& r, const std::string& k) { return r.id < k; });
  return it != d.sources.end() && it->id == id ? &*it : nullptr;
}

std::string claim_line(const ReportData& d, const std::string& claim) {
  auto t = d.claim_text.find(claim);
  return t == d.claim_text.end() || t->second.empty()
             ? ""
             : "<p class=\"claim-text\"><span class=\"muted\">Claim:</span> " + esc(t->second) + "</p>\n";
}

std::string attention_section(const ReportData& d) {
  auto failures = failures_first(d.check);
  std::string out = "<section id=\"attention\"><h2>Needs attention <span class=\"count\">" + n(failures.size()) +
                    "</span></h2>\n";
  if (failures.empty()) return out + "<p class=\"muted\">Nothing: every citation is intact or moved.</p></section>\n";
  for (const core::CitationFinding* f : failures) {
    out += "<article class=\"finding f-" + std::string(core::severity_name(f->severity)) + "\"><h3>" +
           html::severity_badge(f->severity) + " " + html::status_badge(core::status_name(f->status)) + " " +
           "<a href=\"#" + html::claim_anchor(f->claim) + "\">" + esc(f->claim) + "</a> <span class=\"muted\">cites</span> " +
           "<a href=\"#source-" + esc(f->source) + "\">" + esc(f->source) + "</a></h3>\n" + claim_line(d, f->claim) +
           (f->message.empty() ? "" : "<p class=\"msg\">" + esc(f->message) + "</p>\n") +
           passage_html(d, *f, source_of(d, f->source)) + "</article>\n";
  }
  return out + "</section>\n";
}

std::string citations_section(const ReportData& d) {
  std::string out = "<section id=\"citations\"><h2>Every citation <span class=\"count\">" + n(d.check.citations.size()) +
                    "</span></h2>\n<p class=\"legend\">Each passage highlighted inside its source's text. Open one to "
                    "read it.</p>\n";
  std::string last_claim;
  for (const core::CitationFinding& f : d.check.citations) {
    bool first = f.claim != last_claim;
    last_claim = f.claim;
    out += "<details" + (first ? " id=\"" + html::claim_anchor(f.claim) + "\"" : std::string()) + "><summary>" +
           html::status_badge(core::status_name(f.status)) + " <b>" + esc(f.claim) + "</b>" +
           (f.index > 0 ? " <span class=\"muted\">citation " + n(static_cast<std::size_t>(f.index) + 1) + "</span>" : "") +
           " <span class=\"muted\">cites</span> " + esc(f.source) + "</summary><div class=\"body\">\n" +
           claim_line(d, f.claim) + (f.message.empty() ? "" : "<p class=\"msg\">" + esc(f.message) + "</p>\n") +
           passage_html(d, f, source_of(d, f.source)) + "</div></details>\n";
  }
  return out + "</section>\n";
}

}  // namespace

std::string render_report_html(const ReportData& d) {
  std::string out;
  out.reserve(4096 + d.check.citations.size() * 1400);
  out += "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
         "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; "
         "img-src data:; base-uri 'none'; form-action 'none'\">\n"
         "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
         "<meta name=\"generator\" content=\"provcheck " + esc(d.tool_version) + "\">\n"
         "<title>provcheck consistency report</title>\n<style>" + std::string(k_css) + "</style>\n</head>\n<body>\n";
  out += "<header class=\"top\"><div class=\"inner\"><h1>Consistency report</h1><p>" + n(d.check.summary.claims) +
         " claims · " + n(d.check.summary.citations) + " citations · " + n(d.check.summary.sources) +
         " sources</p></div></header>\n<nav><a href=\"#summary\">Summary</a><a href=\"#attention\">Needs attention</a>"
         "<a href=\"#conflicts\">Conflicts</a><a href=\"#figures\">Figures</a><a href=\"#citations\">Every citation</a>"
         "<a href=\"#sources\">Sources</a></nav>\n<main>\n";
  out += summary_section(d);
  out += attention_section(d);
  out += html::conflicts_section(d);
  out += html::figures_section(d);
  out += citations_section(d);
  out += html::sources_section(d);
  out += "</main>\n<footer>Written by provcheck " + esc(d.tool_version) +
         ". Hashes are XXH3: they detect change, they do not resist forgery.</footer>\n</body>\n</html>\n";
  return out;
}

}  // namespace provcheck::report
