#!/usr/bin/env bash
# Checks that termlint works as a pre-commit hook, on a throwaway repository:
# a clean German file passes, one with a forbidden name fails with
# termlint's message. Exits non-zero when either expectation fails.
#
#   scripts/pre-commit-check.sh                 # local hook, built binary
#   scripts/pre-commit-check.sh --rust-hook     # also this repository's
#                                               # .pre-commit-hooks.yaml, built
#                                               # by pre-commit with cargo install
#
# The binary is $TERMLINT_BIN, else the newer of target/release/termlint
# and target/debug/termlint (build one first: cargo build). Needs python3 with
# venv and pip, and git. pre-commit is installed into a temporary venv.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)

rust_hook=false
case "${1:-}" in
  --rust-hook) rust_hook=true ;;
  "") ;;
  *) echo "usage: $0 [--rust-hook]" >&2; exit 2 ;;
esac

bin=${TERMLINT_BIN:-}
if [ -z "$bin" ]; then
  for candidate in "$root/target/release/termlint" "$root/target/debug/termlint"; do
    if [ -x "$candidate" ] && { [ -z "$bin" ] || [ "$candidate" -nt "$bin" ]; }; then
      bin=$candidate
    fi
  done
fi
if [ -z "$bin" ] || [ ! -x "$bin" ]; then
  echo "pre-commit check: no termlint binary; run cargo build first" >&2
  exit 2
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# Keep pre-commit's cache of hook environments out of the user's home.
export PRE_COMMIT_HOME="$work/cache"

echo "pre-commit check: installing pre-commit into a temporary venv"
python3 -m venv "$work/venv"
"$work/venv/bin/python" -m pip install --quiet --disable-pip-version-check pre-commit
pre_commit="$work/venv/bin/pre-commit"
"$pre_commit" --version
"$pre_commit" validate-manifest "$root/.pre-commit-hooks.yaml"

repo="$work/repo"
mkdir -p "$repo"
cd "$repo"
git init -q .
cat > glossary.yaml <<'YAML'
version: 1
concepts:
  - id: ministry-of-culture-and-tourism
    terms:
      en: Ministry of Culture and Tourism
      de:
        official: Ministerium für Kultur und Tourismus
        variants:
          - Kultur- und Tourismusministerium
YAML
echo "Das Ministerium für Kultur und Tourismus lädt ein." > good.de.md
echo "Das Kultur- und Tourismusministerium lädt ein." > bad.de.md
git add glossary.yaml good.de.md bad.de.md

failures=0

# Runs `pre-commit run --files FILE` and compares the outcome with EXPECT
# (pass or fail); a failure must show termlint's finding.
expect() {
  local want=$1 file=$2 out status=0
  out=$("$pre_commit" run --config "$config" --files "$file" 2>&1) || status=$?
  printf '%s\n' "$out" | sed 's/^/    /'
  if [ "$want" = pass ] && [ "$status" -ne 0 ]; then
    echo "pre-commit check: FAILED: $file should pass the hook (exit $status)"
    failures=$((failures + 1))
  elif [ "$want" = fail ] && { [ "$status" -eq 0 ] || ! grep -q 'error\[forbidden\]' <<<"$out"; }; then
    echo "pre-commit check: FAILED: $file should fail the hook with termlint's finding (exit $status)"
    failures=$((failures + 1))
  else
    echo "pre-commit check: ok: $file: hook ${want}ed as expected"
  fi
}

# A path with a quote in it would break the entry line; temporary and
# build paths have none.
config="$repo/local.yaml"
cat > "$config" <<YAML
repos:
  - repo: local
    hooks:
      - id: termlint
        name: termlint
        entry: "'$bin' check"
        language: system
        types_or: [markdown, html, plain-text, pofile, xliff]
        pass_filenames: true
YAML
echo "pre-commit check: local hook running $bin"
expect pass good.de.md
expect fail bad.de.md

if $rust_hook; then
  # pre-commit clones the hook repository at a commit, so the hooks file
  # must be committed; a clone of this repository stands in for its URL.
  git clone -q "$root" "$work/termlint-src"
  rev=$(git -C "$work/termlint-src" rev-parse HEAD)
  config="$repo/rust.yaml"
  cat > "$config" <<YAML
repos:
  - repo: $work/termlint-src
    rev: $rev
    hooks:
      - id: termlint
YAML
  echo "pre-commit check: this repository's hook at $rev (cargo install)"
  start=$(date +%s)
  expect pass good.de.md
  echo "pre-commit check: first run, including the build, took $(( $(date +%s) - start ))s"
  expect fail bad.de.md
fi

if [ "$failures" -ne 0 ]; then
  echo "pre-commit check: $failures expectation(s) failed"
  exit 1
fi
echo "pre-commit check: all expectations met"
