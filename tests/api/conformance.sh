#!/usr/bin/env bash
# The JSON API against its own OpenAPI document: schemathesis (PyPI, in a
# virtual environment of its own) generates requests from
# /api/v1/openapi.json and sends them to a demo site with an editor's
# token. It fails on any 500, any response that does not match its schema,
# any status or content type the document does not list, and any request
# the document allows that the API refuses.
#
#     cargo build && tests/api/conformance.sh
#
#   PAMIR_BIN   the binary (default: target/debug/pamir, or in $CARGO_TARGET_DIR)
#   EXAMPLES    requests generated per operation and phase (default 30)
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/../.."
BIN=${PAMIR_BIN:-${CARGO_TARGET_DIR:-$PWD/target}/debug/pamir}
[ -x "$BIN" ] || { echo "no pamir binary at $BIN: cargo build first" >&2; exit 1; }

# Installed once per machine, into a folder of its own.
VENV=${XDG_CACHE_HOME:-$HOME/.cache}/pamir-tests/schemathesis
if ! "$VENV/bin/schemathesis" --version >/dev/null 2>&1; then
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install --quiet --disable-pip-version-check "schemathesis>=4,<5"
fi
"$VENV/bin/schemathesis" --version

DATA=$(mktemp -d)
SERVER=""
cleanup() {
  [ -n "$SERVER" ] && kill "$SERVER" 2>/dev/null && wait "$SERVER" 2>/dev/null
  rm -rf "$DATA"
}
trap cleanup EXIT

export PAMIR_LOG=warn
unset PAMIR_DATABASE PAMIR_DATA PAMIR_CONFIG PAMIR_LISTEN
"$BIN" user add --email api-conformance@example.org --role editor --data "$DATA" --password-stdin \
  <<< "conformance run password, not a real one" > /dev/null
TOKEN=$("$BIN" token create --email api-conformance@example.org --name conformance --data "$DATA" | sed -n 2p)
PORT=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
"$BIN" serve --demo --listen "127.0.0.1:$PORT" --data "$DATA" > "$DATA/serve.log" 2>&1 &
SERVER=$!
for _ in $(seq 1 120); do
  curl -fsS "http://127.0.0.1:$PORT/healthz" > /dev/null 2>&1 && break
  sleep 0.5
done
curl -fsS "http://127.0.0.1:$PORT/healthz" > /dev/null || { cat "$DATA/serve.log" >&2; exit 1; }

# A fixed seed: the same requests on every run, so a failure can be replayed.
"$VENV/bin/schemathesis" --config-file tests/api/schemathesis.toml run "http://127.0.0.1:$PORT/api/v1/openapi.json" \
  --header "Authorization: Bearer $TOKEN" \
  --checks all \
  --max-examples "${EXAMPLES:-30}" \
  --seed 20261204 \
  --no-color
