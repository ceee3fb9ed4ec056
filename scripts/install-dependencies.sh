#!/usr/bin/env bash
# Installs the Debian packages and npm tool partnerpulse builds and tests with (clang and its runtime libraries
# build the libFuzzer targets in fuzz/; gettext's msgfmt compiles the interface catalogues po/*.po; chromium and tidy
# check the HTML report in tests/scripts/test_html_browser.sh). Safe to run again.
set -euo pipefail
packages=(cmake ninja-build g++ pkg-config libcli11-dev libtomlplusplus-dev libfmt-dev libboost-test-dev libboost-dev
          nlohmann-json3-dev libutf8proc-dev libjemalloc-dev nettle-dev cmark-gfm tmux expect python3 help2man man-db dpkg-dev clang
          libclang-rt-14-dev libxlsxwriter-dev python3-openpyxl gettext chromium tidy poppler-utils)
missing=()
for p in "${packages[@]}"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
sudo=""
[ "$(id -u)" = 0 ] || sudo="sudo"
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing: ${missing[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
# markdownlint-cli2 checks the generated reports; 0.22.1 is the last release that runs on Debian's node.
if [ "${PARTNERPULSE_SKIP_NPM:-}" != 1 ] && command -v npm >/dev/null 2>&1 \
    && ! markdownlint-cli2 --help 2>/dev/null | grep -q 'v0.22.1'; then
  $sudo npm install -g --silent markdownlint-cli2@0.22.1 >/dev/null 2>&1 || echo "note: markdownlint-cli2 not installed; its test will be skipped"
fi
