#pragma once
// `store migrate --to postgresql://...|sqlite`: copies this workspace's
// memory (snapshots, source history, runs, results, history, the intact
// set, pins, cached conflicts) from the store it uses now into another,
// which must hold no runs of it yet; the claims index is rebuilt there from
// claims/ by the next command. Nothing is changed in the source store or in
// the files: the workspace switches when "store" (or PROVCHECK_STORE) says so.
// `store upgrade`: moves an older shared schema forward, once every client
// has this provcheck. Never prints.

#include <string>

#include "app/session.h"

namespace provcheck::app {

util::Result<CommandOutput> store_migrate(const GlobalOptions& g, const std::string& to);
util::Result<CommandOutput> store_upgrade(const GlobalOptions& g);

}  // namespace provcheck::app
