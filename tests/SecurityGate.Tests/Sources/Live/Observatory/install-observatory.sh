#!/usr/bin/env bash
# Installs the reference scanner (MDN HTTP Observatory 1.4.8, npm) for ObservatoryReferenceTests.
# Idempotent: does nothing when the pinned version is already installed.
#
# Location: $SECURITYGATE_OBSERVATORY_DIR, default /tmp/securitygate-observatory.
# Kept OUT of the repository on purpose: node_modules (~130 MB) inside the test project
# would be globbed by MSBuild on every build, and the scanner's code must never be committed.
#
# Offline-safe (see /work/shared/reference/observatory-local-run.md):
#  * --ignore-scripts skips the postinstall downloads (HSTS preload list, TLD list, Mozilla CA bundle);
#  * an empty conf/hsts-preload.json is what the scanner needs instead ("nothing is preloaded",
#    which is the truth for 127.0.0.1).
set -euo pipefail

VERSION="1.4.8"
DIR="${SECURITYGATE_OBSERVATORY_DIR:-/tmp/securitygate-observatory}"
PKG="$DIR/node_modules/@mdn/mdn-http-observatory"

command -v node >/dev/null || { echo "install-observatory: node (>= 20) is required" >&2; exit 1; }
command -v npm >/dev/null || { echo "install-observatory: npm is required" >&2; exit 1; }

installed_version() {
  node -e 'try{process.stdout.write(require(process.argv[1]).version)}catch{}' "$PKG/package.json" 2>/dev/null || true
}

if [[ "$(installed_version)" == "$VERSION" && -f "$PKG/conf/hsts-preload.json" ]]; then
  echo "install-observatory: @mdn/mdn-http-observatory@$VERSION already installed in $DIR"
  exit 0
fi

mkdir -p "$DIR"
cd "$DIR"
[[ -f package.json ]] || npm init -y >/dev/null
npm install --ignore-scripts --no-audit --no-fund "@mdn/mdn-http-observatory@$VERSION"
[[ -f "$PKG/conf/hsts-preload.json" ]] || echo '{}' > "$PKG/conf/hsts-preload.json"

if [[ "$(installed_version)" != "$VERSION" ]]; then
  echo "install-observatory: installation failed, $PKG/package.json does not report $VERSION" >&2
  exit 1
fi
echo "install-observatory: installed @mdn/mdn-http-observatory@$VERSION in $DIR"
