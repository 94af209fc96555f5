#pragma once
// Which claim ids a workspace uses, without parsing every claims file: what
// `claim add` and `claim import` need (is this id free? which "SOURCE-N" ids
// are taken?) at a cost that follows the claims added, not the workspace.
//
// The ids of each claims file are cached in .provcheck/claim-ids.bin, keyed
// by the file's stat (size, mtime, ctime, inode). An entry is used only when
// all four match and the file's mtime and ctime are more than
// k_claim_ids_racy_ns older than when the entry was recorded (a file written
// in the same clock tick as its stat could change without its stat
// changing; ctime is set by the kernel on every write, so `touch -r` cannot
// hide an edit). Every other file is parsed in full, as before. The cache is
// advisory: a missing, unreadable, corrupt or other-version file is ignored
// and written again. It holds ids only, never claims, so a field added to
// the claims format cannot be lost through it.

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <unordered_set>
#include <vector>

#include "util/result.h"
#include "workspace/claims_file.h"
#include "workspace/workspace.h"

namespace provcheck::workspace {

inline constexpr std::int64_t k_claim_ids_racy_ns = 2'000'000'000;
inline constexpr std::uint32_t k_claim_ids_version = 1;
inline constexpr const char* k_claim_ids_file = "claim-ids.bin";

struct ClaimIdQuery {
  std::unordered_set<std::string> ids;  // ids asked about by name
  std::vector<std::string> prefixes;    // and every id that starts with one of these
};

struct ClaimIdScan {
  std::optional<ClaimsFile> target;  // the target file parsed in full; nullopt when it does not exist
  std::set<std::string> taken;       // ids in use that the query asked about, and every id of the target
  std::size_t files_parsed = 0;      // claims files parsed in full by this scan (the rest came from the cache)
};

// Parses `target` (workspace-relative) in full and answers `q` for every
// other claims file. Errors are those of load_claims: a claims file that
// does not parse, or a claim id used twice (the same message, naming both
// places). Rewrites the cache when enough of it was stale; a cache that
// cannot be written is not an error.
// `racy_ns` is the racy window (tests shorten it).
util::Result<ClaimIdScan> scan_claim_ids(const Workspace& ws, const std::string& target, const ClaimIdQuery& q,
                                         std::int64_t racy_ns = k_claim_ids_racy_ns);

}  // namespace provcheck::workspace
