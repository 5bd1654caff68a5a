#!/usr/bin/env bash
# End-to-end test of the action image, run the way the GitHub runner runs a Docker action:
#   docker run --rm --workdir /github/workspace -v <workspace>:/github/workspace -v /var/run/docker.sock:… \
#     -v <runner temp dirs>:/github/{runner_temp,home,workflow,file_commands} -e INPUT_<ID>=… -e GITHUB_*=… IMAGE ARGS
# (see /github paths in github-actions.md §1.4–1.5), plus --network host so that all traffic stays on 127.0.0.1.
#
# E2E_MODE=scan (default): ARGS = scan . --format json --output …; asserts the exit code and the JSON report
#   (tests/SecurityGate.Docker.Tests/EndToEndTests.cs).
# E2E_MODE=action: ARGS = action (the constant args of action.yml) with E2E_GITHUB_API_URL pointing at a GitHub API
#   on 127.0.0.1; additionally asserts GITHUB_OUTPUT and GITHUB_STEP_SUMMARY. The xunit test
#   tests/SecurityGate.Action.Tests/ContainerEndToEndTests.cs runs this mode against the fake GitHub API and asserts
#   the check runs and the pull-request comment it received.
# E2E_STAGING_URL (optional): a staging server on 127.0.0.1 passed as input url, so the live probe runs too.
# E2E_CASES (default "blocking relaxed"): which cases to run; "image" (action mode) runs image mode instead: the app
#   image E2E_IMAGE started through the mounted Docker socket with E2E_IMAGE_COMMAND on E2E_IMAGE_PORT, the dotenv file
#   E2E_IMAGE_ENV_FILE copied into the workspace as image.env (input image-env-file), and django-check-in-image: true.
#   The action container then runs with --network none, like GitHub's bridge in that its 127.0.0.1 is its own and not
#   the runner's: the app must join the gate's network (image-network: auto) to be reachable. No GitHub API there, so
#   the case runs without a token (no check run, no comment) and asserts the report, outputs and summary.
#   "interrupt" (action mode, E2E_IMAGE) stops the gate with docker stop while it waits for an app that never answers:
#   it must exit 130, remove the app container itself and write no report.
# Writes everything under $E2E_OUT (default artifacts/e2e) for the xunit test to inspect; prints one line per case.
set -euo pipefail
cd "$(dirname "$0")/../.."

ACTION_IMAGE=${ACTION_IMAGE:-securitygate-action:e2e}
E2E_MODE=${E2E_MODE:-scan}
E2E_OUT=$(realpath -m "${E2E_OUT:-artifacts/e2e}")
FIXTURE=examples/insecure-django
EXIT_BLOCKING=1
EXIT_PASS=0

bash .ci/docker/start-dockerd.sh >/dev/null
bash .ci/docker/build-base-images.sh >/dev/null
bash .ci/docker/build-action-image.sh "$ACTION_IMAGE"

fail() { echo "e2e FAILED: $*" >&2; exit 1; }
ACTION_NETWORK=host
INTERRUPT=false
EXIT_CANCELLED=130

# interrupt_gate NAME ROOT DOCKER_RUN_ARGS...: starts the gate detached, waits until it has started its app container,
# stops it like a cancelled workflow (docker stop: SIGTERM), and checks that the gate removed the app container itself.
# Returns the gate's exit code.
interrupt_gate() {
  local name=$1 root=$2; shift 2
  local gate owner waited=0 status
  gate=$(docker run -d "$@")
  owner="org.securitygate.owner=container:$gate"
  until [ -n "$(docker ps -q --filter "label=$owner" --filter label=org.securitygate.role=app)" ]; do
    sleep 0.5; waited=$((waited + 1))
    if [ "$waited" -gt 120 ]; then docker logs "$gate" >&2; docker rm -f "$gate" >/dev/null; fail "$name: no app container"; fi
  done
  docker stop -t 30 "$gate" >/dev/null
  status=$(docker wait "$gate")
  docker logs "$gate" >"$root/stdout.txt" 2>"$root/stderr.txt"
  docker rm "$gate" >/dev/null
  [ -z "$(docker ps -aq --filter "label=$owner")" ] || fail "$name: the stopped gate left containers behind"
  return "$status"
}

