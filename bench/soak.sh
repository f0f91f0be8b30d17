#!/usr/bin/env bash
# Soak test: twice a busy country site (200 requests a second of pages,
# search, feeds, media and API, open loop) for ten minutes, while an editor
# saves an item every three seconds; reports p50 and p99 per kind and per
# minute, errors, and the server's resident memory over time. On SQLite, and
# on PostgreSQL with DATABASE=postgres (the local server, user postgres; a
# database of its own, dropped afterwards). Loopback only.
#
#   bench/soak.sh                                   # SQLite, 20,000 items
#   DATABASE=postgres bench/soak.sh
#   N=5000 DURATION=60 RATE=100 bench/soak.sh       # a short run
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

N=${N:-20000}
RATE=${RATE:-200}
DURATION=${DURATION:-600}
PORT=${PORT:-18090}
DATABASE=${DATABASE:-sqlite}
PG=${PG:-postgres://postgres@127.0.0.1:5432}

cargo build --release --quiet
BIN=target/release/pamir
DATA=$(mktemp -d)
SERVER=
NAME=
cleanup() {
  [ -n "$SERVER" ] && kill "$SERVER" 2>/dev/null && wait "$SERVER" 2>/dev/null
  [ -n "$NAME" ] && psql "$PG/postgres" -qc "DROP DATABASE IF EXISTS $NAME" >/dev/null
  rm -rf "$DATA"
}
trap cleanup EXIT

ARGS=(--data "$DATA")
if [ "$DATABASE" = postgres ]; then
  NAME="pamir_soak_$$"
  psql "$PG/postgres" -qc "CREATE DATABASE $NAME" >/dev/null
  ARGS+=(--database "$PG/$NAME")
fi

echo "== $DATABASE: the demo and $N more items"
export PAMIR_LOG=warn
"$BIN" "${ARGS[@]}" seed --articles "$N" | tail -1
"$BIN" "${ARGS[@]}" user add --email soak-editor@example.org --role editor > /dev/null
TOKEN=$("$BIN" "${ARGS[@]}" token create --email soak-editor@example.org | sed -n 2p | tr -d ' ')

"$BIN" "${ARGS[@]}" serve --listen "127.0.0.1:$PORT" > "$DATA/server.log" 2>&1 &
SERVER=$!
for _ in $(seq 1 100); do curl -fs "http://127.0.0.1:$PORT/healthz" > /dev/null && break; sleep 0.2; done

echo "== $RATE requests a second for $DURATION s ($(nproc) cores, load generator on the same machine)"
python3 bench/soak.py --base "http://127.0.0.1:$PORT" --token "$TOKEN" --pid "$SERVER" \
  --rate "$RATE" --seconds "$DURATION"
if grep -q ERROR "$DATA/server.log"; then
  echo "== server errors:"; grep ERROR "$DATA/server.log" | head -5
fi
