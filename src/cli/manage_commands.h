#pragma once
// The command-line faces of app/claim_manage_cmd.h and app/source_manage_cmd.h:
// `claim edit|cite|uncite|remove` and `source rename|remove`, added to the
// `claim` and `source` commands that cli.cpp made. The chosen command sets
// `action`, which cli.cpp runs and turns into an exit code.

#include <CLI/CLI.hpp>
#include <functional>

#include "app/session.h"

namespace provcheck::cli {

using ManageAction = std::function<util::Result<app::CommandOutput>()>;

void add_manage_commands(CLI::App& app, const app::GlobalOptions& global, ManageAction& action);

}  // namespace provcheck::cli
