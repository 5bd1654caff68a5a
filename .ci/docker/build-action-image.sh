#!/usr/bin/env bash
# Builds the UNMODIFIED top-level Dockerfile offline, exactly as the GitHub runner would (no build-args), with the
# classic builder and host networking (so NuGet restore reaches the mirror). Needs build-base-images.sh first.
# Usage: build-action-image.sh [TAG] [extra docker build args...]
set -euo pipefail
cd "$(dirname "$0")/../.."

ACTION_IMAGE=${1:-securitygate-action:local}
shift || true

mkdir -p artifacts
start=$SECONDS
# DOCKER_BUILDKIT=0: the classic builder resolves FROM against the local store and needs no buildx.
DOCKER_BUILDKIT=0 docker build --network host -t "$ACTION_IMAGE" "$@" . >artifacts/docker-build.log 2>&1 \
  || { tail -n 40 artifacts/docker-build.log >&2; exit 1; }
# The app layer is the COPY --from=build /app layer (README "Performance": the target is at most 60 MB).
app_layer=$(docker history --human=false --no-trunc --format '{{.Size}} {{.CreatedBy}}' "$ACTION_IMAGE" \
              | awk '/COPY/ && / \/app *$/ { print $1; exit }')
echo "built $ACTION_IMAGE in $((SECONDS - start)) s ($(docker image inspect -f '{{.Size}}' "$ACTION_IMAGE") bytes, app layer ${app_layer:-?} bytes)"
