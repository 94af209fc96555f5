// The desk's routes. Pages are GET and change nothing; every change is a
// POST that passes refuse_write (token, Origin) and then calls the
// command's own app function with the form's fields, as the CLI would with
// the same flags. A refused change answers 400 (404 for an unknown id) with
// the command's message and the form as typed; nothing was written.
#include "server/routes.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <nlohmann/json.hpp>

#include "app/accept_cmd.h"
#include "app/capture.h"
#include "app/claim_manage_cmd.h"
#include "app/claims_cmd.h"
#include "app/desk_cmd.h"
#include "app/search_cmd.h"
#include "app/sources_cmd.h"
#include "server/assets.h"
#include "server/pages.h"

namespace provcheck::server {
namespace {

using httplib::Request;
using httplib::Response;

int http_status(util::ErrorKind kind) {
  switch (kind) {
    case util::ErrorKind::invalid_input:
    case util::ErrorKind::conflict:
    case util::ErrorKind::unsupported:
      return 400;
    case util::ErrorKind::not_found:
      return 404;
    case util::ErrorKind::busy:
      return 503;
    default:
      return 500;
  }
}

// A refused form: the CLI's exit 2 (bad input, unknown id, duplicate) is a 400 here.
int form_status(util::ErrorKind kind) {
  int status = http_status(kind);
  return status == 404 ? 400 : status;
}

// As the CLI says it, without the "provcheck: error:" it prints in front.
std::string said(const util::Error& e) { return std::string(util::error_kind_name(e.kind())) + ": " + e.message(); }

void send(Response& res, int status, const std::string& html) {
  res.status = status;
  res.set_content(html, "text/html; charset=utf-8");
}

void redirect(Response& res, const std::string& to) {
  res.status = 303;
  res.set_header("Location", to);
}

std::string field(const Request& req, const char* name) {
  if (req.has_file(name)) return req.get_file_value(name).content;
  return req.get_param_value(name);
}

std::optional<std::uint64_t> to_u64(const std::string& s) {
  std::uint64_t v = 0;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || p != s.data() + s.size() || s.empty()) return std::nullopt;
  return v;
}

bool plain_id(const std::string& s) {
  return !s.empty() && s.size() < 200 &&
         std::all_of(s.begin(), s.end(), [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '_' || c == '-'; });
}

Form form_of(const Request& req, std::initializer_list<const char*> names) {
  Form f;
  for (const char* n : names) f[n] = field(req, n);
  return f;
}

PageContext context(const Desk& d, std::string error = "", std::string notice = "") {
  return PageContext{d.guard.token, std::move(error), std::move(notice)};
}

// A POST route whose handler runs only for the desk's own forms.
template <class Fn>
void post(httplib::Server& http, const char* path, const Desk& d, Fn fn) {
  http.Post(path, [&d, fn](const Request& req, Response& res) {
    if (auto why = refuse_write(d.guard, req.method, req.get_header_value("Host"), req.get_header_value("Origin"),
                                field(req, "csrf"))) {
      send(res, 403, message_page(403, "Refused", *why, context(d)));
      return;
    }
    fn(req, res);
  });
}

void sources_routes(httplib::Server& http, const Desk& d) {
  http.Get("/sources", [&d](const Request& req, Response& res) {
    auto sources = app::desk_sources(d.global);
    if (!sources.ok()) return send(res, http_status(sources.error().kind()), message_page(http_status(sources.error().kind()), "Sources", said(sources.error()), context(d)));
    send(res, 200, sources_page(*sources, context(d, "", req.has_param("added") ? "Source added." : ""), {}));
  });
  post(http, "/sources/add", d, [&d](const Request& req, Response& res) {
    Form typed = form_of(req, {"url", "id", "title", "publisher", "published"});
    app::SourceAddOptions o;
    if (!typed["id"].empty()) o.id = typed["id"];
    o.title = typed["title"];
    o.publisher = typed["publisher"];
    o.published = typed["published"];
    o.http.user_agent = std::string("provcheck/") + PROVCHECK_VERSION;
    bool has_file = req.has_file("file") && !req.get_file_value("file").filename.empty();
    util::Result<app::CommandOutput> out = util::Error(util::ErrorKind::invalid_input, "give a URL or choose a file to upload");
    if (has_file && !typed["url"].empty()) {
      out = util::Error(util::ErrorKind::invalid_input, "give a URL or a file, not both");
    } else if (has_file) {
      const auto& file = req.get_file_value("file");
      out = app::desk_add_upload(d.global, file.filename, file.content, o);
    } else if (!typed["url"].empty()) {
      o.paths = {typed["url"]};
      if (!app::is_url(typed["url"])) {
        out = util::Error(util::ErrorKind::invalid_input, "'" + typed["url"] + "': give an http:// or https:// URL");
      } else {
        out = app::source_add(d.global, o);
      }
    }
    if (!out.ok()) {
      auto sources = app::desk_sources(d.global);
      int status = form_status(out.error().kind());
      return send(res, status, sources_page(sources.ok() ? *sources : std::vector<app::DeskSource>{},
                                            context(d, said(out.error())), typed));
    }
    redirect(res, "/sources?added=1");
  });
}

void reader_routes(httplib::Server& http, const Desk& d) {
  http.Get("/reader", [&d](const Request& req, Response& res) {
    auto data = app::desk_reader(d.global, req.get_param_value("source"));
    if (!data.ok()) {
      int status = http_status(data.error().kind());
      return send(res, status, message_page(status, "Reader", said(data.error()), context(d)));
    }
    std::optional<Hit> hit;
    auto at = to_u64(req.get_param_value("at")), end = to_u64(req.get_param_value("end"));
    if (at && end && *at < *end) hit = Hit{*at, *end};
    std::string pinned = req.get_param_value("pinned");
    send(res, 200, reader_page(*data, hit, context(d, "", plain_id(pinned) ? "Pinned claim " + pinned + "." : "")));
  });
  http.Get("/pin", [&d](const Request& req, Response& res) {
    auto start = to_u64(req.get_param_value("start")), end = to_u64(req.get_param_value("end"));
    if (!start || !end) {
      return send(res, 400, message_page(400, "Pin a claim", "start and end must be byte offsets; select the passage in the reader", context(d)));
    }
    auto p = app::desk_propose(d.global, req.get_param_value("source"), *start, *end);
    if (!p.ok()) {
      int status = http_status(p.error().kind());
      return send(res, status, message_page(status, "Pin a claim", said(p.error()), context(d)));
    }
    send(res, 200, pin_page(*p, nullptr, context(d)));
  });
  post(http, "/pin", d, [&d](const Request& req, Response& res) {
    Form typed = form_of(req, {"source", "quote", "occurrence", "id", "text", "subject", "metric", "value", "unit",
                               "approx", "as_of", "as_of_assumed", "to"});
    core::ClaimRequest r;
    r.origin = "claim add";
    r.source = typed["source"];
    r.quote = typed["quote"];
    auto opt = [&](const char* name, std::optional<std::string>& slot) {
      if (!typed[name].empty()) slot = typed[name];
    };
    opt("id", r.id);
    opt("text", r.text);
    // The proposed value, unit, qualifier and date make an assertion only
    // with a subject or a metric (a claim without them has none).
    if (!typed["subject"].empty() || !typed["metric"].empty()) {
      opt("subject", r.assertion.subject);
      opt("metric", r.assertion.metric);
      opt("value", r.assertion.value);
      opt("unit", r.assertion.unit);
      opt("approx", r.assertion.approx);
      // The date the form proposed from the published date, unchanged: left
      // to claim add, which proposes it again and records it as assumed.
      if (typed["as_of"] != typed["as_of_assumed"] || typed["as_of_assumed"].empty()) opt("as_of", r.assertion.as_of);
    }
    util::Result<app::CommandOutput> out = util::Error(util::ErrorKind::internal, "");
    auto occurrence = to_u64(typed["occurrence"]);
    if (!typed["occurrence"].empty() && (!occurrence || *occurrence < 1 || *occurrence > 1000000)) {
      out = util::Error(util::ErrorKind::invalid_input, "--occurrence '" + typed["occurrence"] + "': give a whole number from 1");
    } else {
      if (occurrence) r.occurrence = static_cast<int>(*occurrence);
      app::ClaimAddOptions o;
      o.requests = {r};
      if (!typed["to"].empty()) o.to = typed["to"];
      out = app::claim_add(d.global, o);
    }
    if (!out.ok()) {
      app::PinProposal p;
      p.source = r.source;
      p.matches = 0;
      int status = form_status(out.error().kind());
      return send(res, status, pin_page(p, &typed, context(d, said(out.error()))));
    }
    std::string id = r.id.value_or("");
    for (const std::string& n : out->notes) {
      if (id.empty() && n.rfind("pinned ", 0) == 0) id = n.substr(7, n.find(' ', 7) - 7);
    }
    redirect(res, "/reader?source=" + url_encode(r.source) + "&pinned=" + url_encode(id) + "#pin-" + url_encode(id) + "-0");
  });
}

// Does the claim have a citation whose figure changed (as the last check saw it)?
bool has_figure_change(const Desk& d, const std::string& claim) {
  auto shown = app::claim_show(d.global, claim, true);
  if (!shown.ok()) return false;
  auto j = nlohmann::json::parse(shown->out, nullptr, false);
  if (!j.is_object()) return false;
  for (const auto& c : j.value("citations", nlohmann::json::array())) {
    if (c.value("last_status", std::string()) == "figure_changed") return true;
  }
  return false;
}

void review_routes(httplib::Server& http, const Desk& d) {
  auto review = [&d](Response& res, int status, const std::string& error, const std::string& notice) {
    auto data = app::desk_review(d.global);
    if (!data.ok()) {
      int st = http_status(data.error().kind());
      return send(res, st, message_page(st, "Review", said(data.error()), context(d)));
    }
    send(res, status, review_page(*data, context(d, error, notice)));
  };
  http.Get("/review", [review](const Request& req, Response& res) {
    std::string accepted = req.get_param_value("accepted");
    review(res, 200, "", accepted == "all" ? "Accepted every drifted passage (changed figures excepted)."
                         : plain_id(accepted) ? "Accepted the new passage of " + accepted + "."
                                              : "");
  });
  post(http, "/accept", d, [&d, review](const Request& req, Response& res) {
    app::ClaimAcceptOptions o;
    std::string claim = field(req, "claim");
    if (field(req, "all") == "yes") {
      o.all = true;
    } else if (claim.empty()) {
      return review(res, 400, "accept: name a claim", "");
    } else {
      if (field(req, "confirm_figure") != "yes" && has_figure_change(d, claim)) {
        return review(res, 400, "a figure of " + claim + " changed: tick the box to confirm you checked the new figure, then accept", "");
      }
      o.ids = {claim};
    }
    auto out = app::claim_accept(d.global, o);
    if (!out.ok()) return review(res, form_status(out.error().kind()), said(out.error()), "");
    redirect(res, std::string("/review?accepted=") + (o.all ? "all" : url_encode(claim)));
  });
}

void search_and_claim_routes(httplib::Server& http, const Desk& d) {
  http.Get("/search", [&d](const Request& req, Response& res) {
    std::string q = req.get_param_value("q");
    if (q.empty()) return send(res, 200, search_page("", "", context(d)));
    app::SearchOptions o;
    o.query = q;
    o.format = "json";
    o.limit = 50;
    auto out = app::search(d.global, o);
    if (!out.ok()) return send(res, http_status(out.error().kind()), search_page(q, "", context(d, said(out.error()))));
    send(res, 200, search_page(q, out->out, context(d)));
  });
  http.Get("/claim", [&d](const Request& req, Response& res) {
    auto out = app::claim_show(d.global, req.get_param_value("id"), true);
    if (!out.ok()) {
      int status = http_status(out.error().kind());
      return send(res, status, message_page(status, "Claim", said(out.error()), context(d)));
    }
    std::string done = req.get_param_value("done");
    std::string notice = done == "edited" ? "Saved." : done == "cited" ? "Citation added." : done == "uncited" ? "Citation removed."
                         : done == "removed" ? "Claim removed." : "";
    send(res, 200, claim_page(out->out, context(d, "", notice)));
  });
}

// The claim page again after a refused change, with the message.
void claim_again(const Desk& d, Response& res, const std::string& id, const util::Error& e) {
  auto out = app::claim_show(d.global, id, true);
  int status = form_status(e.kind());
  if (!out.ok()) return send(res, status, message_page(status, "Claim", said(e), context(d)));
  send(res, status, claim_page(out->out, context(d, said(e))));
}

std::string claim_url(const std::string& id, const char* done) {
  return "/claim?id=" + url_encode(id) + "&done=" + done;
}

void claim_manage_routes(httplib::Server& http, const Desk& d) {
  post(http, "/claim/edit", d, [&d](const Request& req, Response& res) {
    app::ClaimEditOptions o;
    o.id = field(req, "id");
    // Only what changed: an unchanged field is not rewritten (nor audited).
    auto changed = [&](const char* name, std::optional<std::string>& slot) {
      std::string now = field(req, name);
      if (req.has_param(name) && now != field(req, (std::string("orig_") + name).c_str())) slot = now;
    };
    changed("text", o.text);
    changed("subject", o.subject);
    changed("metric", o.metric);
    changed("value", o.value);
    changed("unit", o.unit);
    changed("approx", o.approx);
    changed("as_of", o.as_of);
    if (o.text && o.text->empty()) return claim_again(d, res, o.id, util::Error(util::ErrorKind::invalid_input, "--text is empty; say the claim in your words"));
    auto out = app::claim_edit(d.global, o);
    if (!out.ok()) return claim_again(d, res, o.id, out.error());
    redirect(res, claim_url(o.id, "edited"));
  });
  post(http, "/claim/cite", d, [&d](const Request& req, Response& res) {
    app::ClaimCiteOptions o;
    o.id = field(req, "id");
    o.source = field(req, "source");
    o.quote = field(req, "quote");
    std::string occ = field(req, "occurrence");
    auto n = to_u64(occ);
    if (!occ.empty() && (!n || *n < 1 || *n > 1000000)) {
      return claim_again(d, res, o.id, util::Error(util::ErrorKind::invalid_input, "--occurrence '" + occ + "': give a whole number from 1"));
    }
    if (n) o.occurrence = static_cast<int>(*n);
    auto out = app::claim_cite(d.global, o);
    if (!out.ok()) return claim_again(d, res, o.id, out.error());
    redirect(res, claim_url(o.id, "cited"));
  });
  post(http, "/claim/uncite", d, [&d](const Request& req, Response& res) {
    std::string id = field(req, "id");
    auto index = to_u64(field(req, "index"));
    if (!index || *index > 100000) return claim_again(d, res, id, util::Error(util::ErrorKind::invalid_input, "index: give the citation's number, from 0"));
    auto out = app::claim_uncite(d.global, id, static_cast<int>(*index));
    if (!out.ok()) return claim_again(d, res, id, out.error());
    redirect(res, claim_url(id, "uncited"));
  });
  post(http, "/claim/remove", d, [&d](const Request& req, Response& res) {
    std::string id = field(req, "id");
    if (field(req, "confirm_remove") != "yes") {
      return claim_again(d, res, id, util::Error(util::ErrorKind::invalid_input, "tick the box to confirm the removal of " + id));
    }
    auto out = app::claim_remove(d.global, {id});
    if (!out.ok()) return claim_again(d, res, id, out.error());
    redirect(res, claim_url(id, "removed"));
  });
}

}  // namespace

