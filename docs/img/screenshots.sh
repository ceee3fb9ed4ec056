#!/usr/bin/env bash
# Makes the screenshots of docs/img/ (one per chart kind) from the committed example pages, with headless Chromium.
#   docs/img/screenshots.sh        (run examples/regenerate.sh first)
# Each chart, with its caption, is cut out of its page into a page of its own (same head: style sheet and
# Content-Security-Policy) and photographed 800 pixels wide, at the height it needs.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
chromium=$(command -v chromium || command -v chromium-browser)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
shoot() {  # NAME PAGE PYTHON-REGEX HEIGHT
  python3 - "$2" "$3" "$work/$1.html" <<'PY'
import re, sys
page = open(sys.argv[1], encoding="utf-8").read()
head = page[:page.index("<body>")]
part = re.search(sys.argv[2], page, re.S).group(0)
open(sys.argv[3], "w", encoding="utf-8").write(head + "<body>\n" + part + "\n</body>\n</html>\n")
PY
  "$chromium" --headless=new --no-sandbox --disable-gpu --hide-scrollbars --user-data-dir="$work/profile" \
    --host-resolver-rules="MAP * ~NOTFOUND" --window-size=800,"$4" --screenshot="$root/docs/img/$1.png" \
    "file://$work/$1.html" >/dev/null 2>&1
}
report=$root/examples/reports/2024.html
shoot html-dimensions "$report" '<figure>\n<figcaption>Dimension indexes.*?</svg>' 800
shoot html-gaps "$report" '<figure>\n<figcaption>Each role.*?</svg>' 840
shoot html-trends "$root/examples/reports/2023-2024.html" \
  '<figure>\n<figcaption>Each dimension.*?index across.*?<div class="trends">\n(?:<div>.*?</div>\n){4}' 640
shoot html-heat-table "$root/examples/portfolio/index.html" '<h2>Partnerships by dimension</h2>.*?</table>\n</div>' 470
ls -l "$root"/docs/img/html-*.png
