#pragma once
// Progress of a long command, reported to whoever started it: the cli draws
// it on a terminal, tests and scripts pass nothing. Commands never print.
// Called on the command's calling thread only, so the callback needs no lock.

#include <cstddef>
#include <functional>

namespace provcheck::app {

// `done` of `total` sources judged so far.
using ProgressFn = std::function<void(std::size_t done, std::size_t total)>;

}  // namespace provcheck::app
