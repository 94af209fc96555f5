#pragma once
// `provcheck locate`: the anchoring engine without a workspace. Reads JSON
// Lines of selectors, writes one JSON line per selector as soon as it is
// judged, through `emit` (the cli's stdout), so it streams. The last text
// file read is kept for the next selector; memory follows the largest text.
// A malformed line stops the run with an invalid_input error naming it.

#include <functional>
#include <istream>
#include <string>
#include <string_view>

#include "app/session.h"

namespace provcheck::app {

util::Result<CommandOutput> locate(std::istream& in, const std::string& origin,
                                   const std::function<void(std::string_view)>& emit);

}  // namespace provcheck::app
