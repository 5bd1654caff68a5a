#!/usr/bin/env bash
# Installs everything the test suite needs on a fresh Debian 12 machine (run as root). Idempotent.
set -euo pipefail

APT_PACKAGES=(
  openssh-server   # sshd -T: the reference for sshd_config semantics (ssh-keygen comes with openssh-client)
  nginx-light      # a real TLS server for the live probe's protocol-version tests
  docker.io        # a real Docker engine: the action image, the image audit and image mode (tests/SecurityGate.Docker.Tests)
  debootstrap      # the offline base images the Dockerfile names (.ci/docker/build-base-images.sh)
)

if [ "${#APT_PACKAGES[@]}" -gt 0 ]; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${APT_PACKAGES[@]}" >/dev/null
fi

# Django 3.2 (bookworm), 4.2 and 5.2 (newer Debian suites, unpacked to a private folder): the reference for check --deploy.
bash .ci/install-django-reference.sh

# The real MDN HTTP Observatory (npm), the reference for the grade computation.
bash tests/SecurityGate.Tests/Sources/Live/Observatory/install-observatory.sh

# Docker: start the engine (no bridge, host networking only) and import the base images once (about 1 min), so the
# Docker tests only build on top of them.
bash .ci/docker/start-dockerd.sh
bash .ci/docker/build-base-images.sh
