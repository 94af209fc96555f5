// The Search page (the `search` command's results, each linking into the
// reader at its passage, with "pin this") and the Claim page (what `claim
// show` says: citations, last status, history, earlier pins). Both read the
// commands' own JSON, so they say exactly what the CLI says.
#include <nlohmann/json.hpp>

#include "report/escape.h"
#include "report/html_parts.h"
#include "server/pages.h"

namespace provcheck::server {
namespace {

using Json = nlohmann::json;

std::string str(const Json& j, const char* key) {
  auto it = j.find(key);
  if (it == j.end() || it->is_null()) return "";
  if (it->is_string()) return it->get<std::string>();
  return it->dump();
}

std::string snippet_html(const Json& r) {
  std::string snippet = str(r, "snippet");
  std::string out;
  std::size_t pos = 0;
  for (const auto& h : r.value("highlights", Json::array())) {
    std::size_t b = h.at(0).get<std::size_t>(), e = h.at(1).get<std::size_t>();
    if (b < pos || e > snippet.size() || b > e) continue;
    out += esc(snippet.substr(pos, b - pos)) + "<b>" + esc(snippet.substr(b, e - b)) + "</b>";
    pos = e;
  }
  return out + esc(snippet.substr(std::min(pos, snippet.size())));
}

}  // namespace

std::string search_page(std::string_view query, std::string_view search_json, const PageContext& ctx) {
  std::string body = "<h1>Search</h1>\n<form method=\"get\" action=\"/search\" class=\"searchform\"><input type=\"search\" "
                     "name=\"q\" id=\"q\" value=\"" + esc(query) + "\" placeholder='words, \"a phrase\", prefix*'> "
                     "<button type=\"submit\">Search</button></form>\n";
  if (search_json.empty()) return layout("Search", "search", body, ctx);
  Json root = Json::parse(search_json, nullptr, false);
  const Json results = root.is_object() ? root.value("results", Json::array()) : Json::array();
  body += "<p class=\"muted\">" + std::to_string(results.size()) + " passages</p>\n<ol class=\"results\">\n";
  for (const Json& r : results) {
    std::string source = str(r, "source");
    std::string b = r.at("span").at(0).dump(), e = r.at("span").at(1).dump();
    std::string src = url_encode(source);
    body += "<li><p><a href=\"/reader?source=" + esc(src) + "&amp;at=" + b + "&amp;end=" + e + "#hit\"><code>" +
            esc(source) + "</code> line " + str(r, "line") + "</a> · <a class=\"pinthis\" href=\"/pin?source=" + esc(src) +
            "&amp;start=" + b + "&amp;end=" + e + "\">pin this</a></p>\n<p class=\"snippet\">" + snippet_html(r) + "</p>";
    const Json figs = r.value("figures", Json::array());
    if (!figs.empty()) {
      body += "<p class=\"figs\">";
      for (const Json& f : figs) {
        body += "<span class=\"figchip\" title=\"" + esc(str(f, "kind") + ": " + str(f, "value")) + "\">" +
                esc((str(f, "approx").empty() ? "" : str(f, "approx") + " ") + str(f, "text")) + "</span> ";
      }
      body += "</p>";
    }
    body += "</li>\n";
  }
  body += "</ol>\n";
  if (results.empty()) body += "<p>No passage matches.</p>\n";
  return layout("Search: " + std::string(query), "search", body, ctx);
}

std::string claim_page(std::string_view show_json, const PageContext& ctx) {
  Json c = Json::parse(show_json, nullptr, false);
  if (!c.is_object()) return message_page(500, "Claim", "the claim could not be read", ctx);
  std::string id = str(c, "id");
  std::string body = "<h1>Claim <code>" + esc(id) + "</code></h1>\n<p class=\"claim-text big\">" + esc(str(c, "text")) +
                     "</p>\n<p class=\"where\">" + esc(str(c, "file")) + ":" + str(c, "line") + "</p>\n";
  const Json a = c.value("assertion", Json::object());
  if (!a.empty()) {
    body += "<table class=\"assertion\"><tbody>";
    for (const auto& [k, v] : a.items()) body += "<tr><th>" + esc(k) + "</th><td>" + esc(v.get<std::string>()) + "</td></tr>";
    body += "</tbody></table>\n";
  }
  const Json cits = c.value("citations", Json::array());
  body += "<h2>Citations <span class=\"count\">" + std::to_string(cits.size()) + "</span></h2>\n";
  for (std::size_t i = 0; i < cits.size(); ++i) {
    const Json& ct = cits[i];
    std::string source = str(ct, "source");
    std::string b = ct.at("span").at(0).dump(), e = ct.at("span").at(1).dump();
    std::string status = ct.contains("last_status") ? str(ct, "last_status") : "not checked yet";
    body += "<article class=\"citation\" id=\"citation-" + std::to_string(i) + "\"><h3>[" + std::to_string(i) + "] " +
            report::html::status_badge(status) + " <a href=\"/reader?source=" + esc(url_encode(source)) + "#pin-" +
            esc(id) + "-" + std::to_string(i) + "\"><code>" + esc(source) + "</code></a> bytes " + b + "–" + e +
            (ct.contains("page") ? " p. " + str(ct, "page") : "") +
            (ct.contains("since") ? " <span class=\"muted\">since " + esc(str(ct, "since")) + "</span>" : "") +
            (ct.contains("as_of") ? " <span class=\"muted\">as of " + esc(str(ct, "as_of")) + "</span>" : "") +
            "</h3>\n<blockquote class=\"quote\">" + esc(str(ct, "quote")) + "</blockquote>\n";
    const Json hist = ct.value("history", Json::array());
    if (!hist.empty()) {
      body += "<h4>History</h4><table class=\"history\"><thead><tr><th>when</th><th>run</th><th>status</th><th>message</th>"
              "</tr></thead><tbody>";
      for (const Json& h : hist) {
        body += "<tr><td>" + esc(str(h, "at")) + "</td><td class=\"num\">" + str(h, "run") + "</td><td>" +
                report::html::status_badge(str(h, "status")) + "</td><td>" + esc(str(h, "message")) + "</td></tr>";
      }
      body += "</tbody></table>\n";
    }
    const Json pins = ct.value("earlier_pins", Json::array());
    if (!pins.empty()) {
      body += "<h4>Earlier pins</h4><ul class=\"pins\">";
      for (const Json& p : pins) {
        body += "<li>" + esc(str(p, "accepted_at")) + " accepted (" + esc(str(p, "status")) + "); was bytes " +
                p.at("span").at(0).dump() + "–" + p.at("span").at(1).dump() + ": <q>" + esc(str(p, "quote")) + "</q></li>";
      }
      body += "</ul>\n";
    }
    body += "</article>\n";
  }
  return layout("Claim " + id, "", body, ctx);
}

}  // namespace provcheck::server
