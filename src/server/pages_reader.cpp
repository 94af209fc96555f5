// The Reader: one source's text layer cut into runs at every line break,
// pin edge and figure edge. Each run is a <span> carrying its byte range
// (data-b, data-e), so /static/desk.js turns a mouse selection into the
// exact bytes of the layer; pinned runs are <mark>ed with their claims in
// the margin, figures carry their reading in a title (hover). Also the
// "Pin a claim" form.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <set>

#include "core/figures.h"
#include "report/escape.h"
#include "server/pages.h"

namespace provcheck::server {
namespace {

std::string num(double v) {
  char buf[64];
  if (std::fabs(v) < 1e15 && v == std::floor(v)) std::snprintf(buf, sizeof buf, "%.0f", v);
  else std::snprintf(buf, sizeof buf, "%.6g", v);
  return buf;
}

std::string figure_title(const core::Figure& f) {
  std::string t = std::string(core::figure_kind_name(f.kind)) + ": " + (f.iso.empty() ? num(f.value) : f.iso);
  if (!f.unit.empty()) t += " " + f.unit;
  if (!f.approx.empty()) t += " (" + f.approx + ")";
  if (f.iso.empty()) t += "; interval " + num(f.low) + " to " + num(f.high);
  return t;
}

std::string pin_anchor(const std::string& claim, int index) { return "pin-" + claim + "-" + std::to_string(index); }

// Cuts the text into runs and writes them.
std::string text_runs(const app::ReaderData& d, std::optional<Hit> hit) {
  const std::string& text = d.text;
  std::vector<std::uint64_t> cuts = {0, text.size()};
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\n') {
      cuts.push_back(i);
      cuts.push_back(i + 1);
    }
  }
  for (const auto& p : d.pins) {
    cuts.push_back(p.start);
    cuts.push_back(p.end);
  }
  for (const auto& f : d.figures) {
    cuts.push_back(std::min<std::uint64_t>(f.start, text.size()));
    cuts.push_back(std::min<std::uint64_t>(f.end, text.size()));
  }
  if (hit) {
    cuts.push_back(std::min<std::uint64_t>(hit->start, text.size()));
    cuts.push_back(std::min<std::uint64_t>(hit->end, text.size()));
  }
  std::sort(cuts.begin(), cuts.end());
  cuts.erase(std::unique(cuts.begin(), cuts.end()), cuts.end());
  auto index_of = [&](std::uint64_t b) { return std::lower_bound(cuts.begin(), cuts.end(), b) - cuts.begin(); };
  // Pins and figures covering each run: +1 at the run of the start, -1 at the end.
  std::vector<int> pin_delta(cuts.size() + 1, 0);
  std::vector<std::string> starting(cuts.size());
  std::vector<std::string> pin_names(cuts.size());
  for (const auto& p : d.pins) {
    auto a = index_of(p.start), b = index_of(p.end);
    ++pin_delta[a];
    --pin_delta[b];
    starting[a] += "<a class=\"anchor\" id=\"" + esc(pin_anchor(p.claim, p.index)) + "\"></a>";
    for (auto i = a; i < b; ++i) pin_names[i] += (pin_names[i].empty() ? "" : ", ") + p.claim;
  }
  std::vector<int> figure_at(cuts.size(), -1);
  for (std::size_t k = 0; k < d.figures.size(); ++k) {
    const auto& f = d.figures[k];
    if (f.start >= f.end || f.end > text.size()) continue;
    for (auto i = index_of(f.start); i < index_of(f.end); ++i) figure_at[i] = static_cast<int>(k);
  }
  std::string out;
  out.reserve(text.size() * 3);
  int pins = 0;
  for (std::size_t i = 0; i + 1 < cuts.size(); ++i) {
    pins += pin_delta[i];
    std::uint64_t b = cuts[i], e = cuts[i + 1];
    out += starting[i];
    bool in_hit = hit && b >= hit->start && e <= hit->end;
    if (hit && b == hit->start) out += "<a class=\"anchor\" id=\"hit\"></a>";
    std::string cls;
    if (pins > 0) cls += " pin";
    if (figure_at[i] >= 0) cls += " fig";
    if (in_hit) cls += " hit";
    out += "<span data-b=\"" + std::to_string(b) + "\" data-e=\"" + std::to_string(e) + "\"";
    if (!cls.empty()) out += " class=\"" + cls.substr(1) + "\"";
    std::string title;
    if (figure_at[i] >= 0) title = figure_title(d.figures[figure_at[i]]);
    if (pins > 0) title += (title.empty() ? "" : " — ") + std::string("pinned by ") + pin_names[i];
    if (!title.empty()) out += " title=\"" + esc(title) + "\"";
    out += ">" + esc(std::string_view(text).substr(b, e - b)) + "</span>";
  }
  return out;
}

