#include "workspace/text_layers.h"

#include <algorithm>
#include <cctype>

#include "util/utf8.h"
#include "workspace/text_layer_html.h"
#include "workspace/text_layer_markdown.h"
#include "workspace/text_layer_pdf.h"

namespace provcheck::workspace {
using util::Error;
using util::ErrorKind;

namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

bool starts_with(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }

// The WHATWG sniffing table's HTML patterns, simplified: a tag name
// followed by a space or '>' after optional leading whitespace.
bool looks_like_html(std::string_view bytes) {
  std::string head = lower(bytes.substr(0, 1024));
  std::size_t i = 0;
  if (starts_with(head, "\xef\xbb\xbf")) i = 3;
  while (i < head.size() && std::isspace(static_cast<unsigned char>(head[i]))) ++i;
  std::string_view rest = std::string_view(head).substr(i);
  if (starts_with(rest, "<?xml")) return head.find("<html") != std::string::npos;
  for (std::string_view tag : {"<!doctype html", "<html", "<head", "<script", "<iframe", "<h1", "<div", "<font",
                               "<table", "<a", "<style", "<title", "<b", "<body", "<br", "<p", "<!--", "<meta",
                               "<section", "<article", "<nav", "<main", "<header"}) {
    if (!starts_with(rest, tag) || rest.size() <= tag.size()) continue;
    char next = rest[tag.size()];
    if (tag == "<!--" || next == ' ' || next == '>' || next == '\t' || next == '\n' || next == '\r') return true;
  }
  return false;
}

std::string extension_of_url(const std::string& url) {
  std::string path = url;
  for (char stop : {'?', '#'}) {
    if (auto at = path.find(stop); at != std::string::npos) path.resize(at);
  }
  auto slash = path.rfind('/');
  std::string name = slash == std::string::npos ? path : path.substr(slash + 1);
  auto dot = name.rfind('.');
  return dot == std::string::npos ? std::string() : lower(name.substr(dot));
}

}  // namespace

std::string layer_for_new_source(const std::string& media_type) {
  if (media_type == k_media_markdown) return k_layer_markdown;
  if (media_type == k_media_html) return k_layer_html;
  if (media_type == k_media_pdf) return k_layer_pdf;
  return k_layer_identity;
}

std::string layer_of(const core::SourceMeta& meta) {
  if (!meta.text_layer.empty()) return meta.text_layer;
  if (meta.media_type == k_media_text || meta.media_type == k_media_markdown) return k_layer_identity;
  return layer_for_new_source(meta.media_type);
}

std::string layer_problem(const std::string& layer, const std::string& media_type) {
  bool fits = (layer == k_layer_identity && (media_type == k_media_text || media_type == k_media_markdown)) ||
              (layer == k_layer_markdown && media_type == k_media_markdown) ||
              (layer == k_layer_html && media_type == k_media_html) ||
              (layer == k_layer_pdf && media_type == k_media_pdf);
  if (fits) return {};
  bool known = layer == k_layer_identity || layer == k_layer_markdown || layer == k_layer_html || layer == k_layer_pdf;
  if (!known) {
    return "unknown text layer '" + layer + "'; this provcheck knows identity, cmark/1, html-gumbo/1 and pdf-poppler/1 "
           "(a newer provcheck may have written it)";
  }
  return "text layer '" + layer + "' does not fit media type '" + media_type + "'";
}

bool is_identity_layer(const std::string& layer) { return layer == k_layer_identity; }
bool is_paged_layer(const std::string& layer) { return layer == k_layer_pdf; }
bool raw_is_text(const std::string& media_type) {
  return media_type == k_media_text || media_type == k_media_markdown;
}

util::Result<TextLayer> extract_text_layer(const std::string& layer, std::string raw, const std::string& origin) {
  TextLayer out;
  if (layer == k_layer_identity) {
    out.text = std::move(raw);
  } else if (layer == k_layer_markdown) {
    out.text = markdown_text_layer(raw);
  } else if (layer == k_layer_html) {
    HtmlText h = html_text_layer(raw);
    out.text = std::move(h.text);
    out.title = std::move(h.title);
  } else if (layer == k_layer_pdf) {
    PC_ASSIGN_OR_RETURN(PdfText p, pdf_text_layer(raw, origin));
    out.text = std::move(p.text);
    out.title = std::move(p.title);
  } else {
    return Error(ErrorKind::unsupported, origin + ": unknown text layer '" + layer + "'");
  }
  return out;
}

std::string extension_for(const std::string& media_type) {
  if (media_type == k_media_markdown) return ".md";
  if (media_type == k_media_html) return ".html";
  if (media_type == k_media_pdf) return ".pdf";
  return ".txt";
}

util::Result<std::string> media_type_of_response(const std::string& content_type, std::string_view bytes,
                                                 const std::string& url, const std::string& origin) {
  if (starts_with(bytes, "%PDF-")) return std::string(k_media_pdf);
  if (looks_like_html(bytes)) return std::string(k_media_html);
  std::string type = lower(content_type.substr(0, content_type.find(';')));
  type.erase(std::remove_if(type.begin(), type.end(), [](unsigned char c) { return std::isspace(c); }), type.end());
  bool text = !util::looks_binary(bytes);
  if (type == "text/html" || type == "application/xhtml+xml") {
    if (text) return std::string(k_media_html);
  } else if (type == "text/markdown" || type == "text/x-markdown") {
    if (text) return std::string(k_media_markdown);
  }
  std::string ext = extension_of_url(url);
  if (text) {
    if (ext == ".md" || ext == ".markdown") return std::string(k_media_markdown);
    if (ext == ".html" || ext == ".htm") return std::string(k_media_html);
    return std::string(k_media_text);
  }
  return Error(ErrorKind::unsupported, origin + ": the response is " +
                                           (type.empty() ? std::string("of no stated type") : "'" + type + "'") +
                                           " and its bytes are not text, HTML or PDF; provcheck reads plain text, "
                                           "Markdown, HTML and PDF");
}

}  // namespace provcheck::workspace
