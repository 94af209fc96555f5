#pragma once
// The store's commands: `store migrate`, `store upgrade` and `query`
// (app/store_cmd.h, app/query_cmd.h), registered on the command table.

#include <CLI/CLI.hpp>
#include <functional>

#include "app/session.h"

namespace provcheck::cli {

using CommandAction = std::function<util::Result<app::CommandOutput>()>;

// The chosen command sets `action`; `global` is read when it runs.
void add_store_commands(CLI::App& app, const app::GlobalOptions& global, CommandAction& action);

}  // namespace provcheck::cli
