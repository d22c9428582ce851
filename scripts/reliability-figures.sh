#!/usr/bin/env bash
# Prints the newest figures of each reliability test (fault soak, fuzzers, crash and resource tests) that the last
# ./mvnw verify wrote to target/reliability/figures.jsonl, one JSON object a line. docs/RELIABILITY.md quotes them.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
FILE="$ROOT/target/reliability/figures.jsonl"
[[ -f "$FILE" ]] || { echo "no figures yet: run ./mvnw -B verify first ($FILE is missing)" >&2; exit 1; }
python3 - "$FILE" <<'PY'
import json, sys
newest = {}
for line in open(sys.argv[1], encoding="utf-8"):
    line = line.strip()
    if not line:
        continue
    try:
        o = json.loads(line)
    except ValueError:
        continue
    newest[o.get("test", "?")] = o
for test in sorted(newest):
    o = newest[test]
    rest = {k: v for k, v in o.items() if k not in ("test", "at")}
    print("%s  (%s)" % (test, o.get("at", "")))
    print("    " + json.dumps(rest, sort_keys=False))
PY
