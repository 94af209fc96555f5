#include "cli/serve_commands.h"

#include <cstdio>
#include <memory>

#include "server/server.h"

namespace provcheck::cli {

void add_serve_commands(CLI::App& app, const app::GlobalOptions& global, ServeAction& action) {
  auto o = std::make_shared<server::ServeOptions>();
  auto* serve = app.add_subcommand("serve", "the desk: a local web app to read sources, pin claims by selecting text, "
                                            "and review drift");
  serve->add_option("--port", o->port, "port to listen on (default 7420; 0 picks a free one)")->check(CLI::Range(0, 65535));
  serve->add_option_function<std::string>("--bind", [o](const std::string& v) { o->bind = v; o->bind_given = true; },
                                          "address to listen on (default 127.0.0.1 and ::1); a warning when not loopback");
  serve->add_flag("--open", o->open, "open the desk in the default browser");
  serve->callback([o, &global, &action] {
    action = [o, &global]() -> util::Result<app::CommandOutput> {
      auto say = [](const std::string& line) {
        std::printf("%s\n", line.c_str());
        std::fflush(stdout);
      };
      auto warn = [](const std::string& line) { std::fprintf(stderr, "provcheck: %s\n", line.c_str()); };
      util::Status st = server::serve(global, *o, say, warn);
      if (!st.ok()) return st.error();
      return app::CommandOutput{};
    };
  });
}

}  // namespace provcheck::cli
