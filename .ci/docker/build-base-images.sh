#!/usr/bin/env bash
# Builds, without any registry, the two base images the Dockerfile names, under the names it uses, so the
# UNMODIFIED Dockerfile builds offline:
#   mcr.microsoft.com/dotnet/runtime-deps:10.0  debootstrap minbase bookworm + the .NET runtime dependencies
#   mcr.microsoft.com/dotnet/sdk:10.0           the same tree + the host's SDK (/usr/share/dotnet) + the host CA bundle
# and the test app base (securitygate-test/debian-python:bookworm: the same tree + python3-django).
# Idempotent: an image that exists is kept (FORCE=1 rebuilds). The debootstrap tree lives in the clone's artifacts/
# (git-ignored) and is deleted after import; nothing is cached outside the clone except docker's own store.
set -euo pipefail
cd "$(dirname "$0")/../.."

RUNTIME_DEPS_IMAGE=mcr.microsoft.com/dotnet/runtime-deps:10.0
SDK_IMAGE=mcr.microsoft.com/dotnet/sdk:10.0
PYTHON_IMAGE=securitygate-test/debian-python:bookworm
SUITE=bookworm
# What the official runtime-deps image carries (Debian 12 flavour).
RUNTIME_PACKAGES=ca-certificates,libc6,libgcc-s1,libicu72,libssl3,libstdc++6,tzdata,zlib1g
HOST_DOTNET=${HOST_DOTNET:-/usr/share/dotnet}
HOST_CA_BUNDLE=/etc/ssl/certs/ca-certificates.crt
WORK=artifacts/docker-rootfs
FORCE=${FORCE:-0}

# The apt mirror this machine uses (CI machines may point deb.debian.org at a local mirror through /etc/hosts).
MIRROR=$(awk '/^URIs:/ {print $2; exit}' /etc/apt/sources.list.d/debian.sources 2>/dev/null || true)
MIRROR=${MIRROR:-http://deb.debian.org/debian}

have() { [ "$FORCE" != 1 ] && docker image inspect "$1" >/dev/null 2>&1; }

if have "$RUNTIME_DEPS_IMAGE" && have "$SDK_IMAGE" && have "$PYTHON_IMAGE"; then
  echo "base images present"
  exit 0
fi

rm -rf "$WORK"
mkdir -p "$WORK"
trap 'rm -rf "$WORK"' EXIT
rootfs="$WORK/rootfs"

start=$SECONDS
debootstrap --variant=minbase --include="$RUNTIME_PACKAGES" "$SUITE" "$rootfs" "$MIRROR" >"$WORK/../debootstrap.log" 2>&1 \
  || { tail -n 30 "$WORK/../debootstrap.log" >&2; exit 1; }
echo "debootstrap: $((SECONDS - start)) s"

# Smaller image: no apt caches, package lists, docs, man pages or locales (a runtime image needs none of them).
rm -rf "$rootfs"/var/cache/apt/archives/*.deb "$rootfs"/var/lib/apt/lists/* "$rootfs"/usr/share/doc/* \
       "$rootfs"/usr/share/man/* "$rootfs"/usr/share/locale/* "$rootfs"/var/log/*
# The host trusts extra CAs (egress proxy); apt and NuGet inside builds need them.
cp "$HOST_CA_BUNDLE" "$rootfs/etc/ssl/certs/ca-certificates.crt"

import() { # image, extra docker import -c changes...
  local image=$1; shift
  tar -C "$rootfs" -c . | docker import "$@" - "$image" >/dev/null
  echo "imported $image"
}
import "$RUNTIME_DEPS_IMAGE" -c 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'

# The SDK image: the same tree plus the host SDK (same version as global.json resolves to on this machine).
tar -C "$rootfs" -c . -C / "${HOST_DOTNET#/}" | docker import \
  -c "ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin:$HOST_DOTNET" \
  -c "ENV DOTNET_ROOT=$HOST_DOTNET" -c 'ENV DOTNET_CLI_TELEMETRY_OPTOUT=1' -c 'ENV DOTNET_NOLOGO=1' \
  -c 'ENV NUGET_CERT_REVOCATION_MODE=offline' - "$SDK_IMAGE" >/dev/null
echo "imported $SDK_IMAGE"

# Test app base: Debian's python3-django, installed through the same mirror (host network).
start=$SECONDS
chroot "$rootfs" /bin/sh -c 'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends python3-django >/dev/null' \
  || { echo "python3-django install failed" >&2; exit 1; }
rm -rf "$rootfs"/var/cache/apt/archives/*.deb "$rootfs"/var/lib/apt/lists/*
import "$PYTHON_IMAGE" -c 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'
echo "python image: $((SECONDS - start)) s"
docker image ls --format '{{.Repository}}:{{.Tag}} {{.Size}}' | grep -E 'dotnet|securitygate-test'
