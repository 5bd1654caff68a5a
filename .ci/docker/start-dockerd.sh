#!/usr/bin/env bash
# Starts a Docker engine for the container tests if none answers yet, and waits for its socket. Idempotent.
# No bridge and no iptables: every container in the tests runs with --network host, so traffic stays on 127.0.0.1.
set -euo pipefail

DOCKER_SOCKET=/var/run/docker.sock
DOCKERD_LOG=${DOCKERD_LOG:-/tmp/securitygate-dockerd.log}
DOCKERD_PID_FILE=${DOCKERD_PID_FILE:-/tmp/securitygate-dockerd.pid}
SOCKET_WAIT_SECONDS=30

if docker version >/dev/null 2>&1; then
  echo "dockerd already answers on $DOCKER_SOCKET"
  exit 0
fi

command -v dockerd >/dev/null || { echo "dockerd not installed (apt-get install docker.io)" >&2; exit 1; }
# setsid: the daemon must outlive this script and the CI step that ran it.
setsid dockerd --bridge=none --iptables=false --host="unix://$DOCKER_SOCKET" >"$DOCKERD_LOG" 2>&1 < /dev/null &
echo $! > "$DOCKERD_PID_FILE"

for _ in $(seq 1 $((SOCKET_WAIT_SECONDS * 10))); do
  if docker version >/dev/null 2>&1; then
    echo "dockerd started (pid $(cat "$DOCKERD_PID_FILE"), log $DOCKERD_LOG)"
    exit 0
  fi
  sleep 0.1
done
echo "dockerd did not answer within ${SOCKET_WAIT_SECONDS}s; last log lines:" >&2
tail -n 20 "$DOCKERD_LOG" >&2
exit 1
