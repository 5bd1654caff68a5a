#!/usr/bin/env bash
# Builds the action image from the top-level Dockerfile (cold, as the GitHub runner does on every run) in one or
# more publish variants and prints, per variant: the app layer (the COPY --from=build /app layer, per docker history),
# the restore and publish step times of the build, and `docker run --rm IMAGE --version` timed by hyperfine beside
# the reference that is docker's own overhead, `docker run --rm BASE /bin/true` on the runtime-deps base, measured in
# the same hyperfine run (the machine is shared and noisy, so only same-run ratios are comparable).
#
# Usage: bash bench/image.sh [VARIANT...]       (default: dockerfile)
#   dockerfile          the Dockerfile as GitHub builds it (no build-args)
#   sc-r2r              self-contained ReadyToRun, untrimmed (the image before trimming)
#   sc-r2r-composite    the same with a composite ReadyToRun image of app + framework
#   trim                trimmed (roots in SecurityGate.Cli.csproj), no ReadyToRun
#   trim-r2r            trimmed + ReadyToRun (= dockerfile)
#   trim-r2r-composite  trimmed + composite ReadyToRun
# Environment: RUNS (20) and WARMUP (3) for hyperfine; CACHE=1 reuses docker's layer cache (default: --no-cache);
#   KNOBS=1 also times the first variant's image under start-up runtime knobs (DOTNET_* variables);
#   SCAN=1 also times a scan of examples/insecure-django (JSON report; exit code 1, the example blocks).
# Needs dockerd and the base images (.ci/docker/start-dockerd.sh, build-base-images.sh) and hyperfine.
set -euo pipefail
cd "$(dirname "$0")/.."

RUNS=${RUNS:-20}
WARMUP=${WARMUP:-3}
BASE_IMAGE=mcr.microsoft.com/dotnet/runtime-deps:10.0
OUT=artifacts/bench-image
mkdir -p "$OUT"
command -v hyperfine >/dev/null || { echo "hyperfine missing (apt-get install hyperfine)" >&2; exit 1; }
[ $# -gt 0 ] || set -- dockerfile

build_args() { # variant -> docker build args
  case $1 in
    dockerfile) ;;
    sc-r2r) echo --build-arg TRIM=false ;;
    sc-r2r-composite) echo --build-arg TRIM=false --build-arg PUBLISH_EXTRA=-p:PublishReadyToRunComposite=true ;;
    trim) echo --build-arg READY_TO_RUN=false ;;
    trim-r2r) echo --build-arg TRIM=true --build-arg READY_TO_RUN=true ;;
    trim-r2r-composite) echo --build-arg PUBLISH_EXTRA=-p:PublishReadyToRunComposite=true ;;
    *) echo "unknown variant $1" >&2; exit 2 ;;
  esac
}

# Seconds between a build step's "Step N/M : RUN <what>" line and the next step, from the timestamped log.
step_seconds() { # log, pattern
  awk -v pat="$2" '$2 == "Step" { if (start) { printf "%.1f", $1 - start; found = 1; exit } if ($0 ~ pat) start = $1 }
                   END { if (!found) printf "?" }' "$1"
}

declare -A layer_mb restore_s publish_s build_s
for variant in "$@"; do
  image=securitygate-bench:$variant
  log=$OUT/build-$variant.log
  cache=--no-cache; [ "${CACHE:-0}" = 1 ] && cache=
  echo "building $variant ($(uptime | sed 's/.*load/load/'))" >&2
  start=$(date +%s.%N)
  # shellcheck disable=SC2046 # build_args yields separate words on purpose
  DOCKER_BUILDKIT=0 docker build $cache --network host -t "$image" $(build_args "$variant") . 2>&1 \
    | while IFS= read -r line; do printf '%s %s\n' "$(date +%s.%N)" "$line"; done >"$log"
  end=$(date +%s.%N)
  docker image inspect "$image" >/dev/null 2>&1 || { tail -n 30 "$log" >&2; exit 1; }
  build_s[$variant]=$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.0f", b - a }')
  restore_s[$variant]=$(step_seconds "$log" 'RUN .*dotnet restore')
  publish_s[$variant]=$(step_seconds "$log" 'RUN dotnet publish')
  bytes=$(docker history --human=false --no-trunc --format '{{.Size}} {{.CreatedBy}}' "$image" \
            | awk '/COPY/ && / \/app *$/ { print $1; exit }')
  layer_mb[$variant]=$(awk -v b="$bytes" 'BEGIN { printf "%.1f", b / 1e6 }')
  docker run --rm "$image" --version >/dev/null || { echo "$variant: --version failed" >&2; exit 1; }
