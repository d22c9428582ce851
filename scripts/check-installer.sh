#!/usr/bin/env bash
# Builds the Linux installers with jpackage (./mvnw -Pinstaller) and checks them: the .deb's dependencies, menu entry
# and bundled defaults; then the app image starts with a throwaway home folder, opens its window (under Xvfb when
# there is no display) and stays under the memory budget. Takes a few minutes; not part of ./mvnw verify.
# Needs: dpkg-deb; for the start check also xvfb-run (apt-get install xvfb) and xdotool.
set -euo pipefail
cd "$(dirname "$0")/.."
BUDGET_KB=${BUDGET_KB:-256000}

./mvnw -B -q -Pinstaller -DskipTests package
IMG=target/installer/nifty-scanner
DEB=$(ls target/installer/nifty-scanner_*_amd64.deb)
echo "app image: $(du -sh "$IMG" | cut -f1), deb: $(du -h "$DEB" | cut -f1)"
test -x "$IMG/bin/nifty-scanner" || { echo "FAIL: no launcher in $IMG/bin" >&2; exit 1; }
dpkg-deb -I "$DEB" | grep -q "libgtk-3-0" || { echo "FAIL: the .deb does not depend on libgtk-3-0" >&2; exit 1; }
dpkg-deb -c "$DEB" | grep -q "lib/app/defaults/config/scanner.properties" || { echo "FAIL: defaults missing" >&2; exit 1; }
dpkg-deb -c "$DEB" | grep -q "\.desktop" || { echo "FAIL: no menu entry" >&2; exit 1; }
echo "deb: depends on GTK 3, carries the menu entry and the defaults"

if ! command -v xdotool >/dev/null || { [[ -z "${DISPLAY:-}" ]] && ! command -v xvfb-run >/dev/null; }; then
  echo "start check skipped: install xvfb and xdotool to run it"
  exit 0
fi
HOME_DIR=$(mktemp -d)
trap 'rm -rf "$HOME_DIR"' EXIT
run() {
  GDK_GL=disable MALLOC_ARENA_MAX=2 JAVA_TOOL_OPTIONS="-Duser.home=$HOME_DIR" "$IMG/bin/nifty-scanner" >"$HOME_DIR/out.log" 2>&1 &
  local pid=$! start=$SECONDS
  if ! timeout 60 xdotool search --sync --onlyvisible --name "NIFTY Scanner" >/dev/null; then
    kill "$pid"; echo "FAIL: no window within 60 s" >&2; cat "$HOME_DIR/out.log" >&2; return 1
  fi
  echo "window after $((SECONDS - start)) s"
  sleep 30
  local rss
  rss=$(awk '/VmRSS/ {print $2}' "/proc/$pid/status")
  kill "$pid"; wait "$pid" || true
  echo "resident after 30 s: $((rss / 1024)) MB"
  test -f "$HOME_DIR/.nifty-scanner/config/scanner.properties" || { echo "FAIL: ~/.nifty-scanner not seeded" >&2; return 1; }
  test "$rss" -lt "$BUDGET_KB" || { echo "FAIL: over the memory budget" >&2; return 1; }
}
export -f run
export IMG HOME_DIR BUDGET_KB
if [[ -n "${DISPLAY:-}" ]]; then run; else xvfb-run -a -s "-screen 0 1400x900x24" bash -c run; fi
echo "OK"
