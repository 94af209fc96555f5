#pragma once
// The store's schema as ordered migrations. PRAGMA user_version is the
// number of migrations applied; a store with a higher number was written
// by a newer provcheck and is refused, never touched.

#include "store/db.h"

namespace provcheck::store {

// The number of migrations this provcheck knows: the user_version it writes.
int latest_schema_version();

// Applies pending migrations in one transaction.
util::Status migrate(Connection& db, int target_version);

}  // namespace provcheck::store
