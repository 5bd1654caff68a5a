#!/usr/bin/env bash
# Installs the REAL Django 3.2, 4.2 and 5.2 that the test suite uses as a reference
# for `manage.py check --deploy` (tests/SecurityGate.Tests/Reference/Django).
#
#   sudo .ci/install-django-reference.sh          # idempotent; run as root on Debian 12 (bookworm)
#
# What it does
#   3.2  apt-get install python3-django from the machine's own bookworm sources
#        (code lands in /usr/lib/python3/dist-packages; runs on /usr/bin/python3).
#   4.2  python3-django from Debian trixie, 5.2 python3-django from Debian sid
#        (fallback suite: trixie-backports), each with trixie's python3-asgiref and
#        python3-sqlparse (bookworm's asgiref 3.6.0 is too old for 5.2, which needs >= 3.8.1).
#        The .debs are fetched with `apt-get download` against a PRIVATE sources list and a
#        PRIVATE lists/cache directory (the system's sources, lists and installed packages are
#        never touched, nothing from the newer suites is installed with dpkg), verified, and
#        unpacked with `dpkg-deb -x` into $PREFIX/4.2 and $PREFIX/5.2. These folders are put in
#        front of PYTHONPATH by the harness; all of it is pure Python and runs on bookworm's
#        /usr/bin/python3 (3.11).
#   Each folder gets a MANIFEST (package, version, sha256) and is byte-compiled, and every
#   version is smoke-tested with `python3 -m django check --deploy`.
#
# Reproducibility
#   Exact package versions are pinned below (with the SHA256 of the .deb). Debian removes old
#   versions from sid/trixie when they are superseded; if a pinned version is no longer in the
#   archive, the newest version of the SAME upstream series (4.2.x / 5.2.x) is taken instead and a
#   WARNING is printed and written to the MANIFEST. Set SG_DJANGO_STRICT=1 to make that an error.
#
# Environment knobs
#   SG_DJANGO_PREFIX          install prefix (default /opt/securitygate-django)
#   SG_DEBIAN_MIRROR          Debian archive URI (default: taken from the system's apt sources)
#   SG_DEBIAN_SECURITY_MIRROR Debian security archive URI (default: derived from the above)
#   SG_DJANGO_STRICT=1        fail instead of falling back when a pinned version is gone
#   SG_DJANGO_FORCE=1         reinstall even if the MANIFEST says everything is in place
set -euo pipefail

PREFIX="${SG_DJANGO_PREFIX:-/opt/securitygate-django}"
PY=/usr/bin/python3
STRICT="${SG_DJANGO_STRICT:-0}"
FORCE="${SG_DJANGO_FORCE:-0}"

# --- pins ---------------------------------------------------------------------------------
# package|pinned Debian version|sha256 of the pinned .deb (apt also verifies it against the signed index)
DJANGO_42_PIN='python3-django|3:4.2.28-0+deb13u2|909e3a132b71de394806a0563f2297e0618b7b7cc8e7acee39da629b285c01e8'
DJANGO_52_PIN='python3-django|3:5.2.18-2|6c8eb4bebb9408f7b6578be3ebbb2600d4675e752ca163e99c28f79948ba44dd'
ASGIREF_PIN='python3-asgiref|3.8.1-1|2d5eb99f6a6703298c35054a12a92828b89f2c23aafc424f1f63e880b963951a'
SQLPARSE_PIN='python3-sqlparse|0.5.3-1|ce33abc379c31ff56ebffa73d024c893263e7fe7d13d50c82d47596217912828'

log()  { printf '[install-django-reference +%ss] %s\n' "$SECONDS" "$*" >&2; }
warn() { printf '[install-django-reference] WARNING: %s\n' "$*" >&2; }
die()  { printf '[install-django-reference] ERROR: %s\n' "$*" >&2; exit 1; }

