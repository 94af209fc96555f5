# Pins: provcheck.json is validated on load: an unknown key is exit 2 with
# file:line:column and the nearest valid key; a wrong type or value names the
# key; nothing stored changes. Metric and subject aliases make two names one,
# turning related claims into a conflict; per-status severity overrides apply
# to citations, and tolerances widen what an approximate figure stands for.
. "$(dirname "$0")/../lib.sh" || exit 1
setup_ws
printf 'Clinic report.\nThe clinic treated about 1,000 patients in June.\n' >clinic.txt
printf 'District memo.\nHealth workers saw 1,250 people at the eastern clinic in June.\n' >memo.txt
pc_ok source add clinic.txt --published 2023-07-01
pc_ok source add memo.txt --published 2023-07-02
pc_ok claim add --source clinic --id clinic-june --quote "treated about 1,000 patients in June" \
  --subject "Eastern clinic" --metric patients --as-of 2023-06
pc_ok claim add --source memo --id memo-june --quote "saw 1,250 people at the eastern clinic in June" \
  --subject "eastern clinic" --metric "people seen" --value 1,250 --as-of 2023-06
pc_ok check
expect_out_lacks "figure_conflict"
snapshot_state

bad() {
  printf '%s\n' "$1" >provcheck.json
  pc check
  expect_rc 2
  expect_err_contains "$MSG"
  expect_state_unchanged
}
MSG='provcheck.json:1:13: unknown field "fail-on" in provcheck.json; did you mean "fail_on"?' bad '{"fail-on": "warning"}'
MSG='did you mean "tolerances"?' bad '{"tolerance": {}}'
MSG='"aliases.metrics" must be an object, not an array' bad '{"aliases": {"metrics": ["people seen"]}}'
MSG='"fail_on" is "ok"; choose warning or error' bad '{"fail_on": "ok"}'
MSG='"tolerances.approximate" must be a number from 0 to 1, not a string' bad '{"tolerances": {"approximate": "10%"}}'
MSG='did you mean "modified"?' bad '{"severity": {"statuses": {"modifed": "error"}}}'
MSG='provcheck.json:1:13: invalid JSON' bad '{"fail_on": }'
printf '{"fail-on": "warning"}\n' >provcheck.json
pc claim add --source clinic --quote "The clinic treated" --id x
expect_rc 2
expect_err_contains "did you mean \"fail_on\""
expect_state_unchanged

# Aliases: "people seen" is "patients"; about 1,000 (900..1,100) and 1,250 do not meet.
printf '{"aliases": {"metrics": {"people seen": "patients"}}}\n' >provcheck.json
pc check
expect_rc 1
expect_out_contains "figure_conflict (error): Eastern clinic / patients: clinic-june (clinic) says about 1,000 patients"
expect_out_contains "900..1,100 and 1,245..1,255 do not meet"
# A wider "about" makes them meet.
printf '{"aliases": {"metrics": {"people seen": "patients"}}, "tolerances": {"qualifiers": {"about": 0.3}}}\n' >provcheck.json
pc check
expect_rc 0
expect_out_contains "  Eastern clinic
    patients  2023-06  about 1,000 patients"

# Per-status severity: a moved passage made a warning fails with fail_on warning.
printf '{"fail_on": "warning", "severity": {"statuses": {"moved": "warning"}}}\n' >provcheck.json
sed -i '1i A new first line.' sources/memo.txt
pc check
expect_rc 1
expect_out_contains "moved:"
expect_out_contains "(warning)"
pc check --fail-on error
expect_rc 0
