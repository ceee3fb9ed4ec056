#!/usr/bin/env bash
# docs/html.md shows what the binary writes: every line of its ```html blocks is a line of the committed
# examples/reports/2024.html (itself checked byte for byte by test_examples_reports.sh), its example links exist,
# and the screenshots the README and docs show exist and stay small (under 200 KB each).
#   test_html_docs.sh BINARY SOURCE_DIR
set -euo pipefail
source_dir=$2
status=0
example=$source_dir/examples/reports/2024.html
while IFS= read -r line; do
  grep -qxF -- "$line" "$example" || { echo "docs/html.md shows a line examples/reports/2024.html does not hold: $line"; status=1; }
done < <(sed -n '/^```html$/,/^```$/p' "$source_dir/docs/html.md" | grep -v '^```')
for doc in docs/html.md README.md; do
  while IFS= read -r target; do
    path=$source_dir/$(dirname "$doc")/$target
    [ -e "$path" ] || { echo "$doc links to a missing file: $target"; status=1; continue; }
    case $target in
      *.png) size=$(stat -c %s "$path"); [ "$size" -lt 204800 ] || { echo "$target is $size bytes, not under 200 KB"; status=1; } ;;
    esac
  done < <(grep -o '](\(\.\./\)\?\(examples\|img\|docs/img\)/[^)#]*\.\(html\|png\))' "$source_dir/$doc" | sed 's/^](//; s/)$//')
done
[ $status = 0 ] && echo "docs/html.md matches the example"
exit $status