void add_routes(httplib::Server& http, const Desk& d) {
  http.set_pre_routing_handler([&d](const Request& req, Response& res) {
    for (const Header& h : security_headers()) res.set_header(h.name, h.value);
    if (auto why = refuse_host(d.guard, req.get_header_value("Host"))) {
      send(res, 403, message_page(403, "Refused", *why, context(d)));
      return httplib::Server::HandlerResponse::Handled;
    }
    if (req.method != "GET" && req.method != "HEAD" && req.method != "POST") {
      send(res, 403, message_page(403, "Refused", "a change is made only by a POST from the desk's own forms", context(d)));
      return httplib::Server::HandlerResponse::Handled;
    }
    return httplib::Server::HandlerResponse::Unhandled;
  });
  http.Get("/", [](const Request&, Response& res) { redirect(res, "/sources"); });
  http.Get("/static/desk.js", [](const Request&, Response& res) {
    res.set_content(std::string(k_desk_js), "text/javascript; charset=utf-8");
  });
  http.Get("/static/desk.css", [](const Request&, Response& res) {
    res.set_content(std::string(k_desk_css), "text/css; charset=utf-8");
  });
  sources_routes(http, d);
  reader_routes(http, d);
  review_routes(http, d);
  search_and_claim_routes(http, d);
  claim_manage_routes(http, d);
  http.set_error_handler([&d](const Request&, Response& res) {
    if (res.status == 404 && res.body.empty()) {
      send(res, 404, message_page(404, "Not found", "no such page; the desk has Sources, Review and Search", context(d)));
    }
  });
}

}  // namespace provcheck::server