[ "$(id -u)" -eq 0 ] || die "must run as root (it runs apt-get and writes $PREFIX)"
command -v apt-get >/dev/null || die "apt-get not found: this installer needs Debian 12 (bookworm)"

export DEBIAN_FRONTEND=noninteractive

# --- helpers ------------------------------------------------------------------------------
# django_version_in <pythonpath or empty>  -> prints django.get_version() as /usr/bin/python3 sees it
django_version_in() {
  env -i PATH=/usr/bin:/bin HOME=/nonexistent PYTHONNOUSERSITE=1 PYTHONDONTWRITEBYTECODE=1 \
    PYTHONPATH="$1" "$PY" -s -c 'import django; print(django.get_version())' 2>/dev/null
}

# smoke_test <series> <pythonpath or empty>: runs the real check --deploy on a tiny settings module
smoke_test() {
  local series="$1" pp="$2" tmp out
  tmp="$(mktemp -d)"
  cat >"$tmp/sg_smoke_settings.py" <<'EOF'
SECRET_KEY = 'x'
DEBUG = True
INSTALLED_APPS = ['django.contrib.contenttypes', 'django.contrib.auth', 'django.contrib.sessions']
MIDDLEWARE = ['django.middleware.security.SecurityMiddleware']
EOF
  if ! out="$(cd "$tmp" && env -i PATH=/usr/bin:/bin HOME=/nonexistent PYTHONNOUSERSITE=1 PYTHONDONTWRITEBYTECODE=1 \
        PYTHONPATH="${pp:+$pp:}$tmp" "$PY" -s -m django check --deploy --settings=sg_smoke_settings 2>&1)"; then
    rm -rf "$tmp"; printf '%s\n' "$out" >&2; die "Django $series: check --deploy failed to run (output above)"
  fi
  rm -rf "$tmp"
  if ! grep -q 'security.W009' <<<"$out" || ! grep -q 'security.W018' <<<"$out"; then
    printf '%s\n' "$out" >&2; die "Django $series: check --deploy did not report security.W009 and W018 (output above)"
  fi
  log "Django $series smoke test OK (check --deploy reported W009 and W018)"
}

# --- 1. Django 3.2 from the system's own bookworm sources -------------------------------------
install_32() {
  local v
  v="$(dpkg-query -W -f='${Status}|${Version}' python3-django 2>/dev/null || true)"
  if [[ "$FORCE" != 1 && "$v" == "install ok installed|3:3.2."* && -x "$PY" ]]; then
    log "python3-django ${v#*|} already installed"
  else
    log "apt-get update (system sources) and install python3 + python3-django (bookworm, 3.2)"
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends python3 python3-django >/dev/null
  fi
  [ -x "$PY" ] || die "$PY not found after installing python3 (Debian's python3 is required; a pyenv python3 on PATH cannot be used)"
  v="$(django_version_in '')"
  [[ "$v" == 3.2.* ]] || die "after installing python3-django, /usr/bin/python3 imports Django '$v', expected 3.2.x"
  mkdir -p "$PREFIX"
  {
    echo "series=3.2"
    echo "source=apt (system bookworm sources), /usr/lib/python3/dist-packages"
    dpkg-query -W -f='package=${Package} ${Version}\n' python3-django python3-asgiref python3-sqlparse python3-tz 2>/dev/null || true
    echo "django_version=$v"
  } >"$PREFIX/MANIFEST-3.2"
  smoke_test 3.2 ''
}

# --- 2. private apt configuration for the newer suites -------------------------------------------
system_mirror() {
  # first URI that ends in /debian in the system's sources (deb822 or one-line format)
  local uri
  uri="$(grep -hsE '^(URIs:|deb )' /etc/apt/sources.list.d/*.sources /etc/apt/sources.list.d/*.list /etc/apt/sources.list 2>/dev/null \
        | grep -oE '(https?|file)://[^ ]+/debian/?( |$)' | head -n1 | tr -d ' ' || true)"
  echo "${uri%/}"
}

