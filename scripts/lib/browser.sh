#!/usr/bin/env bash
# What the real-browser tests (tests/it/browser.rs driving tests/browser/*.mjs) need.
#
#   scripts/lib/browser.sh install     Debian's chromium (/usr/bin/chromium), then `npm ci` in
#                                      tests/browser/ (playwright-core, axe-core and the OpenAPI
#                                      validator @seriousme/openapi-schema-validator, exact
#                                      versions from the committed package-lock.json)
#   scripts/lib/browser.sh check       exits non-zero, saying what is missing, unless all of
#                                      it is in place (no network, changes nothing)
#
# playwright-core is the library without any browser: it never downloads one
# (PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 is set anyway) and the tests launch Debian's chromium by
# path, with --no-sandbox because they usually run as root in a container. Node.js 20 or newer
# and npm must already be installed (playwright-core needs 20; Debian 12's own nodejs is 18, so
# this script does not install it). node_modules/ stays in tests/browser/ and is not committed.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
DIR="$ROOT/tests/browser"
CHROMIUM=/usr/bin/chromium

die() { echo "browser.sh: $*" >&2; exit 1; }

install() {
  export DEBIAN_FRONTEND=noninteractive
  check_node
  if [ ! -x "$CHROMIUM" ]; then
    if ! apt-get install -y -qq chromium >/dev/null 2>&1; then
      apt-get update -qq
      apt-get install -y -qq chromium >/dev/null
    fi
  fi
  # npm ci is quick when node_modules already matches the lock file, but still rewrites it:
  # skip it when the installed tree was made from this very lock file.
  if [ -f "$DIR/node_modules/.package-lock.json" ] && [ -f "$DIR/node_modules/.rekey-lock" ] &&
    cmp -s "$DIR/package-lock.json" "$DIR/node_modules/.rekey-lock"; then
    return 0
  fi
  (cd "$DIR" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error >/dev/null)
  cp "$DIR/package-lock.json" "$DIR/node_modules/.rekey-lock"
  check
}

check_node() {
  command -v node >/dev/null && command -v npm >/dev/null ||
    die "node and npm are missing: install Node.js 20 or newer (e.g. from nodejs.org or NodeSource)"
  local major
  major=$(node -p 'process.versions.node.split(".")[0]')
  [ "$major" -ge 20 ] || die "node $(node --version) is too old for playwright-core: install Node.js 20 or newer"
}

check() {
  check_node
  [ -x "$CHROMIUM" ] || die "$CHROMIUM is missing: run scripts/lib/browser.sh install"
  [ -f "$DIR/node_modules/playwright-core/package.json" ] && [ -f "$DIR/node_modules/axe-core/axe.min.js" ] &&
    [ -f "$DIR/node_modules/@seriousme/openapi-schema-validator/package.json" ] ||
    die "tests/browser/node_modules is incomplete: run scripts/lib/browser.sh install"
}

case "${1:-}" in
  install) install ;;
  check) check ;;
  *) die "usage: $0 install | check" ;;
esac
