#pragma once
// The figure-bearing words of a short passage, in order: numbers written
// with digits (with their separators, decimals, % and a following scale
// word such as "million"), spelled-out number words, and the qualifiers
// that change what a number claims ("some", "about", "almost", "more
// than", ...). Two passages whose token lists differ state different
// figures. This is the drift engine's test for figure_changed; the full
// figure extractor (values, kinds, intervals) is a separate component.
// Pure, thread-safe.

#include <string>
#include <string_view>
#include <vector>

namespace provcheck::core {

// Works on normalized text (see normalize.h); tokens are lowercased.
std::vector<std::string> figure_tokens(std::string_view normalized);

}  // namespace provcheck::core
