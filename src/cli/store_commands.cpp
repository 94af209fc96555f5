#include "cli/store_commands.h"

#include <memory>

#include "app/query_cmd.h"
#include "app/store_cmd.h"

namespace provcheck::cli {

void add_store_commands(CLI::App& app, const app::GlobalOptions& global, CommandAction& action) {
  auto* store = app.add_subcommand("store", "the store itself: copy it to another, upgrade a shared schema");
  store->require_subcommand(1);
  auto to = std::make_shared<std::string>();
  auto* migrate = store->add_subcommand("migrate", "copy this workspace's memory into another store");
  migrate->add_option("--to", *to, "postgresql://[user@]host[:port]/database or sqlite")->required();
  migrate->callback([&global, &action, to] { action = [&global, to] { return app::store_migrate(global, *to); }; });
  auto* upgrade = store->add_subcommand("upgrade", "move an older shared PostgreSQL schema to this provcheck's version");
  upgrade->callback([&global, &action] { action = [&global] { return app::store_upgrade(global); }; });

  auto opts = std::make_shared<app::QueryOptions>();
  auto* query = app.add_subcommand("query", "ask the store: broken-since DATE | changed-sources DAYS | subject NAME");
  query->add_option("QUESTION", opts->question, "broken-since, changed-sources or subject")
      ->required()
      ->check(CLI::IsMember({"broken-since", "changed-sources", "subject"}));
  query->add_option("ARGUMENT", opts->argument, "a date (YYYY-MM-DD), a number of days, or a subject name")->required();
  query->add_option("--format", opts->format, "text, json")->check(CLI::IsMember({"text", "json"}));
  query->callback([&global, &action, opts] { action = [&global, opts] { return app::query(global, *opts); }; });
}

}  // namespace provcheck::cli
