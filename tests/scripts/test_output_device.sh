#!/usr/bin/env bash
# report -o onto a device is refused, with or without --force, and the device stays a device (issue 15: /dev/full
# became a regular file). Run in a private mount namespace with a tmpfs over /dev holding device nodes of its own,
# so the real /dev/null and /dev/full are never at risk. Needs root (unshare, mount, mknod): skipped (77) otherwise.
set -uo pipefail
binary=$1
source_dir=$2
if ! command -v unshare >/dev/null || ! unshare --mount --propagation private true 2>/dev/null; then
  echo "skipped: cannot create a private mount namespace here (needs root and unshare)"
  exit 77
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -R "$source_dir/tests/data/worked-example" "$work/worked"
cp "$binary" "$work/partnerpulse"
# The checks run inside the namespace; its /dev is a tmpfs that disappears with it.
unshare --mount --propagation private bash -s "$work" <<'INNER'
set -uo pipefail
work=$1
cd "$work"
mount -t tmpfs scratch-dev /dev || { echo "skipped: cannot mount a tmpfs over /dev"; exit 77; }
mknod -m 666 /dev/null c 1 3 && mknod -m 666 /dev/full c 1 7 || { echo "skipped: cannot make device nodes"; exit 77; }
failed=0
for device in /dev/null /dev/full; do
  for force in "" --force; do
    ./partnerpulse report -o "$device" $force --questionnaires worked worked/responses </dev/null 2>err.txt
    code=$?
    if [ "$code" != 1 ]; then echo "FAIL: report -o $device $force exited $code, not 1"; failed=1; fi
    if ! grep -q "is a character device, not a regular file" err.txt; then
      echo "FAIL: report -o $device $force did not say why:"; cat err.txt; failed=1
    fi
    if [ ! -c "$device" ]; then echo "FAIL: $device is no longer a character device"; failed=1; fi
    if ls -A /dev | grep -q tmp; then echo "FAIL: a temporary file was left in /dev: $(ls -A /dev)"; failed=1; fi
  done
done
exit $failed
INNER
code=$?
[ "$code" = 0 ] && echo "ok: /dev/null and /dev/full refused and still character devices"
exit $code
