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

std::string hidden(const char* name, const std::string& value) {
  return std::string("<input type=\"hidden\" name=\"") + name + "\" value=\"" + esc(value) + "\">";
}

// Edit (`claim edit`), a further citation (`claim cite`), removal (`claim remove`).
std::string manage_forms(const std::string& id, const Json& c, const PageContext& ctx) {
  const Json a = c.value("assertion", Json::object());
  std::string out = "<h2>Edit</h2>\n<form method=\"post\" action=\"/claim/edit\" class=\"grid\" id=\"edit-form\">" +
                    token_field(ctx) + hidden("id", id) + hidden("orig_text", str(c, "text")) +
                    "<label class=\"wide\">the claim in your words <textarea name=\"text\" id=\"e-text\" rows=\"2\">" +
                    esc(str(c, "text")) + "</textarea></label>\n";
  for (const char* f : {"subject", "metric", "value", "unit", "approx", "as_of"}) {
    out += std::string("<label>") + (std::string(f) == "as_of" ? "as of" : std::string(f) == "approx" ? "qualifier" : f) +
           " <input type=\"text\" name=\"" + f + "\" id=\"e-" + f + "\" value=\"" + esc(str(a, f)) + "\">" +
           hidden((std::string("orig_") + f).c_str(), str(a, f)) + "</label>\n";
  }
  out += "<div class=\"actions wide\"><button type=\"submit\" id=\"edit-save\">Save changes</button> <span class=\"muted\">"
         "an emptied field is removed; the assertion is checked and completed as <code>claim edit</code> does</span></div>"
         "</form>\n";
  out += "<h2>Add a citation</h2>\n<p class=\"muted\">Or select the passage in a source's reader and choose "
         "\"cite for an existing claim\".</p><form method=\"post\" action=\"/claim/cite\" class=\"grid\" id=\"cite-form\">" +
         token_field(ctx) + hidden("id", id) +
         "<label>source id <input type=\"text\" name=\"source\" id=\"c-source\"></label>"
         "<label>occurrence <input type=\"number\" min=\"1\" name=\"occurrence\" id=\"c-occurrence\"></label>"
         "<label class=\"wide\">the passage <textarea name=\"quote\" id=\"c-quote\" rows=\"2\"></textarea></label>"
         "<div class=\"actions wide\"><button type=\"submit\" id=\"cite-save\">Add the citation</button></div></form>\n";
  out += "<h2>Remove</h2>\n<form method=\"post\" action=\"/claim/remove\" class=\"accept\" id=\"remove-form\">" +
         token_field(ctx) + hidden("id", id) +
         "<label class=\"confirm\"><input type=\"checkbox\" name=\"confirm_remove\" value=\"yes\" required "
         "id=\"confirm-remove\"> remove this claim from its claims file (its history stays in the store)</label> "
         "<button type=\"submit\" class=\"danger\" id=\"remove\">Remove the claim</button></form>\n";
  return out;
}

std::string audit_html(const Json& c) {
  const Json audit = c.value("audit", Json::array());
  if (audit.empty()) return "";
  std::string out = "<h2>Changes</h2>\n<table class=\"history\"><thead><tr><th>when</th><th>who</th><th>command</th>"
                    "<th>what</th></tr></thead><tbody>";
  for (const Json& e : audit) {
    out += "<tr><td>" + esc(str(e, "at")) + "</td><td>" + esc(str(e, "who")) + "</td><td>" + esc(str(e, "command")) +
           "</td><td>" + esc(str(e, "detail")) + "</td></tr>";
  }
  return out + "</tbody></table>\n";
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
  if (c.contains("removed")) {
    const Json& r = c["removed"];
    std::string body = "<h1>Claim <code>" + esc(id) + "</code></h1>\n<p class=\"flash error\">Removed " +
                       esc(str(r, "at")) + " by " + esc(str(r, "who")) + " (" + esc(str(r, "command")) + ")</p>\n";
    if (c.contains("last_content") && c["last_content"].is_object()) {
      body += "<p class=\"claim-text big\">" + esc(str(c["last_content"], "text")) + "</p>\n";
    }
    return layout("Claim " + id, "", body + audit_html(c), ctx);
  }
  std::string body = "<h1>Claim <code>" + esc(id) + "</code></h1>\n<p class=\"claim-text big\">" + esc(str(c, "text")) +
                     "</p>\n<p class=\"where\">" + esc(str(c, "file")) + ":" + str(c, "line") + "</p>\n";
  const Json a = c.value("assertion", Json::object());
  if (!a.empty()) {
    body += "<table class=\"assertion\"><tbody>";
    for (const auto& [k, v] : a.items()) {
      if (k == "as_of_assumed") continue;  // said beside as_of
      std::string shown = str(a, k.c_str());
      if (k == "as_of" && a.value("as_of_assumed", false)) shown += " (published)";
      body += "<tr><th>" + esc(k) + "</th><td>" + esc(shown) + "</td></tr>";
    }
    body += "</tbody></table>\n";
  }
  // The fact-checker's review (claim add/edit --rating ...), as claim show gives it.
  const Json review = c.value("review", Json::object());
  if (!review.empty()) {
    body += "<table class=\"assertion review\"><tbody>";
    for (const auto& [k, v] : review.items()) {
      body += "<tr><th>" + esc(k) + "</th><td>" + esc(str(review, k.c_str())) + "</td></tr>";
    }
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
    if (cits.size() > 1) {
      body += "<form method=\"post\" action=\"/claim/uncite\" class=\"accept\">" + token_field(ctx) +
              hidden("id", id) + hidden("index", std::to_string(i)) +
              "<button type=\"submit\" class=\"danger\" id=\"uncite-" + std::to_string(i) +
              "\">Remove this citation</button></form>\n";
    }
    body += "</article>\n";
  }
  body += manage_forms(id, c, ctx);
  body += audit_html(c);
  return layout("Claim " + id, "", body, ctx);
}

}  // namespace provcheck::server
