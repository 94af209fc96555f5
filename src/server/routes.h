#pragma once
// The desk's routes on an httplib::Server: the pages (GET), the actions
// (POST, guarded), the embedded script and stylesheet. Internal to server/.

#include <httplib.h>

#include "app/session.h"
#include "server/guard.h"

namespace provcheck::server {

struct Desk {
  app::GlobalOptions global;
  Guard guard;
};

// `desk` must outlive the server.
void add_routes(httplib::Server& http, const Desk& desk);

}  // namespace provcheck::server