std::string margin(const app::ReaderData& d) {
  std::string out = "<aside class=\"margin\"><h2>Pinned claims <span class=\"count\">" + std::to_string(d.pins.size()) +
                    "</span></h2>\n";
  if (d.pins.empty()) out += "<p class=\"muted\">None yet. Select a passage to pin a claim.</p>\n";
  for (const auto& p : d.pins) {
    out += "<div class=\"pincard\"><a href=\"#" + esc(pin_anchor(p.claim, p.index)) + "\" class=\"jump\">bytes " +
           std::to_string(p.start) + "–" + std::to_string(p.end) + "</a> <a href=\"/claim?id=" + esc(url_encode(p.claim)) +
           "\"><code>" + esc(p.claim) + "</code></a>" + (p.index > 0 ? " [" + std::to_string(p.index) + "]" : "") +
           "<p>" + esc(p.claim_text) + "</p></div>\n";
  }
  return out + "</aside>\n";
}

}  // namespace

std::string reader_page(const app::ReaderData& d, std::optional<Hit> hit, const PageContext& ctx) {
  const core::SourceMeta& m = d.source.meta;
  std::string body = "<h1>" + esc(m.title.empty() ? m.id : m.title) + "</h1>\n<p class=\"meta\"><code>" + esc(m.id) +
                     "</code> · " + esc(m.publisher) + (m.published.empty() ? "" : " · published " + esc(m.published)) +
                     " · <span class=\"badge state-" + esc(d.source.state) + "\">" + esc(d.source.state) + "</span> · " +
                     std::to_string(d.figures.size()) + " figures · " + std::to_string(d.text.size()) + " bytes</p>\n";
  body += "<p class=\"hint muted\">Select a passage with the mouse to pin a claim to it. Figures are underlined; "
          "hover one for its reading.</p>\n";
  body += "<div class=\"reader\"><div id=\"text\" class=\"text\" data-source=\"" + esc(m.id) + "\">" + text_runs(d, hit) +
          "</div>\n" + margin(d) + "</div>\n";
  // Shown by desk.js when a selection lies in the text.
  body += "<form id=\"pinbar\" class=\"pinbar hidden\" method=\"get\" action=\"/pin\">"
          "<input type=\"hidden\" name=\"source\" value=\"" + esc(m.id) + "\">"
          "<input type=\"hidden\" name=\"start\" id=\"sel-start\"><input type=\"hidden\" name=\"end\" id=\"sel-end\">"
          "<span id=\"sel-preview\" class=\"preview\"></span> <button type=\"submit\" id=\"pin-button\">Pin a claim</button>"
          "</form>\n";
  return layout(m.title.empty() ? m.id : m.title, "sources", body, ctx);
}

