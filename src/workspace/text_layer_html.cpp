#include "workspace/text_layer_html.h"

#include <gumbo.h>
#include <iconv.h>

#include <algorithm>
#include <cctype>
#include <memory>
#include <vector>

#include "workspace/text_builder.h"

namespace provcheck::workspace {
namespace {

// Elements whose content is never rendered as text.
bool is_dropped(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_HEAD: case GUMBO_TAG_SCRIPT: case GUMBO_TAG_STYLE: case GUMBO_TAG_TEMPLATE:
    case GUMBO_TAG_NOSCRIPT: case GUMBO_TAG_IFRAME: case GUMBO_TAG_OBJECT: case GUMBO_TAG_EMBED:
    case GUMBO_TAG_CANVAS: case GUMBO_TAG_SVG: case GUMBO_TAG_MATH: case GUMBO_TAG_AUDIO:
    case GUMBO_TAG_VIDEO: case GUMBO_TAG_SELECT: case GUMBO_TAG_DATALIST: case GUMBO_TAG_INPUT:
    case GUMBO_TAG_BUTTON: case GUMBO_TAG_MAP: case GUMBO_TAG_AREA: case GUMBO_TAG_NOFRAMES:
    case GUMBO_TAG_NOEMBED: case GUMBO_TAG_PARAM: case GUMBO_TAG_SOURCE: case GUMBO_TAG_TRACK:
      return true;
    default:
      return false;
  }
}

// Line breaks a block element asks for around itself: 2 = a blank line.
int block_breaks(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_P: case GUMBO_TAG_H1: case GUMBO_TAG_H2: case GUMBO_TAG_H3: case GUMBO_TAG_H4:
    case GUMBO_TAG_H5: case GUMBO_TAG_H6: case GUMBO_TAG_BLOCKQUOTE: case GUMBO_TAG_PRE:
    case GUMBO_TAG_UL: case GUMBO_TAG_OL: case GUMBO_TAG_DL: case GUMBO_TAG_TABLE: case GUMBO_TAG_FIGURE:
    case GUMBO_TAG_HR: case GUMBO_TAG_HGROUP: case GUMBO_TAG_ADDRESS: case GUMBO_TAG_FIELDSET:
      return 2;
    case GUMBO_TAG_HTML: case GUMBO_TAG_BODY: case GUMBO_TAG_DIV: case GUMBO_TAG_ARTICLE: case GUMBO_TAG_ASIDE:
    case GUMBO_TAG_SECTION: case GUMBO_TAG_NAV: case GUMBO_TAG_HEADER: case GUMBO_TAG_FOOTER: case GUMBO_TAG_MAIN:
    case GUMBO_TAG_LI: case GUMBO_TAG_DT: case GUMBO_TAG_DD: case GUMBO_TAG_TR: case GUMBO_TAG_CAPTION:
    case GUMBO_TAG_THEAD: case GUMBO_TAG_TBODY: case GUMBO_TAG_TFOOT: case GUMBO_TAG_FIGCAPTION:
    case GUMBO_TAG_DETAILS: case GUMBO_TAG_SUMMARY: case GUMBO_TAG_FORM:
    case GUMBO_TAG_LEGEND: case GUMBO_TAG_CENTER: case GUMBO_TAG_MENU: case GUMBO_TAG_DIR:
    case GUMBO_TAG_OPTGROUP: case GUMBO_TAG_OPTION: case GUMBO_TAG_LISTING: case GUMBO_TAG_PLAINTEXT:
    case GUMBO_TAG_XMP: case GUMBO_TAG_FRAMESET: case GUMBO_TAG_TEXTAREA:
      return 1;
    default:
      return 0;
  }
}

bool is_preformatted(GumboTag tag) {
  return tag == GUMBO_TAG_PRE || tag == GUMBO_TAG_TEXTAREA || tag == GUMBO_TAG_LISTING ||
         tag == GUMBO_TAG_PLAINTEXT || tag == GUMBO_TAG_XMP;
}

bool is_hidden(const GumboElement& e) { return gumbo_get_attribute(&e.attributes, "hidden") != nullptr; }

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

// The charset a document declares in its first 1024 bytes (the HTML
// prescan, simplified), lower case; empty when none.
std::string declared_charset(std::string_view raw) {
  std::string head = lower(std::string(raw.substr(0, 1024)));
  std::size_t at = head.find("charset");
  while (at != std::string::npos) {
    std::size_t i = at + 7;
    while (i < head.size() && (head[i] == ' ' || head[i] == '=' || head[i] == '"' || head[i] == '\'')) ++i;
    std::size_t j = i;
    while (j < head.size() && (std::isalnum(static_cast<unsigned char>(head[j])) || head[j] == '-' || head[j] == '_' ||
                               head[j] == ':' || head[j] == '.')) {
      ++j;
    }
    if (j > i && head.find('=', at) < i) return head.substr(i, j - i);
    at = head.find("charset", at + 7);
  }
  return {};
}

