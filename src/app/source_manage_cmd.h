#pragma once
// Managing sources: `source rename OLD NEW` (content file, sidecar and every
// citation in every claims file, all or nothing; the store's rows follow)
// and `source remove ID` (refused while claims cite it unless told what
// happens to them). Same contract as app/claim_manage_cmd.h: write lock,
// validation before any change, all-or-nothing files, an audit entry.

#include <string>

#include "app/session.h"

namespace provcheck::app {

struct SourceRemoveOptions {
  std::string id;
  // What happens to the claims that cite the source:
  //   refuse (default): nothing is removed; the message lists them;
  //   with_claims: their citations of it are removed, and a claim left with
  //     no citation is removed (as `claim remove` does);
  //   force: they are kept as they are and report source_missing.
  enum class Citing { refuse, with_claims, force } citing = Citing::refuse;
};

util::Result<CommandOutput> source_rename(const GlobalOptions& g, const std::string& from, const std::string& to);
util::Result<CommandOutput> source_remove(const GlobalOptions& g, const SourceRemoveOptions& o);

}  // namespace provcheck::app
