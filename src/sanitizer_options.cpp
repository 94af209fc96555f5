// Linked into provcheck and the unit tests only in the SANITIZE build: the
// sanitizers' defaults there. A finding aborts (SIGABRT), so that no test
// can take it for one of provcheck's exit codes (ASan's and UBSan's default
// exit status is 1, which is also "provenance broken"). ASAN_OPTIONS and
// UBSAN_OPTIONS in the environment still override these.

extern "C" const char* __asan_default_options();
extern "C" const char* __ubsan_default_options();

extern "C" const char* __asan_default_options() {
  return "halt_on_error=1:abort_on_error=1:detect_leaks=1:detect_stack_use_after_return=1:"
         "strict_string_checks=1:check_initialization_order=1:disable_coredump=1";
}

extern "C" const char* __ubsan_default_options() {
  return "halt_on_error=1:abort_on_error=1:print_stacktrace=1:disable_coredump=1";
}
