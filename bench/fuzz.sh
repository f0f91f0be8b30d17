#!/usr/bin/env bash
# Fuzzes pamir's parsers with libFuzzer (cargo-fuzz, on nightly Rust, which
# this script installs for itself; the main build stays on stable):
#
#   render        the Markdown renderer with the sanitiser, and slugs
#   wxr           the WordPress export reader (and the Markdown conversion)
#   joomla_dump   the Joomla mysqldump reader
#   old_address   the old-address normaliser
#   search_query  the search analysers and query parser, in en, ru and tg
#
# Each target starts from a seed corpus made of the repository's fixtures
# (and the corpora beside the checkout, when they are there) and runs for
# MINUTES (default 10). A crash is kept in fuzz/artifacts/TARGET/; fix it
# and keep the input as a regression test.
#
#     bench/fuzz.sh [TARGET ...]
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
MINUTES=${MINUTES:-10}
CORPORA=${PAMIR_CORPORA:-../shared/corpora}
TARGETS=("$@")
[ ${#TARGETS[@]} -gt 0 ] || TARGETS=(render wxr joomla_dump old_address search_query)

rustup toolchain list | grep -q '^nightly' || rustup toolchain install nightly --profile minimal
command -v cargo-fuzz > /dev/null || cargo install cargo-fuzz --locked

seed() { # TARGET: its seed corpus from the fixtures
  local dir="fuzz/corpus/$1"
  mkdir -p "$dir"
  case "$1" in
    render)
      # Every CommonMark example of the repository's fixture (and of the spec, when here).
      python3 - "$dir" crates/pamir-content/tests/fixtures/commonmark_essentials.json "$CORPORA/commonmark/spec.json" <<'PY'
import json, os, sys
out = sys.argv[1]
for source in sys.argv[2:]:
    if not os.path.exists(source):
        continue
    for n, example in enumerate(json.load(open(source, encoding="utf-8"))):
        with open(os.path.join(out, f"{os.path.basename(source)}-{n}.md"), "w", encoding="utf-8") as f:
            f.write(example["markdown"])
PY
      printf '# Title\n\n<p onclick="x">hi</p> [a](javascript:alert(1))\n\n| a | b |\n|---|---|\n| 1 | 2 |\n' > "$dir/hostile.md"
      ;;
    wxr)
      [ -f "$CORPORA/wordpress/themeunittestdata.wordpress.xml" ] &&
        cp "$CORPORA/wordpress/themeunittestdata.wordpress.xml" "$dir/theme-unit-test.xml"
      printf '<?xml version="1.0"?><rss xmlns:wp="http://wordpress.org/export/1.2/"><channel><item><title>x</title><wp:post_id>1</wp:post_id></item></channel></rss>' > "$dir/small.xml"
      ;;
    joomla_dump)
      cp crates/pamir-import/tests/fixtures/*.sql "$dir/"
      ;;
    old_address)
      printf '/index.php?option=com_content&view=article&id=24:joomla&catid=19&Itemid=435' > "$dir/joomla"
      printf '/%%D0%%BD%%D0%%BE%%D0%%B2%%D0%%BE%%D1%%81%%D1%%82%%D1%%8C/?utm_source=x&p=16' > "$dir/cyrillic"
      ;;
    search_query)
      printf 'water "safe migration" -roads' > "$dir/en"
      printf 'мигранты Душанбе' > "$dir/ru"
      printf 'муҳоҷирон Душанбе' > "$dir/tg"
      ;;
  esac
}

for target in "${TARGETS[@]}"; do
  seed "$target"
  echo "== $target: $MINUTES minutes"
  (cd fuzz && cargo +nightly fuzz run "$target" "corpus/$target" -- \
    -max_total_time=$((MINUTES * 60)) -max_len=65536 -print_final_stats=1) 2>&1 |
    grep -E '^(#[0-9]+.*DONE|stat::number_of_executed_units|stat::peak_rss_mb|==[0-9]+==|SUMMARY|.*panicked)' || true
  if compgen -G "fuzz/artifacts/$target/*" > /dev/null; then
    echo "!! $target found inputs that fail: fuzz/artifacts/$target/"
  fi
done
