#pragma once
// `claim accept`: after a person has reviewed a drifted citation, re-pin it
// to the passage its source has now. The claims file is rewritten
// atomically with the new pin, and the store keeps the old one (pins table)
// with the snapshot it was made on, so `claim show` and `source diff` can
// still show what was cited before. Citations with no passage to pin to
// (missing, ambiguous, source_missing) are refused and listed; a changed
// figure is only accepted by claim id, or with `figures` set, never swept
// up silently by --all or --source.

#include <optional>
#include <string>
#include <vector>

#include "app/session.h"

namespace provcheck::app {

struct ClaimAcceptOptions {
  std::vector<std::string> ids;       // claims named by id
  bool all = false;                   // every drifted citation
  std::optional<std::string> source;  // every drifted citation of one source
  bool figures = false;               // let --all / --source accept figure_changed too
};

// provenance_broken is set when a selected citation could not be accepted.
util::Result<CommandOutput> claim_accept(const GlobalOptions& g, const ClaimAcceptOptions& o);

}  // namespace provcheck::app
