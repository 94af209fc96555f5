#include "app/locate_cmd.h"

#include <algorithm>
#include <cstdlib>
#include <atomic>
#include <condition_variable>
#include <deque>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

#include "core/anchor.h"
#include "report/locate_json.h"
#include "util/file_io.h"
#include "util/utf8.h"
#include "workspace/selectors.h"
#include "workspace/sources.h"

namespace provcheck::app {

namespace {

// The text layer of a file, or why there is none (then every selector into
// it is source_missing).
struct LoadedText {
  std::string path;
  std::optional<std::string> text;
  std::string problem;
  std::optional<core::SourceView> view;
};

void load(LoadedText& t, const std::string& path) {
  t = LoadedText{};
  t.path = path;
  auto media = workspace::media_type_for(path);
  if (!media.ok()) media = std::string("text/plain");  // plumbing: unknown extensions are read as text
  auto bytes = util::read_file(path);
  if (!bytes.ok()) {
    t.problem = bytes.error().message();
    return;
  }
  if (util::looks_binary(*bytes)) {
    t.problem = path + " is a binary file, not text";
    return;
  }
  auto text = workspace::text_layer(*media, std::move(bytes).value(), path);
  if (!text.ok()) {
    t.problem = text.error().message();
    return;
  }
  t.text = std::move(text).value();
  t.view.emplace(*t.text);
}

}  // namespace

namespace {

// A window of input lines, judged grouped by text file and written out in
// input order. Selectors into one file need not be adjacent in the input
// (a database dump, a shuffled export): grouping a window's lines by file
// reads and prepares each file once per window instead of once per line.
// A window holds at most k_window_lines lines or k_window_bytes of input,
// so memory stays bounded whatever the input's size.
struct Window {
  std::string origin;
  std::vector<std::pair<std::size_t, std::string>> lines;  // (line number, text), in input order
  std::vector<std::string> outputs;                         // each line's JSON line, filled in by workers
  std::vector<std::optional<util::Error>> errors;           // a malformed line's error
  std::vector<char> broken;                                 // 1 when the line's verdict has an error status
  std::size_t pending = 0;                                  // batches not yet written out
};

// Lines of one window, a few text files' worth, grouped by file: the unit
// of work of a worker, which parses them (so the reading thread only splits
// lines), reads each text file once and judges.
struct Batch {
  Window* window = nullptr;
  std::vector<std::size_t> lines;  // indices into window->lines
  bool done = false;
};

// A batch is cut where the text file changes once it holds k_batch_min
// lines, and anyway at k_batch_max: several files' lines per batch keep the
// hand-offs between threads (a wake-up each) few, and cutting at a file
// boundary keeps each file read by one worker.
constexpr std::size_t k_batch_min = 48;
constexpr std::size_t k_batch_max = 256;
constexpr std::size_t k_window_lines = 16384;
constexpr std::size_t k_window_bytes = 8u << 20;

void judge_batch(Batch& b, const core::AnchorThresholds& thresholds) {
  Window& w = *b.window;
  LoadedText text;
  bool loaded = false;
  for (std::size_t i : b.lines) {
    const auto& [line_no, line] = w.lines[i];
    auto r = workspace::parse_selector_line(line, w.origin + ":" + std::to_string(line_no));
    if (!r.ok()) {
      w.errors[i] = r.error();
      continue;
    }
    if (!loaded || r->text_file != text.path) load(text, r->text_file);
    loaded = true;
    core::Verdict v = text.view ? core::judge_citation(*text.view, r->selector, thresholds) : core::source_missing_verdict(text.problem);
    if (core::default_severity(v.status) == core::Severity::error) w.broken[i] = 1;
    w.outputs[i] = report::render_locate_line(r->id, v);
  }
}

// The raw bytes of the "text_file" value of a selector line, to keep lines
// into one file in one batch; only a grouping hint, the worker parses.
std::string_view text_file_hint(std::string_view line) {
  std::size_t k = line.find("\"text_file\"");
  if (k == std::string_view::npos) return {};
  std::size_t q = line.find('"', line.find(':', k + 11) + 1);
  if (q == std::string_view::npos) return {};
  std::size_t e = q + 1;
  while (e < line.size() && line[e] != '"') e += line[e] == '\\' ? 2 : 1;
  return line.substr(q + 1, std::min(e, line.size()) - q - 1);
}

// A fixed pool of workers judging batches in the order they were queued;
// the reading thread writes finished batches out in that same order, so the
// output is the same as one thread's. At most `max_in_flight` batches are
// held, so memory follows the largest texts, not the input.
class BatchPipeline {
 public:
  BatchPipeline(std::size_t workers, core::AnchorThresholds thresholds)
      : m_max_in_flight(workers * 4), m_thresholds(thresholds) {
    for (std::size_t i = 0; i < workers; ++i) m_threads.emplace_back([this] { work(); });
  }
  ~BatchPipeline() {
    {
      std::lock_guard<std::mutex> lock(m_mutex);
      m_stop = true;
    }
    m_wake_workers.notify_all();
    for (std::thread& t : m_threads) t.join();
  }

  // Queues a batch, first writing out finished ones while too many are held.
  void push(std::unique_ptr<Batch> b, const std::function<void(Batch&)>& emit) {
    std::unique_lock<std::mutex> lock(m_mutex);
    while (m_in_flight.size() >= m_max_in_flight) pop_front(lock, emit);
    m_in_flight.push_back(std::move(b));
    m_queue.push_back(m_in_flight.back().get());
    lock.unlock();
    m_wake_workers.notify_one();
  }

