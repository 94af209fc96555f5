// Fuzzes the rendered text layers (workspace/text_layer_*.h), which read
// whatever a web server or a local file hands them. The first byte picks
// the layer (HTML, Markdown, PDF); the rest is the document. Invariants:
// no crash or sanitizer report; the same bytes give the same text; HTML
// and Markdown text is valid UTF-8 and empty or ending in one line break;
// every offset of a PDF text lies on a page from 1 to the page count.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz_check.h"
#include "util/utf8.h"
#include "workspace/text_layer_html.h"
#include "workspace/text_layer_markdown.h"
#include "workspace/text_layer_pdf.h"

namespace ws = provcheck::workspace;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  std::string_view doc(reinterpret_cast<const char*>(data) + 1, size - 1);
  auto well_formed = [](const std::string& t) {
    FUZZ_CHECK(provcheck::util::check_utf8(t).invalid_sequences == 0, "text layer is not valid UTF-8");
    FUZZ_CHECK(t.empty() || (t.back() == '\n' && (t.size() < 2 || t[t.size() - 2] != '\n')),
               "text layer does not end in exactly one line break");
  };
  switch (data[0] % 3) {
    case 0: {
      ws::HtmlText a = ws::html_text_layer(doc);
      FUZZ_CHECK(a.text == ws::html_text_layer(doc).text, "HTML text layer is not deterministic");
      well_formed(a.text);
      break;
    }
    case 1: {
      std::string a = ws::markdown_text_layer(doc);
      FUZZ_CHECK(a == ws::markdown_text_layer(doc), "Markdown text layer is not deterministic");
      well_formed(a);
      break;
    }
    default: {
      auto a = ws::pdf_text_layer(doc, "fuzz.pdf");
      if (!a.ok()) break;
      auto b = ws::pdf_text_layer(doc, "fuzz.pdf");
      FUZZ_CHECK(b.ok() && b->text == a->text, "PDF text layer is not deterministic");
      FUZZ_CHECK(ws::page_at(a->text, a->text.size()) == (a->pages > 0 ? a->pages : 1), "page count and breaks disagree");
      break;
    }
  }
  return 0;
}
