#include "workspace/text_layer_pdf.h"

#include <dlfcn.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <mutex>
#include <vector>

namespace provcheck::workspace {
using util::Error;
using util::ErrorKind;

namespace {

// The C ABI of libprovcheck_pdf.so (src/modules/pdf_poppler.cpp).
using ExtractFn = int (*)(const char*, std::size_t, int*, char**, std::size_t*, char**);
using FreeFn = void (*)(char*, char*);

struct PdfModule {
  ExtractFn extract = nullptr;
  FreeFn release = nullptr;
  std::string problem;
};

// Poppler is loaded on first use: linked into the binary, it and its
// dependencies would cost every run tens of milliseconds of dynamic
// loading. The module sits next to the binary (or one folder up, for the
// test binaries), else in the build folder it was made in.
const PdfModule& module() {
  static const PdfModule m = [] {
    PdfModule out;
    std::vector<std::filesystem::path> candidates;
    std::error_code ec;
    std::filesystem::path exe = std::filesystem::read_symlink("/proc/self/exe", ec);
    if (!ec) {
      candidates.push_back(exe.parent_path() / "libprovcheck_pdf.so");
      candidates.push_back(exe.parent_path().parent_path() / "libprovcheck_pdf.so");
    }
    candidates.emplace_back(std::string(PROVCHECK_MODULE_DIR) + "/libprovcheck_pdf.so");
    std::string tried;
    for (const auto& c : candidates) {
      void* lib = dlopen(c.c_str(), RTLD_NOW | RTLD_LOCAL);
      if (!lib) {
        tried += (tried.empty() ? "" : ", ") + c.string();
        continue;
      }
      out.extract = reinterpret_cast<ExtractFn>(dlsym(lib, "provcheck_pdf_extract"));
      out.release = reinterpret_cast<FreeFn>(dlsym(lib, "provcheck_pdf_free"));
      if (out.extract && out.release) return out;
      out.problem = c.string() + " is not provcheck's PDF module";
      return out;
    }
    out.problem = "the PDF module libprovcheck_pdf.so is not installed (looked at " + tried +
                  "); build provcheck with poppler-cpp (scripts/install-deps.sh)";
    return out;
  }();
  return m;
}

std::mutex& poppler_mutex() {
  static std::mutex m;
  return m;
}

// Poppler's text of a page: CRLF and CR line ends become LF, and form
// feeds inside a page (which would shift the page count) become LF too.
std::string clean_page(std::string_view s) {
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
  const PdfModule& m = module();
  if (!m.extract) return Error(ErrorKind::unsupported, origin + ": " + m.problem);
  int pages = 0;
  char* text = nullptr;
  char* title = nullptr;
  std::size_t text_len = 0;
  int rc = 0;
  {
    std::lock_guard<std::mutex> lock(poppler_mutex());
    rc = m.extract(raw.data(), raw.size(), &pages, &text, &text_len, &title);
  }
  PdfText out;
  if (rc == 0) {
    std::string_view all(text, text_len);
    std::size_t at = 0;
    for (int i = 0; i < pages; ++i) {
      std::size_t end = all.find('\0', at);
      if (end == std::string_view::npos) end = all.size();
      if (i > 0) out.text.push_back(k_page_break);
      out.text += clean_page(all.substr(at, end - at));
      at = std::min(all.size(), end + 1);
    }
    out.title = title ? title : "";
    out.pages = pages;
  }
  m.release(text, title);
  if (rc == 1) return Error(ErrorKind::invalid_input, origin + ": not a PDF that poppler can read (damaged or not a PDF)");
  if (rc == 2) return Error(ErrorKind::invalid_input, origin + ": the PDF is encrypted; save an unlocked copy and add that");
  if (rc != 0) return Error(ErrorKind::internal, origin + ": out of memory while reading the PDF");
  return out;
}

int page_at(std::string_view text, std::size_t offset) {
  offset = std::min(offset, text.size());
  return 1 + static_cast<int>(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(offset), k_page_break));
}

}  // namespace provcheck::workspace
