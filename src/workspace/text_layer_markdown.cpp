#include "workspace/text_layer_markdown.h"

#include <cmark.h>

#include <memory>

#include "workspace/text_builder.h"

namespace provcheck::workspace {
namespace {

int breaks_around(cmark_node* node) {
  switch (cmark_node_get_type(node)) {
    case CMARK_NODE_PARAGRAPH: {
      // Paragraphs of a tight list item are one line each.
      cmark_node* parent = cmark_node_parent(node);
      cmark_node* list = parent ? cmark_node_parent(parent) : nullptr;
      if (parent && cmark_node_get_type(parent) == CMARK_NODE_ITEM && list && cmark_node_get_list_tight(list)) return 1;
      return 2;
    }
    case CMARK_NODE_HEADING: case CMARK_NODE_CODE_BLOCK: case CMARK_NODE_THEMATIC_BREAK:
    case CMARK_NODE_BLOCK_QUOTE: case CMARK_NODE_LIST: case CMARK_NODE_HTML_BLOCK:
      return 2;
    case CMARK_NODE_ITEM: case CMARK_NODE_CUSTOM_BLOCK:
      return 1;
    default:
      return 0;
  }
}

}  // namespace

std::string markdown_text_layer(std::string_view raw) {
  std::unique_ptr<cmark_node, void (*)(cmark_node*)> doc(
      cmark_parse_document(raw.data(), raw.size(), CMARK_OPT_VALIDATE_UTF8), &cmark_node_free);
  TextBuilder b;
  if (!doc) return b.finish();
  std::unique_ptr<cmark_iter, void (*)(cmark_iter*)> it(cmark_iter_new(doc.get()), &cmark_iter_free);
  for (cmark_event_type ev; (ev = cmark_iter_next(it.get())) != CMARK_EVENT_DONE;) {
    cmark_node* node = cmark_iter_get_node(it.get());
    cmark_node_type type = cmark_node_get_type(node);
    bool enter = ev == CMARK_EVENT_ENTER;
    if (int br = breaks_around(node)) {
      b.boundary(br);
      if (!enter) continue;
    }
    if (!enter) continue;
    switch (type) {
      case CMARK_NODE_TEXT:
      case CMARK_NODE_CODE: {
        const char* s = cmark_node_get_literal(node);
        if (s) b.literal(s);
        break;
      }
      case CMARK_NODE_CODE_BLOCK: {
        std::string s = cmark_node_get_literal(node) ? cmark_node_get_literal(node) : "";
        while (!s.empty() && s.back() == '\n') s.pop_back();
        b.literal(s);
        break;
      }
      case CMARK_NODE_SOFTBREAK:
      case CMARK_NODE_LINEBREAK:
        b.line_break();
        break;
      case CMARK_NODE_IMAGE:  // a reader sees the picture, not its alt text
        cmark_iter_reset(it.get(), node, CMARK_EVENT_EXIT);
        break;
      default:  // HTML (blocks and inline) is dropped; containers render their children
        break;
    }
  }
  return b.finish();
}

}  // namespace provcheck::workspace
