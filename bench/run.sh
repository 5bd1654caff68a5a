#!/usr/bin/env bash
# Whole-run figures, each beside a reference measured in the same run:
#   - `security-gate --version` (process start) vs `true` and `dotnet --version`
#   - a scan of the bundled example vs Django's own `django-admin check --deploy` on the same settings (when installed)
#   - discovery over a generated 10,000-file tree (scan with no matching sources) vs `find`
# Uses hyperfine when present (apt-get install hyperfine), otherwise a plain timing loop.
set -euo pipefail
cd "$(dirname "$0")/.."

RUNS=${RUNS:-20}
# Measure what ships in the action image: a self-contained ReadyToRun publish.
dotnet publish src/SecurityGate.Cli -c Release -r linux-x64 --self-contained -p:PublishReadyToRun=true -o bench/out -v q -nologo >/dev/null
GATE="$PWD/bench/out/security-gate"
TREE=$(mktemp -d)
trap 'rm -rf "$TREE"' EXIT

# 10,000 small files in 350 folders, a tenth of them under node_modules (skipped by discovery).
for p in $(seq 0 49); do for m in $(seq 0 6); do mkdir -p "$TREE/pkg$p/mod$m"; done; done
for i in $(seq 0 9999); do
  if (( i % 10 == 0 )); then d="$TREE/node_modules/dep$((i % 13))"; mkdir -p "$d"; else d="$TREE/pkg$((i % 50))/mod$((i % 7))"; fi
  echo "X = 1" > "$d/file$i.txt"
done

mean_ms() {  # mean wall time of a command in milliseconds
  if command -v hyperfine >/dev/null; then
    hyperfine -N --warmup 3 --runs "$RUNS" -i --export-json /tmp/sg-hf.json "$1" >/dev/null 2>&1
    python3 -c 'import json;print(round(json.load(open("/tmp/sg-hf.json"))["results"][0]["mean"]*1000,1))'
  else
    local start end
    for _ in 1 2 3; do bash -c "$1" >/dev/null 2>&1 || true; done
    start=$(date +%s%N)
    for _ in $(seq "$RUNS"); do bash -c "$1" >/dev/null 2>&1 || true; done
    end=$(date +%s%N)
    echo "scale=1; ($end - $start) / 1000000 / $RUNS" | bc
  fi
}

row() { printf '%-55s %9s ms\n' "$1" "$2"; }
ratio() { echo "scale=2; $1 / $2" | bc; }

echo "SecurityGate whole-run figures ($RUNS runs each, warm page cache; $(nproc) cores)"
t_true=$(mean_ms "true");                         row "reference: true" "$t_true"
t_dotnet=$(mean_ms "dotnet --version");           row "reference: dotnet --version" "$t_dotnet"
t_version=$(mean_ms "$GATE --version");           row "security-gate --version (target <= 80)" "$t_version"
t_scan=$(mean_ms "$GATE scan examples/insecure-django"); row "security-gate scan examples/insecure-django (target <= 150)" "$t_scan"
t_find=$(mean_ms "find $TREE -type f");           row "reference: find over the 10,000-file tree" "$t_find"
t_tree=$(mean_ms "$GATE scan $TREE --fail-on never"); row "security-gate scan of the 10,000-file tree (target <= 1000)" "$t_tree"
echo "ratios: --version / dotnet --version = $(ratio "$t_version" "$t_dotnet"); tree scan / find = $(ratio "$t_tree" "$t_find")"

if command -v django-admin >/dev/null; then
  # The same startproject-style settings for both tools (the bundled example needs psycopg2 to import, which is the point).
  t_gate_sp=$(mean_ms "$GATE scan bench/fixtures/startproject --fail-on never")
  t_django=$(mean_ms "env -i PATH=/usr/bin:/bin PYTHONPATH=bench/fixtures/startproject /usr/bin/python3 -m django check --deploy --settings=mysite.settings")
  row "security-gate scan bench/fixtures/startproject" "$t_gate_sp"
  row "reference: django check --deploy, same settings (Django 3.2)" "$t_django"
  echo "ratio: security-gate scan / django check --deploy = $(ratio "$t_gate_sp" "$t_django")"
fi
