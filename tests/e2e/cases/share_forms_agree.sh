# Pins (issue 13, point 3): a percent, a share and a fraction state one
# quantity in any of their forms, in `claim add` (no mismatch note), in
# `check` (no claim_quote_mismatch) and between claims (no figure_conflict);
# a real difference still fires, against the quote and between claims.
. "$(dirname "$0")/../lib.sh" || exit 1
setup_ws
cat >poll.txt <<'TXT'
Town poll.
Almost 60% of the population backed the plan, and three-quarters of the homes were hit.
A later count found 75 per cent of the homes damaged, and a third of the town voted.
TXT
pc_ok source add poll.txt --published 2021-06-01
pc_ok claim add --source poll --id backed --quote "Almost 60% of the population backed the plan" \
  --subject Town --metric backing --value 60 --unit percent --approx almost
expect_err_lacks() { [[ "$ERR" != *"$1"* ]] || fail "stderr should not contain: $1"; }
expect_err_lacks "not among the quote's figures"
pc_ok claim add --source poll --id hit --quote "three-quarters of the homes were hit" \
  --subject Town --metric "homes hit" --value 0.75 --unit fraction
expect_err_lacks "not among the quote's figures"
pc_ok claim add --source poll --id damaged --quote "75 per cent of the homes damaged" \
  --subject Town --metric "homes hit" --value 75 --unit pct
expect_err_lacks "not among the quote's figures"
pc_ok claim add --source poll --id voted --quote "a third of the town voted" \
  --subject Town --metric turnout --value 33 --unit percent
expect_err_lacks "not among the quote's figures"
pc check --format json
expect_rc 0
expect_json_field '.summary.conflicts' 0
# a real mismatch against the quote, and between two claims
pc claim add --source poll --id wrong --quote "three-quarters of the homes were hit" \
  --subject Town --metric "homes hit" --value 0.6 --unit share
expect_rc 0
expect_err_contains "value 0.6 is not among the quote's figures"
pc check --format json
expect_rc 1
expect_json_field '.summary.conflicts' 3 '.conflicts[0].kind' figure_conflict '.conflicts[0].claims' '["damaged", "wrong"]' \
  '.conflicts[1].kind' figure_conflict '.conflicts[1].claims' '["hit", "wrong"]' \
  '.conflicts[2].kind' claim_quote_mismatch '.conflicts[2].claims' '["wrong"]'
