#!/usr/bin/env bash
# Load test: seeds N items (default 100,000) into a fresh data folder, starts
# a release build of pamir on it, and measures requests per second with wrk
# on the front page (from the page cache), an item page and a category page.
# Bounded: each wrk run lasts DURATION (default 10s). Loopback only.
#
#   bench/load.sh                      # 100,000 items, 10 s per page
#   N=10000 DURATION=5s bench/load.sh
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

N=${N:-100000}
DURATION=${DURATION:-10s}
CONNECTIONS=${CONNECTIONS:-64}
THREADS=${THREADS:-1}
PORT=${PORT:-18080}
BASE="http://127.0.0.1:$PORT"

command -v wrk >/dev/null || { echo "wrk is needed: apt-get install -y wrk" >&2; exit 1; }
cargo build --release --quiet
BIN=target/release/pamir
DATA=$(mktemp -d)
trap 'kill "$SERVER" 2>/dev/null || true; rm -rf "$DATA"' EXIT

echo "== seeding $N items"
"$BIN" --data "$DATA" seed --articles "$N"

echo "== starting pamir"
PAMIR_LOG=warn "$BIN" --data "$DATA" serve --listen "127.0.0.1:$PORT" &
SERVER=$!
for _ in $(seq 1 100); do curl -fs "$BASE/healthz" >/dev/null && break; sleep 0.1; done
echo "server memory after start: $(ps -o rss= -p "$SERVER") KiB"

run() {
  echo "== $1: $2"
  curl -fs -o /dev/null "$BASE$2"   # fill the page cache
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" -H 'Accept-Encoding: br, gzip' "$BASE$2" | grep -E 'Requests/sec|Latency|Transfer'
}
run "front page (cached)" "/en/"
run "item page (cached)" "/en/op-eds/remittances-keep-families-afloat"
run "category page (cached)" "/en/news/"
echo "server memory after load: $(ps -o rss= -p "$SERVER") KiB"
