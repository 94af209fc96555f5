#include "workspace/text_layer_pdf.h"

#include <poppler/cpp/poppler-document.h>
#include <poppler/cpp/poppler-global.h>
#include <poppler/cpp/poppler-page.h>

#include <algorithm>
#include <memory>
#include <mutex>

namespace provcheck::workspace {
using util::Error;
using util::ErrorKind;

namespace {

std::mutex& poppler_mutex() {
  static std::mutex m;
  return m;
}

std::string utf8_of(const poppler::ustring& s) {
  std::vector<char> bytes = s.to_utf8();
  return std::string(bytes.begin(), bytes.end());
}

// Poppler's text of a page: CRLF and CR line ends become LF, and form
// feeds inside a page (which would shift the page count) become LF too.
std::string clean_page(std::string s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (c == '\r') {
      out.push_back('\n');
      if (i + 1 < s.size() && s[i + 1] == '\n') ++i;
    } else if (c == k_page_break) {
      out.push_back('\n');
    } else {
      out.push_back(c);
    }
  }
  return out;
}

}  // namespace

util::Result<PdfText> pdf_text_layer(std::string_view raw, const std::string& origin) {
  std::lock_guard<std::mutex> lock(poppler_mutex());
  static bool quiet = [] {
    // Poppler reports damaged objects on stderr; the outcome is what counts.
    poppler::set_debug_error_function([](const std::string&, void*) {}, nullptr);
    return true;
  }();
  (void)quiet;
  std::unique_ptr<poppler::document> doc(
      poppler::document::load_from_raw_data(raw.data(), static_cast<int>(std::min<std::size_t>(raw.size(), INT32_MAX))));
  if (!doc) {
    return Error(ErrorKind::invalid_input, origin + ": not a PDF that poppler can read (damaged or not a PDF)");
  }
  if (doc->is_locked()) {
    return Error(ErrorKind::invalid_input, origin + ": the PDF is encrypted; save an unlocked copy and add that");
  }
  PdfText out;
  out.pages = doc->pages();
  out.title = utf8_of(doc->info_key("Title"));
  for (int i = 0; i < out.pages; ++i) {
    if (i > 0) out.text.push_back(k_page_break);
    std::unique_ptr<poppler::page> page(doc->create_page(i));
    if (!page) continue;
    out.text += clean_page(utf8_of(page->text()));
  }
  return out;
}

int page_at(std::string_view text, std::size_t offset) {
  offset = std::min(offset, text.size());
  return 1 + static_cast<int>(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(offset), k_page_break));
}

}  // namespace provcheck::workspace
