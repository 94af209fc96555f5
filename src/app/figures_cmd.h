#pragma once
// `provcheck figures [SOURCE...]`: every figure in the text layer of the
// given sources (all sources of the workspace when none is given), read by
// the core's figure extractor. Reads sources/ only; never opens or changes
// the store. An unknown source id is a not_found error naming it (exit 2);
// an unreadable source file an error naming the file.

#include <string>
#include <vector>

#include "app/session.h"

namespace provcheck::app {

struct FiguresOptions {
  std::vector<std::string> sources;  // ids; empty = all
  bool json = false;
};

util::Result<CommandOutput> figures(const GlobalOptions& g, const FiguresOptions& o);

}  // namespace provcheck::app
