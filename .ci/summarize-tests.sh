#!/usr/bin/env bash
# Reads `dotnet test` output on stdin and prints one line "N passed, N failed[, N skipped]" summed over all test
# projects. Understands the VSTest summary ("Passed!  - Failed: 0, Passed: 78, Skipped: 0, Total: 78, ...").
# Exits 1 when no summary line was found (a run that executed no test is not a pass).
awk '
  /(Passed|Failed)!  *- *Failed: *[0-9]+, *Passed: *[0-9]+/ {
    line = $0
    gsub(/,/, " ", line)
    n = split(line, w, /[ \t]+/)
    for (i = 1; i < n; i++) {
      if (w[i] == "Failed:")  failed  += w[i + 1]
      if (w[i] == "Passed:")  passed  += w[i + 1]
      if (w[i] == "Skipped:") skipped += w[i + 1]
    }
    found = 1
  }
  END {
    if (!found) { print "0 passed, 0 failed"; exit 1 }
    if (skipped > 0) printf "%d passed, %d failed, %d skipped\n", passed, failed, skipped
    else printf "%d passed, %d failed\n", passed, failed
  }'