  void drain(const std::function<void(Batch&)>& emit) {
    std::unique_lock<std::mutex> lock(m_mutex);
    while (!m_in_flight.empty()) pop_front(lock, emit);
  }

 private:
  void pop_front(std::unique_lock<std::mutex>& lock, const std::function<void(Batch&)>& emit) {
    Batch* front = m_in_flight.front().get();
    m_wake_reader.wait(lock, [front] { return front->done; });
    std::unique_ptr<Batch> b = std::move(m_in_flight.front());
    m_in_flight.pop_front();
    lock.unlock();
    emit(*b);
    lock.lock();
  }

  void work() {
    for (;;) {
      Batch* b = nullptr;
      {
        std::unique_lock<std::mutex> lock(m_mutex);
        m_wake_workers.wait(lock, [this] { return m_stop || !m_queue.empty(); });
        if (m_queue.empty()) return;
        b = m_queue.front();
        m_queue.pop_front();
      }
      judge_batch(*b, m_thresholds);
      {
        std::lock_guard<std::mutex> lock(m_mutex);
        b->done = true;
      }
      m_wake_reader.notify_one();
    }
  }

  std::size_t m_max_in_flight;
  core::AnchorThresholds m_thresholds;
  std::mutex m_mutex;
  std::condition_variable m_wake_workers, m_wake_reader;
  std::deque<std::unique_ptr<Batch>> m_in_flight;  // in input order
  std::deque<Batch*> m_queue;                      // not yet taken by a worker
  bool m_stop = false;
  std::vector<std::thread> m_threads;  // last: joined before the rest is destroyed
};

}  // namespace

util::Result<CommandOutput> locate(std::istream& in, const std::string& origin,
                                   const std::function<void(std::string_view)>& emit, std::size_t threads,
                                   const std::vector<std::string>& threshold_overrides) {
  if (threads == 0) threads = std::max(1u, std::thread::hardware_concurrency());
  core::AnchorThresholds thresholds;
  for (const std::string& o : threshold_overrides) {
    std::size_t eq = o.find('=');
    double value = 0;
    bool number = false;
    if (eq != std::string::npos) {
      const char* first = o.c_str() + eq + 1;
      char* last = nullptr;
      value = std::strtod(first, &last);
      number = last != first && *last == '\0';
    }
    if (!number || !core::set_threshold(thresholds, std::string_view(o).substr(0, eq), value)) {
      return util::Error(util::ErrorKind::invalid_input, "--threshold '" + o + "': expected NAME=NUMBER with NAME one of " +
                                                             core::threshold_names());
    }
  }
  std::size_t count = 0, broken = 0;
  std::optional<util::Error> failure;
  std::atomic<bool> stop{false};
  std::deque<std::unique_ptr<Window>> windows;  // in input order; the front is written out first
  // Batches leave the pipeline in the order they were queued, and a
  // window's batches are all queued before the next window's: when a
  // window's last batch leaves, the window is complete and the oldest.
  auto write = [&](Batch& b) {
    Window& w = *b.window;
    if (--w.pending > 0) return;
    for (std::size_t i = 0; i < w.lines.size() && !failure; ++i) {
      if (w.errors[i]) {  // nothing after a malformed line is written
        failure = w.errors[i];
        stop = true;
        break;
      }
      emit(w.outputs[i]);
      broken += static_cast<std::size_t>(w.broken[i]);
      ++count;
    }
    windows.pop_front();
  };
  {
    BatchPipeline pipeline(threads, thresholds);
    auto flush = [&](std::unique_ptr<Window> w) {
      std::size_t n = w->lines.size();
      w->outputs.resize(n);
      w->errors.resize(n);
      w->broken.assign(n, 0);
      std::vector<std::string_view> hints(n);
      std::vector<std::size_t> order(n);
      for (std::size_t i = 0; i < n; ++i) {
        hints[i] = text_file_hint(w->lines[i].second);
        order[i] = i;
      }
      std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return hints[a] < hints[b]; });
      std::vector<std::unique_ptr<Batch>> batches;
      for (std::size_t k = 0; k < n; ++k) {
        std::size_t i = order[k];
        if (batches.empty() || batches.back()->lines.size() >= k_batch_max ||
            (batches.back()->lines.size() >= k_batch_min && hints[i] != hints[batches.back()->lines.back()])) {
          batches.push_back(std::make_unique<Batch>());
          batches.back()->window = w.get();
        }
        batches.back()->lines.push_back(i);
      }
      w->pending = batches.size();
      windows.push_back(std::move(w));
      for (auto& b : batches) pipeline.push(std::move(b), write);
    };
    std::unique_ptr<Window> window;
    std::size_t window_bytes = 0;
    std::string line;
    std::size_t line_no = 0;
    while (!stop && std::getline(in, line)) {
      ++line_no;
      if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
      if (!window) {
        window = std::make_unique<Window>();
        window->origin = origin;
        window_bytes = 0;
      }
      window_bytes += line.size();
      window->lines.emplace_back(line_no, std::move(line));
      if (window->lines.size() >= k_window_lines || window_bytes >= k_window_bytes) flush(std::move(window));
    }
    if (window && !stop) flush(std::move(window));
    pipeline.drain(write);
  }
  if (failure) return *failure;
  if (in.bad()) return util::Error(util::ErrorKind::io, origin + ": cannot read");
  CommandOutput out;
  out.notes.push_back("located " + std::to_string(count) + " selector" + (count == 1 ? "" : "s") + ", " +
                      std::to_string(broken) + " with an error status");
  return out;
}

}  // namespace provcheck::app
