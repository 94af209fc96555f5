#pragma once
// A line diff of two versions of a source's text layer (Myers' O(ND)
// algorithm after trimming the common head and tail), grouped into hunks
// with context, for `source diff`. Spans are byte offsets into each text.
// When the texts differ in more than `max_edits` lines the middle is
// reported as one replaced block rather than searched further. Pure,
// thread-safe.

#include <cstddef>
#include <string_view>
#include <vector>

namespace provcheck::core {

struct LineSpan {
  std::size_t begin = 0;  // byte offsets of the lines [first, last) in their text
  std::size_t end = 0;
  std::size_t first_line = 0;  // 0-based line numbers
  std::size_t lines = 0;
};

struct DiffHunk {
  LineSpan old_lines;  // what was removed (lines may be 0)
  LineSpan new_lines;  // what took its place (lines may be 0)
};

// Changed blocks in document order; empty when the texts are equal line for line.
std::vector<DiffHunk> line_diff(std::string_view old_text, std::string_view new_text, std::size_t max_edits = 4000);

}  // namespace provcheck::core
