# Pins: a claim whose figure is not among its own quote's figures is a
# claim_quote_mismatch (error), whether added with `claim add` (which warns
# at once) or imported; the same value written another way ("4.7 million"
# for 4,700,000) or without the quote's qualifier matches.
. "$(dirname "$0")/../lib.sh" || exit 1
setup_ws
printf 'Camp census.\nThe camp now shelters 4,700,000 people across the region, about 250,000 of them children.\n' >census.txt
pc_ok source add census.txt --published 2021-06-01
pc_ok claim add --source census --id total --quote "shelters 4,700,000 people across the region" \
  --subject Camps --metric population --value "4.7 million"
pc_ok claim add --source census --id children --quote "about 250,000 of them children" \
  --subject Camps --metric children --value 250,000
pc_ok claim add --source census --id wrong --quote "about 250,000 of them children" \
  --subject Camps --metric "children (second count)" --value 350,000
expect_err_contains "value 350,000 is not among the quote's figures"
printf '{"id": "imported", "source": "census", "quote": "shelters 4,700,000 people", "subject": "Camps", "metric": "people", "value": "47 million", "as_of": "2021"}\n' >more.jsonl
printf '{"id": "numeric", "source": "census", "quote": "shelters 4,700,000 people", "subject": "Camps", "metric": "people (numeric)", "value": 4700000, "as_of": "2021"}\n' >>more.jsonl
pc_ok claim import more.jsonl
pc_ok claim show numeric --format json
expect_json_field '.assertion.value' 4700000
pc check
expect_rc 1
expect_out_contains "claim_quote_mismatch (error): claim wrong says 350,000, but its quote in census has about 250,000"
expect_out_contains "claim_quote_mismatch (error): claim imported says 47 million, but its quote in census has 4,700,000"
pc check --format json
expect_json_field '.summary.conflicts' 2 '.conflicts[0].claims' '["imported"]' '.conflicts[1].claims' '["wrong"]' \
  '.conflicts[1].kind' claim_quote_mismatch '.conflicts[1].sides[0].source' census
printf '{"severity": {"conflicts": {"claim_quote_mismatch": "warning"}}}\n' >provcheck.json
pc check
expect_rc 0
expect_out_contains "2 conflicts; 0 errors, 2 warnings"
