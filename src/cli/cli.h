#pragma once
// The command-line table (CLI11) and the one place where errors are caught,
// printed as "provcheck: error: <what>: <why>" on stderr, and turned into
// exit codes: 0 nothing at or above the failure threshold, 1 provenance
// broken, 2 bad input or invocation, 3 provcheck itself failed.

namespace provcheck::cli {

int run(int argc, char** argv);

}  // namespace provcheck::cli
