// The Review page: the check, worst first. Each citation that is not
// intact shows its old and new passage side by side, the word diff, the
// passage in place, and a button to accept it (`claim accept`); a changed
// figure has its own confirmation box, and "accept all" leaves figure
// changes alone, as `claim accept --all` does. Then the report's own
// conflict section, subject tables and SVG timelines.
#include <algorithm>

#include "core/verdict.h"
#include "report/escape.h"
#include "report/html_parts.h"
#include "server/pages.h"

namespace provcheck::server {
namespace {

std::string n(std::size_t v) { return std::to_string(v); }

std::string diff_html(const std::string& diff) {
  std::string out = "<div class=\"diff\">";
  for (const report::DiffPiece& p : report::parse_word_diff(diff)) {
    if (p.kind == report::DiffPiece::Kind::removed) out += "<del>" + esc(p.text) + "</del>";
    else if (p.kind == report::DiffPiece::Kind::added) out += "<ins>" + esc(p.text) + "</ins>";
    else out += esc(p.text);
  }
  return out + "</div>\n";
}

bool acceptable(const core::CitationFinding& f) {
  return f.found_start.has_value() && f.status != core::CitationStatus::missing &&
         f.status != core::CitationStatus::ambiguous && f.status != core::CitationStatus::source_missing &&
         f.severity != core::Severity::ok;
}

std::string accept_form(const core::CitationFinding& f, const PageContext& ctx) {
  std::string out = "<form method=\"post\" action=\"/accept\" class=\"accept\">" + token_field(ctx) +
                    "<input type=\"hidden\" name=\"claim\" value=\"" + esc(f.claim) + "\">";
  if (f.status == core::CitationStatus::figure_changed) {
    out += "<label class=\"confirm\"><input type=\"checkbox\" name=\"confirm_figure\" value=\"yes\" required id=\"confirm-" +
           esc(f.claim) + "\"> I have checked the new figure and the claim still stands on this passage</label> "
           "<button type=\"submit\" class=\"danger\" id=\"accept-" + esc(f.claim) + "\">Accept the figure change</button>";
  } else {
    out += "<button type=\"submit\" id=\"accept-" + esc(f.claim) + "\">Accept the new passage</button>";
  }
  return out + "</form>\n";
}

std::string finding_html(const report::ReportData& d, const core::CitationFinding& f, const PageContext& ctx) {
  std::string status = core::status_name(f.status);
  std::string out = "<article class=\"finding f-" + std::string(core::severity_name(f.severity)) + "\" id=\"" +
                    esc(report::html::claim_anchor(f.claim)) + "\" data-status=\"" + esc(status) + "\"><h3>" +
                    report::html::severity_badge(f.severity) + " " + report::html::status_badge(status) +
                    " <a href=\"/claim?id=" + esc(url_encode(f.claim)) + "\">" + esc(f.claim) +
                    "</a> <span class=\"muted\">cites</span> <a href=\"/reader?source=" + esc(url_encode(f.source)) + "\">" +
                    esc(f.source) + "</a></h3>\n";
  if (auto t = d.claim_text.find(f.claim); t != d.claim_text.end() && !t->second.empty()) {
    out += "<p class=\"claim-text\">" + esc(t->second) + "</p>\n";
  }
  if (!f.message.empty()) out += "<p class=\"msg\">" + esc(f.message) + "</p>\n";
  out += "<div class=\"sides\"><div><h4>pinned passage</h4><blockquote class=\"old\">" + esc(f.old_passage) +
         "</blockquote></div><div><h4>the source now</h4><blockquote class=\"new\">" +
         (f.new_passage.empty() ? "<span class=\"muted\">no passage found</span>" : esc(f.new_passage)) +
         "</blockquote></div></div>\n";
  if (!f.diff.empty()) out += diff_html(f.diff);
  if (auto w = d.windows.find(report::window_key(f.claim, f.index)); w != d.windows.end()) {
    const report::PassageWindow& pw = w->second;
    std::uint64_t s = pw.start + pw.before.size();
    out += "<blockquote class=\"context\">" + std::string(pw.cut_before ? "… " : "") + esc(pw.before) + "<mark>" +
           esc(pw.passage) + "</mark>" + esc(pw.after) + (pw.cut_after ? " …" : "") + "</blockquote>\n" +
           "<p class=\"where\">" + esc(f.claim_file) + ":" + n(static_cast<std::size_t>(f.claim_line)) +
           " · <a href=\"/reader?source=" + esc(url_encode(f.source)) + "&amp;at=" + n(s) + "&amp;end=" +
           n(s + pw.passage.size()) + "#hit\">in the reader</a>" +
           (f.since.empty() ? "" : " · since " + esc(f.since)) + "</p>\n";
  }
  if (acceptable(f)) out += accept_form(f, ctx);
  return out + "</article>\n";
}

}  // namespace

std::string review_page(const report::ReportData& d, const PageContext& ctx) {
  const core::CheckSummary& s = d.check.summary;
  auto failures = report::failures_first(d.check);
  std::erase_if(failures, [](const core::CitationFinding* f) { return f->severity == core::Severity::ok; });
  std::string cls = s.errors ? "bad" : s.warnings ? "warn" : "good";
  std::string body = "<h1>Review</h1>\n<p class=\"verdict " + cls + "\">" + n(s.claims) + " claims, " + n(s.citations) +
                     " citations: " + n(s.errors) + " errors, " + n(s.warnings) + " warnings, " + n(s.conflicts) +
                     " conflicts.</p>\n";
  std::size_t drift = static_cast<std::size_t>(std::count_if(failures.begin(), failures.end(), [](const core::CitationFinding* f) {
    return acceptable(*f) && f->status != core::CitationStatus::figure_changed;
  }));
  if (drift > 0) {
    body += "<form method=\"post\" action=\"/accept\" class=\"accept-all\">" + token_field(ctx) +
            "<input type=\"hidden\" name=\"all\" value=\"yes\"><button type=\"submit\" id=\"accept-all\">" +
            (drift == 1 ? std::string("Accept the drifted passage") : "Accept all " + n(drift) + " drifted passages") + "</button> <span class=\"muted\">(changed figures are never included: accept "
            "each one below)</span></form>\n";
  }
  body += "<section id=\"attention\"><h2>Needs attention <span class=\"count\">" + n(failures.size()) + "</span></h2>\n";
  if (failures.empty()) body += "<p class=\"muted\">Nothing: every citation holds.</p>\n";
  for (const core::CitationFinding* f : failures) body += finding_html(d, *f, ctx);
  body += "</section>\n";
  body += report::html::conflicts_section(d);
  body += report::html::figures_section(d);
  return layout("Review", "review", body, ctx);
}

}  // namespace provcheck::server
