#!/usr/bin/env bash
# The HTML report in a real browser (docs/html.md, "Tested in a browser"): headless Chromium with the network
# disabled loads the example's HTML at 1280x800 and 390x844 and checks that
#   - the page renders: the screenshot is not blank (checked with a small PNG reader, no PIL);
#   - at 390 pixels the document is no wider than the viewport: the report has no script, so a test-only wrapper
#     page (with a script, allowed to read local files) loads it in a 390-pixel iframe and writes the document's
#     scrollWidth into its own DOM, which --dump-dom prints;
#   - nothing leaves the page: every host resolves to nothing and the proxy is a closed port, and the console
#     (--enable-logging=stderr) shows no error, refused load or CSP violation;
#   - the hostile fixture (tests/data/hostile) gives as many elements and attributes, with the same names, as a benign
#     copy of it with every odd text replaced by plain words (--dump-dom, counted with Python's HTML parser);
#   - right to left (the Arabic example), the bars start from the right, and from the left otherwise;
#   - print to PDF works (--print-to-pdf), and no dimension or gap chart is split across pages (pdftotext);
# and that tidy finds no error in any of the pages. Skipped (77) without chromium or tidy.
#   test_html_browser.sh BINARY SOURCE_DIR
set -euo pipefail
binary=$1 source_dir=$2
chromium=$(command -v chromium || command -v chromium-browser || true)
[ -n "$chromium" ] || { echo "SKIPPED: chromium not found; install it with: apt-get install chromium"; exit 77; }
command -v tidy >/dev/null 2>&1 || { echo "SKIPPED: tidy not found; install it with: apt-get install tidy"; exit 77; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export LC_ALL=C.UTF-8 TZ=UTC NO_COLOR=1 PARTNERPULSE_SHARE_DIR=/nonexistent
checks="python3 $source_dir/tests/scripts/html_browser_checks.py"
status=0
fail() { echo "FAIL: $*"; status=1; }

# Headless Chromium, offline: no name resolves, the proxy is a closed local port, no background traffic.
browse() {
  timeout 120 "$chromium" --headless=new --no-sandbox --disable-gpu --no-first-run --no-default-browser-check \
    --disable-extensions --disable-background-networking --disable-sync --disable-default-apps \
    --disable-component-update --user-data-dir="$work/profile" --host-resolver-rules="MAP * ~NOTFOUND" \
    --proxy-server="http://127.0.0.1:9" --proxy-bypass-list="<-loopback>" --hide-scrollbars \
    --enable-logging=stderr --v=0 "$@"
}
# Console messages of a page: errors, refused loads, CSP violations, failed requests.
console_problems() { grep -E 'CONSOLE|Refused|Content Security Policy|net::ERR' "$1" || true; }

run() { "$binary" report --questionnaires "$source_dir/questionnaires" "$@"; }
run --format html -o "$work/report.html" "$source_dir/examples/responses/2023" "$source_dir/examples/responses/2024" 2>/dev/null
run --format html --language ar -o "$work/report-ar.html" "$source_dir/examples/responses/2024" 2>/dev/null
run --format html --out-dir "$work/portfolio" "$source_dir/examples/responses" 2>/dev/null
pages=("$work/report.html" "$work/report-ar.html" "$work/portfolio/index.html")

for page in "${pages[@]}"; do
  name=$(basename "$page" .html)
  for size in 1280,800 390,844; do
    browse --window-size=$size --screenshot="$work/$name-$size.png" "file://$page" 2>"$work/$name-$size.log" >/dev/null \
      || fail "chromium could not screenshot $name at $size"
    $checks png-not-blank "$work/$name-$size.png" || fail "$name at $size: the screenshot is blank"
    problems=$(console_problems "$work/$name-$size.log")
    [ -z "$problems" ] || fail "$name at $size: console: $problems"
  done
  # The width at 390: the wrapper's script measures the report inside a 390-pixel iframe.
  cat >"$work/wrapper-$name.html" <<WRAPPER
<!DOCTYPE html><html><body style="margin:0">
<iframe id="f" src="file://$page" style="width:390px;height:844px;border:0"></iframe>
<p id="result">not measured</p>
<script>
document.getElementById('f').addEventListener('load', function () {
  var d = this.contentDocument.documentElement;
  document.getElementById('result').textContent = 'width ' + d.scrollWidth + ' of ' + d.clientWidth;
});
</script></body></html>
WRAPPER
  browse --window-size=390,844 --allow-file-access-from-files --virtual-time-budget=5000 --dump-dom \
    "file://$work/wrapper-$name.html" >"$work/wrapper-$name.dom" 2>/dev/null || true
  measured=$(grep -o 'width [0-9]* of [0-9]*' "$work/wrapper-$name.dom" || echo "not measured")
  echo "$name at 390: $measured"
  read -r _ width _ viewport <<<"$measured" || true
  { [ -n "${viewport:-}" ] && [ "$width" -le "$viewport" ] && [ "$viewport" -le 390 ]; } \
    || fail "$name: the document is wider than the 390-pixel viewport ($measured)"
  tidy -errors -q "$page" >"$work/tidy.txt" 2>&1 || fail "$name: tidy finds errors: $(cat "$work/tidy.txt")"
done

# Right to left, the bars start from the right, where the line starts, and 0-100 reads from there; left to right,
# from the left. The first chart (the dimension bars) alone, photographed, and its blue pixels located.
for page in "$work/report.html" "$work/report-ar.html"; do
  name=$(basename "$page" .html)
  $checks first-chart "$page" "$work/$name-bars.html"
  browse --window-size=800,900 --screenshot="$work/$name-bars.png" "file://$work/$name-bars.html" >/dev/null 2>&1 \
    || fail "chromium could not screenshot the bars of $name"
  side=$($checks bars-start "$work/$name-bars.png" || true)
  expected=left
  [ "$name" = report-ar ] && expected=right
  [ "$side" = "$expected" ] || fail "$name: the bars start from the $side, not the $expected"
done

# Print to PDF.
browse --print-to-pdf="$work/report.pdf" --no-pdf-header-footer "file://$work/report.html" >/dev/null 2>&1 \
  || fail "chromium could not print the report to PDF"
{ head -c 5 "$work/report.pdf" | grep -q '%PDF-' && [ "$(stat -c %s "$work/report.pdf")" -gt 20000 ]; } \
  || fail "the PDF is missing or too small"
# No chart split across pages: on every page, each chart's caption has its axis title below it (pdftotext, Debian
# poppler-utils, reads the pages' text; without it this one check is skipped with a message).
if command -v pdftotext >/dev/null; then
  pages=$(pdfinfo "$work/report.pdf" 2>/dev/null | awk '/^Pages:/ { print $2 }')
  charts=0
  for (( page = 1; page <= ${pages:-0}; page++ )); do
    text=$(pdftotext -f "$page" -l "$page" -layout "$work/report.pdf" - 2>/dev/null || true)
    for pair in "Dimension indexes (0–100), with the bands shaded|Index (0–100)" \
                "Each role's index per dimension, and the gap between the extremes|Role index (0–100)"; do
      caption=${pair%%|*} axis=${pair#*|}
      captions=$(grep -cF -- "$caption" <<<"$text" || true)
      axes=$(grep -cE -- "^ *${axis//[()]/.}\$" <<<"$text" || true)
      [ "$captions" = "$axes" ] || fail "page $page of the PDF splits a chart: $captions '$caption', $axes '$axis'"
      charts=$((charts + captions))
    done
  done
  [ "$charts" -ge 4 ] || fail "the PDF shows $charts dimension and gap charts, expected at least 4 (two periods)"
else
  echo "pdftotext is missing (apt-get install poppler-utils): the check that no chart is split across pages is skipped"
fi

# The hostile fixture adds no element and no attribute: same count as its benign copy, in the browser's DOM.
mkdir -p "$work/benign"
$checks benign-copy "$source_dir/tests/data/hostile" "$work/benign"
for fixture in hostile benign; do
  folder="$source_dir/tests/data/hostile"
  [ $fixture = benign ] && folder="$work/benign"
  run --format html --comments --min-group 1 -o "$work/$fixture.html" "$folder" 2>/dev/null
  browse --dump-dom "file://$work/$fixture.html" >"$work/$fixture.dom" 2>"$work/$fixture.log" \
    || fail "chromium could not load the $fixture page"
  problems=$(console_problems "$work/$fixture.log")
  [ -z "$problems" ] || fail "$fixture: console: $problems"
  tidy -errors -q "$work/$fixture.html" >"$work/tidy.txt" 2>&1 || fail "$fixture: tidy finds errors: $(cat "$work/tidy.txt")"
done
hostile=$($checks count-elements "$work/hostile.dom") benign=$($checks count-elements "$work/benign.dom")
echo "elements and attributes, hostile: $hostile"
[ "$hostile" = "$benign" ] || fail "the hostile fixture changes the DOM: benign has $benign"
[ "$($checks count-elements "$work/hostile.html")" = "$hostile" ] || fail "the browser's DOM of the hostile page differs from its markup"
# ... and its hostile texts are there, shown as text.
for text in '&lt;script&gt;' '&lt;img src=x onerror=alert(1)&gt;' 'javascript:alert(1)' '&lt;/svg&gt;&lt;/style&gt;' '&lt;!--'; do
  grep -qF -- "$text" "$work/hostile.dom" || fail "the hostile page does not show $text as text"
done

[ $status = 0 ] && echo "HTML report checked in $("$chromium" --version 2>/dev/null | head -1)"
exit $status
