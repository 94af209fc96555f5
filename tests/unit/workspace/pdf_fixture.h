#pragma once
// A small valid PDF with real text for the PDF text-layer tests: one string
// of lines per page, Helvetica (a standard font, nothing embedded), exact
// cross-reference offsets. The same layout as tests/http/make_pdf.py.

#include <string>
#include <vector>

namespace provcheck::testing {

inline std::string make_pdf(const std::vector<std::vector<std::string>>& pages, const std::string& title) {
  auto esc = [](const std::string& s) {
    std::string o;
    for (char c : s) {
      if (c == '(' || c == ')' || c == '\\') o.push_back('\\');
      o.push_back(c);
    }
    return o;
  };
  std::vector<std::string> objs;
  objs.push_back("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>");
  std::size_t pages_id = 1 + 2 * pages.size() + 1;
  std::string kids;
  for (const auto& lines : pages) {
    std::string ops = "BT\n/F1 12 Tf\n14 TL\n72 740 Td\n";
    for (std::size_t i = 0; i < lines.size(); ++i) ops += (i ? "T* (" : "(") + esc(lines[i]) + ") Tj\n";
    ops += "ET";
    objs.push_back("<< /Length " + std::to_string(ops.size()) + " >>\nstream\n" + ops + "\nendstream");
    std::size_t content = objs.size();
    objs.push_back("<< /Type /Page /Parent " + std::to_string(pages_id) +
                   " 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 1 0 R >> >> /Contents " +
                   std::to_string(content) + " 0 R >>");
    kids += std::to_string(objs.size()) + " 0 R ";
  }
  objs.push_back("<< /Type /Pages /Kids [" + kids + "] /Count " + std::to_string(pages.size()) + " >>");
  objs.push_back("<< /Type /Catalog /Pages " + std::to_string(pages_id) + " 0 R >>");
  objs.push_back("<< /Title (" + esc(title) + ") >>");
  std::string out = "%PDF-1.4\n";
  std::vector<std::size_t> offsets;
  for (std::size_t i = 0; i < objs.size(); ++i) {
    offsets.push_back(out.size());
    out += std::to_string(i + 1) + " 0 obj\n" + objs[i] + "\nendobj\n";
  }
  std::size_t xref = out.size();
  out += "xref\n0 " + std::to_string(objs.size() + 1) + "\n0000000000 65535 f \n";
  for (std::size_t off : offsets) {
    std::string n = std::to_string(off);
    out += std::string(10 - n.size(), '0') + n + " 00000 n \n";
  }
  out += "trailer\n<< /Size " + std::to_string(objs.size() + 1) + " /Root " + std::to_string(objs.size() - 1) +
         " 0 R /Info " + std::to_string(objs.size()) + " 0 R >>\nstartxref\n" + std::to_string(xref) + "\n%%EOF\n";
  return out;
}

}  // namespace provcheck::testing
