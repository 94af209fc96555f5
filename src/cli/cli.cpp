#include "cli/cli.h"

#include <unistd.h>

#include <CLI/CLI.hpp>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <iostream>

#include "app/check_cmd.h"
#include "app/claims_cmd.h"
#include "app/init_cmd.h"
#include "app/sources_cmd.h"

namespace provcheck::cli {
namespace {

constexpr int k_exit_ok = 0;
constexpr int k_exit_broken = 1;
constexpr int k_exit_input = 2;
constexpr int k_exit_internal = 3;

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
  return r->provenance_broken ? k_exit_broken : k_exit_ok;
}

bool use_color() { return ::isatty(STDOUT_FILENO) && std::getenv("NO_COLOR") == nullptr; }

void add_assertion_options(CLI::App* cmd, core::ClaimRequest& r) {
  auto opt = [&](const char* name, std::optional<std::string>& slot, const char* help) {
    cmd->add_option_function<std::string>(name, [&slot](const std::string& v) { slot = v; }, help);
  };
  opt("--subject", r.assertion.subject, "what the claim is about, e.g. 'East Aleppo'");
  opt("--metric", r.assertion.metric, "what is measured, e.g. population, control");
  opt("--value", r.assertion.value, "a figure ('250,000', '4.7 million'), a range LOW..HIGH, or a status word");
  opt("--unit", r.assertion.unit, "unit of the value, e.g. people, km");
  opt("--approx", r.assertion.approx, "qualifier word, e.g. about, some, almost");
  opt("--as-of", r.assertion.as_of, "date, month, year or ISO 8601 interval the claim speaks of");
}

}  // namespace

