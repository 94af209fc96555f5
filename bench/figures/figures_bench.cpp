// bench/figures: the figure extractor's throughput, without the CLI around
// it. Reads each FILE into memory, runs core::extract_figures over it
// --runs times and prints one JSON object: bytes, figures, the best and the
// median wall time of a full pass over all files, and MB/s of the best.
// The reading of the files is outside the timed region.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "core/figures.h"
#include "util/file_io.h"

int main(int argc, char** argv) {
  int runs = 5;
  std::vector<std::string> texts;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--runs" && i + 1 < argc) {
      runs = std::max(1, std::atoi(argv[++i]));
      continue;
    }
    auto text = provcheck::util::read_file(a);
    if (!text.ok()) {
      std::fprintf(stderr, "figures_bench: %s\n", text.error().message().c_str());
      return 2;
    }
    texts.push_back(std::move(text).value());
  }
  if (texts.empty()) {
    std::fprintf(stderr, "usage: provcheck_figures_bench [--runs N] FILE...\n");
    return 2;
  }
  std::size_t bytes = 0, figures = 0;
  for (const auto& t : texts) bytes += t.size();
  std::vector<double> secs;
  for (int r = 0; r < runs; ++r) {
    auto t0 = std::chrono::steady_clock::now();
    std::size_t n = 0;
    for (const auto& t : texts) n += provcheck::core::extract_figures(t).size();
    auto t1 = std::chrono::steady_clock::now();
    secs.push_back(std::chrono::duration<double>(t1 - t0).count());
    figures = n;
  }
  std::sort(secs.begin(), secs.end());
  double best = secs.front(), median = secs[secs.size() / 2];
  std::printf("{\"bytes\": %zu, \"figures\": %zu, \"runs\": %d, \"best_s\": %.6f, \"median_s\": %.6f, \"mb_per_s\": %.3f}\n",
              bytes, figures, runs, best, median, static_cast<double>(bytes) / 1e6 / best);
  return 0;
}
