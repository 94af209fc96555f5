#include "app/store_cmd.h"

#include "workspace/settings_file.h"

namespace provcheck::app {
namespace {
using util::Error;
using util::ErrorKind;
}  // namespace

util::Result<CommandOutput> store_migrate(const GlobalOptions& g, const std::string& to) {
  std::string target = to == "sqlite" ? "" : to;
  if (!target.empty() && target.rfind("postgresql://", 0) != 0 && target.rfind("postgres://", 0) != 0) {
    return Error(ErrorKind::invalid_input, "store migrate --to: give \"sqlite\" or a PostgreSQL URL "
                                           "(postgresql://[user@]host[:port]/database)");
  }
  PC_ASSIGN_OR_RETURN(workspace::Workspace ws, find_workspace(g));
  PC_ASSIGN_OR_RETURN(std::string source_url, store_url(ws));
  if (source_url == target) {
    return Error(ErrorKind::invalid_input, "store migrate: this workspace already uses that store; --to names the "
                                           "store to copy into (the one in use comes from PROVCHECK_STORE or provcheck.json)");
  }
  store::OpenOptions opts;
  opts.busy_timeout_ms = g.busy_timeout_ms;
  PC_ASSIGN_OR_RETURN(auto from, open_store(ws, source_url, opts));
  PC_ASSIGN_OR_RETURN(auto into, open_store(ws, target, opts));
  PC_ASSIGN_OR_RETURN(store::Store::Dump dump, from->dump());
  PC_ASSIGN_OR_RETURN(auto tx, into->begin_write());
  PC_ASSIGN_OR_RETURN(auto runs, into->last_run());
  if (runs) {
    return Error(ErrorKind::conflict, into->describe() + " already holds runs of this workspace; `store migrate` "
                                                         "copies into a store with no memory of it (for SQLite: "
                                                         "remove .provcheck/ first)");
  }
  PC_TRY_STATUS(into->load(dump));
  PC_TRY_STATUS(tx->commit());
  CommandOutput out;
  out.out = "copied " + std::to_string(dump.snapshots.size()) + " snapshots, " + std::to_string(dump.runs.size()) +
            " runs, " + std::to_string(dump.results.size()) + " results, " + std::to_string(dump.history.size()) +
            " history entries and " + std::to_string(dump.pins.size()) + " earlier pins\n  from " + from->describe() +
            "\n  into " + into->describe() + "\n";
  out.notes.push_back(target.empty()
                          ? "to use it, remove \"store\" from provcheck.json (or set it to \"sqlite\") and unset PROVCHECK_STORE"
                          : "to use it, set \"store\" in provcheck.json to the URL without its password (give that "
                            "in PGPASSWORD or ~/.pgpass), or set PROVCHECK_STORE");
  return out;
}

util::Result<CommandOutput> store_upgrade(const GlobalOptions& g) {
  PC_ASSIGN_OR_RETURN(workspace::Workspace ws, find_workspace(g));
  PC_ASSIGN_OR_RETURN(std::string url, store_url(ws));
  if (url.empty()) {
    return Error(ErrorKind::invalid_input, "store upgrade: this workspace uses the embedded SQLite store, which every "
                                           "command upgrades by itself; upgrade is for a shared PostgreSQL store");
  }
  store::OpenOptions opts;
  opts.busy_timeout_ms = g.busy_timeout_ms;
  opts.upgrade_schema = true;
  PC_ASSIGN_OR_RETURN(auto st, open_store(ws, url, opts));
  CommandOutput out;
  out.out = st->describe() + ": the schema is current\n";
  return out;
}

}  // namespace provcheck::app
