#include "app/init_cmd.h"

#include <filesystem>

namespace provcheck::app {

util::Result<CommandOutput> init(const GlobalOptions& g, const std::string& dir) {
  std::filesystem::path target = std::filesystem::path(dir).is_absolute() ? std::filesystem::path(dir)
                                                                           : g.directory / dir;
  bool existed = workspace::is_workspace_root(target);
  PC_ASSIGN_OR_RETURN(workspace::Workspace ws, workspace::Workspace::init(target));
  GlobalOptions here = g;
  here.directory = ws.root();
  PC_ASSIGN_OR_RETURN(Session s, open_session(here));
  CommandOutput out;
  out.out = (existed ? "workspace already set up at " : "created a provcheck workspace at ") + ws.root().string() +
            "\n  next: provcheck source add PATH, then provcheck claim add --source ID --quote TEXT\n";
  return out;
}

}  // namespace provcheck::app
