#pragma once
// Text layers by name, and media types of captured bytes. A source's
// sidecar names the text layer its offsets are into ("text_layer"): the
// name carries a version, so that a layer once used to pin citations is
// never silently replaced by a different rendering. A sidecar without the
// field keeps the file-bytes layer ("identity") it was pinned with.
//
//   identity        the file's bytes (text/plain; Markdown pinned before 0.2)
//   cmark/1         rendered Markdown (text_layer_markdown.h)
//   html-gumbo/1    the text a reader sees in HTML (text_layer_html.h)
//   pdf-poppler/1   page text of a PDF, pages split by '\f' (text_layer_pdf.h)
//
// Errors are values naming `origin`. Thread-safe.

#include <string>
#include <string_view>
#include <vector>

#include "core/model.h"
#include "util/result.h"

namespace provcheck::workspace {

inline constexpr const char* k_layer_identity = "identity";
inline constexpr const char* k_layer_markdown = "cmark/1";
inline constexpr const char* k_layer_html = "html-gumbo/1";
inline constexpr const char* k_layer_pdf = "pdf-poppler/1";

inline constexpr const char* k_media_text = "text/plain";
inline constexpr const char* k_media_markdown = "text/markdown";
inline constexpr const char* k_media_html = "text/html";
inline constexpr const char* k_media_pdf = "application/pdf";

// The layer a new capture of this media type gets.
std::string layer_for_new_source(const std::string& media_type);
// The layer a sidecar's offsets are into: its "text_layer", or identity
// for a text/plain or text/markdown sidecar written before layers had names.
std::string layer_of(const core::SourceMeta& meta);
// Is `layer` a known name that fits `media_type`? Empty when it is; else why not.
std::string layer_problem(const std::string& layer, const std::string& media_type);
bool is_identity_layer(const std::string& layer);
// Layers whose text is split into pages by '\f' (PDF).
bool is_paged_layer(const std::string& layer);
// Media types whose raw bytes must be text (a NUL byte means binary).
bool raw_is_text(const std::string& media_type);

struct TextLayer {
  std::string text;
  std::string title;  // the document's own title (HTML <title>, PDF Title), when it has one
};
util::Result<TextLayer> extract_text_layer(const std::string& layer, std::string raw, const std::string& origin);

// The file extension (with the dot) a media type's content file gets.
std::string extension_for(const std::string& media_type);

// The media type of fetched bytes: the bytes win when they identify
// themselves (%PDF-, an HTML start), then the Content-Type header, then the
// URL path's extension, then "text/plain" for bytes that are text.
// Anything else is unsupported, naming the type.
util::Result<std::string> media_type_of_response(const std::string& content_type, std::string_view bytes,
                                                 const std::string& url, const std::string& origin);

}  // namespace provcheck::workspace
