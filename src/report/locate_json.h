#pragma once
// One output line of `provcheck locate`: {"id", "status", "start", "end",
// "similarity"}, with start and end null when nothing was found. Pure.

#include <string>

#include "core/anchor.h"

namespace provcheck::report {

std::string render_locate_line(const std::string& id, const core::Verdict& v);

}  // namespace provcheck::report
