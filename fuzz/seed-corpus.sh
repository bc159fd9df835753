#!/usr/bin/env bash
# Fills fuzz/corpus/<target>/ with seeds from the repository (glossaries,
# test fixtures, examples) and, when ../shared/data sits beside the
# repository, with a few real translation files from it. Files are cut to
# 16 KiB so that libFuzzer's guessed input length stays small.
# Run from the repository root: bash fuzz/seed-corpus.sh
set -eu

data=../shared/data
corpus=fuzz/corpus

seed() { # seed TARGET FILE [PREFIX_BYTE_OCTAL]
    local dir="$corpus/$1" name
    mkdir -p "$dir"
    name=$(printf '%s' "$2" | cksum | cut -d' ' -f1)
    if [ -n "${3:-}" ]; then
        { printf "\\$3"; head -c 16384 "$2"; } >"$dir/seed-$name"
    else
        head -c 16384 "$2" >"$dir/seed-$name"
    fi
}

files() { # files EXT... : repository fixtures, then shared data
    local ext
    for ext in "$@"; do
        find tests/cmd examples fuzz/seeds -name "*.$ext" -type f 2>/dev/null
        if [ -d "$data" ]; then
            find "$data" -name "*.$ext" -type f | sort | head -n 12
        fi
    done
}

{
    echo glossary.yaml
    echo fuzz/data/matcher-glossary.yaml
    find tests/cmd tests/real -name '*.yaml' -type f
    if [ -d "$data" ]; then
        find "$data/prh-rules" "$data/vale-styles" -name '*.yml' -type f | sort | head -n 8
    fi
} | while IFS= read -r f; do seed glossary_load "$f"; done

files md txt en lv sgm | while IFS= read -r f; do
    seed fold "$f"
    seed matcher "$f"
done
files md | while IFS= read -r f; do seed markdown "$f"; done
files html htm md | while IFS= read -r f; do seed html "$f"; done
files xlf xliff tmx tbx sgm | while IFS= read -r f; do seed xliff "$f"; done
files tmx xlf tbx | while IFS= read -r f; do seed tmx "$f"; done
files po pot | while IFS= read -r f; do seed po "$f"; done

# check: the first byte picks the format (low 3 bits: 0 plain, 1 Markdown,
# 2 HTML, 3 XLIFF, 4 PO, 5 TMX) and the language (the other bits).
for spec in "txt:0" "md:1" "html:2" "xlf:3" "po:4" "tmx:5"; do
    lang=0
    files "${spec%%:*}" | while IFS= read -r f; do
        seed check "$f" "$(printf '%03o' $((${spec##*:} | (lang << 3))))"
        lang=$(((lang + 1) % 8))
    done
done

for dir in "$corpus"/*; do
    echo "$(basename "$dir"): $(find "$dir" -type f | wc -l) seeds"
done
