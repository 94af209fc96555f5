#pragma once
// The desk's one script and one stylesheet, embedded in the binary and
// served from /static/ (the Content-Security-Policy allows nothing else).

#include <string_view>

namespace provcheck::server {

extern const std::string_view k_desk_js;
extern const std::string_view k_desk_css;

}  // namespace provcheck::server
