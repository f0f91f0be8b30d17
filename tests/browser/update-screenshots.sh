#!/usr/bin/env bash
# Takes the theme's screenshots again and writes them over the baselines in
# tests/browser/screenshots/, when the look has changed on purpose. Review
# the new pictures (git diff shows them) before committing them.
set -euo pipefail
cd "$(dirname "$0")"
UPDATE_SCREENSHOTS=1 node --test --test-reporter=spec screenshots.test.mjs
UPDATE_SCREENSHOTS=1 node --test --test-reporter=spec --test-name-pattern='looks as it did' editor.test.mjs
rm -f screenshots/*.diff.png
