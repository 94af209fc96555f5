#pragma once
// The PostgreSQL store's answers to the desk's questions, across every
// workspace of the database (each workspace's base branch, and the asking
// workspace's own branch), and its bulk dump and load for `store migrate`.
// Same errors as the store's other methods; one thread at a time.

#include <string>
#include <vector>

#include "store/pg_conn.h"
#include "store/store.h"

namespace provcheck::store {

util::Result<std::vector<BrokenCitation>> pg_broken_since(PgConnection& db, const SharedScope& s,
                                                          const std::string& since);
util::Result<std::vector<ChangedSource>> pg_changed_sources(PgConnection& db, const SharedScope& s,
                                                            const std::string& since);
util::Result<std::vector<SubjectClaim>> pg_claims_by_subject(PgConnection& db, const SharedScope& s,
                                                             const std::vector<std::string>& folded_subjects);
util::Result<Store::Dump> pg_dump(PgConnection& db, const SharedScope& s, Store& store);
// Into this workspace and branch, which must hold no runs yet; run ids are
// renumbered (they are shared by every workspace of the database).
util::Status pg_load(PgConnection& db, const SharedScope& s, Store& store, const Store::Dump& d);

}  // namespace provcheck::store
