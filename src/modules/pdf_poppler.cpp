// libprovcheck_pdf.so: PDF text extraction through poppler-cpp, behind a
// C ABI, loaded by workspace/text_layer_pdf.cpp on first use. Poppler and
// its dependencies (NSS, fontconfig, freetype, image codecs) would cost
// every provcheck run tens of milliseconds of dynamic loading if linked
// into the binary; only PDF sources need them. No project headers: this is
// a leaf. The caller serializes calls (poppler's global state).

#include <poppler/cpp/poppler-document.h>
#include <poppler/cpp/poppler-global.h>
#include <poppler/cpp/poppler-page.h>

#include <climits>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <string>
#include <vector>

namespace {

char* copy(const std::string& s, std::size_t* len) {
  char* out = static_cast<char*>(std::malloc(s.size() + 1));
  if (!out) return nullptr;
  std::memcpy(out, s.data(), s.size());
  out[s.size()] = '\0';
  if (len) *len = s.size();
  return out;
}

std::string utf8_of(const poppler::ustring& s) {
  std::vector<char> bytes = s.to_utf8();
  return std::string(bytes.begin(), bytes.end());
}

}  // namespace

extern "C" {

// Returns 0 and fills `pages`, `text` (one string per page, each ending in
// '\0', concatenated; `text_len` bytes in all, page boundaries at the NULs)
// and `title`; 1 when poppler cannot read the bytes; 2 for an encrypted
// document; 3 when out of memory. Strings are malloc'ed: free them with
// provcheck_pdf_free.
__attribute__((visibility("default"))) int provcheck_pdf_extract(const char* data, std::size_t size, int* pages,
                                                                 char** text, std::size_t* text_len, char** title) {
  static const bool quiet = [] {
    poppler::set_debug_error_function([](const std::string&, void*) {}, nullptr);
    return true;
  }();
  (void)quiet;
  *pages = 0;
  *text = nullptr;
  *text_len = 0;
  *title = nullptr;
  if (size > static_cast<std::size_t>(INT_MAX)) return 1;
  std::unique_ptr<poppler::document> doc(poppler::document::load_from_raw_data(data, static_cast<int>(size)));
  if (!doc) return 1;
  if (doc->is_locked()) return 2;
  std::string all;
  int n = doc->pages();
  for (int i = 0; i < n; ++i) {
    std::unique_ptr<poppler::page> page(doc->create_page(i));
    if (page) all += utf8_of(page->text());
    all.push_back('\0');
  }
  *pages = n;
  std::size_t len = 0;
  *text = copy(all, &len);
  *text_len = len;
  *title = copy(utf8_of(doc->info_key("Title")), nullptr);
  return (*text && *title) ? 0 : 3;
}

__attribute__((visibility("default"))) void provcheck_pdf_free(char* text, char* title) {
  std::free(text);
  std::free(title);
}

}  // extern "C"
