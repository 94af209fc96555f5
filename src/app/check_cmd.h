#pragma once
// `check` and `reindex`: judge every citation against its source as it is
// now, record the run, and render the findings. An unchanged input file
// costs a stat (its hash comes from the store); an unchanged citation of an
// unchanged source reuses its cached verdict; a run with nothing changed
// reads only the store. `reindex` rebuilds the store's index from the files.

#include <optional>
#include <string>

#include "app/session.h"
#include "core/verdict.h"

namespace provcheck::app {

struct CheckOptions {
  std::string format = "text";  // text | json | md
  std::optional<std::string> output;
  core::Severity fail_on = core::Severity::error;
  bool color = false;
  // --fail-on when given: it overrides provcheck.json's fail_on, which
  // overrides the default (fail_on above is then the threshold in force).
  std::optional<core::Severity> fail_on_flag;
};

util::Result<CommandOutput> check(const GlobalOptions& g, const CheckOptions& o);
util::Result<CommandOutput> reindex(const GlobalOptions& g);

}  // namespace provcheck::app
