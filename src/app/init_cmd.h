#pragma once
// `init`: makes a workspace skeleton and its store. Idempotent.

#include <string>

#include "app/session.h"

namespace provcheck::app {

util::Result<CommandOutput> init(const GlobalOptions& g, const std::string& dir);

}  // namespace provcheck::app
