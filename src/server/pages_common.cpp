// The frame every page shares: head (the server's own stylesheet and
// script only), navigation with the search box, the error or notice of the
// last action, and the pages for refusals.
#include <cctype>
#include <cstdio>

#include "report/escape.h"
#include "server/pages.h"

namespace provcheck::server {

std::string esc(std::string_view raw) { return report::xml_escape(raw); }

std::string url_encode(std::string_view raw) {
  std::string out;
  char buf[4];
  for (unsigned char c : raw) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
      out.push_back(static_cast<char>(c));
    } else {
      std::snprintf(buf, sizeof buf, "%%%02X", c);
      out += buf;
    }
  }
  return out;
}

std::string token_field(const PageContext& ctx) {
  return "<input type=\"hidden\" name=\"csrf\" value=\"" + esc(ctx.token) + "\">";
}

std::string layout(std::string_view title, std::string_view active, std::string_view body, const PageContext& ctx) {
  auto link = [&](const char* href, const char* name, const char* key) {
    return std::string("<a href=\"") + href + "\"" + (active == key ? " class=\"active\"" : "") + ">" + name + "</a>";
  };
  std::string out =
      "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      "<title>" + esc(title) + " · provcheck desk</title>\n"
      "<link rel=\"stylesheet\" href=\"/static/desk.css\">\n"
      "<script src=\"/static/desk.js\" defer></script>\n</head>\n<body>\n"
      "<header class=\"top\"><div class=\"inner\"><span class=\"brand\">provcheck desk</span>\n<nav>" +
      link("/sources", "Sources", "sources") + link("/review", "Review", "review") + link("/search", "Search", "search") +
      "</nav>\n<form class=\"find\" method=\"get\" action=\"/search\"><input type=\"search\" name=\"q\" "
      "placeholder=\"search sources\" aria-label=\"search sources\"></form></div></header>\n<main>\n";
  if (!ctx.error.empty()) out += "<p class=\"flash error\" id=\"error\" role=\"alert\">" + esc(ctx.error) + "</p>\n";
  if (!ctx.notice.empty()) out += "<p class=\"flash notice\" id=\"notice\">" + esc(ctx.notice) + "</p>\n";
  out += std::string(body);
  out += "</main>\n</body>\n</html>\n";
  return out;
}

std::string message_page(int status, std::string_view title, std::string_view reason, const PageContext& ctx) {
  std::string body = "<h1>" + esc(title) + "</h1>\n<p class=\"reason\">" + esc(reason) + "</p>\n<p class=\"muted\">HTTP " +
                     std::to_string(status) + "</p>\n";
  return layout(title, "", body, ctx);
}

}  // namespace provcheck::server