std::string pin_page(const app::PinProposal& p, const Form* typed, const PageContext& ctx) {
  auto value = [&](const char* name, const std::string& proposed) {
    if (typed) {
      auto it = typed->find(name);
      return esc(it == typed->end() ? std::string() : it->second);
    }
    return esc(proposed);
  };
  auto opt = [](const std::optional<std::string>& v) { return v.value_or(""); };
  auto input = [&](const char* name, const char* label, const std::string& proposed, const char* hint) {
    return std::string("<label>") + label + " <input type=\"text\" name=\"" + name + "\" id=\"f-" + name + "\" value=\"" +
           value(name, proposed) + "\"><small>" + hint + "</small></label>\n";
  };
  std::string body = "<h1>Pin a claim to <a href=\"/reader?source=" + esc(url_encode(p.source)) + "\"><code>" +
                     esc(p.source) + "</code></a></h1>\n";
  body += "<form method=\"post\" action=\"/pin\" class=\"grid pin\" id=\"pin-form\">\n" + token_field(ctx) +
          "<input type=\"hidden\" name=\"source\" value=\"" + esc(p.source) + "\">\n" +
          // A date assumed from the published date stays assumed (as_of_assumed,
          // following the sidecar) unless the person changes it, as with the CLI.
          (p.assertion.as_of && p.assertion.as_of_assumed
               ? "<input type=\"hidden\" name=\"as_of_assumed\" value=\"" + esc(*p.assertion.as_of) + "\">\n"
               : std::string()) +
          "<label class=\"wide\">the exact passage <textarea name=\"quote\" id=\"f-quote\" rows=\"4\" readonly>" +
          value("quote", p.quote) + "</textarea><small>the source's bytes, as the selection has them</small></label>\n"
          "<label>occurrence <input type=\"number\" min=\"1\" name=\"occurrence\" id=\"f-occurrence\" value=\"" +
          value("occurrence", std::to_string(p.occurrence)) + "\"><small>copy " + std::to_string(p.occurrence) + " of " +
          std::to_string(p.matches) + " in the source, known from where the selection is</small></label>\n" +
          input("id", "claim id", p.id, "lowercase letters, digits, '.', '_', '-'") +
          "<label class=\"wide\">the claim in your words <textarea name=\"text\" id=\"f-text\" rows=\"2\">" +
          value("text", p.text) + "</textarea></label>\n" +
          input("subject", "subject", "", "what the claim is about, e.g. East Aleppo") +
          input("metric", "metric", "", "what is measured, e.g. population") +
          input("value", "value", opt(p.assertion.value), "a figure, a range LOW..HIGH or a status word") +
          input("unit", "unit", opt(p.assertion.unit), "e.g. people, km") +
          input("approx", "qualifier", opt(p.assertion.approx), "e.g. about, some, almost") +
          input("as_of", "as of", opt(p.assertion.as_of), "date, month, year or ISO 8601 interval") +
          input("to", "claims file", "claims/claims.json", "a .json file inside claims/");
  body += "<p class=\"muted wide\">The value, unit, qualifier and date are what <code>claim add</code> assumes once a "
          "subject and metric are given; leave subject and metric empty for a claim without an assertion (the other "
          "fields are then ignored unless you fill subject or metric).</p>\n";
  if (!p.notes.empty()) {
    body += "<ul class=\"notes wide\">";
    for (const auto& n : p.notes) body += "<li>" + esc(n) + "</li>";
    body += "</ul>\n";
  }
  body += "<div class=\"actions wide\"><button type=\"submit\" id=\"save\">Save claim</button> <a href=\"/reader?source=" +
          esc(url_encode(p.source)) + "\">cancel</a></div>\n</form>\n";
  // The same passage as a further citation of a claim that exists (`claim cite`).
  body += "<h2>Or cite it for an existing claim</h2>\n<form method=\"post\" action=\"/claim/cite\" class=\"accept\" "
          "id=\"cite-existing\">" + token_field(ctx) + "<input type=\"hidden\" name=\"source\" value=\"" + esc(p.source) +
          "\"><input type=\"hidden\" name=\"quote\" value=\"" + value("quote", p.quote) +
          "\"><input type=\"hidden\" name=\"occurrence\" value=\"" + value("occurrence", std::to_string(p.occurrence)) +
          "\"><label>claim id <input type=\"text\" name=\"id\" id=\"cite-id\" required></label> <button type=\"submit\" "
          "id=\"cite-existing-save\">Add as a citation</button></form>\n";
  return layout("Pin a claim", "sources", body, ctx);
}

}  // namespace provcheck::server
