#!/usr/bin/env bash
# Takes docs/screenshot.png from the real window under Xvfb: the app on its sandbox exchange at 60x market speed
# (so signals appear within a minute), the first signal selected so the chart and the "why" view show it.
# Needs: apt-get install xvfb imagemagick xdotool libgtk-3-0
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
OUT="${1:-$ROOT/docs/screenshot.png}"
WAIT="${WAIT:-45}"
(cd "$ROOT" && ./mvnw -B -q -DskipTests package)
WORK=$(mktemp -d)
trap 'kill "${APP:-}" "${XVFB:-}" 2>/dev/null || true; rm -rf "$WORK"' EXIT
cp -r "$ROOT/scanner" "$ROOT/target" "$ROOT/config" "$ROOT/instrument_tokens.json" "$WORK/"
sed -i 's/^sandbox.speed = .*/sandbox.speed = 60/' "$WORK/config/scanner.properties"
mkdir -p "$WORK/data"
printf 'window.width=1400\nwindow.height=900\nwindow.x=0\nwindow.y=0\n' > "$WORK/data/window.properties"
DISPLAY_NUM=${DISPLAY_NUM:-97}
Xvfb ":$DISPLAY_NUM" -screen 0 1400x900x24 -nolisten tcp & XVFB=$!
export DISPLAY=":$DISPLAY_NUM"
sleep 1
"$WORK/scanner" >"$WORK/app.log" 2>&1 & APP=$!
WID=$(timeout 60 xdotool search --sync --onlyvisible --name "NIFTY Scanner" | head -1)
sleep "$WAIT"
# the first line of the signals table (the layout's default splits at 1400x900)
xdotool mousemove --window "$WID" 420 626 click 1
sleep 1
xdotool mousemove --window "$WID" 420 626 click --repeat 2 1
sleep 3
mkdir -p "$(dirname "$OUT")"
import -window root "$OUT"
identify "$OUT"
