#pragma once
// A word-level diff of two short passages (the old pinned quote and the
// passage found now), rendered the way `git diff --word-diff` does:
// "the U.N. estimates [-250,000-]{+270,000+} people". Whitespace runs are
// one separator. Pure, thread-safe.

#include <string>
#include <string_view>

namespace provcheck::core {

std::string word_diff(std::string_view old_text, std::string_view new_text);

}  // namespace provcheck::core
