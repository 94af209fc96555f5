// The Sources page: the inventory with each source's state, and the form
// that adds one by URL or by uploading a file (`source add`).
#include "report/escape.h"
#include "server/pages.h"

namespace provcheck::server {
namespace {

std::string typed_value(const Form& typed, const char* name) {
  auto it = typed.find(name);
  return it == typed.end() ? std::string() : esc(it->second);
}

std::string add_form(const PageContext& ctx, const Form& typed) {
  auto input = [&](const char* name, const char* label, const char* type = "text") {
    return std::string("<label>") + label + " <input type=\"" + type + "\" name=\"" + name + "\" value=\"" +
           typed_value(typed, name) + "\"></label>\n";
  };
  return "<details class=\"add\"" + std::string(typed.empty() ? "" : " open") +
         "><summary>Add a source</summary>\n"
         "<form method=\"post\" action=\"/sources/add\" enctype=\"multipart/form-data\" class=\"grid\" id=\"add-source\">\n" +
         token_field(ctx) +
         "<label>URL <input type=\"url\" name=\"url\" placeholder=\"https://...\" value=\"" + typed_value(typed, "url") +
         "\"></label>\n<label>or a file (.txt, .md, .html, .pdf) <input type=\"file\" name=\"file\" "
         "accept=\".txt,.md,.markdown,.html,.htm,.pdf\"></label>\n" +
         input("id", "id (default: from the name)") + input("title", "title") + input("publisher", "publisher") +
         input("published", "published (ISO 8601)") +
         "<div class=\"actions\"><button type=\"submit\">Add source</button></div>\n</form></details>\n";
}

}  // namespace

std::string sources_page(const std::vector<app::DeskSource>& sources, const PageContext& ctx, const Form& typed) {
  std::string body = "<h1>Sources <span class=\"count\">" + std::to_string(sources.size()) + "</span></h1>\n";
  body += add_form(ctx, typed);
  body += "<table class=\"sources\"><thead><tr><th>id</th><th>title</th><th>publisher</th><th>published</th>"
          "<th>retrieved</th><th class=\"num\">citations</th><th>state</th></tr></thead>\n<tbody>\n";
  for (const app::DeskSource& s : sources) {
    std::string link = "/reader?source=" + url_encode(s.meta.id);
    body += "<tr><td><a href=\"" + esc(link) + "\"><code>" + esc(s.meta.id) + "</code></a></td><td>" + esc(s.meta.title);
    if (auto url = report::safe_link(s.meta.url)) {
      body += " <a class=\"ext\" rel=\"noreferrer noopener\" href=\"" + esc(*url) + "\">↗</a>";
    }
    body += "</td><td>" + esc(s.meta.publisher) + "</td><td>" + esc(s.meta.published) + "</td><td>" +
            esc(s.meta.retrieved.substr(0, 10)) + "</td><td class=\"num\">" + std::to_string(s.citations) +
            "</td><td><span class=\"badge state-" + esc(s.state) + "\"" +
            (s.problem.empty() ? "" : " title=\"" + esc(s.problem) + "\"") + ">" + esc(s.state) + "</span></td></tr>\n";
  }
  body += "</tbody></table>\n";
  if (sources.empty()) body += "<p class=\"muted\">No sources yet: add one above.</p>\n";
  return layout("Sources", "sources", body, ctx);
}

}  // namespace provcheck::server
