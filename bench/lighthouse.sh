#!/usr/bin/env bash
# Lighthouse (mobile) on the demo's page types: the front page, an article,
# an event, a photo story and a category page. Starts a release build of
# the demo on a free port, runs Lighthouse in the system's Chromium (no
# browser is downloaded) and prints the four category scores per page.
#
#   bench/lighthouse.sh            # needs cargo, node/npm and /usr/bin/chromium
#   CHROMIUM=/path/to/chromium bench/lighthouse.sh
set -euo pipefail
cd "$(dirname "$0")/.."
CHROMIUM=${CHROMIUM:-/usr/bin/chromium}
work=$(mktemp -d)
trap 'kill "${server:-}" 2>/dev/null || true; rm -rf "$work"' EXIT

npm install --prefix "$work/lh" --no-audit --no-fund --silent lighthouse@12 >/dev/null
cargo build --release --quiet
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
target/release/pamir serve --demo --data "$work/data" --listen "127.0.0.1:$port" >"$work/server.log" 2>&1 &
server=$!
for _ in $(seq 100); do curl -fs "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break; sleep 0.2; done

for path in /en/ /en/op-eds/remittances-keep-families-afloat /en/events/roads-and-roots-film-festival-2026 \
  /en/photo-stories/my-road-home-exhibition /en/news/; do
  report="$work/report.json"
  CHROME_PATH=$CHROMIUM "$work/lh/node_modules/.bin/lighthouse" "http://127.0.0.1:$port$path" --quiet \
    --form-factor=mobile --output=json --output-path="$report" \
    --chrome-flags="--headless=new --no-sandbox --disable-gpu --disable-background-networking" >/dev/null
  node -e 'const r = require(process.argv[1]); console.log(process.argv[2].padEnd(48), Object.values(r.categories).map((c) => `${c.id} ${Math.round(c.score * 100)}`).join("  "))' "$report" "$path"
done
