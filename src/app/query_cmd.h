#pragma once
// `query`: the questions a desk asks of the store's memory.
//   broken-since DATE     citations broken (warning or error) since DATE: the
//                         run that first saw their present status started then or later
//   changed-sources DAYS  sources with a new snapshot in the last DAYS days
//                         (not first captures), with the claims that cite them
//   subject NAME          claims whose subject is NAME or one of its aliases
// The same function over either store: on SQLite the answers cover this
// workspace, on PostgreSQL every workspace of the database (the asking
// workspace's branch, every other one's base branch), each row naming its
// workspace. Text or JSON (schema provcheck.query/1). Never prints.

#include <string>

#include "app/session.h"

namespace provcheck::app {

struct QueryOptions {
  std::string question;  // broken-since | changed-sources | subject
  std::string argument;
  std::string format = "text";  // text | json
};

util::Result<CommandOutput> query(const GlobalOptions& g, const QueryOptions& o);

}  // namespace provcheck::app
