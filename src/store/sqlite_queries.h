#pragma once
// The SQLite store's answers to the desk's questions and its bulk dump and
// load for `store migrate` (store.h): free functions over a Connection, so
// that sqlite_store.cpp stays about statements of a check. Same errors as
// the store's other methods; one thread at a time.

#include <string>
#include <vector>

#include "store/db.h"
#include "store/store.h"

namespace provcheck::store {

util::Result<std::vector<BrokenCitation>> sqlite_broken_since(Connection& db, const std::string& workspace,
                                                               const std::string& since);
util::Result<std::vector<ChangedSource>> sqlite_changed_sources(Connection& db, const std::string& workspace,
                                                                const std::string& since);
util::Result<std::vector<SubjectClaim>> sqlite_claims_by_subject(Connection& db, const std::string& workspace,
                                                                 const std::vector<std::string>& folded_subjects);
util::Result<Store::Dump> sqlite_dump(Connection& db, Store& store);
// Into an empty (just created) store, inside the caller's transaction.
util::Status sqlite_load(Connection& db, Store& store, const Store::Dump& d);

}  // namespace provcheck::store
