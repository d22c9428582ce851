#!/usr/bin/env bash
# The fault run of issue 8 ("Done when"): a standalone sandbox at speed 60 (seed 13), the headless scanner streaming
# against it for 120 s, and from 20 s in, 13 s apart: drop, stall 12 s, malformed 6 s, server_error 6 s,
# rate_limit 6 s, drop, stall 7 s. Then a checker compares every candle the scanner printed with the sandbox's
# /instruments/historical candles (all but the last three buckets) and every signal's EMA and RSI with ta4j on
# that history, and prints: candles checked, wrong, repaired, time to repair, signals checked/wrong.
#
#   scripts/fault-run.sh [--speed X] [--seed S] [--duration S] [--start HH:MM] [--keep DIR]
#
# Exit status 0 when nothing is wrong. Everything the run wrote (sandbox and scanner output, the timestamped JSON
# lines) stays in the output directory it names. The scanner uses this checkout's config/ and data/, as a trader's
# run would (the sandbox's candles go to data/journal-sandbox.db, kept per simulated market).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SPEED=60 SEED=13 DURATION=120 START="" OUT=""
while [[ $# -gt 0 ]]; do
  case "$1" in
    --speed) SPEED="$2"; shift 2 ;;
    --seed) SEED="$2"; shift 2 ;;
    --duration) DURATION="$2"; shift 2 ;;
    --start) START="$2"; shift 2 ;;
    --keep) OUT="$2"; shift 2 ;;
    *) echo "unknown option $1 (use --speed X --seed S --duration S --start HH:MM --keep DIR)" >&2; exit 2 ;;
  esac
done
OUT="${OUT:-$(mktemp -d /tmp/fault-run.XXXXXX)}"
mkdir -p "$OUT"
cd "$ROOT"

echo "building (jar and test classes)..." >&2
./mvnw -q -B -DskipTests package >&2

SANDBOX_PID="" SCAN_PID=""
cleanup() {
  [[ -n "$SCAN_PID" ]] && kill "$SCAN_PID" 2>/dev/null || true
  [[ -n "$SANDBOX_PID" ]] && kill "$SANDBOX_PID" 2>/dev/null || true
  wait 2>/dev/null || true
}
trap cleanup EXIT

SANDBOX_ARGS=(--speed "$SPEED" --seed "$SEED")
[[ -n "$START" ]] && SANDBOX_ARGS+=(--start "$START")
./scanner sandbox "${SANDBOX_ARGS[@]}" >"$OUT/sandbox.out" 2>"$OUT/sandbox.err" &
SANDBOX_PID=$!
for _ in $(seq 1 300); do
  grep -q '^ws=' "$OUT/sandbox.out" 2>/dev/null && break
  kill -0 "$SANDBOX_PID" 2>/dev/null || { echo "the sandbox did not start:" >&2; cat "$OUT/sandbox.err" >&2; exit 1; }
  sleep 0.1
done
REST="$(sed -n 's/^rest=//p' "$OUT/sandbox.out")"
WS="$(sed -n 's/^ws=//p' "$OUT/sandbox.out")"
[[ -n "$REST" && -n "$WS" ]] || { echo "the sandbox printed no URLs" >&2; exit 1; }
echo "sandbox: $REST $WS (speed $SPEED, seed $SEED); output in $OUT" >&2

# every JSON line gets the wall time (epoch millis) it arrived at, for the time-to-repair figures
STAMP='import sys, time
for line in sys.stdin:
    sys.stdout.write("%d %s" % (int(time.time() * 1000), line))
    sys.stdout.flush()'
( KITE_REST_URL="$REST" KITE_WS_URL="$WS" ZERODHA_API_KEY=sandbox ZERODHA_ACCESS_TOKEN=sandbox \
    ./scanner scan --headless --mode stream --json --duration "$DURATION" 2>"$OUT/scan.err" \
    | python3 -u -c "$STAMP" >"$OUT/scan.jsonl" ) &
SCAN_PID=$!

fault() {
  curl -sS -X POST -H 'Content-Type: application/json' -d "{\"kind\":\"$1\",\"seconds\":$2}" "$REST/__sandbox/fault" >/dev/null
  echo "$(date +%T) fault $1 $2 s" >&2
}
sleep 20
FAULTS=(drop:6 stall:12 malformed:6 server_error:6 rate_limit:6 drop:6 stall:7)
for i in "${!FAULTS[@]}"; do
  [[ $i -gt 0 ]] && sleep 13
  fault "${FAULTS[$i]%%:*}" "${FAULTS[$i]##*:}"
done
FAULTS_END_MS=$(( $(date +%s%3N) + 7000 ))
wait "$SCAN_PID" || true
SCAN_PID=""
tail -n 3 "$OUT/scan.err" >&2

CP="target/nifty-scanner.jar:target/test-classes"
for j in target/lib/*.jar; do CP="$CP:$j"; done
set +e
java -cp "$CP" io.niftyscanner.tools.FaultRunCheck --scan "$OUT/scan.jsonl" --rest "$REST" --base "$ROOT" \
  --speed "$SPEED" --faults-end-ms "$FAULTS_END_MS" | tee "$OUT/check.txt"
STATUS=${PIPESTATUS[0]}
echo "command: scripts/fault-run.sh --speed $SPEED --seed $SEED --duration $DURATION${START:+ --start $START} (output in $OUT)"
exit "$STATUS"
