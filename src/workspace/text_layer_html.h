#pragma once
// The text layer of an HTML document, through gumbo (an HTML5 parser):
// the text a reader sees. Script, style, template, noscript and the other
// non-rendered elements (and anything marked `hidden`) are dropped, block
// elements become line breaks (paragraphs, headings, lists, tables and
// quotes a blank line), entities are decoded, and whitespace is as
// rendered: runs collapse to one space except inside <pre>/<textarea>.
// A document declaring another charset (<meta charset>, or http-equiv) is
// converted to UTF-8 first (iconv). Never fails on malformed HTML: like a
// browser, gumbo makes a tree of anything. Thread-safe.

#include <string>
#include <string_view>

namespace provcheck::workspace {

struct HtmlText {
  std::string text;   // the text layer
  std::string title;  // <title>, whitespace collapsed; empty when absent
};

HtmlText html_text_layer(std::string_view raw);

}  // namespace provcheck::workspace
