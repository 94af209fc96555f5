#pragma once
// The text layer of a Markdown document, through cmark (CommonMark): the
// rendered text. Emphasis and code markers, link and image syntax, HTML
// tags and backslash escapes go; link text stays and URLs go; images (whose
// alt text a reader does not see) go; entities are decoded; paragraphs,
// headings and code blocks are separated by a blank line, list items by a
// line break; soft line breaks stay line breaks (matching treats any
// whitespace alike). Invalid UTF-8 reads as U+FFFD. Never fails.
// Thread-safe.

#include <string>
#include <string_view>

namespace provcheck::workspace {

std::string markdown_text_layer(std::string_view raw);

}  // namespace provcheck::workspace
