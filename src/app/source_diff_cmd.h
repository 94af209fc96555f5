#pragma once
// `source diff ID`: what changed in a source between the snapshot its
// claims were pinned to (or the snapshot named by --from, or the previous
// snapshot the store has) and its text now. The old text comes from the
// store; a snapshot the store does not have is a not-found error that says
// why (the store was deleted or the claims were pinned elsewhere).

#include <optional>
#include <string>

#include "app/session.h"

namespace provcheck::app {

struct SourceDiffOptions {
  std::string id;
  std::optional<std::string> from;  // snapshot digest or a unique prefix of its hex part
  bool json = false;
  bool color = false;
};

util::Result<CommandOutput> source_diff(const GlobalOptions& g, const SourceDiffOptions& o);

}  // namespace provcheck::app
