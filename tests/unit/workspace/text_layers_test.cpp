#include "workspace/text_layers.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "workspace/sources.h"

namespace provcheck::workspace {

TEST(TextLayers, NewSourcesGetRenderedLayersLegacySidecarsKeepTheBytes) {
  EXPECT_EQ(layer_for_new_source("text/markdown"), "cmark/1");
  EXPECT_EQ(layer_for_new_source("text/html"), "html-gumbo/1");
  EXPECT_EQ(layer_for_new_source("application/pdf"), "pdf-poppler/1");
  EXPECT_EQ(layer_for_new_source("text/plain"), "identity");
  core::SourceMeta legacy;
  legacy.media_type = "text/markdown";
  EXPECT_EQ(layer_of(legacy), "identity");  // pinned on the file's bytes before 0.2
  legacy.text_layer = "cmark/1";
  EXPECT_EQ(layer_of(legacy), "cmark/1");
}

TEST(TextLayers, LayerMustBeKnownAndFitTheMediaType) {
  EXPECT_EQ(layer_problem("cmark/1", "text/markdown"), "");
  EXPECT_EQ(layer_problem("identity", "text/markdown"), "");
  EXPECT_NE(layer_problem("cmark/2", "text/markdown").find("unknown text layer 'cmark/2'"), std::string::npos);
  EXPECT_NE(layer_problem("pdf-poppler/1", "text/html").find("does not fit"), std::string::npos);
  EXPECT_NE(layer_problem("identity", "application/pdf"), "");
}

TEST(TextLayers, BytesWinWhenTheContentTypeLies) {
  auto type = [](const std::string& header, const std::string& bytes, const std::string& url = "http://h/x") {
    auto r = media_type_of_response(header, bytes, url, url);
    return r.ok() ? *r : "error: " + r.error().message();
  };
  EXPECT_EQ(type("application/octet-stream", "<!DOCTYPE html><p>x</p>"), "text/html");
  EXPECT_EQ(type("text/plain", "\xef\xbb\xbf  <html lang=en><body>x"), "text/html");
  EXPECT_EQ(type("text/plain", "%PDF-1.7\n..."), "application/pdf");
  EXPECT_EQ(type("text/html; charset=utf-8", "Just words, no tags."), "text/html");
  EXPECT_EQ(type("text/plain", "# Title\n\ntext", "http://h/notes.md?x=1"), "text/markdown");
  EXPECT_EQ(type("text/markdown", "# Title"), "text/markdown");
  EXPECT_EQ(type("", "plain words"), "text/plain");
  EXPECT_EQ(type("text/plain", "a <b>bold</b> remark"), "text/plain");  // tags mid-text are not an HTML start
  std::string png("\x89PNG\r\n\x1a\n\0\0\0", 11);
  EXPECT_NE(type("image/png", png).find("'image/png' and its bytes are not text, HTML or PDF"), std::string::npos);
}

TEST(TextLayers, ExtensionsFollowTheMediaType) {
  EXPECT_EQ(extension_for("text/html"), ".html");
  EXPECT_EQ(extension_for("application/pdf"), ".pdf");
  EXPECT_EQ(extension_for("text/markdown"), ".md");
  EXPECT_EQ(extension_for("text/plain"), ".txt");
}

TEST(Sidecar, CaptureFieldsRoundTripAndOldSidecarsRenderAsBefore) {
  core::SourceMeta m;
  m.id = "pier";
  m.file = "pier.html";
  m.media_type = "text/html";
  m.content_hash = "xxh3-128:00";
  std::string old_style = render_sidecar(m);
  EXPECT_EQ(old_style.find("text_layer"), std::string::npos);
  EXPECT_EQ(old_style.find("http_status"), std::string::npos);
  m.text_layer = "html-gumbo/1";
  m.capture_url = "http://h/pier";
  m.final_url = "http://h/pier.html";
  m.http_status = 200;
  m.etag = "\"abc\"";
  m.last_modified = "Wed, 25 Nov 2026 12:00:00 GMT";
  std::string text = render_sidecar(m);
  for (const std::string& dir : {std::string("fast"), std::string("tree")}) {
    // The tree reader runs when the fast one gives up; a trailing space defeats neither.
    std::string input = dir == "fast" ? text : text + " ";
    auto path = std::filesystem::temp_directory_path() / ("provcheck-sidecar-" + dir + ".json");
    { std::ofstream(path) << input; }
    auto back = read_sidecar(path, "pier.meta.json");
    ASSERT_TRUE(back.ok()) << back.error().message();
    EXPECT_EQ(back->text_layer, m.text_layer);
    EXPECT_EQ(back->capture_url, m.capture_url);
    EXPECT_EQ(back->final_url, m.final_url);
    EXPECT_EQ(back->http_status, 200);
    EXPECT_EQ(back->etag, m.etag);
    EXPECT_EQ(back->last_modified, m.last_modified);
    EXPECT_EQ(render_sidecar(*back), text);
    std::filesystem::remove(path);
  }
}

}  // namespace provcheck::workspace
