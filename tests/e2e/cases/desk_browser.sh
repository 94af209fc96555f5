# Pins the desk in a real browser: headless Chromium driven by WebDriver
# (Debian's chromium, chromium-driver and python3-selenium; the test runs
# /usr/bin/python3, whose modules those are). It selects a passage that
# runs across a line break with the Selection API, pins a claim through the
# form and finds it in the claims file; edits the source on disk, reloads,
# sees figure_changed in Review, accepts it with the confirmation and finds
# the re-pinned claim; opens a hostile source and finds that nothing ran.
# Screenshots of each page go to the build folder (desk-screenshots/).
. "$(dirname "$0")/../lib.sh" || exit 1
. "$(dirname "$0")/../desk_lib.sh" || exit 1
CHROMIUM=$(command -v chromium || command -v chromium-browser || true)
DRIVER=$(command -v chromedriver || true)
if [ -z "$CHROMIUM" ] || [ -z "$DRIVER" ] || ! /usr/bin/python3 -c 'import selenium' 2>/dev/null; then
  echo "SKIP [$CASE]: needs chromium, chromium-driver and python3-selenium (scripts/install-deps.sh)"
  exit 77
fi
BUILD_DIR=$(dirname "$PROVCHECK")
setup_ws
cat >town.txt <<'TXT'
Census notes for the river town.
The council said the survey counted about 250,000
people in the eastern districts in December.
The bridge was rebuilt in 2015, some 40 km upstream.
TXT
pc_ok source add town.txt --id town --title "River town notes" --publisher "Town Hall" --published 2016-12-15
cat >hostile.txt <<'TXT'
Pasted from a web form: <script>document.title='pwned';document.body.setAttribute('data-pwned','script')</script> done.
A line "><img src=x onerror="document.body.setAttribute('data-pwned','img')"> and <a href="javascript:document.body.setAttribute('data-pwned','link')">a link</a>.
TXT
pc_ok source add hostile.txt --id hostile --title "<script>document.body.setAttribute('data-pwned','title')</script>Hostile" \
  --publisher '"><img src=x onerror="document.body.setAttribute('"'"'data-pwned'"'"','"'"'pub'"'"')">' \
  --url 'javascript:document.body.setAttribute("data-pwned","url")'
pc_ok claim add --source hostile --id hostile-claim --text '<img src=x onerror="document.body.setAttribute('"'"'data-pwned'"'"','"'"'claim'"'"')">' \
  --quote "<script>document.title='pwned';"
start_desk
SHOTS="$BUILD_DIR/desk-screenshots"
mkdir -p "$SHOTS"
/usr/bin/python3 "$(dirname "$0")/../desk_browser.py" "$DESK" "$WS" "$SHOTS" "$CHROMIUM" "$DRIVER" ||
  fail "desk browser checks (above)"
