#include "cli/suggest.h"

#include <string_view>
#include <vector>

#include "util/nearest.h"

namespace provcheck::cli {
namespace {

// "provcheck claim add": the command path as typed.
std::string command_path(const CLI::App* app) {
  std::string path;
  for (const CLI::App* a = app; a; a = a->get_parent()) {
    std::string name = a->get_parent() ? a->get_name() : "provcheck";
    path = path.empty() ? name : name + " " + path;
  }
  return path;
}

// The option `name` ("--quote", "-o") of `app` or of a command above it.
const CLI::Option* find_option(const CLI::App* app, const std::string& name) {
  for (const CLI::App* a = app; a; a = a->get_parent()) {
    if (const CLI::Option* o = a->get_option_no_throw(name)) return o;
  }
  return nullptr;
}

std::vector<std::string> subcommand_names(const CLI::App* app) {
  std::vector<std::string> names;
  for (const CLI::App* s : app->get_subcommands([](const CLI::App*) { return true; })) names.push_back(s->get_name());
  return names;
}

std::string unknown_command(const CLI::App* app, const std::string& word) {
  std::vector<std::string> names = subcommand_names(app);
  std::string path = command_path(app);
  std::string msg = "unknown command \"" + word + "\" for `" + path + "`";
  if (auto best = util::nearest(word, names)) return msg + "; did you mean `" + path + " " + *best + "`?";
  msg += "; commands:";
  for (const std::string& n : names) msg += " " + n;
  return msg;
}

std::string unknown_flag(const CLI::App* app, const std::string& flag) {
  std::vector<std::string> names;
  for (const CLI::App* a = app; a; a = a->get_parent()) {
    for (const CLI::Option* o : a->get_options()) {
      for (const std::string& l : o->get_lnames()) names.push_back("--" + l);
      for (const std::string& s : o->get_snames()) names.push_back("-" + s);
    }
  }
  std::string msg = "unknown flag " + flag + " for `" + command_path(app) + "`";
  if (auto best = util::nearest(flag, names)) return msg + "; did you mean " + *best + "?";
  return msg + "; `" + command_path(app) + " --help` lists its flags";
}

}  // namespace

std::optional<std::string> explain_unknown_word(const CLI::App& app, int argc, char** argv) {
  const CLI::App* cur = &app;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    if (arg == "--") break;
    if (arg.size() > 1 && arg[0] == '-' && !(arg[1] >= '0' && arg[1] <= '9')) {
      bool is_long = arg.rfind("--", 0) == 0;
      std::string name = arg.substr(0, arg.find('='));
      if (!is_long && name.size() > 2) name = name.substr(0, 2);  // "-ofile"
      const CLI::Option* o = find_option(cur, name);
      if (!o) return unknown_flag(cur, name);
      bool inline_value = is_long ? arg.find('=') != std::string::npos : arg.size() > 2;
      if (o->get_items_expected_max() > 0 && !inline_value) ++i;
      continue;
    }
    std::vector<const CLI::App*> subs =
        cur->get_subcommands([&arg](const CLI::App* s) { return s->check_name(arg); });
    if (!subs.empty()) {
      cur = subs.front();
      continue;
    }
    // A word where a command is required and no positional argument fits.
    bool takes_positional = !cur->get_options([](const CLI::Option* o) { return o->get_positional(); }).empty();
    if (!subcommand_names(cur).empty() && !takes_positional) return unknown_command(cur, arg);
  }
  return std::nullopt;
}

}  // namespace provcheck::cli