APTDIR=""
APT_OPTS=()
setup_private_apt() {
  local mirror security
  mirror="${SG_DEBIAN_MIRROR:-$(system_mirror)}"
  mirror="${mirror:-http://deb.debian.org/debian}"
  security="${SG_DEBIAN_SECURITY_MIRROR:-${mirror}-security}"
  APTDIR="$(mktemp -d /tmp/sg-django-apt.XXXXXX)"
  mkdir -p "$APTDIR/lists/partial" "$APTDIR/cache/archives/partial" "$APTDIR/dl"
  local kr=/usr/share/keyrings/debian-archive-keyring.gpg
  [ -r "$kr" ] || die "$kr missing (package debian-archive-keyring)"
  cat >"$APTDIR/sources.list" <<EOF
deb [signed-by=$kr] $mirror trixie main
deb [signed-by=$kr] $security trixie-security main
deb [signed-by=$kr] $mirror trixie-backports main
deb [signed-by=$kr] $mirror sid main
EOF
  APT_OPTS=(
    -o "Dir::Etc::SourceList=$APTDIR/sources.list"
    -o "Dir::Etc::SourceParts=/dev/null"
    -o "Dir::State::Lists=$APTDIR/lists"
    -o "Dir::Cache=$APTDIR/cache"
    -o "Dir::Cache::pkgcache=pkgcache.bin"       # docker images disable the cache; without it every apt
    -o "Dir::Cache::srcpkgcache=srcpkgcache.bin" # call re-parses ~20 MB of indexes (2 s each)
    -o "APT::Sandbox::User=root"
    -o "Acquire::IndexTargets::deb::DEP-11::DefaultEnabled=false"
    -o "Acquire::IndexTargets::deb::DEP-11-icons::DefaultEnabled=false"
    -o "Acquire::IndexTargets::deb::DEP-11-icons-small::DefaultEnabled=false"
    -o "Acquire::IndexTargets::deb::DEP-11-icons-hidpi::DefaultEnabled=false"
    -o "Acquire::IndexTargets::deb::Contents-deb::DefaultEnabled=false"
  )
  log "apt-get update of a private sources list ($mirror: trixie, trixie-security, trixie-backports, sid)"
  apt-get "${APT_OPTS[@]}" update -qq || die "apt-get update of the private sources list failed (mirror $mirror)"
}
cleanup() { [ -n "$APTDIR" ] && rm -rf "$APTDIR"; return 0; }
trap cleanup EXIT

# fetch <pin> <series regex or ''> -> downloads one .deb into $APTDIR/dl, prints "path|version|note"
fetch() {
  local pkg="${1%%|*}" rest="${1#*|}" series_re="$2"
  local ver="${rest%%|*}" sha="${rest#*|}" note="pinned"
  local available
  available="$(apt-cache "${APT_OPTS[@]}" madison "$pkg" | awk -F'|' '{gsub(/ /,"",$2); print $2}' | sort -u)"
  if ! grep -qxF -- "$ver" <<<"$available"; then
    [ "$STRICT" = 1 ] && die "$pkg $ver is no longer in the archive (available: $(echo $available)). Update the pin in $0."
    local best=""
    for v in $available; do
      if [ -n "$series_re" ] && ! [[ "$v" =~ $series_re ]]; then continue; fi
      if [ -z "$best" ] || dpkg --compare-versions "$v" gt "$best"; then best="$v"; fi
    done
    [ -n "$best" ] || die "$pkg: pinned $ver is gone and no fallback matches '${series_re:-any}' (available: $(echo $available))"
    warn "$pkg $ver is no longer in the archive; using $best instead (set SG_DJANGO_STRICT=1 to forbid this)"
    ver="$best"; sha=""; note="FALLBACK (pinned $(cut -d'|' -f2 <<<"$1") not available)"
  fi
  local dl file
  dl="$(mktemp -d "$APTDIR/dl/XXXXXX")"
  ( cd "$dl" && apt-get "${APT_OPTS[@]}" download -qq "$pkg=$ver" >/dev/null ) \
    || die "apt-get download $pkg=$ver failed"
  file="$(ls "$dl"/"${pkg}"_*.deb | head -n1)"
  local got
  got="$(dpkg-deb -f "$file" Version)"
  [ "$got" = "$ver" ] || die "downloaded $file has version $got, expected $ver"
  if [ -n "$sha" ]; then
    echo "$sha  $file" | sha256sum -c --quiet - >/dev/null || die "SHA256 mismatch for $file (expected $sha)"
  fi
  echo "$file|$ver|$note"
}

