#include "app/capture.h"

#include <cctype>

#include "util/utf8.h"
#include "workspace/sources.h"
#include "workspace/text_layers.h"

namespace provcheck::app {
namespace fs = std::filesystem;
using util::Error;
using util::ErrorKind;

bool is_url(const std::string& text) { return !util::url_scheme(text).empty(); }

std::string id_from_url(const std::string& url) {
  std::size_t sep = url.find("://");
  std::string rest = sep == std::string::npos ? url : url.substr(sep + 3);
  for (char stop : {'?', '#'}) {
    if (auto at = rest.find(stop); at != std::string::npos) rest.resize(at);
  }
  std::size_t slash = rest.find('/');
  std::string host = rest.substr(0, slash);
  std::string path = slash == std::string::npos ? std::string() : rest.substr(slash);
  if (auto at = host.rfind('@'); at != std::string::npos) host = host.substr(at + 1);
  if (auto colon = host.rfind(':'); colon != std::string::npos && host.find(']') == std::string::npos) host.resize(colon);
  while (!path.empty() && path.back() == '/') path.pop_back();
  std::string segment = path.substr(path.rfind('/') + 1);
  std::string id = segment.empty() ? std::string() : workspace::id_from_filename(segment);
  if (id.empty()) id = workspace::id_from_filename(host + ".x");
  return id;
}

util::Result<Capture> capture_url(const std::string& url, const util::HttpOptions& options, const std::string& layer) {
  std::string scheme = util::url_scheme(url);
  if (scheme != "http" && scheme != "https") {
    return Error(ErrorKind::invalid_input, url + ": only http and https URLs can be captured, not " + scheme +
                                               "; for a local file give its path");
  }
  Capture c;
  c.url = url;
  PC_ASSIGN_OR_RETURN(c.response, util::http_get(url, options));
  const util::HttpResponse& r = c.response;
  bool conditional = !options.if_none_match.empty() || !options.if_modified_since.empty();
  if (r.status == 304 && conditional) {
    c.not_modified = true;
    return c;
  }
  if (r.status < 200 || r.status > 299) {
    std::string reason = util::http_reason(r.status);
    return Error(ErrorKind::invalid_input, url + ": HTTP " + std::to_string(r.status) +
                                               (reason.empty() ? "" : " " + reason) +
                                               (r.final_url != url && !r.final_url.empty() ? " (from " + r.final_url + ")" : "") +
                                               "; nothing was captured");
  }
  PC_ASSIGN_OR_RETURN(c.media_type, workspace::media_type_of_response(r.content_type, r.body, r.final_url, url));
  c.layer = layer.empty() ? workspace::layer_for_new_source(c.media_type) : layer;
  if (std::string why = workspace::layer_problem(c.layer, c.media_type); !why.empty()) {
    return Error(ErrorKind::unsupported, url + ": the response is now " + c.media_type + " (" + why +
                                             "); add it as a new source instead");
  }
  PC_ASSIGN_OR_RETURN(workspace::TextLayer t, workspace::extract_text_layer(c.layer, r.body, url));
  c.text = std::move(t.text);
  c.title = std::move(t.title);
  return c;
}

util::Status check_confined(const workspace::Workspace& ws, const fs::path& path, bool allow_outside) {
  if (allow_outside) return util::Status();
  std::error_code ec;
  fs::path root = fs::weakly_canonical(ws.root(), ec);
  fs::path real = fs::weakly_canonical(fs::absolute(path, ec), ec);
  if (ec) return Error(ErrorKind::io, path.string() + ": cannot resolve the path: " + ec.message());
  fs::path rel = real.lexically_relative(root);
  bool inside = !rel.empty() && rel.is_relative() && *rel.begin() != "..";
  if (inside) return util::Status();
  fs::path lexical = fs::absolute(path, ec).lexically_normal().lexically_relative(root);
  bool through_link = !lexical.empty() && lexical.is_relative() && *lexical.begin() != "..";
  return Error(ErrorKind::invalid_input,
               path.string() + (through_link ? ": a symbolic link that leads out of the workspace (to " +
                                                   real.string() + ")"
                                             : ": outside the workspace (" + root.string() + ")") +
                   "; copy the file into the workspace, or pass --allow-outside to capture it from there");
}

std::vector<std::pair<std::string, std::string>> recorded_headers(const util::HttpResponse& response) {
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& [name, value] : response.headers) {
    std::string lower = name;
    for (char& ch : lower) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    if (lower == "set-cookie" || lower == "set-cookie2") continue;
    out.emplace_back(name, value);
  }
  return out;
}

}  // namespace provcheck::app
