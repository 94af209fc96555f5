#pragma once
// The audit table and the moves that keep per-claim and per-source rows
// attached when a claim or source is renamed or a citation removed
// (migration 5). SQL only; called by SqliteStore inside its transaction.
// Errors map as in db.h. Used by one thread at a time, inside the store.

#include <string>
#include <vector>

#include "store/db.h"
#include "store/store.h"

namespace provcheck::store {

util::Status audit_put(Connection& db, const AuditEntry& e);
util::Result<std::vector<AuditEntry>> audit_rows(Connection& db, const std::string& kind, const std::string& object);
util::Status audit_rename_claim(Connection& db, const std::string& from, const std::string& to);
util::Status audit_rename_source(Connection& db, const std::string& from, const std::string& to);
util::Status audit_drop_citation(Connection& db, const std::string& claim, int index);

}  // namespace provcheck::store