# run_case NAME EXPECTED_EXIT [KEY=VALUE environment...]: one step of a job, with its own runner directories.
run_case() {
  local name=$1 expected=$2; shift 2
  local root="$E2E_OUT/$name"
  rm -rf "$root"
  mkdir -p "$root/workspace" "$root/runner_temp/_github_home" "$root/runner_temp/_github_workflow" \
           "$root/runner_temp/_runner_file_commands"
  cp -r "$FIXTURE/." "$root/workspace/"
  if [ -n "${E2E_IMAGE_ENV_FILE:-}" ]; then cp "$E2E_IMAGE_ENV_FILE" "$root/workspace/image.env"; fi
  sed "s/@HEAD_SHA@/$(printf '%040d' 1)/" .ci/docker/e2e-pull-request-event.json > "$root/runner_temp/_github_workflow/event.json"
  local commands="$root/runner_temp/_runner_file_commands"
  : > "$commands/set_output_e2e"; : > "$commands/step_summary_e2e"; : > "$commands/set_env_e2e"

  # The action writes reports under the workspace only (input json-report is relative to it).
  local args report_input report
  if [ "$E2E_MODE" = action ]; then
    args=(action)
    report_input=securitygate-report.json
    report="$root/workspace/securitygate-report.json"
  else
    args=(scan . --format json --output /github/runner_temp/report.json --format text)
    report_input=/github/runner_temp/report.json
    report="$root/runner_temp/report.json"
  fi

  local env_args=()
  for kv in \
    "GITHUB_ACTIONS=true" "CI=true" "HOME=/github/home" "RUNNER_TEMP=/github/runner_temp" \
    "GITHUB_WORKSPACE=/github/workspace" "GITHUB_EVENT_NAME=pull_request" "GITHUB_EVENT_PATH=/github/workflow/event.json" \
    "GITHUB_REPOSITORY=octo-org/shop" "GITHUB_REPOSITORY_OWNER=octo-org" "GITHUB_SHA=$(printf '%040d' 2)" \
    "GITHUB_REF=refs/pull/7/merge" "GITHUB_HEAD_REF=feature" "GITHUB_BASE_REF=main" \
    "GITHUB_RUN_ID=1001" "GITHUB_RUN_ATTEMPT=1" "GITHUB_JOB=gate" "GITHUB_WORKFLOW=deploy-gate" \
    "GITHUB_SERVER_URL=https://github.com" "GITHUB_API_URL=${E2E_GITHUB_API_URL:-http://127.0.0.1:9/}" \
    "GITHUB_OUTPUT=/github/file_commands/set_output_e2e" "GITHUB_STEP_SUMMARY=/github/file_commands/step_summary_e2e" \
    "GITHUB_ENV=/github/file_commands/set_env_e2e" \
    "INPUT_PATH=." "INPUT_FAIL-ON=error" "INPUT_GITHUB-TOKEN=e2e-token" "INPUT_CHECK-NAME=SecurityGate" \
    "INPUT_COMMENT=on-failure" "INPUT_JSON-REPORT=$report_input" "INPUT_SARIF-REPORT=" \
    "INPUT_URL=${E2E_STAGING_URL:-}" "INPUT_CONFIG=" "INPUT_MIN-GRADE=" "INPUT_ENV-FILE=" "INPUT_HEADERS=" "INPUT_IMAGE=" \
    "INPUT_IMAGE-PORT=8000" "INPUT_IMAGE-ENV-FILE=" "INPUT_IMAGE-HEALTH-PATH=/" "INPUT_IMAGE-COMMAND=" \
    "INPUT_IMAGE-NETWORK=auto" "INPUT_DJANGO-CHECK-IN-IMAGE=false" \
    "INPUT_TIMEOUT=20" "$@"; do
    env_args+=(-e "$kv")
  done

  local run_args=(--network "$ACTION_NETWORK" --workdir /github/workspace
    -v "$root/workspace:/github/workspace"
    -v /var/run/docker.sock:/var/run/docker.sock
    -v "$root/runner_temp:/github/runner_temp"
    -v "$root/runner_temp/_github_home:/github/home"
    -v "$root/runner_temp/_github_workflow:/github/workflow"
    -v "$commands:/github/file_commands"
    "${env_args[@]}" "$ACTION_IMAGE" "${args[@]}")

  local status=0
  if [ "$INTERRUPT" = true ]; then
    interrupt_gate "$name" "$root" "${run_args[@]}" || status=$?
  else
    docker run --rm "${run_args[@]}" >"$root/stdout.txt" 2>"$root/stderr.txt" || status=$?
  fi
  echo "$status" > "$root/exit-code"

  [ "$status" = "$expected" ] || { tail -n 20 "$root/stderr.txt" >&2; fail "$name: exit $status, expected $expected"; }
  if [ "$INTERRUPT" = true ]; then
    # Nothing half-written: an interrupted gate writes no report.
    [ ! -e "$report" ] || fail "$name: an interrupted gate wrote $report"
    echo "e2e $name: exit $status as expected, its app container removed ($E2E_MODE mode)"
    return
  fi
  [ -s "$report" ] || fail "$name: no JSON report at $report"
  local verdict=pass; [ "$expected" = "$EXIT_BLOCKING" ] && verdict=fail
  grep -q "\"verdict\": *\"$verdict\"" "$report" || fail "$name: report verdict is not $verdict"
  if [ "$E2E_MODE" = action ]; then
    # Outputs use the multiline-safe form: name<<DELIMITER, value, DELIMITER.
    [ "$(awk '/^verdict<</ { getline; print; exit }' "$commands/set_output_e2e")" = "$verdict" ] \
      || fail "$name: GITHUB_OUTPUT lacks verdict $verdict"
    [ -s "$commands/step_summary_e2e" ] || fail "$name: empty GITHUB_STEP_SUMMARY"
  fi
  echo "e2e $name: exit $status as expected ($E2E_MODE mode)"
}

