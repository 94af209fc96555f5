#pragma once
// Builds a rendered text layer the way a reader sees it: runs of
// whitespace collapsed to one space (except in preformatted text), block
// boundaries as line breaks that never stack beyond what the widest
// boundary asks for, no spaces at the start or end of a line. Shared by
// the HTML and Markdown text layers. Plain value; not thread-safe.

#include <string>
#include <string_view>

namespace provcheck::workspace {

class TextBuilder {
 public:
  // Text whose whitespace runs collapse to one space.
  void flow(std::string_view text);
  // Text kept exactly as it is (preformatted), whitespace and all.
  void literal(std::string_view text);
  // A boundary that needs at least `breaks` line breaks before the next text
  // (1: a new line, 2: a blank line). Nothing is emitted at the very start.
  void boundary(int breaks);
  // A forced line break (HTML <br>, a Markdown hard break).
  void line_break();
  // A separator that reads as one space unless a line break comes first.
  void space() { m_pending_space = true; }
  // The text, ending in one line break when it is not empty.
  std::string finish();

 private:
  void flush_breaks();
  std::string m_out;
  int m_pending_breaks = 0;
  bool m_pending_space = false;
};

}  // namespace provcheck::workspace
