#!/usr/bin/env bash
# Imports the real exports in the corpora (WordPress's theme unit test
# export, Joomla 3's four sample sites) into fresh SQLite sites and prints
# what the import's own check found: items imported, text kept (lowest and
# median), blocks the editor shows as Markdown, files brought into the
# media library, references left on the old host, and the time each took.
#
# The corpora carry the exports but not the sites' files, so a stand-in is
# made for every file the exports name (a picture of the right format and
# size, with ImageMagick's `convert`): what is measured is whether every
# reference the real content makes finds its file and is rewritten.
#
#     cargo build --release && bench/import-corpora.sh
#
#   PAMIR_BIN      the binary (default: target/release/pamir)
#   PAMIR_CORPORA  the corpora (default: ../shared/corpora beside the checkout)
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
BIN=${PAMIR_BIN:-target/release/pamir}
CORPORA=${PAMIR_CORPORA:-../shared/corpora}
[ -x "$BIN" ] || { echo "no binary at $BIN: cargo build --release first" >&2; exit 1; }
[ -d "$CORPORA" ] || { echo "no corpora at $CORPORA" >&2; exit 1; }
# ImageMagick's own convert (Debian: apt-get install imagemagick), not
# another program of that name earlier on the PATH.
CONVERT=$(for c in /usr/bin/convert $(type -ap convert); do "$c" -version 2>/dev/null | grep -q ImageMagick && echo "$c" && break; done || true)
[ -n "$CONVERT" ] || { echo "ImageMagick's convert is needed for the stand-in files" >&2; exit 1; }
WORK=$(mktemp -d)
[ -n "${KEEP:-}" ] && echo "work folder: $WORK" || trap 'rm -rf "$WORK"' EXIT

# Every file of the old site an export names, as a path below its files
# folder: WordPress's uploads (on its own host or *.files.wordpress.com),
# Joomla's images/.
files_named() { # KIND FILE
  python3 - "$1" "$2" <<'PY'
import re, sys
kind, path = sys.argv[1], sys.argv[2]
# JSON in SQL escapes the slash once or twice: images\\/a.jpg.
text = re.sub(r"\\+/", "/", open(path, encoding="utf-8", errors="replace").read())
found = set()
ext = r"\.(?:jpe?g|png|gif|webp|pdf|mp3|mp4|mov|docx?|xlsx?|pptx?|odt)"
if kind == "wordpress":
    for url in re.findall(r"https?://[^\s\"'<>()\]]+?" + ext + r"\b", text, re.I):
        host, _, rest = url.split("://", 1)[1].partition("/")
        if "/wp-content/uploads/" in "/" + rest:
            found.add(rest.split("wp-content/uploads/", 1)[1])
        elif host.endswith(".files.wordpress.com"):
            found.add(rest)
else:
    for name in re.findall(r"(?<![\w/])/?(images/[^\s\"'<>()?#\\]+?" + ext + r")\b", text, re.I):
        found.add(name)
for name in sorted(found):
    if ".." not in name:
        print(name)
PY
}

make_stand_ins() { # KIND EXPORT FOLDER
  local count=0
  while IFS= read -r name; do
    local target="$3/$name" size=1200x800
    mkdir -p "$(dirname "$target")"
    [[ $name =~ -([0-9]+)x([0-9]+)\.[A-Za-z]+$ ]] && size="${BASH_REMATCH[1]}x${BASH_REMATCH[2]}"
    case "${name,,}" in
      *.jpg|*.jpeg|*.png|*.gif|*.webp) "$CONVERT" -size "$size" gradient:steelblue-ivory "$target" ;;
      *.pdf) printf '%%PDF-1.4\n%% stand-in\n%%%%EOF\n' > "$target" ;;
      # The first bytes of each format, which the media library checks.
      *.mp3) printf 'ID3\4\0\0\0\0\0\0 stand-in' > "$target" ;;
      *.mp4|*.mov) printf '\0\0\0\030ftypisom\0\0\0\0isommp41 stand-in' > "$target" ;;
      *) printf 'stand-in' > "$target" ;;
    esac
    count=$((count + 1))
  done < <(files_named "$1" "$2")
  echo "$count"
}

report() { # NAME LOG SECONDS
  local log=$2
  printf '\n== %s (%.2f s)\n' "$1" "$3"
  grep -E '^  (post|page|article): added' "$log" || true
  grep -E '^  file: added|^  attachment: added' "$log" || true
  grep -E '^  check: [0-9]+ items compared|^  check: the editor shows|^  check: no page refers' "$log" || true
  echo "  references left on the old host: $(grep -c 'still refers to the old site' "$log" || true)"
}

timed() { # LOG COMMAND...
  local log=$1 start end
  shift
  start=$(date +%s.%N)
  "$@" > "$log" 2>&1
  end=$(date +%s.%N)
  echo "$end - $start" | bc
}

wxr="$CORPORA/wordpress/themeunittestdata.wordpress.xml"
site="$WORK/wordpress"
mkdir -p "$site/uploads"
made=$(make_stand_ins wordpress "$wxr" "$site/uploads")
seconds=$(timed "$site/log" "$BIN" import wxr "$wxr" --files "$site/uploads" --data "$site/data")
report "WordPress theme unit test ($made files named)" "$site/log" "$seconds"

for sample in sample_learn sample_blog sample_brochure sample_data; do
  site="$WORK/$sample"
  mkdir -p "$site/root"
  sed 's/#__/jos_/g' "$CORPORA/joomla3/joomla.sql" "$CORPORA/joomla3/$sample.sql" > "$site/dump.sql"
  made=$(make_stand_ins joomla "$site/dump.sql" "$site/root")
  seconds=$(timed "$site/log" "$BIN" import joomla --sql-dump "$site/dump.sql" --files "$site/root" --data "$site/data")
  report "Joomla 3 $sample ($made files named)" "$site/log" "$seconds"
done
