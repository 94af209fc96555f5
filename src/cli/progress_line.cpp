#include "cli/progress_line.h"

#include <unistd.h>

#include <cstdio>
#include <cstdlib>

namespace provcheck::cli {

ProgressLine::ProgressLine() : m_enabled(::isatty(STDERR_FILENO) == 1), m_start(std::chrono::steady_clock::now()) {
  if (const char* v = std::getenv("PROVCHECK_PROGRESS_AFTER_MS")) m_after = std::chrono::milliseconds(std::atoi(v));
}

ProgressLine::~ProgressLine() { finish(); }

app::ProgressFn ProgressLine::callback() {
  if (!m_enabled) return {};
  return [this](std::size_t done, std::size_t total) { update(done, total); };
}

void ProgressLine::update(std::size_t done, std::size_t total) {
  auto now = std::chrono::steady_clock::now();
  if (now - m_start < m_after) return;
  if (m_drawn && done < total && now - m_last_draw < std::chrono::milliseconds(100)) return;
  m_last_draw = now;
  m_drawn = true;
  std::fprintf(stderr, "\rchecking %zu/%zu sources…\x1b[K", done, total);
  std::fflush(stderr);
}

void ProgressLine::finish() {
  if (!m_drawn) return;
  std::fputs("\r\x1b[K", stderr);
  std::fflush(stderr);
  m_drawn = false;
}

}  // namespace provcheck::cli
