#pragma once
// The PostgreSQL store's schema: ordered migrations, run once under a
// session advisory lock so that many clients starting together migrate it
// exactly once (the others wait, then see the new version). A schema newer
// than this provcheck, or older unless upgrading is asked for, is refused
// with a message that says which version each side has.

#include "store/pg_conn.h"

namespace provcheck::store {

int latest_pg_schema_version();
// Creates the schema in an empty database; moves an older one forward only
// when `upgrade` (`provcheck store upgrade`), since older clients may share it.
util::Status migrate_pg(PgConnection& db, bool upgrade);

}  // namespace provcheck::store
