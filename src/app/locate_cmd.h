#pragma once
// `provcheck locate`: the anchoring engine without a workspace. Reads JSON
// Lines of selectors, writes one JSON line per selector as soon as it is
// judged, through `emit` (the cli's stdout), in input order, so it streams.
// Consecutive selectors into one text file form a batch that a worker
// judges with that file read once; a few batches per worker are in flight,
// so memory follows the largest texts, not the input. A malformed line
// stops the run with an invalid_input error naming it, after the output of
// every line before it.

#include <functional>
#include <istream>
#include <string>
#include <string_view>
#include <vector>

#include "app/session.h"

namespace provcheck::app {

// `threads` workers judge batches of selectors (0: one per core); the
// output is in input order whatever the number.
// `thresholds`: "NAME=VALUE" overrides of the anchoring thresholds
// (core/anchor.h), for tuning sweeps; an unknown name or a bad value is an
// invalid_input error.
util::Result<CommandOutput> locate(std::istream& in, const std::string& origin,
                                   const std::function<void(std::string_view)>& emit, std::size_t threads = 0,
                                   const std::vector<std::string>& thresholds = {});

}  // namespace provcheck::app
