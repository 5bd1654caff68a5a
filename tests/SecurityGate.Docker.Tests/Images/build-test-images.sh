#!/usr/bin/env bash
# Builds the small local images the Docker tests run (on top of build-base-images.sh's python image). Idempotent:
# docker's layer cache makes a rebuild of unchanged images take well under a second.
set -euo pipefail
cd "$(dirname "$0")"

for name in django-app django-dynamic hardened-app; do
  DOCKER_BUILDKIT=0 docker build -q -t "securitygate-test/$name:latest" "$name" >/dev/null
  echo "built securitygate-test/$name:latest"
done
