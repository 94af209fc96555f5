#include "cli/manage_commands.h"

#include <memory>

#include "app/claim_manage_cmd.h"
#include "app/source_manage_cmd.h"

namespace provcheck::cli {
namespace {

void add_claim_edit(CLI::App* claim, const app::GlobalOptions& global, ManageAction& action) {
  auto o = std::make_shared<app::ClaimEditOptions>();
  auto* edit = claim->add_subcommand("edit", "change a claim's text, id, assertion, tags or the quote of a citation");
  edit->add_option("ID", o->id, "claim id")->required();
  auto opt = [edit](const char* name, std::optional<std::string>& slot, const char* help) {
    edit->add_option_function<std::string>(name, [&slot](const std::string& v) { slot = v; }, help);
  };
  opt("--id", o->new_id, "new claim id (history, pins and audit follow)");
  opt("--text", o->text, "the claim in your words");
  opt("--subject", o->subject, "what the claim is about ('' removes it)");
  opt("--metric", o->metric, "what is measured ('' removes it)");
  opt("--value", o->value, "a figure, a range LOW..HIGH or a status word ('' removes it)");
  opt("--unit", o->unit, "unit of the value ('' removes it)");
  opt("--approx", o->approx, "qualifier word, e.g. about ('' removes it)");
  opt("--as-of", o->as_of, "date, month, year or ISO 8601 interval ('' removes it)");
  edit->add_option_function<std::vector<std::string>>(
      "--tag", [o](const std::vector<std::string>& v) { o->tags = v; }, "a tag (repeatable): replaces the claim's tags");
  edit->add_flag_callback("--no-tags", [o] { o->tags = std::vector<std::string>{}; }, "remove every tag");
  opt("--quote", o->quote, "a new quote for the citation, pinned as `claim add` pins");
  opt("--source", o->source, "the source of the citation's new quote (default: the one it cites)");
  edit->add_option_function<int>("--occurrence", [o](int v) { o->occurrence = v; },
                                 "which copy, from 1, when the quote occurs several times");
  edit->add_option("--citation", o->citation, "which citation --quote/--source/--occurrence re-pin (from 0; default 0)");
  edit->callback([o, &global, &action] { action = [o, &global] { return app::claim_edit(global, *o); }; });
}

void add_claim_commands(CLI::App* claim, const app::GlobalOptions& global, ManageAction& action) {
  add_claim_edit(claim, global, action);
  auto cite_o = std::make_shared<app::ClaimCiteOptions>();
  auto* cite = claim->add_subcommand("cite", "add a further citation (another passage, e.g. of another source) to a claim");
  cite->add_option("ID", cite_o->id, "claim id")->required();
  cite->add_option("--source", cite_o->source, "source id")->required();
  cite->add_option("--quote", cite_o->quote, "the passage, as the source has it")->required();
  cite->add_option_function<int>("--occurrence", [cite_o](int v) { cite_o->occurrence = v; },
                                 "which copy, from 1, when the quote occurs several times");
  cite->callback([cite_o, &global, &action] { action = [cite_o, &global] { return app::claim_cite(global, *cite_o); }; });

  auto uncite_id = std::make_shared<std::string>();
  auto uncite_n = std::make_shared<int>(-1);
  auto* uncite = claim->add_subcommand("uncite", "remove one citation of a claim (never its last one)");
  uncite->add_option("ID", *uncite_id, "claim id")->required();
  uncite->add_option("N", *uncite_n, "the citation's number, from 0, as `claim show` shows it")->required();
  uncite->callback([=, &global, &action] {
    action = [=, &global] { return app::claim_uncite(global, *uncite_id, *uncite_n); };
  });

  auto remove_ids = std::make_shared<std::vector<std::string>>();
  auto* remove = claim->add_subcommand("remove", "remove claims (their history stays in the store)");
  remove->add_option("ID", *remove_ids, "claim ids")->required();
  remove->callback([=, &global, &action] { action = [=, &global] { return app::claim_remove(global, *remove_ids); }; });
}

void add_source_commands(CLI::App* source, const app::GlobalOptions& global, ManageAction& action) {
  auto names = std::make_shared<std::pair<std::string, std::string>>();
  auto* rename = source->add_subcommand("rename", "give a source a new id: its files, its sidecar and every citation");
  rename->add_option("OLD", names->first, "the source's id")->required();
  rename->add_option("NEW", names->second, "its new id")->required();
  rename->callback([=, &global, &action] {
    action = [=, &global] { return app::source_rename(global, names->first, names->second); };
  });

  auto o = std::make_shared<app::SourceRemoveOptions>();
  auto with_claims = std::make_shared<bool>(false);
  auto force = std::make_shared<bool>(false);
  auto* remove = source->add_subcommand("remove", "remove a source (refused while claims cite it)");
  remove->add_option("ID", o->id, "source id")->required();
  auto* wc = remove->add_flag("--with-claims", *with_claims,
                              "also remove the citations of it, and the claims left with no citation");
  auto* fo = remove->add_flag("--force", *force, "remove it anyway; citations of it stay and report source_missing");
  wc->excludes(fo);
  remove->callback([=, &global, &action] {
    o->citing = *with_claims ? app::SourceRemoveOptions::Citing::with_claims
                : *force     ? app::SourceRemoveOptions::Citing::force
                             : app::SourceRemoveOptions::Citing::refuse;
    action = [=, &global] { return app::source_remove(global, *o); };
  });
}

}  // namespace

void add_manage_commands(CLI::App& app, const app::GlobalOptions& global, ManageAction& action) {
  add_claim_commands(app.get_subcommand("claim"), global, action);
  add_source_commands(app.get_subcommand("source"), global, action);
}

}  // namespace provcheck::cli
