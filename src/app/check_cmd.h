#pragma once
// `check` and `reindex`: judge every citation against its source as it is
// now, record the run, and render the findings. An unchanged input file
// costs a stat (its hash comes from the store); an unchanged citation of an
// unchanged source reuses its cached verdict; a run with nothing changed
// reads only the store. `reindex` rebuilds the store's index from the files.

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "app/progress.h"
#include "app/session.h"
#include "core/findings.h"
#include "core/settings.h"
#include "core/verdict.h"
#include "workspace/sources.h"

namespace provcheck::app {

struct CheckOptions {
  std::string format = "text";  // text | json | md | junit | sarif | github
  std::optional<std::string> output;
  core::Severity fail_on = core::Severity::error;
  bool color = false;
  // --fail-on when given: it overrides provcheck.json's fail_on, which
  // overrides the default (fail_on above is then the threshold in force).
  std::optional<core::Severity> fail_on_flag;
  // A git revision: judge only the claims and sources changed since it (and
  // the claims citing a changed source). Such a run records nothing in the
  // store, so the last full check's summary and history stay what they were.
  std::optional<std::string> changed_since;
  ProgressFn progress;  // hears how many sources are done
};

// What was read of one source in a full check.
struct SourceState {
  workspace::SourceEntry entry;
  bool present = false;
  std::string problem;  // why it is unusable, when !present
  std::string hash;     // xxh3-128 of the content file as it is now
  std::size_t citations = 0;
};

// A full check as `report` needs it: recorded like any full check, with
// every finding (intact ones too), every source as read (sorted by id) and
// each claim's own words.
struct FullCheck {
  core::CheckReport report;
  std::vector<SourceState> sources;
  std::map<std::string, std::string> claim_text;
  std::map<std::string, std::string> claim_quote;  // claim id -> its first citation's quote (conflict cards)
  // report::window_key(claim, index) -> the snapshot a citation was pinned
  // to, for the citations found nowhere now (their old place is mapped
  // through the diff of that snapshot and the text now).
  std::map<std::string, std::string> pinned_snapshot;
};
util::Result<FullCheck> run_full_check(Session& s, const CheckOptions& o, const core::Settings& settings);

util::Result<CommandOutput> check(const GlobalOptions& g, const CheckOptions& o);
util::Result<CommandOutput> reindex(const GlobalOptions& g);

}  // namespace provcheck::app