// Converts a declared non-UTF-8 charset to UTF-8; the bytes as they are
// when the charset is UTF-8, unknown, or the conversion fails.
std::string to_utf8(std::string_view raw) {
  std::string cs = declared_charset(raw);
  if (cs.empty() || cs == "utf-8" || cs == "utf8" || cs == "unicode-1-1-utf-8" || cs == "us-ascii") {
    return std::string(raw);
  }
  // Browsers read latin1 and ascii labels as windows-1252.
  if (cs == "iso-8859-1" || cs == "latin1" || cs == "iso8859-1" || cs == "l1") cs = "windows-1252";
  iconv_t cd = iconv_open("UTF-8", cs.c_str());
  if (cd == reinterpret_cast<iconv_t>(-1)) return std::string(raw);
  std::string out(raw.size() * 4 + 16, '\0');
  char* in_ptr = const_cast<char*>(raw.data());
  std::size_t in_left = raw.size();
  char* out_ptr = out.data();
  std::size_t out_left = out.size();
  std::size_t rc = iconv(cd, &in_ptr, &in_left, &out_ptr, &out_left);
  iconv_close(cd);
  if (rc == static_cast<std::size_t>(-1)) return std::string(raw);
  out.resize(out.size() - out_left);
  return out;
}

std::string collapsed(const GumboNode* node) {
  TextBuilder b;
  for (unsigned i = 0; i < node->v.element.children.length; ++i) {
    const auto* child = static_cast<const GumboNode*>(node->v.element.children.data[i]);
    if (child->type == GUMBO_NODE_TEXT || child->type == GUMBO_NODE_WHITESPACE) b.flow(child->v.text.text);
  }
  std::string s = b.finish();
  if (!s.empty()) s.pop_back();
  return s;
}

const GumboNode* find_title(const GumboNode* root) {
  std::vector<const GumboNode*> stack{root};
  while (!stack.empty()) {
    const GumboNode* n = stack.back();
    stack.pop_back();
    if (n->type != GUMBO_NODE_ELEMENT) continue;
    if (n->v.element.tag == GUMBO_TAG_TITLE) return n;
    if (n->v.element.tag == GUMBO_TAG_SVG || n->v.element.tag == GUMBO_TAG_BODY) continue;
    const GumboVector& kids = n->v.element.children;
    for (unsigned i = kids.length; i-- > 0;) stack.push_back(static_cast<const GumboNode*>(kids.data[i]));
  }
  return nullptr;
}

struct Frame {
  const GumboNode* node;
  unsigned next = 0;
};

// Walks the tree with an explicit stack: deeply nested input cannot
// exhaust the call stack.
void render(const GumboNode* root, TextBuilder& b) {
  std::vector<Frame> stack{{root}};
  int pre_depth = 0;
  while (!stack.empty()) {
    Frame& f = stack.back();
    const GumboNode* n = f.node;
    const GumboVector* kids = n->type == GUMBO_NODE_ELEMENT || n->type == GUMBO_NODE_DOCUMENT
                                  ? (n->type == GUMBO_NODE_DOCUMENT ? &n->v.document.children : &n->v.element.children)
                                  : nullptr;
    if (!kids || f.next >= kids->length) {
      if (n->type == GUMBO_NODE_ELEMENT) {
        GumboTag tag = n->v.element.tag;
        if (is_preformatted(tag)) --pre_depth;
        if (int br = block_breaks(tag)) b.boundary(br);
        if (tag == GUMBO_TAG_TD || tag == GUMBO_TAG_TH) b.space();
      }
      stack.pop_back();
      continue;
    }
    const auto* child = static_cast<const GumboNode*>(kids->data[f.next++]);
    switch (child->type) {
      case GUMBO_NODE_TEXT:
      case GUMBO_NODE_WHITESPACE:
      case GUMBO_NODE_CDATA:
        if (pre_depth > 0) b.literal(child->v.text.text);
        else b.flow(child->v.text.text);
        break;
      case GUMBO_NODE_ELEMENT:
      case GUMBO_NODE_TEMPLATE: {
        GumboTag tag = child->v.element.tag;
        if (child->type == GUMBO_NODE_TEMPLATE || is_dropped(tag) || is_hidden(child->v.element)) break;
        if (tag == GUMBO_TAG_BR) {
          b.line_break();
          break;
        }
        if (int br = block_breaks(tag)) b.boundary(br);
        if (is_preformatted(tag)) ++pre_depth;
        stack.push_back({child});
        break;
      }
      default:  // comments, document nodes
        break;
    }
  }
}

}  // namespace

HtmlText html_text_layer(std::string_view raw) {
  std::string utf8 = to_utf8(raw);
  GumboOptions options = kGumboDefaultOptions;
  options.max_errors = 0;  // the tree is all we need; do not collect parse errors
  std::unique_ptr<GumboOutput, void (*)(GumboOutput*)> out(
      gumbo_parse_with_options(&options, utf8.data(), utf8.size()),
      [](GumboOutput* o) { gumbo_destroy_output(&kGumboDefaultOptions, o); });
  HtmlText result;
  if (!out) return result;
  if (const GumboNode* t = find_title(out->root)) result.title = collapsed(t);
  TextBuilder b;
  render(out->root, b);
  result.text = b.finish();
  return result;
}

}  // namespace provcheck::workspace
