#pragma once
// FUZZ_CHECK(cond, what): a broken invariant aborts with a message, which
// libFuzzer reports as a crash and saves the input as a reproducer.

#include <cstdio>
#include <cstdlib>

#define FUZZ_CHECK(cond, what)                                                          \
  do {                                                                                  \
    if (!(cond)) {                                                                      \
      std::fprintf(stderr, "%s:%d: invariant broken: %s (%s)\n", __FILE__, __LINE__, \
                   what, #cond);                                                        \
      std::abort();                                                                     \
    }                                                                                   \
  } while (0)
