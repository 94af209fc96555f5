#pragma once
// What the command line did not understand, with the nearest command or flag
// ("provcheck chek" -> "did you mean check?"), for the error CLI11 raises on
// a mistyped word. Reads the command table; never prints.

#include <CLI/CLI.hpp>
#include <optional>
#include <string>

namespace provcheck::cli {

// Walks argv through `app`'s subcommands and options the way the parser
// does and names the first word it does not know: an unknown subcommand
// where one is expected, or an unknown flag of the command it follows.
// nullopt when every word is known (the error was about something else,
// such as a missing value).
std::optional<std::string> explain_unknown_word(const CLI::App& app, int argc, char** argv);

}  // namespace provcheck::cli
