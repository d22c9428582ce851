#!/usr/bin/env bash
# Runs `./mvnw -B verify` N times, each time in a fresh clone of this repository's committed HEAD (or of REF), while a
# CPU hog (one busy process per core) runs beside it, and reports how many runs passed and which tests failed.
# A suite that guards money must pass every run on a loaded machine.
#
# usage: scripts/verify-loop.sh N [REF]
#   N    how many runs (e.g. 5)
#   REF  the commit to test (default HEAD); uncommitted changes are not part of a clone
# env:   VERIFY_LOOP_HOGS   busy processes beside the build (default: the number of cores)
#        VERIFY_LOOP_LOGS   where the logs go (default: target/verify-loop/<time> in this repository)
#        VERIFY_LOOP_CMD    the build command (default: ./mvnw -B verify), e.g. to try the script on one test class
# exit:  0 when every run passed, 1 otherwise, 2 on bad usage
set -euo pipefail

usage() { echo "usage: $0 N [REF]   (N runs of ./mvnw -B verify in fresh clones, beside a CPU hog)" >&2; exit 2; }
[[ $# -ge 1 && $# -le 2 && "$1" =~ ^[1-9][0-9]*$ ]] || usage
RUNS="$1"
REPO="$(git -C "$(dirname "$0")/.." rev-parse --show-toplevel)"
COMMIT="$(git -C "$REPO" rev-parse --verify "${2:-HEAD}^{commit}")" || { echo "unknown REF '${2:-HEAD}'" >&2; exit 2; }
HOGS="${VERIFY_LOOP_HOGS:-$(nproc)}"
CMD="${VERIFY_LOOP_CMD:-./mvnw -B verify}"
LOGS="${VERIFY_LOOP_LOGS:-$REPO/target/verify-loop/$(date +%Y%m%d-%H%M%S)}"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/verify-loop.XXXXXX")"
mkdir -p "$LOGS"

HOG_PIDS=()
BUILD_PID=""
cleanup() {
  [[ -n "$BUILD_PID" ]] && kill -- -"$BUILD_PID" 2>/dev/null || true
  for pid in "${HOG_PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT
trap 'echo "interrupted" >&2; exit 130' INT TERM

echo "verify-loop: $RUNS runs of $CMD at $(git -C "$REPO" log -1 --format='%h %s' "$COMMIT")"
echo "verify-loop: $HOGS busy processes beside the build on $(nproc) cores; logs in $LOGS"
for ((h = 0; h < HOGS; h++)); do
  ( while :; do :; done ) &
  HOG_PIDS+=("$!")
done

passed=0
failed=0
for ((run = 1; run <= RUNS; run++)); do
  clone="$WORK/run-$run"
  git clone -q --no-hardlinks "$REPO" "$clone"
  git -C "$clone" checkout -q --detach "$COMMIT"
  log="$LOGS/run-$run.log"
  started=$(date +%s)
  set +e
  # its own process group, so an interrupt stops Maven and the test JVMs it forked
  setsid bash -c 'cd "$1" && eval "exec $2"' _ "$clone" "$CMD" > "$log" 2>&1 &
  BUILD_PID=$!
  wait "$BUILD_PID"
  status=$?
  BUILD_PID=""
  set -e
  took=$(( $(date +%s) - started ))
  if [[ $status -eq 0 ]]; then
    passed=$((passed + 1))
    totals=$(grep -Eo 'Tests run: [0-9]+, Failures: 0, Errors: 0, Skipped: [0-9]+$' "$log" | tail -1 || true)
    line="run $run: PASS in ${took} s (${totals:-no test totals in the log})"
  else
    failed=$((failed + 1))
    # the failing tests as surefire lists them, e.g. "FaultTest.malformedFramesForTheDuration:83 ..."
    tests=$(grep -E '^\[ERROR\]   [A-Za-z0-9_$.]+[.:][A-Za-z0-9_]+' "$log" | sed -E 's/^\[ERROR\]   //' | cut -c1-160 | sort -u || true)
    [[ -z "$tests" ]] && tests="(no test named; see the log: $(grep -m1 -E 'BUILD FAILURE|ERROR' "$log" | cut -c1-160 || true))"
    line="run $run: FAIL in ${took} s"$'\n'"$(sed 's/^/    /' <<< "$tests")"
    mkdir -p "$LOGS/run-$run-reports"
    cp -r "$clone"/target/surefire-reports/. "$LOGS/run-$run-reports/" 2>/dev/null || true
  fi
  echo "$line"
  rm -rf "$clone"
done

echo
echo "verify-loop: $passed of $RUNS passed, $failed failed (CPU hog: $HOGS busy processes; logs in $LOGS)"
[[ $failed -eq 0 ]]
