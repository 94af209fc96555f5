#pragma once
// `provcheck serve`: the desk (src/server/) from the command line.

#include <CLI/CLI.hpp>
#include <functional>

#include "app/session.h"

namespace provcheck::cli {

using ServeAction = std::function<util::Result<app::CommandOutput>()>;

// Registers `serve`; when it is chosen, `action` is set to run the desk
// with `global` (read when the action runs, after the paths are resolved).
void add_serve_commands(CLI::App& app, const app::GlobalOptions& global, ServeAction& action);

}  // namespace provcheck::cli
