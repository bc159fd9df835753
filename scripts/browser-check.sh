#!/usr/bin/env bash
# Opens termlint's HTML review pages in headless Chromium and checks what
# the browser made of them: one highlight per finding of the same check in
# JSON, every finding link points at a highlight, the filters are there.
# Checks the seed article (../shared/seed, else the forum example) and the
# bilingual forum example. Prints one line; exits 1 on any mismatch.
#
# Usage: scripts/browser-check.sh [--update-screenshot]
#   --update-screenshot  copy the seed page's screenshot to
#                        docs/report-screenshot.png
# TERMLINT_BIN names the binary (default target/debug/termlint, built
# when missing).
set -euo pipefail
cd "$(dirname "$0")/.."

update=false
if [[ "${1:-}" == "--update-screenshot" ]]; then
  update=true
fi

if [[ ! -x /usr/bin/chromium ]]; then
  echo "installing chromium from the Debian packages" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null
  apt-get install -y -qq chromium >/dev/null
fi

bin=${TERMLINT_BIN:-target/debug/termlint}
if [[ ! -x "$bin" ]]; then
  cargo build --locked --quiet
  bin=target/debug/termlint
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Headless, offline, with a new empty profile for every run.
browse() {
  local profile
  profile=$(mktemp -d "$work/profile.XXXXXX")
  timeout 180 /usr/bin/chromium --headless --no-sandbox --disable-gpu \
    --disable-quic --no-first-run --disable-background-networking \
    --disable-component-update --disable-sync --user-data-dir="$profile" \
    "$@" 2>>"$work/chromium.log"
}

# render NAME CHECK-ARGS...: the page, its JSON twin, a screenshot and the
# DOM after the page's script ran.
render() {
  local name=$1
  shift
  local page=0 json=0
  # Exit 1 only says there are findings.
  "$bin" check "$@" --format html -o "$work/$name.html" || page=$?
  "$bin" check "$@" --format json >"$work/$name.json" || json=$?
  if ((page > 1 || json > 1)); then
    echo "browser check FAILED: termlint could not check $name (exit $page/$json)"
    exit 1
  fi
  browse --screenshot="$work/$name.png" --window-size=1400,1800 "file://$work/$name.html" >/dev/null
  browse --dump-dom "file://$work/$name.html" >"$work/$name.dom.html"
  if [[ ! -s "$work/$name.png" || ! -s "$work/$name.dom.html" ]]; then
    echo "browser check FAILED: chromium rendered nothing for $name"
    tail -n 5 "$work/chromium.log" >&2 || true
    exit 1
  fi
}

seed=../shared/seed/000_52832147d2d49dcb.txt
if [[ -f "$seed" ]]; then
  render seed -g glossary.yaml --lang de "$seed"
else
  render seed -g glossary.yaml examples/forum.de.md --source examples/forum.zh.md
fi
render bilingual -g glossary.yaml examples/forum.de.md --source examples/forum.zh.md

if $update; then
  cp "$work/seed.png" docs/report-screenshot.png
fi

python3 scripts/dom-check.py \
  seed "$work/seed.dom.html" "$work/seed.json" \
  bilingual "$work/bilingual.dom.html" "$work/bilingual.json"
