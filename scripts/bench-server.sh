#!/usr/bin/env bash
# Speed of `calque serve` on this machine, over loopback only: latency of a ~300-word story (the
# bundled example, 332 words) through LanguageTool's API and Calque's, throughput at 1, 2 and 8
# concurrent clients, and a cold CLI check of the same story for comparison. Prints markdown.
#   ./scripts/bench-server.sh [REQUESTS]     (default 60 timed requests per figure; loops are bounded)
# Builds the jar first if it is missing. Needs curl.
set -euo pipefail
here="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
cd "$here"
n="${1:-60}"
story=src/test/resources/articles/000_5323ff96fa5a9330.txt
command -v curl >/dev/null || { echo "bench-server: curl not found" >&2; exit 2; }
[ -f target/calque.jar ] || mvn -q -o -DskipTests -Dcalque.skipArchive=true package
work="$(mktemp -d)"
server_pid=""
cleanup() { if [ -n "$server_pid" ]; then kill -TERM "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi; rm -rf "$work"; }
trap cleanup EXIT

./calque serve --port 0 2> "$work/server.log" &
server_pid=$!
base=""
for _ in $(seq 1 240); do   # at most 120 s for LanguageTool's start-up and the warm-up
  base="$(grep -o 'on http://[^ ;]*/' "$work/server.log" | head -1 | sed 's/^on //' || true)"
  [ -n "$base" ] && break
  kill -0 "$server_pid" 2>/dev/null || { cat "$work/server.log" >&2; exit 2; }
  sleep 0.5
done
[ -n "$base" ] || { echo "bench-server: the server did not start" >&2; exit 2; }
python3 -c 'import json,sys; print(json.dumps({"text": open(sys.argv[1], encoding="utf-8").read()}))' "$story" > "$work/api.json"

v2() { curl -s -o /dev/null -w '%{http_code} %{time_total}\n' --data-urlencode "text@$story" -d language=en-US "${base}v2/check"; }
api() { curl -s -o /dev/null -w '%{http_code} %{time_total}\n' -H 'Content-Type: application/json' --data-binary "@$work/api.json" "${base}api/check"; }
export -f v2 api; export story base work

for _ in $(seq 1 10); do v2 > /dev/null; done   # the JIT's first pass over the rules

stats() { # file of "code seconds" lines -> "median p95 (ms), non-200 count"
  awk '$1 != 200 {bad++} {print $2 * 1000}' "$1" | sort -n | awk -v bad="$(awk '$1 != 200' "$1" | wc -l)" '
    {v[NR]=$1} END {m = (NR % 2) ? v[(NR+1)/2] : (v[NR/2] + v[NR/2+1]) / 2; p = v[int(NR * 0.95 + 0.999)];
    printf "%.0f | %.0f | %d\n", m, p, bad}'
}

echo "| measure (${n} requests, 332-word story) | median ms | p95 ms | non-200 |"
echo "| --- | ---: | ---: | ---: |"
for _ in $(seq 1 "$n"); do v2; done > "$work/v2.txt"
echo "| POST /v2/check, one client | $(stats "$work/v2.txt") |"
for _ in $(seq 1 "$n"); do api; done > "$work/api.txt"
echo "| POST /api/check, one client | $(stats "$work/api.txt") |"
echo
echo "| concurrent clients | requests | wall s | requests/s | words/s | median ms | p95 ms | non-200 |"
echo "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
for c in 1 2 8; do
  start=$(date +%s.%N)
  seq 1 "$n" | xargs -P "$c" -I{} bash -c v2 > "$work/c$c.txt"
  wall=$(echo "$(date +%s.%N) - $start" | bc -l)
  read -r med p95 bad <<< "$(stats "$work/c$c.txt" | tr -d '|')"
  printf "| %d | %d | %.1f | %.1f | %.0f | %s | %s | %s |\n" "$c" "$n" "$wall" "$(echo "$n / $wall" | bc -l)" \
    "$(echo "$n * 332 / $wall" | bc -l)" "$med" "$p95" "$bad"
done
echo
kill -TERM "$server_pid"; wait "$server_pid" 2>/dev/null || true; server_pid=""
cold=()
for _ in 1 2 3; do
  s=$(date +%s.%N); ./calque check -q --no-report -f json "$story" > /dev/null || [ $? -eq 1 ]
  cold+=("$(echo "($(date +%s.%N) - $s) * 1000" | bc -l)")
done
printf "Cold CLI check of the same story (\`calque check -q --no-report -f json\`, median of 3): %.0f ms\n" \
  "$(printf '%s\n' "${cold[@]}" | sort -n | sed -n 2p)"
echo "Machine: $(nproc) cores; $(date -u +%Y-%m-%d); commit $(git rev-parse --short HEAD)"
