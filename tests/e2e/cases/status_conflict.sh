# Pins: two claims giving different status words for the same subject and
# metric at overlapping times are a status_conflict (error, exit 1); the
# same words at other times are related only; provcheck.json can lower the
# conflict's severity (exit 0), and fail_on / --fail-on set the threshold.
. "$(dirname "$0")/../lib.sh" || exit 1
setup_ws
printf 'Front line report.\nOpposition fighters entered Hama on Thursday and hold the city centre.\n' >front.txt
printf 'Ministry statement.\nThe ministry said Hama remains firmly under government control this week.\n' >ministry.txt
printf 'Archive note.\nIn 2016 Hama was held by the government.\n' >archive.txt
pc_ok source add front.txt --published 2024-12-05
pc_ok source add ministry.txt --published 2024-12-06
pc_ok source add archive.txt --published 2016-12-10
pc_ok claim add --source front --id hama-opposition --quote "Opposition fighters entered Hama" \
  --subject Hama --metric control --value opposition --as-of 2024-12-05
pc_ok claim add --source ministry --id hama-government --quote "Hama remains firmly under government control" \
  --subject Hama --metric control --value government --as-of 2024-12-05
pc_ok claim add --source archive --id hama-2016 --quote "Hama was held by the government" \
  --subject Hama --metric control --value government --as-of 2016
pc check
expect_rc 1
expect_out_contains "status_conflict (error): Hama / control: hama-government (ministry) says government as of 2024-12-05; hama-opposition (front) says opposition as of 2024-12-05"
expect_out_contains "cannot both hold"
pc check --format json
expect_json_field '.summary.conflicts' 1 '.conflicts[0].kind' status_conflict \
  '.conflicts[0].sides[0].status_value' government '.conflicts[0].sides[1].status_value' opposition \
  '.groups[0].claims[0].claim' hama-2016

printf '{"severity": {"conflicts": {"status_conflict": "warning"}}}\n' >provcheck.json
pc check
expect_rc 0
expect_out_contains "status_conflict (warning)"
pc check --fail-on warning
expect_rc 1
printf '{"fail_on": "warning", "severity": {"conflicts": {"status_conflict": "warning"}}}\n' >provcheck.json
pc check
expect_rc 1
pc check --fail-on error
expect_rc 0
# A status alias: the ministry's word and the front's word are the same.
printf '{"aliases": {"values": {"government": "opposition"}}}\n' >provcheck.json
pc check
expect_rc 0
expect_out_lacks "status_conflict"