for case_name in ${E2E_CASES:-blocking relaxed}; do
  case "$case_name" in
    # The bundled insecure project blocks with the default fail-on …
    blocking) run_case blocking "$EXIT_BLOCKING" ;;
    # … and passes when the step relaxes the policy (scan mode: the engine's own environment layer; action mode: the input).
    relaxed) run_case relaxed "$EXIT_PASS" "INPUT_FAIL-ON=never" "SECURITY_GATE__FAIL_ON=never" ;;
    # Image mode from inside the action container: audit, start, probe and Django's own check, through the socket.
    image)
      [ "$E2E_MODE" = action ] && [ -n "${E2E_IMAGE:-}" ] || fail "case image needs E2E_MODE=action and E2E_IMAGE"
      bash tests/SecurityGate.Docker.Tests/Images/build-test-images.sh >/dev/null
      ACTION_NETWORK=none
      run_case image "$EXIT_BLOCKING" "INPUT_GITHUB-TOKEN=" "INPUT_COMMENT=never" \
        "INPUT_IMAGE=$E2E_IMAGE" "INPUT_IMAGE-PORT=${E2E_IMAGE_PORT:-8000}" \
        "INPUT_IMAGE-COMMAND=${E2E_IMAGE_COMMAND:-}" "INPUT_DJANGO-CHECK-IN-IMAGE=true" \
        "INPUT_IMAGE-ENV-FILE=${E2E_IMAGE_ENV_FILE:+image.env}"
      ACTION_NETWORK=host ;;
    # Cancelled mid-run (docker stop → SIGTERM) while waiting for an app that never answers: exit 130, app removed.
    interrupt)
      [ "$E2E_MODE" = action ] && [ -n "${E2E_IMAGE:-}" ] || fail "case interrupt needs E2E_MODE=action and E2E_IMAGE"
      bash tests/SecurityGate.Docker.Tests/Images/build-test-images.sh >/dev/null
      ACTION_NETWORK=none INTERRUPT=true
      run_case interrupt "$EXIT_CANCELLED" "INPUT_GITHUB-TOKEN=" "INPUT_COMMENT=never" "INPUT_TIMEOUT=300" \
        "INPUT_IMAGE=$E2E_IMAGE" "INPUT_IMAGE-COMMAND=sleep 600"
      ACTION_NETWORK=host INTERRUPT=false ;;
    *) fail "unknown case $case_name" ;;
  esac
done