done

# One hyperfine run: the references first, then every image, with and without host networking.
cmds=(-n "ref: BASE /bin/true (host net)" "docker run --rm --network host $BASE_IMAGE /bin/true"
      -n "ref: BASE /bin/true" "docker run --rm $BASE_IMAGE /bin/true")
for variant in "$@"; do
  cmds+=(-n "$variant --version (host net)" "docker run --rm --network host securitygate-bench:$variant --version"
         -n "$variant --version" "docker run --rm securitygate-bench:$variant --version")
done
if [ "${SCAN:-0}" = 1 ]; then
  for variant in "$@"; do
    cmds+=(-n "$variant scan (host net)" "docker run --rm --network host -v $PWD/examples/insecure-django:/repo:ro \
securitygate-bench:$variant scan /repo --format json --output /dev/null")
  done
fi
if [ "${KNOBS:-0}" = 1 ]; then
  # hyperfine runs one command after the other, so the knobs get their own baseline (an unused variable) and
  # reference right before and after them.
  cmds+=(-n "knobs: ref before" "docker run --rm --network host $BASE_IMAGE /bin/true")
  for knob in SG_BENCH_NO_KNOB=1 DOTNET_TieredPGO=0 DOTNET_TieredCompilation=0 DOTNET_TC_QuickJitForLoops=0 \
              DOTNET_gcConcurrent=0 DOTNET_GCHeapHardLimit=0x10000000 DOTNET_GCgen0size=0x4000000 SG_BENCH_NO_KNOB=2; do
    cmds+=(-n "$1 --version $knob (host net)" "docker run --rm --network host -e $knob securitygate-bench:$1 --version")
  done
  cmds+=(-n "knobs: ref after" "docker run --rm --network host $BASE_IMAGE /bin/true")
fi
echo "timing ($(uptime | sed 's/.*load/load/'))" >&2
# -i: the scan exits 1 (blocking findings); --version was checked above.
hyperfine -N -i --warmup "$WARMUP" --runs "$RUNS" --export-json "$OUT/hyperfine.json" "${cmds[@]}" >"$OUT/hyperfine.txt"
echo "after timing ($(uptime | sed 's/.*load/load/'))" >&2

mean_ms() { jq -r --arg n "$1" '.results[] | select(.command == $n) | .mean * 1000 | round' "$OUT/hyperfine.json"; }
ref_host=$(mean_ms "ref: BASE /bin/true (host net)")
ref_bridge=$(mean_ms "ref: BASE /bin/true")
echo "reference (docker's own overhead, same run): BASE /bin/true ${ref_host} ms with --network host, ${ref_bridge} ms without"
printf '| %s | %s | %s | %s | %s | %s | %s |\n' variant "app layer" "restore / publish / whole build" \
  "--version (host net)" "ratio to ref" "app share" "--version (default net)"
printf '|---|---|---|---|---|---|---|\n'
for variant in "$@"; do
  h=$(mean_ms "$variant --version (host net)"); b=$(mean_ms "$variant --version")
  printf '| %s | %s MB | %s / %s / %s s | %s ms | %.2f | %s ms | %s ms (app share %s ms) |\n' "$variant" \
    "${layer_mb[$variant]}" "${restore_s[$variant]}" "${publish_s[$variant]}" "${build_s[$variant]}" "$h" \
    "$(awk -v a="$h" -v r="$ref_host" 'BEGIN { print a / r }')" "$((h - ref_host))" "$b" "$((b - ref_bridge))"
done
if [ "${KNOBS:-0}" = 1 ]; then
  echo
  echo "runtime knobs on $1 (host net), between references of $(mean_ms "knobs: ref before") and $(mean_ms "knobs: ref after") ms:"
  jq -r '.results[] | select(.command | test("_KNOB|DOTNET_")) | "\(.command): \(.mean * 1000 | round) ms ± \(.stddev * 1000 | round)"' \
    "$OUT/hyperfine.json"
fi
if [ "${SCAN:-0}" = 1 ]; then
  echo
  for variant in "$@"; do
    s=$(mean_ms "$variant scan (host net)")
    echo "$variant: scan of examples/insecure-django $s ms (host net; app share $((s - ref_host)) ms)"
  done
fi
echo "(hyperfine -N --warmup $WARMUP --runs $RUNS; full output in $OUT/hyperfine.txt, build logs in $OUT/)"
