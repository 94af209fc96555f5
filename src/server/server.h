#pragma once
// `provcheck serve`: the desk, a local web app over the workspace
// (cpp-httplib). A face beside the CLI: every page reads through app/
// functions and every change goes through the commands' own functions
// (claim add, claim accept, source add), so the files written are the
// CLI's, byte for byte. The server keeps no state but a per-run token; a
// change on disk shows on the next page load.
//
// Listens on 127.0.0.1 and [::1] unless `bind` names another address (a
// warning is given when that is not loopback). Every request passes
// server/guard.h first. serve() blocks until SIGINT or SIGTERM and returns
// an error value when it cannot listen; it never prints: `announce` hears
// the address once listening and `warn` the warnings (the cli prints them).

#include <functional>
#include <string>

#include "app/session.h"
#include "util/result.h"

namespace provcheck::server {

struct ServeOptions {
  int port = 7420;  // 0: any free port
  std::string bind = "127.0.0.1";
  bool bind_given = false;  // --bind was given: listen on that address only
  bool open = false;        // open the desk in the default browser (xdg-open)
};

using Say = std::function<void(const std::string&)>;

util::Status serve(const app::GlobalOptions& g, const ServeOptions& o, const Say& announce, const Say& warn);

}  // namespace provcheck::server
