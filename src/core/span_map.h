#pragma once
// Carries a span of an old version of a text onto the new version through
// their line diff (line_diff.h): text outside the changed blocks moves by
// what was inserted or removed before it; inside a changed block, the parts
// the old and new block share at their start and end keep their places and
// the rest maps onto what replaced it. The result is widened to whole
// words. Used to show "what the source now has at the pinned place" of a
// passage that is gone, instead of applying old offsets to the new text.
// Pure, thread-safe.

#include <cstddef>
#include <string_view>

namespace provcheck::core {

struct MappedSpan {
  std::size_t begin = 0;  // in the new text; begin == end when the passage's text was removed
  std::size_t end = 0;
};

MappedSpan map_span(std::string_view old_text, std::string_view new_text, std::size_t begin, std::size_t end);

}  // namespace provcheck::core
