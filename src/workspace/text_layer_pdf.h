#pragma once
// The text layer of a PDF document, through poppler-cpp: each page's text
// in reading order (poppler's default layout), UTF-8, pages separated by a
// form feed ('\f', as pdftotext does), so the page of any offset is one
// plus the number of form feeds before it. Errors: a document poppler
// cannot open, or an encrypted one, is invalid_input naming `origin`.
// Thread-safe (calls into poppler are serialized: its global state is not
// meant for concurrent documents).

#include <string>
#include <string_view>

#include "util/result.h"

namespace provcheck::workspace {

inline constexpr char k_page_break = '\f';

struct PdfText {
  std::string text;   // pages joined by k_page_break
  std::string title;  // the document information's Title; empty when absent
  int pages = 0;
};

util::Result<PdfText> pdf_text_layer(std::string_view raw, const std::string& origin);

// The page (from 1) that holds byte `offset` of a paged text layer.
int page_at(std::string_view text, std::size_t offset);

}  // namespace provcheck::workspace
