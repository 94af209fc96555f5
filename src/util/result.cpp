#include "util/result.h"

namespace provcheck::util {

const char* error_kind_name(ErrorKind kind) {
  switch (kind) {
    case ErrorKind::invalid_input: return "invalid input";
    case ErrorKind::not_found: return "not found";
    case ErrorKind::conflict: return "conflict";
    case ErrorKind::unsupported: return "unsupported";
    case ErrorKind::corruption: return "corruption";
    case ErrorKind::io: return "I/O error";
    case ErrorKind::busy: return "busy";
    case ErrorKind::incompatible: return "incompatible store";
    case ErrorKind::internal: return "internal error";
  }
  return "error";
}

}  // namespace provcheck::util
