#include "cli/cli.h"

#include <malloc.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>

#include "app/accept_cmd.h"
#include "app/check_cmd.h"
#include "app/claims_cmd.h"
#include "app/figures_cmd.h"
#include "app/init_cmd.h"
#include "app/locate_cmd.h"
#include "app/search_cmd.h"
#include "app/source_diff_cmd.h"
#include "app/refresh_cmd.h"
#include "app/report_cmd.h"
#include "app/sources_cmd.h"
#include "cli/exchange_commands.h"
#include "cli/manage_commands.h"
#include "cli/progress_line.h"
#include "cli/serve_commands.h"
#include "cli/suggest.h"

#include "cli/store_commands.h"

namespace provcheck::cli {
namespace {

constexpr int k_exit_ok = 0;
constexpr int k_exit_broken = 1;
constexpr int k_exit_input = 2;
constexpr int k_exit_internal = 3;

using Action = std::function<util::Result<app::CommandOutput>()>;

// Everything the command table fills in; the chosen subcommand sets `action`.
struct Invocation {
  app::GlobalOptions global;
  std::string dir = ".";
  std::string format = "text";
  std::string id;
  std::string init_dir = ".";
  app::SourceAddOptions source_add;
  app::RefreshOptions refresh;
  core::ClaimRequest request;
  app::ClaimAddOptions claim_add;
  std::string import_path;
  std::optional<std::string> import_to;
  app::CheckOptions check;
  app::ClaimAcceptOptions accept;
  std::vector<std::string> thresholds;
  app::SourceDiffOptions source_diff;
  std::string fail_on;  // empty unless --fail-on is given: provcheck.json's fail_on applies then
  app::SearchOptions search;
  app::ReportOptions report;
  Action action;
};

int exit_code_for(util::ErrorKind kind) {
  switch (kind) {
    case util::ErrorKind::invalid_input:
    case util::ErrorKind::not_found:
    case util::ErrorKind::conflict:
    case util::ErrorKind::unsupported:
      return k_exit_input;
    default:
      return k_exit_internal;
  }
}

int finish(const util::Result<app::CommandOutput>& r) {
  if (!r.ok()) {
    std::fflush(stdout);
    std::fprintf(stderr, "provcheck: error: %s: %s\n", util::error_kind_name(r.error().kind()),
                 r.error().message().c_str());
    return exit_code_for(r.error().kind());
  }
  std::fwrite(r->out.data(), 1, r->out.size(), stdout);
  std::fflush(stdout);
  for (const std::string& n : r->notes) std::fprintf(stderr, "provcheck: %s\n", n.c_str());
  if (r->partial_failure) {
    std::fprintf(stderr, "provcheck: error: %s: %s\n", util::error_kind_name(r->partial_failure->kind()),
                 r->partial_failure->message().c_str());
    return exit_code_for(r->partial_failure->kind());
  }
  return r->provenance_broken ? k_exit_broken : k_exit_ok;
}

bool use_color() { return ::isatty(STDOUT_FILENO) && std::getenv("NO_COLOR") == nullptr; }

void add_format(CLI::App* cmd, Invocation& in, const std::vector<std::string>& formats) {
  std::string help;
  for (const auto& f : formats) help += (help.empty() ? "" : ", ") + f;
  cmd->add_option("--format", in.format, help)->check(CLI::IsMember(formats));
}

void add_init(CLI::App& app, Invocation& in) {
  auto* init = app.add_subcommand("init", "create a workspace skeleton (sources/, claims/, reports/, .provcheck/)");
  init->add_option("DIR", in.init_dir, "folder to make a workspace (default: here)");
  init->callback([&in] { in.action = [&in] { return app::init(in.global, in.init_dir); }; });
}

// Bounds of a URL capture (util/http_fetch.h has the defaults).
void add_http_options(CLI::App* cmd, util::HttpOptions& h) {
  auto ms = [](double seconds) { return static_cast<long>(seconds * 1000.0 + 0.5); };
  h.user_agent = std::string("provcheck/") + PROVCHECK_VERSION;
  cmd->add_option_function<double>("--timeout", [&h, ms](double v) { h.total_timeout_ms = ms(v); },
                                   "URLs: seconds the whole transfer may take (default 60)")
      ->check(CLI::Range(0.001, 86400.0));
  cmd->add_option_function<double>("--connect-timeout", [&h, ms](double v) { h.connect_timeout_ms = ms(v); },
                                   "URLs: seconds to wait for a connection (default 10)")
      ->check(CLI::Range(0.001, 3600.0));
  cmd->add_option("--max-bytes", h.max_bytes, "URLs: largest body accepted, in bytes (default 52428800 = 50 MiB)")
      ->check(CLI::Range(std::uint64_t{1}, std::uint64_t{1} << 40));
  cmd->add_option("--max-redirects", h.max_redirects, "URLs: redirects followed (default 5)")->check(CLI::Range(0L, 50L));
}

void add_source(CLI::App& app, Invocation& in) {
  auto* source = app.add_subcommand("source", "capture and inspect sources");
  source->require_subcommand(1);
  auto* add = source->add_subcommand("add", "register .txt/.md/.html/.pdf files or http(s) URLs as sources");
  app::SourceAddOptions& o = in.source_add;
  add->add_option("PATH", o.paths, "files or http(s) URLs to add")->required();
  add->add_option_function<std::string>("--id", [&o](const std::string& v) { o.id = v; },
                                        "source id (default: from the file name)");
  add->add_option("--title", o.title, "title");
  add->add_option("--publisher", o.publisher, "publisher");
  add->add_option("--url", o.url, "where it was published");
  add->add_option("--published", o.published, "publication date, ISO 8601");
  add->add_option("--retrieved", o.retrieved, "when it was captured (default: now)");
  add->add_option("--text-layer", o.text_layer,
                  "text layer: identity (the file's bytes, e.g. to quote Markdown source), cmark/1, html-gumbo/1, "
                  "pdf-poppler/1 (default: by media type)");
  add->add_flag("--allow-outside", o.allow_outside,
                "accept a local file outside the workspace, or a symbolic link leading out of it");
  add_http_options(add, o.http);
  add->callback([&in] { in.action = [&in] { return app::source_add(in.global, in.source_add); }; });
  auto* list = source->add_subcommand("list", "list sources");
  add_format(list, in, {"text", "json"});
  list->callback([&in] { in.action = [&in] { return app::source_list(in.global, in.format == "json"); }; });
  auto* show = source->add_subcommand("show", "show a source's metadata and snapshots");
  show->add_option("ID", in.id, "source id")->required();
  add_format(show, in, {"text", "json"});
  show->callback([&in] { in.action = [&in] { return app::source_show(in.global, in.id, in.format == "json"); }; });
  auto* diff = source->add_subcommand("diff", "what changed since the snapshot the source's claims were pinned to");
  diff->add_option("ID", in.source_diff.id, "source id")->required();
  diff->add_option_function<std::string>("--from", [&in](const std::string& v) { in.source_diff.from = v; },
                                         "compare from this snapshot (digest or a prefix of it)");
  add_format(diff, in, {"text", "json"});
  diff->callback([&in] {
    in.source_diff.json = in.format == "json";
    in.source_diff.color = use_color();
    in.action = [&in] { return app::source_diff(in.global, in.source_diff); };
  });
  auto* refresh = source->add_subcommand("refresh", "capture sources again from their URLs; store what changed");
  refresh->add_option("ID", in.refresh.ids, "source ids (default: every source captured from a URL)");
  add_http_options(refresh, in.refresh.http);
  refresh->callback([&in] { in.action = [&in] { return app::source_refresh(in.global, in.refresh); }; });
}

void add_claim_add(CLI::App* claim, Invocation& in) {
  core::ClaimRequest& r = in.request;
  auto* add = claim->add_subcommand("add", "pin a claim to a passage of a source");
  add->add_option("--source", r.source, "source id")->required();
  add->add_option("--quote", r.quote, "the passage, as the source has it (whitespace and typography may differ)")
      ->required();
  add->add_option_function<std::string>("--id", [&r](const std::string& v) { r.id = v; }, "claim id (default: SOURCE-N)");
  add->add_option_function<std::string>("--text", [&r](const std::string& v) { r.text = v; }, "the claim in your words");
  add->add_option_function<int>("--occurrence", [&r](int v) { r.occurrence = v; },
                                "which copy, from 1, when the quote occurs several times");
  add->add_option("--tag", r.tags, "a tag (repeatable)");
  add->add_option_function<std::string>("--to", [&in](const std::string& v) { in.claim_add.to = v; },
                                        "claims file (default claims/claims.json)");
  auto opt = [add](const char* name, std::optional<std::string>& slot, const char* help) {
    add->add_option_function<std::string>(name, [&slot](const std::string& v) { slot = v; }, help);
  };
  opt("--subject", r.assertion.subject, "what the claim is about, e.g. 'East Aleppo'");
  opt("--metric", r.assertion.metric, "what is measured, e.g. population, control");
  opt("--value", r.assertion.value, "a figure ('250,000', '4.7 million'), a range LOW..HIGH, or a status word");
  opt("--unit", r.assertion.unit, "unit of the value, e.g. people, km");
  opt("--approx", r.assertion.approx, "qualifier word, e.g. about, some, almost");
  opt("--as-of", r.assertion.as_of, "date, month, year or ISO 8601 interval the claim speaks of");
  opt("--rating", r.review.rating, "a fact-checker's rating, a label of the rating scale (e.g. 'Mostly false')");
  opt("--reviewed-by", r.review.reviewed_by, "the organization that reviewed the claim");
  opt("--review-url", r.review.review_url, "the published fact-check's URL");
  opt("--review-date", r.review.review_date, "when the review was published, YYYY-MM-DD");
  add->callback([&in] {
    in.request.origin = "claim add";
    in.claim_add.requests = {in.request};
    in.action = [&in] { return app::claim_add(in.global, in.claim_add); };
  });
}

void add_claim(CLI::App& app, Invocation& in) {
  auto* claim = app.add_subcommand("claim", "pin and inspect claims");
  claim->require_subcommand(1);
  add_claim_add(claim, in);
  auto* import = claim->add_subcommand("import", "add many claims from JSON Lines, all or nothing");
  import->add_option("FILE", in.import_path, "a .jsonl file, one claim a line")->required();
  import->add_option_function<std::string>("--to", [&in](const std::string& v) { in.import_to = v; },
                                           "claims file (default claims/claims.json)");
  import->callback([&in] { in.action = [&in] { return app::claim_import(in.global, in.import_path, in.import_to); }; });
  auto* list = claim->add_subcommand("list", "list claims");
  add_format(list, in, {"text", "json"});
  list->callback([&in] { in.action = [&in] { return app::claim_list(in.global, in.format == "json"); }; });
  auto* show = claim->add_subcommand("show", "show a claim, its citations and their history");
  show->add_option("ID", in.id, "claim id")->required();
  add_format(show, in, {"text", "json"});
  show->callback([&in] { in.action = [&in] { return app::claim_show(in.global, in.id, in.format == "json"); }; });
  auto* accept = claim->add_subcommand("accept", "re-pin reviewed drifted citations to the passage the source has now");
  app::ClaimAcceptOptions& a = in.accept;
  accept->add_option("ID", a.ids, "claims to accept");
  accept->add_flag("--all", a.all, "every drifted citation (not changed figures, unless --figures)");
  accept->add_option_function<std::string>("--source", [&a](const std::string& v) { a.source = v; },
                                           "every drifted citation of source ID (not changed figures, unless --figures)");
  accept->add_flag("--figures", a.figures, "with --all or --source: accept changed figures too");
  accept->callback([&in] { in.action = [&in] { return app::claim_accept(in.global, in.accept); }; });
}

void add_check(CLI::App& app, Invocation& in) {
  auto* check = app.add_subcommand("check", "judge every citation; exit 1 when provenance is broken");
  check->add_option("--format", in.check.format, "text, json, md, junit, sarif or github")
      ->check(CLI::IsMember({"text", "json", "md", "junit", "sarif", "github"}));
  check->add_option_function<std::string>("--changed-since", [&in](const std::string& v) { in.check.changed_since = v; },
                                          "check only the claims and sources git says changed since REF");
  check->add_option_function<std::string>("-o,--output", [&in](const std::string& v) { in.check.output = v; },
                                          "write the report to FILE");
  check->add_option("--fail-on", in.fail_on,
                    "lowest severity that fails: warning or error (default: provcheck.json's fail_on, else error)")
      ->check(CLI::IsMember({"warning", "error"}));
  check->callback([&in] {
    if (!in.fail_on.empty()) {
      in.check.fail_on = in.fail_on == "warning" ? core::Severity::warning : core::Severity::error;
      in.check.fail_on_flag = in.check.fail_on;
    }
    in.check.color = use_color();
    in.action = [&in] {
      ProgressLine progress;
      in.check.progress = progress.callback();
      return app::check(in.global, in.check);
    };
  });
  auto* reindex = app.add_subcommand("reindex", "rebuild the store's index from sources/ and claims/");
  reindex->callback([&in] { in.action = [&in] { return app::reindex(in.global); }; });
}

void add_report(CLI::App& app, Invocation& in) {
  auto* report = app.add_subcommand("report", "run a full check and write a report for people: html, md or json");
  report->add_option("--format", in.report.format, "html, md or json")->check(CLI::IsMember({"html", "md", "json"}));
  report->add_option_function<std::string>("-o,--output", [&in](const std::string& v) { in.report.output = v; },
                                           "write the report to FILE (default: standard output)");
  report->add_option("--fail-on", in.fail_on,
                     "lowest severity that fails: warning or error (default: provcheck.json's fail_on, else error)")
      ->check(CLI::IsMember({"warning", "error"}));
  report->callback([&in] {
    if (!in.fail_on.empty()) in.report.fail_on_flag = in.fail_on == "warning" ? core::Severity::warning : core::Severity::error;
    in.report.color = use_color();
    in.action = [&in] {
      ProgressLine progress;
      in.report.progress = progress.callback();
      return app::report(in.global, in.report);
    };
  });
}

void add_locate(CLI::App& app, Invocation& in) {
  auto* locate = app.add_subcommand(
      "locate", "(plumbing) JSON Lines of selectors in (FILE or stdin), JSON Lines of matches out; no workspace");
  locate->add_option("FILE", in.import_path, "selectors, one JSON object a line (default: standard input)");
  locate->add_option("--threshold", in.thresholds, "NAME=VALUE: override an anchoring threshold (for tuning sweeps)")
      ->allow_extra_args(false);
  locate->callback([&in] {
    in.action = [&in]() -> util::Result<app::CommandOutput> {
      auto emit = [](std::string_view s) { std::fwrite(s.data(), 1, s.size(), stdout); };
      if (in.import_path.empty() || in.import_path == "-") return app::locate(std::cin, "<stdin>", emit, 0, in.thresholds);
      std::ifstream file(in.import_path);
      if (!file) return util::Error(util::ErrorKind::not_found, in.import_path + ": cannot open");
      return app::locate(file, in.import_path, emit, 0, in.thresholds);
    };
  });
}

void add_search(CLI::App& app, Invocation& in) {
  auto* search = app.add_subcommand("search", "rank passages of every source for an FTS5 query, with their figures");
  auto words = std::make_shared<std::vector<std::string>>();
  search->add_option("TEXT", *words, "words (all must occur), \"a phrase\", prefix*, AND/OR/NOT")->required();
  search->add_option("--format", in.search.format, "text or json")->check(CLI::IsMember({"text", "json"}));
  search->add_option("--limit", in.search.limit, "how many passages (default 10)");
  search->callback([&in, words] {
    for (const std::string& w : *words) in.search.query += (in.search.query.empty() ? "" : " ") + w;
    in.search.color = use_color();
    in.action = [&in] { return app::search(in.global, in.search); };
  });
}

void add_figures(CLI::App& app, Invocation& in) {
  auto opts = std::make_shared<app::FiguresOptions>();
  auto* figures = app.add_subcommand("figures", "list the figures (numbers, dates, percents...) in sources' text");
  figures->add_option("SOURCE", opts->sources, "source ids (default: every source of the workspace)");
  add_format(figures, in, {"text", "json"});
  figures->callback([&in, opts] {
    opts->json = in.format == "json";
    in.action = [&in, opts] { return app::figures(in.global, *opts); };
  });
}

// "-C DIR" means "as if started in DIR", for path arguments too.
void resolve_paths(Invocation& in) {
  in.global.directory = in.dir;
  auto from_dir = [&in](std::string& path) {
    if (!path.empty() && path[0] != '/' && in.dir != ".") path = (std::filesystem::path(in.dir) / path).string();
  };
  for (std::string& p : in.source_add.paths) from_dir(p);
  from_dir(in.import_path);
  if (in.check.output) from_dir(*in.check.output);
  if (in.report.output) from_dir(*in.report.output);
}

}  // namespace

int run(int argc, char** argv) {
  // A check of a large workspace allocates a few hundred megabytes in many
  // small pieces on two threads; growing the heap in large steps and never
  // trimming it (the process is short-lived) saves thousands of page faults
  // and mprotect calls.
  mallopt(M_TOP_PAD, 64 << 20);
  mallopt(M_TRIM_THRESHOLD, 256 << 20);
  try {
    CLI::App app{"provcheck: keeps claims pinned to the exact passages of their sources, and tells when that breaks"};
    app.set_version_flag("--version", std::string("provcheck ") + PROVCHECK_VERSION);
    app.require_subcommand(1);
    Invocation in;
    app.add_option("-C,--directory", in.dir, "run as if started in DIR");
    if (const char* t = std::getenv("PROVCHECK_BUSY_TIMEOUT_MS")) in.global.busy_timeout_ms = std::atoi(t);
    add_init(app, in);
    add_source(app, in);
    add_claim(app, in);
    add_manage_commands(app, in.global, in.action);
    add_check(app, in);
    add_locate(app, in);
    add_search(app, in);
    add_figures(app, in);
    add_report(app, in);
    add_exchange_commands(app, in.global, in.action);
    add_serve_commands(app, in.global, in.action);

    add_store_commands(app, in.global, in.action);
    try {
      app.parse(argc, argv);
    } catch (const CLI::Success& e) {
      return app.exit(e);
    } catch (const CLI::ParseError& e) {
      if (auto unknown = explain_unknown_word(app, argc, argv)) {
        std::fprintf(stderr, "provcheck: error: invalid_input: %s\n", unknown->c_str());
        return k_exit_input;
      }
      app.exit(e);
      return k_exit_input;
    }
    resolve_paths(in);
    if (!in.action) return k_exit_input;
    return finish(in.action());
  } catch (const std::exception& e) {
    std::fprintf(stderr, "provcheck: error: internal error: %s\n", e.what());
    return k_exit_internal;
  }
}

}  // namespace provcheck::cli
