#pragma once
// The exchange commands' rows of the command table: `export` and `import
// annotations` (app/exchange_cmd.h). Kept apart from cli.cpp so each group
// of commands is read in one place.

#include <CLI/CLI.hpp>
#include <functional>

#include "app/session.h"

namespace provcheck::cli {

using CommandAction = std::function<util::Result<app::CommandOutput>()>;

// Adds the commands to `app`; the chosen one sets `action`. `global` is read
// when the action runs (after -C is known), so relative paths are taken
// from the -C folder.
void add_exchange_commands(CLI::App& app, const app::GlobalOptions& global, CommandAction& action);

}  // namespace provcheck::cli