# install_series <series> <django pin> <django series regex>
install_series() {
  local series="$1" pin="$2" re="$3" dest="$PREFIX/$1"
  local pinned_ver; pinned_ver="$(cut -d'|' -f2 <<<"$pin")"
  if [[ "$FORCE" != 1 && -f "$dest/MANIFEST" ]] && grep -qF "package=python3-django $pinned_ver " "$dest/MANIFEST" \
     && [[ "$(django_version_in "$dest")" == "$series".* ]]; then
    log "Django $series already in $dest ($(grep '^django_version=' "$dest/MANIFEST"))"
    smoke_test "$series" "$dest"
    return 0
  fi
  [ -n "$APTDIR" ] || setup_private_apt
  local stage="$PREFIX/.stage-$series" manifest=()
  rm -rf "$stage"; mkdir -p "$stage"
  local spec r file ver note
  for spec in "$pin|$re" "$ASGIREF_PIN|" "$SQLPARSE_PIN|"; do
    local p="${spec%|*}" sre="${spec##*|}"
    r="$(fetch "$p" "$sre")"
    IFS='|' read -r file ver note <<<"$r"
    # unpack next to the stage (same filesystem) and move the top-level entries: no copying of ~5000 files
    local x; x="$(mktemp -d "$PREFIX/.unpack.XXXXXX")"
    dpkg-deb -x "$file" "$x"
    [ -d "$x/usr/lib/python3/dist-packages" ] || die "$file has no usr/lib/python3/dist-packages"
    find "$x/usr/lib/python3/dist-packages" -mindepth 1 -maxdepth 1 -exec mv -t "$stage/" {} +
    rm -rf "$x"
    manifest+=("package=$(dpkg-deb -f "$file" Package) $ver sha256=$(sha256sum "$file" | cut -d' ' -f1) $note")
    [[ "$note" == FALLBACK* ]] && manifest+=("warning=$(dpkg-deb -f "$file" Package) $note; using $ver")
  done
  # byte-compile so that runs are fast and never try to write into the prefix
  "$PY" -m compileall -q -j 0 "$stage" >/dev/null || warn "compileall reported errors in $stage (non-fatal)"
  local v; v="$(django_version_in "$stage")"
  [[ "$v" == "$series".* ]] || die "unpacked Django in $stage imports as '$v', expected $series.x"
  { echo "series=$series"; echo "source=Debian archive via apt-get download (private sources list), unpacked with dpkg-deb -x";
    printf '%s\n' "${manifest[@]}"; echo "django_version=$v"; } >"$stage/MANIFEST"
  rm -rf "$dest.old"; [ -e "$dest" ] && mv "$dest" "$dest.old"
  mv "$stage" "$dest"; rm -rf "$dest.old"
  log "Django $v installed in $dest"
  smoke_test "$series" "$dest"
}

start=$(date +%s)
install_32
install_series 4.2 "$DJANGO_42_PIN" '^3:4\.2\.'
install_series 5.2 "$DJANGO_52_PIN" '^3:5\.2\.'
log "done in $(( $(date +%s) - start )) s:"
for s in 3.2 4.2 5.2; do
  f="$PREFIX/MANIFEST-$s"; [ "$s" != 3.2 ] && f="$PREFIX/$s/MANIFEST"
  sed 's/^/    /' "$f" >&2
done
