#!/usr/bin/env bash
# The Debian package: `cpack -G DEB` in the build folder makes a package whose Depends line names the runtime
# libraries (dpkg-shlibdeps); unpacked in a scratch root, its binary runs, finds its own questionnaires and
# interface catalogues, its man pages open with `man -l`, and its bash completion completes commands, options and
# folders.
#   test_install_package.sh BINARY SOURCE_DIR [CORPUS]
set -u
binary=$(realpath "$1")
build=$(dirname "$binary")
for tool in cpack dpkg-deb dpkg-shlibdeps; do
  command -v "$tool" >/dev/null || { echo "SKIP: $tool is missing (apt-get install cmake dpkg-dev)"; exit 77; }
done
[ -f "$build/CPackConfig.cmake" ] || { echo "SKIP: no CPackConfig.cmake in $build"; exit 77; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
status=0
fail() {
  echo "FAIL: $*"
  status=1
}

cpack -G DEB -B "$work/package" --config "$build/CPackConfig.cmake" >"$work/cpack.log" 2>&1 \
  || { cat "$work/cpack.log"; echo "FAIL: cpack"; exit 1; }
deb=$(ls "$work"/package/*.deb 2>/dev/null | head -n 1)
[ -n "$deb" ] || { echo "FAIL: cpack wrote no .deb"; exit 1; }
depends=$(dpkg-deb -f "$deb" Depends)
echo "Depends: $depends"
for library in libc6 libstdc++6 libtomlplusplus libfmt libutf8proc; do
  [[ $depends == *"$library"* ]] || fail "Depends does not name $library"
done

root=$work/root
dpkg-deb -x "$deb" "$root"
installed=$(find "$root" -path '*/bin/partnerpulse' -type f | head -n 1)
[ -x "$installed" ] || { echo "FAIL: no bin/partnerpulse in the package"; exit 1; }
prefix=$(dirname "$(dirname "$installed")")
version=$(cd "$work" && env -u PARTNERPULSE_SHARE_DIR "$installed" --version) || fail "--version failed"
[ "$version" = "$("$binary" --version)" ] || fail "the packaged binary says '$version'"
# Run from a folder with no ./questionnaires: the shipped ones are found beside the binary.
listed=$(cd "$work" && env -u PARTNERPULSE_SHARE_DIR "$installed" list 2>&1) || fail "list failed: $listed"
for id in trust power-balance roles communication; do
  grep -q "^$id " <<<"$listed" || fail "the installed binary does not find questionnaire '$id'"
done

# The interface catalogues are installed and found beside the binary.
for language in fr es pt ar; do
  [ -f "$prefix/share/locale/$language/LC_MESSAGES/partnerpulse.mo" ] || fail "no $language interface catalogue"
done
unknown=$(cd "$work" && env -u PARTNERPULSE_LOCALEDIR "$installed" list --language xx 2>&1)
grep -q "languages available: ar, en, es, fr, pt" <<<"$unknown" || fail "the installed binary lacks its catalogues: $unknown"

if command -v man >/dev/null; then
  for page in partnerpulse partnerpulse-report partnerpulse-ask; do
    file="$prefix/share/man/man1/$page.1.gz"
    [ -f "$file" ] || { fail "no man page $page"; continue; }
    MANWIDTH=80 man -l "$file" 2>/dev/null | grep -q "$page" || fail "man -l $page does not show its name"
  done
else
  echo "note: man is missing (apt-get install man-db); the man pages were not opened"
fi

completion="$prefix/share/bash-completion/completions/partnerpulse"
[ -f "$completion" ] || { echo "FAIL: no bash completion"; exit 1; }
[ -f "$prefix/share/zsh/vendor-completions/_partnerpulse" ] || fail "no zsh completion"
[ -f "$prefix/share/fish/vendor_completions.d/partnerpulse.fish" ] || fail "no fish completion"
complete_words() {  # complete_words WORD... : what bash completion offers for the last word
  (cd "$work" && bash -c 'source "$1"; shift; COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); _partnerpulse;
                          printf "%s\n" "${COMPREPLY[@]}"' _ "$completion" partnerpulse "$@")
}
mkdir -p "$work/some-folder"
[ "$(complete_words rep)" = report ] || fail "'rep' does not complete to report: $(complete_words rep)"
[ "$(complete_words report --form)" = --format ] || fail "'report --form' does not complete to --format"
complete_words report --questionnaires some- | grep -qx some-folder || fail "--questionnaires does not complete folders"
complete_words validate --q | grep -qx -- --quiet || fail "'validate --q' does not offer --quiet"

[ $status = 0 ] && echo "package, man pages and completions work"
exit $status
