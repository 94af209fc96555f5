# Pins (issue 12 item 9): a mistyped command, subcommand or flag says what
# was not understood and suggests the nearest name; exit 2, nothing changed.
. "$(dirname "$0")/../lib.sh" || exit 1
setup_ws
printf 'Choir newsletter.\nRehearsals move to the village hall.\n' >choir.txt
pc_ok source add choir.txt
snapshot_state
bad() {
  pc "$@"
  expect_rc 2
  expect_err_contains "$MSG"
  expect_state_unchanged
}
MSG='unknown command "chek" for `provcheck`; did you mean `provcheck check`?' bad chek
MSG='unknown command "ad" for `provcheck claim`; did you mean `provcheck claim add`?' bad claim ad --source choir --quote "Rehearsals"
MSG='unknown command "lst" for `provcheck source`; did you mean `provcheck source list`?' bad source lst
MSG='unknown flag --qoute for `provcheck claim add`; did you mean --quote?' bad claim add --source choir --qoute "Rehearsals"
MSG='unknown flag --fromat for `provcheck check`; did you mean --format?' bad check --fromat=json
MSG='unknown flag --occurence for `provcheck claim add`; did you mean --occurrence?' bad claim add --source choir --quote Rehearsals --occurence 1
MSG='unknown flag --xyz for `provcheck check`; `provcheck check --help` lists its flags' bad check --xyz
MSG='unknown command "frobnicate" for `provcheck`; commands: init source claim check' bad frobnicate
# Flags given before the command and values that look like words are not mistaken.
MSG='unknown command "chek" for `provcheck`' bad -C . chek
pc_ok -C . claim add --source choir --quote "Rehearsals move" --id moves
