#!/usr/bin/env bash
# Resident memory of the app after a stretch of streaming the NIFTY 50 (issue 12, item 4): starts the app the way a
# trader does (./scanner, so with the launcher's JVM options; or ./mvnw javafx:run), in a scratch copy of config/ and
# instrument_tokens.json so its journal and logs stay out of this checkout's data/, samples VmRSS every 5 s and prints
# the last sample before it stops the app, and the peak.
#
#   scripts/rss-run.sh headless|window|fxrun [--seconds N] [--external] [--opts "JVM OPTIONS"] [--out DIR]
#
#   headless   ./scanner scan --headless --mode stream --duration N
#   window     ./scanner (the desktop app) on a virtual display (Xvfb), closed after N seconds
#   fxrun      ./mvnw javafx:run on a virtual display, closed after N seconds
#   --seconds  how long to stream (default 600: the 10 minutes of the issue)
#   --external the sandbox exchange runs in its own process and the app connects to it as to Kite (api key and
#              token "sandbox"), so the app's memory is the app's alone; default: the embedded sandbox, as a new user
#              runs it (its simulated market then lives in the app's JVM)
#   --opts     JVM options added after the launcher's (SCANNER_JAVA_OPTS), e.g. to try a collector
#   --out      where the samples (rss.csv), the app's output and the final screenshot go (default: a new /tmp dir)
#
# The simulated session starts at 09:20 IST (sandbox.start), so a run streams at any hour. Needs Xvfb and libgtk-3-0
# for the window modes (apt-get install xvfb libgtk-3-0 imagemagick).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
MODE="${1:-}"; shift || true
SECONDS_TO_RUN=600 EXTERNAL=0 OPTS="" OUT=""
while [[ $# -gt 0 ]]; do
  case "$1" in
    --seconds) SECONDS_TO_RUN="$2"; shift 2 ;;
    --external) EXTERNAL=1; shift ;;
    --opts) OPTS="$2"; shift 2 ;;
    --out) OUT="$2"; shift 2 ;;
    *) echo "unknown option $1 (use --seconds N --external --opts \"...\" --out DIR)" >&2; exit 2 ;;
  esac
done
case "$MODE" in headless|window|fxrun) ;; *) echo "usage: scripts/rss-run.sh headless|window|fxrun [--seconds N] [--external] [--opts \"...\"] [--out DIR]" >&2; exit 2 ;; esac
OUT="${OUT:-$(mktemp -d /tmp/rss-run.XXXXXX)}"
mkdir -p "$OUT"
RUN="$OUT/workdir"
mkdir -p "$RUN"
cp -r "$ROOT/config" "$RUN/"
cp "$ROOT/instrument_tokens.json" "$RUN/"
sed -i 's/^sandbox.start *=.*/sandbox.start = 09:20/' "$RUN/config/scanner.properties"

(cd "$ROOT" && ./mvnw -q -B -DskipTests package >&2)

PIDS=()
cleanup() {
  for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
}
trap cleanup EXIT

ENV=(SCANNER_WORKDIR="$RUN" SCANNER_JAVA_OPTS="${SCANNER_JAVA_OPTS:-} $OPTS")
if [[ "$EXTERNAL" == 1 ]]; then
  SCANNER_WORKDIR="$RUN" "$ROOT/scanner" sandbox --rest-port 0 --ws-port 0 --start 09:20 > "$OUT/sandbox.out" 2> "$OUT/sandbox.err" &
  PIDS+=($!)
  for _ in $(seq 1 120); do grep -q '^ws=' "$OUT/sandbox.out" 2>/dev/null && break; sleep 0.5; done
  REST="$(sed -n 's/^rest=//p' "$OUT/sandbox.out")"; WS="$(sed -n 's/^ws=//p' "$OUT/sandbox.out")"
  [[ -n "$WS" ]] || { echo "the sandbox did not start: $(cat "$OUT/sandbox.err")" >&2; exit 1; }
  ENV+=(KITE_REST_URL="$REST" KITE_WS_URL="$WS" ZERODHA_API_KEY=sandbox ZERODHA_ACCESS_TOKEN=sandbox)
fi

if [[ "$MODE" != headless ]]; then
  DISPLAY_NUMBER=$((90 + RANDOM % 400))
  Xvfb ":$DISPLAY_NUMBER" -screen 0 1280x800x24 -nolisten tcp > "$OUT/xvfb.log" 2>&1 &
  PIDS+=($!)
  ENV+=(DISPLAY=":$DISPLAY_NUMBER")
  sleep 1
fi

case "$MODE" in
  headless) env "${ENV[@]}" "$ROOT/scanner" scan --headless --mode stream --duration "$SECONDS_TO_RUN" > "$OUT/app.out" 2> "$OUT/app.err" & ;;
  window) env "${ENV[@]}" "$ROOT/scanner" > "$OUT/app.out" 2> "$OUT/app.err" & ;;
  fxrun) (cd "$RUN" && env "${ENV[@]}" "$ROOT/mvnw" -q -f "$ROOT/pom.xml" javafx:run > "$OUT/app.out" 2> "$OUT/app.err") & ;;
esac
LAUNCHED=$!
PIDS+=("$LAUNCHED")

# the JVM: the launcher execs java (same pid); javafx:run forks it below Maven
java_pid() {
  if [[ "$MODE" != fxrun ]]; then echo "$LAUNCHED"; return; fi
  local queue=("$LAUNCHED") p c
  while [[ ${#queue[@]} -gt 0 ]]; do
    p="${queue[0]}"; queue=("${queue[@]:1}")
    if tr '\0' ' ' < "/proc/$p/cmdline" 2>/dev/null | grep -q 'io.niftyscanner.ui.ScannerApp'; then echo "$p"; return; fi
    for c in $(ps -o pid= --ppid "$p" 2>/dev/null); do queue+=("$c"); done
  done
}
JPID=""
for _ in $(seq 1 240); do JPID="$(java_pid)"; [[ -n "$JPID" ]] && break; sleep 0.5; done
[[ -n "$JPID" ]] || { echo "the app's JVM did not start: $(tail -5 "$OUT/app.err")" >&2; exit 1; }

echo "seconds,rss_mb" > "$OUT/rss.csv"
START=$(date +%s)
LAST=0 PEAK=0
while kill -0 "$JPID" 2>/dev/null; do
  NOW=$(( $(date +%s) - START ))
  KB=$(awk '/^VmRSS:/ {print $2}' "/proc/$JPID/status" 2>/dev/null || echo "")
  if [[ -n "$KB" ]]; then
    LAST=$((KB / 1024)); (( LAST > PEAK )) && PEAK=$LAST
    echo "$NOW,$LAST" >> "$OUT/rss.csv"
  fi
  if [[ "$MODE" != headless && $NOW -ge $SECONDS_TO_RUN ]]; then
    DISPLAY=":$DISPLAY_NUMBER" import -window root "$OUT/screen.png" 2>/dev/null || true
    kill "$JPID" 2>/dev/null || true
    break
  fi
  # headless: stop sampling just before --duration ends the run, so the last sample is the app still streaming
  if [[ "$MODE" == headless && $NOW -ge $((SECONDS_TO_RUN - 2)) ]]; then break; fi
  sleep 5
done
wait "$LAUNCHED" 2>/dev/null || true
grep -v '^\s*$' "$OUT/app.err" | tail -2 >&2 || true
echo "mode=$MODE external=$EXTERNAL seconds=$SECONDS_TO_RUN rss_mb=$LAST peak_rss_mb=$PEAK opts='${SCANNER_JAVA_OPTS:-} $OPTS' out=$OUT"
