#include "workspace/text_layer_markdown.h"

#include <gtest/gtest.h>

namespace provcheck::workspace {

TEST(TextLayerMarkdown, LinkTextKeptUrlsDroppedAroundFigures) {
  std::string md =
      "# Rents\n\nStall rents rose to [**£45 a week**](https://example.org/r \"title\") in *spring*,\n"
      "said the [board][b].\n\n[b]: https://example.org/board\n";
  EXPECT_EQ(markdown_text_layer(md), "Rents\n\nStall rents rose to £45 a week in spring,\nsaid the board.\n");
}

TEST(TextLayerMarkdown, ImagesHtmlAndMarkersGo) {
  std::string md = "Before ![a chart of 99 stalls](c.png) after <span class=x>inline</span> `code 7`.\n\n"
                   "<div>\nblock html\n</div>\n\n> quoted 12\n\n---\n\n1. first\n2. second\n";
  EXPECT_EQ(markdown_text_layer(md), "Before  after inline code 7.\n\nquoted 12\n\nfirst\nsecond\n");
}

TEST(TextLayerMarkdown, CodeBlocksKeepTheirLinesAndEscapesAndEntitiesResolve) {
  std::string md = "Text \\*not emphasis\\* &amp; more.\n\n```\n  a  b\nc\n```\n\nEnd  \nhard break\n";
  EXPECT_EQ(markdown_text_layer(md), "Text *not emphasis* & more.\n\n  a  b\nc\n\nEnd\nhard break\n");
}

TEST(TextLayerMarkdown, LooseListItemsAreParagraphs) {
  EXPECT_EQ(markdown_text_layer("- one\n\n- two\n"), "one\n\ntwo\n");
  EXPECT_EQ(markdown_text_layer("- one\n- two\n"), "one\ntwo\n");
}

TEST(TextLayerMarkdown, InvalidUtf8ReadsAsReplacementCharacter) {
  EXPECT_EQ(markdown_text_layer("bad \xff byte\n"), "bad \xef\xbf\xbd byte\n");
  EXPECT_EQ(markdown_text_layer(""), "");
}

}  // namespace provcheck::workspace
