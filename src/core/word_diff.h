#pragma once
// A word-level diff of two short passages (the old pinned quote and the
// passage found now), rendered the way `git diff --word-diff` does:
// "the U.N. estimates [-250,000-]{+270,000+} people". Whitespace runs are
// one separator. Pure, thread-safe.

#include <cstddef>
#include <string>
#include <string_view>

namespace provcheck::core {

std::string word_diff(std::string_view old_text, std::string_view new_text);

// The same diff with only `context` words kept on each side of every change
// and the words between elided as "...": "... almost [-60%-]{+65%+} of the
// country's ...". Empty when the texts have the same words.
std::string word_diff_in_context(std::string_view old_text, std::string_view new_text, std::size_t context);

}  // namespace provcheck::core
