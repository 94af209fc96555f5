#pragma once
// The progress line on stderr: "checking 1200/30000 sources…", rewritten in
// place with \r, shown only when stderr is a terminal and only once a run has
// lasted about a second (PROVCHECK_PROGRESS_AFTER_MS changes the delay, for
// tests), redrawn at most ten times a second, and erased when the run ends,
// so nothing of it stays in the terminal or reaches a pipe or a log file.
// One ProgressLine per command run; used from one thread.

#include <chrono>
#include <cstddef>

#include "app/progress.h"

namespace provcheck::cli {

class ProgressLine {
 public:
  ProgressLine();
  ~ProgressLine();  // erases the line if one was drawn
  ProgressLine(const ProgressLine&) = delete;
  ProgressLine& operator=(const ProgressLine&) = delete;

  // A callback for the command, or an empty one when stderr is not a terminal.
  app::ProgressFn callback();
  void finish();

 private:
  void update(std::size_t done, std::size_t total);

  bool m_enabled;
  bool m_drawn = false;
  std::chrono::steady_clock::time_point m_start;
  std::chrono::steady_clock::time_point m_last_draw;
  std::chrono::milliseconds m_after{1000};
};

}  // namespace provcheck::cli
