#pragma once
// Expected failures as values. An Error has a kind (like LevelDB's Status:
// corruption is never confused with an I/O error) and a message that names
// the file, line or field and says what to do. Result<T> holds a T or an
// Error. Plain value types: not thread-safe to share mutably, safe to copy.

#include <cassert>
#include <optional>
#include <string>
#include <utility>
#include <variant>

namespace provcheck::util {

enum class ErrorKind {
  invalid_input,  // bad file content, bad flag value: the user's to fix
  not_found,      // an id, file or workspace that does not exist
  conflict,       // already exists / duplicate id
  unsupported,    // a media type or feature not handled
  corruption,     // the store or a stored artifact is damaged
  io,             // the operating system refused a read or write
  busy,           // the store stayed locked past the busy timeout
  incompatible,   // a store written by a newer provcheck
  internal,       // a bug
};

const char* error_kind_name(ErrorKind kind);

class Error {
 public:
  Error(ErrorKind kind, std::string message) : m_kind(kind), m_message(std::move(message)) {}
  ErrorKind kind() const { return m_kind; }
  const std::string& message() const { return m_message; }
  // Adds context in front: "sources/a.txt: " + message.
  Error with_context(const std::string& context) const {
    return Error(m_kind, context + ": " + m_message);
  }

 private:
  ErrorKind m_kind;
  std::string m_message;
};

template <class T>
class [[nodiscard]] Result {
 public:
  Result(T value) : m_data(std::move(value)) {}
  Result(Error error) : m_data(std::move(error)) {}

  bool ok() const { return m_data.index() == 0; }
  explicit operator bool() const { return ok(); }
  T& value() & { assert(ok()); return std::get<0>(m_data); }
  const T& value() const& { assert(ok()); return std::get<0>(m_data); }
  T&& value() && { assert(ok()); return std::get<0>(std::move(m_data)); }
  const Error& error() const { assert(!ok()); return std::get<1>(m_data); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }

 private:
  std::variant<T, Error> m_data;
};

// Result of an operation with no value.
class [[nodiscard]] Status {
 public:
  Status() = default;
  Status(Error error) : m_error(std::move(error)) {}
  bool ok() const { return !m_error.has_value(); }
  explicit operator bool() const { return ok(); }
  const Error& error() const { assert(!ok()); return *m_error; }

 private:
  std::optional<Error> m_error;
};

}  // namespace provcheck::util

// Propagates an error from a Result/Status expression to the caller.
#define PC_CONCAT_INNER(a, b) a##b
#define PC_CONCAT(a, b) PC_CONCAT_INNER(a, b)
#define PC_TRY_STATUS(expr)                          \
  do {                                               \
    auto pc_status_ = (expr);                        \
    if (!pc_status_.ok()) return pc_status_.error(); \
  } while (0)
#define PC_ASSIGN_OR_RETURN_IMPL(tmp, lhs, expr) \
  auto tmp = (expr);                             \
  if (!tmp.ok()) return tmp.error();             \
  lhs = std::move(tmp).value()
#define PC_ASSIGN_OR_RETURN(lhs, expr) \
  PC_ASSIGN_OR_RETURN_IMPL(PC_CONCAT(pc_result_, __LINE__), lhs, expr)
