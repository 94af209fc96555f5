#pragma once
// The desk's pages, rendered on the server as HTML strings: pure functions
// of what the app layer returned, the per-run token (embedded in every
// form) and, after a refused form, the error and what was typed. Every
// piece of source and claim text goes through the report's escaping
// (report/escape.h); no page carries inline script or style attributes
// (the Content-Security-Policy forbids them): behaviour comes from
// /static/desk.js, looks from /static/desk.css. Thread-safe.

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/desk_cmd.h"
#include "report/report_data.h"

namespace provcheck::server {

// Form fields as posted (name -> value).
using Form = std::map<std::string, std::string>;

struct PageContext {
  std::string token;
  std::string error;   // a refused action's message, shown at the top
  std::string notice;  // what a successful action did
};

std::string esc(std::string_view raw);
std::string url_encode(std::string_view raw);
std::string layout(std::string_view title, std::string_view active, std::string_view body, const PageContext& ctx);
std::string message_page(int status, std::string_view title, std::string_view reason, const PageContext& ctx);
// <input type=hidden name=csrf ...>
std::string token_field(const PageContext& ctx);

std::string sources_page(const std::vector<app::DeskSource>& sources, const PageContext& ctx, const Form& typed);

struct Hit {
  std::uint64_t start = 0;
  std::uint64_t end = 0;
};
std::string reader_page(const app::ReaderData& data, std::optional<Hit> hit, const PageContext& ctx);
// The "Pin a claim" form: the proposal, or after a refusal what was typed.
std::string pin_page(const app::PinProposal& proposal, const Form* typed, const PageContext& ctx);

std::string review_page(const report::ReportData& data, const PageContext& ctx);
// `search_json`: the output of `search --format json`; empty when no query yet.
std::string search_page(std::string_view query, std::string_view search_json, const PageContext& ctx);
// `show_json`: the output of `claim show --format json`.
std::string claim_page(std::string_view show_json, const PageContext& ctx);

}  // namespace provcheck::server