int run(int argc, char** argv) {
  try {
    CLI::App app{"provcheck: keeps claims pinned to the exact passages of their sources, and tells when that breaks"};
    app.set_version_flag("--version", std::string("provcheck ") + PROVCHECK_VERSION);
    app.require_subcommand(1);
    app::GlobalOptions g;
    std::string dir = ".";
    app.add_option("-C,--directory", dir, "run as if started in DIR");
    if (const char* t = std::getenv("PROVCHECK_BUSY_TIMEOUT_MS")) g.busy_timeout_ms = std::atoi(t);

    std::function<util::Result<app::CommandOutput>()> action;

    auto* init = app.add_subcommand("init", "create a workspace skeleton (sources/, claims/, reports/, .provcheck/)");
    std::string init_dir = ".";
    init->add_option("DIR", init_dir, "folder to make a workspace (default: here)");
    init->callback([&] { action = [&] { return app::init(g, init_dir); }; });

    auto* source = app.add_subcommand("source", "capture and inspect sources");
    source->require_subcommand(1);
    app::SourceAddOptions sadd;
    auto* sa = source->add_subcommand("add", "register .txt/.md files as sources (copied into sources/)");
    sa->add_option("PATH", sadd.paths, "files to add")->required();
    sa->add_option_function<std::string>("--id", [&](const std::string& v) { sadd.id = v; }, "source id (default: from the file name)");
    sa->add_option("--title", sadd.title, "title");
    sa->add_option("--publisher", sadd.publisher, "publisher");
    sa->add_option("--url", sadd.url, "where it was published");
    sa->add_option("--published", sadd.published, "publication date, ISO 8601");
    sa->add_option("--retrieved", sadd.retrieved, "when it was captured (default: now)");
    sa->callback([&] { action = [&] { return app::source_add(g, sadd); }; });
    std::string fmt = "text";
    std::string show_id;
    auto* sl = source->add_subcommand("list", "list sources");
    sl->add_option("--format", fmt, "text or json")->check(CLI::IsMember({"text", "json"}));
    sl->callback([&] { action = [&] { return app::source_list(g, fmt == "json"); }; });
    auto* ss = source->add_subcommand("show", "show a source's metadata and snapshots");
    ss->add_option("ID", show_id, "source id")->required();
    ss->add_option("--format", fmt, "text or json")->check(CLI::IsMember({"text", "json"}));
    ss->callback([&] { action = [&] { return app::source_show(g, show_id, fmt == "json"); }; });

    auto* claim = app.add_subcommand("claim", "pin and inspect claims");
    claim->require_subcommand(1);
    core::ClaimRequest req;
    app::ClaimAddOptions cadd;
    auto* ca = claim->add_subcommand("add", "pin a claim to a passage of a source");
    ca->add_option("--source", req.source, "source id")->required();
    ca->add_option("--quote", req.quote, "the passage, as the source has it (whitespace and typography may differ)")->required();
    ca->add_option_function<std::string>("--id", [&](const std::string& v) { req.id = v; }, "claim id (default: SOURCE-N)");
    ca->add_option_function<std::string>("--text", [&](const std::string& v) { req.text = v; }, "the claim in your words");
    ca->add_option_function<int>("--occurrence", [&](int v) { req.occurrence = v; }, "which copy, from 1, when the quote occurs several times");
    ca->add_option("--tag", req.tags, "a tag (repeatable)");
    ca->add_option_function<std::string>("--to", [&](const std::string& v) { cadd.to = v; }, "claims file (default claims/claims.json)");
    add_assertion_options(ca, req);
    ca->callback([&] {
      req.origin = "claim add";
      cadd.requests = {req};
      action = [&] { return app::claim_add(g, cadd); };
    });
    std::string import_path;
    std::optional<std::string> import_to;
    auto* ci = claim->add_subcommand("import", "add many claims from JSON Lines, all or nothing");
    ci->add_option("FILE", import_path, "a .jsonl file, one claim a line")->required();
    ci->add_option_function<std::string>("--to", [&](const std::string& v) { import_to = v; }, "claims file (default claims/claims.json)");
    ci->callback([&] { action = [&] { return app::claim_import(g, import_path, import_to); }; });
    auto* cl = claim->add_subcommand("list", "list claims");
    cl->add_option("--format", fmt, "text or json")->check(CLI::IsMember({"text", "json"}));
    cl->callback([&] { action = [&] { return app::claim_list(g, fmt == "json"); }; });
    auto* cs = claim->add_subcommand("show", "show a claim, its citations and their history");
    cs->add_option("ID", show_id, "claim id")->required();
    cs->add_option("--format", fmt, "text or json")->check(CLI::IsMember({"text", "json"}));
    cs->callback([&] { action = [&] { return app::claim_show(g, show_id, fmt == "json"); }; });

    app::CheckOptions copt;
    std::string fail_on = "error";
    auto* check = app.add_subcommand("check", "judge every citation; exit 1 when provenance is broken");
    check->add_option("--format", copt.format, "text, json or md")->check(CLI::IsMember({"text", "json", "md"}));
    check->add_option_function<std::string>("-o,--output", [&](const std::string& v) { copt.output = v; }, "write the report to FILE");
    check->add_option("--fail-on", fail_on, "lowest severity that fails: warning or error")
        ->check(CLI::IsMember({"warning", "error"}));
    check->callback([&] {
      copt.fail_on = fail_on == "warning" ? core::Severity::warning : core::Severity::error;
      copt.color = use_color();
      action = [&] { return app::check(g, copt); };
    });

    auto* reindex = app.add_subcommand("reindex", "rebuild the store's index from sources/ and claims/");
    reindex->callback([&] { action = [&] { return app::reindex(g); }; });

    try {
      app.parse(argc, argv);
    } catch (const CLI::Success& e) {
      return app.exit(e);
    } catch (const CLI::ParseError& e) {
      app.exit(e);
      return k_exit_input;
    }
    g.directory = dir;
    // "-C DIR" means "as if started in DIR", for path arguments too.
    auto from_dir = [&](std::string& path) {
      if (!path.empty() && path[0] != '/' && dir != ".") path = (std::filesystem::path(dir) / path).string();
    };
    for (std::string& p : sadd.paths) from_dir(p);
    from_dir(import_path);
    if (copt.output) from_dir(*copt.output);
    if (!action) return k_exit_input;
    return finish(action());
  } catch (const std::exception& e) {
    std::fprintf(stderr, "provcheck: error: internal error: %s\n", e.what());
    return k_exit_internal;
  }
}

}  // namespace provcheck::cli
