#pragma once
// Managing claims after they were added: `claim edit`, `claim cite`,
// `claim uncite`, `claim remove`. Each reads the workspace under its write
// lock, validates everything before it changes anything (an error names the
// claim, source or flag and says what to do; nothing is written), then
// writes every file it changes all or nothing and records an audit entry
// (who, when, the claim before and after) in the store. These are the
// functions the web app calls too: options in, outcome out, no printing.

#include <optional>
#include <string>
#include <vector>

#include "app/session.h"

namespace provcheck::app {

struct ClaimEditOptions {
  std::string id;
  std::optional<std::string> new_id;  // rename; the store's history follows
  std::optional<std::string> text;
  // Assertion fields: a value replaces the field, "" removes it. Validated
  // and completed as `claim add` does.
  std::optional<std::string> subject, metric, value, unit, approx, as_of;
  std::optional<std::vector<std::string>> tags;  // replaces the tags; empty removes them
  // Re-anchoring citation `citation` (from 0, as `claim show` numbers
  // them): a new quote, occurrence and/or source, pinned as `claim add` pins.
  std::optional<std::string> quote, source;
  std::optional<int> occurrence;
  int citation = 0;
};

struct ClaimCiteOptions {
  std::string id;
  std::string source;
  std::string quote;
  std::optional<int> occurrence;
};

util::Result<CommandOutput> claim_edit(const GlobalOptions& g, const ClaimEditOptions& o);
util::Result<CommandOutput> claim_cite(const GlobalOptions& g, const ClaimCiteOptions& o);
// Removes citation `index` (from 0). The last citation of a claim is never
// removed: a claim cites at least one passage (remove the claim instead).
util::Result<CommandOutput> claim_uncite(const GlobalOptions& g, const std::string& id, int index);
// Removes the claims from their files; their history, pins and audit stay in
// the store, and `claim show ID` still tells what they were.
util::Result<CommandOutput> claim_remove(const GlobalOptions& g, const std::vector<std::string>& ids);

}  // namespace provcheck::app
