#pragma once
// What the commands that change claims and sources share (claim edit, cite,
// uncite, remove; source rename, remove; and the audit of claim add, import
// and accept): the workspace read under its write lock, pinning a quote as
// `claim add` does, and one commit that writes every changed file all or
// nothing (workspace/file_transaction.h), updates the claims index and
// records the audit in the same store transaction. Errors are values; an
// error before commit changes nothing.

#include <functional>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <vector>

#include "app/session.h"
#include "core/quote.h"
#include "store/store.h"
#include "workspace/claims_file.h"
#include "workspace/file_transaction.h"
#include "workspace/sources.h"

namespace provcheck::app {

// Who made a change, from the environment: PROVCHECK_USER, else USER, else
// LOGNAME, else "unknown".
std::string current_user();

// A claim's place among the loaded claims files.
struct ClaimRef {
  std::size_t file = 0;
  std::size_t index = 0;
};

// The workspace as read under the write lock.
struct Workset {
  Session s;
  std::vector<workspace::ClaimsFile> files;
  std::vector<workspace::SourceEntry> sources;
  std::set<std::size_t> changed;          // indexes into files
  std::vector<store::AuditEntry> audit;   // recorded by commit
  std::vector<std::pair<store::SnapshotInfo, std::string>> snapshots;  // with their text layers
  std::vector<core::SourceMeta> touched_sources;  // put_source at commit (after snapshots)
};

util::Result<Workset> open_workset(const GlobalOptions& g);
// The claim with `id`, or not_found naming it (for `command`).
util::Result<ClaimRef> find_claim_ref(const Workset& w, const std::string& id, const std::string& command);
core::Claim& claim_at(Workset& w, ClaimRef r);
const workspace::SourceEntry* find_source(const Workset& w, const std::string& id);
// not_found naming the source and listing some known ids.
util::Error unknown_source(const Workset& w, const std::string& id, const std::string& origin);

// Pins `quote` in source `source_id` as `claim add` does (the source's
// exact bytes stored, --occurrence among several copies); the snapshot is
// stored at commit. `origin` prefixes messages ("claim cite").
util::Result<core::QuoteResolution> pin_quote(Workset& w, const std::string& source_id, const std::string& quote,
                                              std::optional<int> occurrence, const std::string& origin);

void add_audit(Workset& w, const std::string& command, const std::string& kind, const std::string& object,
               std::string before, std::string after, std::string detail);

// Writes every changed claims file plus `extra` (sidecars, content files)
// all or nothing, rebuilds the claims index from the files as written, and
// records snapshots and the audit; `store_moves` runs inside the same store
// transaction first (renames of rows). The files are prepared before the
// store commits and applied after, so a crash leaves the journal to finish.
util::Status commit_workset(Workset& w, workspace::FileTransaction& extra,
                            const std::function<util::Status(store::Store&)>& store_moves = {});

// The audit of a claim or source for `claim show` / `source show`: text
// lines, and a JSON array (before/after as objects, null when absent).
std::string audit_text(const std::vector<store::AuditEntry>& entries);
nlohmann::ordered_json audit_json(const std::vector<store::AuditEntry>& entries);
// `claim show` of a claim that is no longer in claims/ but has an audit:
// when and by whom it was removed (or renamed), and its last content.
// not_found when the store knows nothing of it.
util::Result<CommandOutput> show_gone_claim(Session& s, const std::string& id, bool json);

}  // namespace provcheck::app
