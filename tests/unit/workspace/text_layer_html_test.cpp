#include "workspace/text_layer_html.h"

#include <gtest/gtest.h>

namespace provcheck::workspace {

TEST(TextLayerHtml, DropsScriptsStylesTemplatesAndHiddenContent) {
  auto t = html_text_layer(
      "<html><head><title>T</title><style>p{}</style><script>var a = 'script 1';</script></head><body>"
      "<p>Seen.</p><script>document.write('script 2')</script><template><p>template</p></template>"
      "<noscript>turn on js</noscript><div hidden>hidden text</div><svg><text>svg text</text></svg>"
      "<p>Also seen.</p></body></html>");
  EXPECT_EQ(t.text, "Seen.\n\nAlso seen.\n");
  EXPECT_EQ(t.title, "T");
}

TEST(TextLayerHtml, BlocksAreLineBreaksAndWhitespaceCollapses) {
  auto t = html_text_layer(
      "<nav><a href='/'>Home</a> | <a href='/a'>About</a></nav>\n"
      "<h1>Harbour\n   news</h1><p>The  district had\n\troughly <b>4,200</b>\n residents.</p>"
      "<ul><li>one</li><li>two</li></ul><div>a<br>b<br><br>c</div>"
      "<table><tr><td>x</td><td>y</td></tr><tr><td>z</td></tr></table>");
  EXPECT_EQ(t.text,
            "Home | About\n\nHarbour news\n\nThe district had roughly 4,200 residents.\n\none\ntwo\n\na\nb\n\nc\n\n"
            "x y\nz\n");
}

TEST(TextLayerHtml, PreKeepsItsWhitespace) {
  auto t = html_text_layer("<p>before</p><pre>\n  two  spaces\n    four</pre><p>after</p>");
  EXPECT_EQ(t.text, "before\n\n  two  spaces\n    four\n\nafter\n");
}

TEST(TextLayerHtml, EntitiesAreDecoded) {
  auto t = html_text_layer("<title>Fish &amp; chips</title><p>&pound;45&nbsp;a week &mdash; &#8220;up&#8221; &lt;3</p>");
  EXPECT_EQ(t.title, "Fish & chips");
  EXPECT_EQ(t.text, "£45\u00a0a week — “up” <3\n");
}

TEST(TextLayerHtml, DeclaredLatin1IsConvertedToUtf8) {
  std::string raw = "<html><head><meta charset=\"iso-8859-1\"></head><body><p>caf\xe9 \x80 5</p></body></html>";
  auto t = html_text_layer(raw);
  EXPECT_EQ(t.text, "café € 5\n");  // latin1 labels read as windows-1252, as browsers do
}

TEST(TextLayerHtml, MalformedAndDeeplyNestedInputStillRenders) {
  EXPECT_EQ(html_text_layer("<p>open <b>bold <i>both</p> after").text, "open bold both\n\nafter\n");
  std::string deep;
  for (int i = 0; i < 20000; ++i) deep += "<span>";
  deep += "deep";
  EXPECT_EQ(html_text_layer(deep).text, "deep\n");
  EXPECT_EQ(html_text_layer("").text, "");
}

}  // namespace provcheck::workspace
