#!/usr/bin/env bash
# End-to-end benchmark: termlint against grep -F -f, ripgrep -F -f,
# pyahocorasick with word boundaries, and textlint + textlint-rule-prh, on
# generated glossaries and corpora (examples/gen-corpus.rs), in one run.
#
#   scripts/bench.sh                     # full run (about 10 minutes on a quiet 2-core machine)
#   scripts/bench.sh --quick             # small sizes, a smoke run
#   scripts/bench.sh --scenario 10k-10mb # one scenario (repeatable): <N>[k]-<M>mb
#   scripts/bench.sh --no-peers          # termlint only (for profiling)
#   scripts/bench.sh --runs 5            # runs per measurement (median; default 3)
#
# Prints a Markdown report on stdout (progress on stderr). Every time is the
# wall time from process start to exit, glossary loading included; MB is
# 10^6 bytes of corpus. termlint runs as
#   termlint check -g G --format json --fail-on never DIR
# and, where it has --no-cache, once more per run with it ("cold"). The
# largest glossary's matching throughput is measured again on 10× the text,
# beside the floor under it: examples/bench-floor.rs times the building
# blocks alone (reading, Markdown, one automaton of the forms).
#
# Generated data is kept in ${TERMLINT_BENCH_CACHE:-$XDG_CACHE_HOME/termlint-bench}
# (default ~/.cache/termlint-bench), keyed by the generator's source and the
# seed (SEED, default 1); the peers are installed there too: textlint with
# npm, pyahocorasick in a venv. ripgrep and GNU time come from apt-get when
# missing (as root). TERMLINT_BIN picks another termlint binary.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)

quick=false
peers=true
runs=3
only=()
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) quick=true ;;
    --no-peers) peers=false ;;
    --runs) runs=$2; shift ;;
    --scenario) only+=("$2"); shift ;;
    -h | --help) sed -n '2,25p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "bench: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
  shift
done

seed=${SEED:-1}
cache=${TERMLINT_BENCH_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/termlint-bench}
mkdir -p "$cache"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

log() { echo "bench: $*" >&2; }

# Scenarios: the main table's rows, then which of them the target rows use.
if $quick; then
  scenarios=(1k-0.3mb 1k-3mb 10k-1mb 30k-1mb)
  big=30k-1mb       # (b): the largest glossary
  big_long=30k-10mb # (b): its matching throughput, on 10× the text
  large_text=1k-3mb # (a): the largest corpus
  lin_small=1k-0.3mb
  lin_big=1k-3mb
else
  scenarios=(1k-1mb 1k-10mb 10k-10mb 100k-10mb 1k-100mb)
  big=100k-10mb
  # grep's matching of 10 MB drowns in the noise of its 4 s load: the
  # throughput is measured again on 10× the text.
  big_long=100k-100mb
  large_text=1k-100mb
  # Linearity and threads on the largest corpora: runs of a few hundredths
  # of a second are mostly noise on a shared machine.
  lin_small=1k-10mb
  lin_big=1k-100mb
fi
threads_on=$lin_big
textlint_max_mb=1 # textlint-prh is very slow: only on corpora this small
if [ ${#only[@]} -gt 0 ]; then
  scenarios=("${only[@]}")
fi

load_before=$(cut -d' ' -f1-3 /proc/loadavg)

# --- tools ---------------------------------------------------------------

apt_install() {
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    log "installing $1 with apt-get"
    apt-get install -y "$1" >"$work/apt.log" 2>&1 ||
      { apt-get update >/dev/null 2>&1 && apt-get install -y "$1" >"$work/apt.log" 2>&1; } ||
      log "apt-get install $1 failed: $(tail -n 1 "$work/apt.log")"
  fi
}

[ -x /usr/bin/time ] || apt_install time
if [ ! -x /usr/bin/time ]; then
  echo "bench: GNU time (/usr/bin/time) is required for peak memory" >&2
  exit 2
fi

rg_bin="" aho_py="" textlint_js=""
setup_peers() {
  command -v rg >/dev/null || apt_install ripgrep
  rg_bin=$(command -v rg || true)
  [ -n "$rg_bin" ] || log "ripgrep missing: its column stays empty"

  local venv=$cache/venv
  if [ ! -x "$venv/bin/python" ] || ! "$venv/bin/python" -c 'import ahocorasick' 2>/dev/null; then
    log "installing pyahocorasick into $venv"
    { python3 -m venv "$venv" && "$venv/bin/pip" install --quiet pyahocorasick; } >"$work/pip.log" 2>&1 ||
      log "pyahocorasick install failed: $(tail -n 1 "$work/pip.log")"
  fi
  "$venv/bin/python" -c 'import ahocorasick' 2>/dev/null && aho_py=$venv/bin/python

  local node=$cache/node
  if [ ! -f "$node/node_modules/textlint/bin/textlint.js" ] ||
    [ ! -d "$node/node_modules/textlint-rule-prh" ]; then
    log "installing textlint and textlint-rule-prh into $node"
    mkdir -p "$node"
    npm install --prefix "$node" --no-audit --no-fund --silent \
      textlint@15 textlint-rule-prh@6 >"$work/npm.log" 2>&1 ||
      log "textlint install failed: $(tail -n 1 "$work/npm.log")"
  fi
  [ -f "$node/node_modules/textlint/bin/textlint.js" ] &&
    textlint_js=$node/node_modules/textlint/bin/textlint.js
}
if $peers; then setup_peers; fi

log "building termlint (release)"
(cd "$root" && cargo build --release --quiet --bin termlint --example gen-corpus --example bench-floor)
bin=${TERMLINT_BIN:-$root/target/release/termlint}
gen=$root/target/release/examples/gen-corpus
floor_bin=$root/target/release/examples/bench-floor
has_cache=false
if "$bin" check --help | grep -q -- '--no-cache'; then has_cache=true; fi

# --- data ----------------------------------------------------------------

genkey=$(cat "$root/examples/gen-corpus.rs" "$root"/examples/synth/*.rs | sha256sum | cut -c1-10)
data=$cache/data-$genkey
mkdir -p "$data"

# concepts_of 10k-1mb -> 10000; megabytes_of 10k-1mb -> 1
concepts_of() {
  local n=${1%%-*}
  case "$n" in *k) echo $((${n%k} * 1000)) ;; *) echo "$n" ;; esac
}
megabytes_of() { local m=${1#*-}; echo "${m%mb}"; }
check_name() {
  [[ "$1" =~ ^[0-9]+k?-[0-9]+(\.[0-9]+)?mb$ ]] ||
    { echo "bench: scenario '$1' is not <N>[k]-<M>mb (e.g. 10k-10mb)" >&2; exit 2; }
}

# glossary_dir N: glossary.yaml, forms.txt, prh.yml for N concepts.
glossary_dir() {
  local dir=$data/g$1-s$seed
  if [ ! -f "$dir/glossary.yaml" ]; then
    log "generating glossary of $1 concepts"
    rm -rf "$dir.tmp" && mkdir -p "$dir.tmp"
    "$gen" glossary --concepts "$1" --seed "$seed" -o "$dir.tmp/glossary.yaml" \
      --forms "$dir.tmp/forms.txt" --prh "$dir.tmp/prh.yml"
    rm -rf "$dir" && mv "$dir.tmp" "$dir"
  fi
  echo "$dir"
}

# corpus_dir N MB: a corpus naming concepts of glossary N; its size in
# bytes is in corpus_dir.bytes.
corpus_dir() {
  local dir=$data/c$1-$2mb-s$seed
  if [ ! -f "$dir.bytes" ]; then
    log "generating $2 MB corpus for $1 concepts"
    rm -rf "$dir" "$dir.tmp"
    "$gen" corpus --glossary-concepts "$1" --seed "$seed" --megabytes "$2" --out "$dir.tmp" 2>"$work/gen.log"
    mv "$dir.tmp" "$dir"
    find "$dir" -type f -printf '%s\n' | awk '{s += $1} END {print s}' >"$dir.bytes"
  fi
  echo "$dir"
}

# --- measuring -----------------------------------------------------------

declare -A secs rss cpu
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR] = $1} END {print a[int((NR + 1) / 2)]}'; }

# measure KEY "OK EXIT CODES" CMD...: median wall time (s) and peak RSS (KB)
# of $runs runs; the last run's stdout stays in $work/out.
measure() {
  local key=$1 ok=$2 i rc t0 t1
  shift 2
  local times=() peaks=() cpus=() peak user sys
  for ((i = 0; i < runs; i++)); do
    rc=0
    [ -z "$warm_dir" ] || warm "$warm_dir"
    t0=$(date +%s%N)
    /usr/bin/time -f '%M %U %S' -o "$work/rss" "$@" >"$work/out" 2>"$work/err" || rc=$?
    t1=$(date +%s%N)
    if [[ " $ok " != *" $rc "* ]]; then
      log "$key: exit code $rc: $(tail -n 2 "$work/err" | tr '\n' ' ')"
      return 0
    fi
    times+=($(((t1 - t0) / 1000)))
    read -r peak user sys < <(tail -n 1 "$work/rss")
    peaks+=("$peak")
    cpus+=("$(awk -v u="$user" -v s="$sys" 'BEGIN {printf "%d", (u + s) * 1e6}')")
  done
  secs[$key]=$(awk -v us="$(median "${times[@]}")" 'BEGIN {printf "%.4f", us / 1e6}')
  rss[$key]=$(median "${peaks[@]}")
  cpu[$key]=$(awk -v us="$(median "${cpus[@]}")" 'BEGIN {printf "%.2f", us / 1e6}')
  log "$key: ${secs[$key]} s, $((rss[$key] / 1024)) MB"
}

# warm DIR: reads every file of DIR, so that a run finds it in the page
# cache. measure warms $warm_dir before every run: this machine's kernel
# pages out file pages left alone for about a minute, and a run that
# reads some of its text from disk measures the disk.
warm() { find "$1" -type f -exec cat {} + >/dev/null; }
warm_dir=""

# termlint_runs KEY GLOSSARY PATH [ENV...]: cold (--no-cache) and default
# runs; with a cache, also the first run, which compiles the glossary and
# writes the cache into an empty directory ("first"), and then one
# unmeasured run fills the user's cache.
termlint_runs() {
  local key=$1 g=$2 path=$3
  shift 3
  local args=("$bin" check -g "$g" --format json --fail-on never)
  local cmd=(env "$@" "${args[@]}")
  if $has_cache; then
    measure "$key-cold" "0" "${cmd[@]}" --no-cache "$path"
    local fresh=$work/first-cache
    measure "$key-first" "0" sh -c 'rm -rf "$0"; exec "$@"' "$fresh" \
      env "$@" TERMLINT_CACHE_DIR="$fresh" "${args[@]}" "$path"
    "${cmd[@]}" "$path" >/dev/null 2>&1 || true
  fi
  measure "$key" "0" "${cmd[@]}" "$path"
}

findings() { grep -c '"rule":' "$work/out" || true; }

run_scenario() {
  local name=$1 n mb g c empty
  n=$(concepts_of "$name")
  mb=$(megabytes_of "$name")
  g=$(glossary_dir "$n")
  c=$(corpus_dir "$n" "$mb")
  warm_dir=$c
  termlint_runs "termlint:$name" "$g/glossary.yaml" "$c"
  local count
  count=$(findings)
  log "$name: termlint reported $count findings"
  [ "$count" -gt 0 ] || log "WARNING: $name: no findings, this scenario measures nothing"
  found[$name]=$count
  ran+=("$name")
  empty=$work/empty/empty.de.md
  mkdir -p "$work/empty" && : >"$empty"
  termlint_runs "termlint-empty:$name" "$g/glossary.yaml" "$empty"
  $peers || return 0
  # Output goes to a file: GNU grep stops at the first match when its
  # output is /dev/null.
  measure "grep:$name" "0 1" env LC_ALL=C.UTF-8 grep -rF -f "$g/forms.txt" "$c"
  log "$name: grep printed $(wc -l <"$work/out") lines"
  measure "grep-empty:$name" "0 1" env LC_ALL=C.UTF-8 grep -rF -f "$g/forms.txt" "$empty"
  if [ -n "$rg_bin" ]; then
    measure "rg:$name" "0 1" "$rg_bin" -F -f "$g/forms.txt" "$c"
  fi
  if [ -n "$aho_py" ]; then
    measure "aho:$name" "0" "$aho_py" "$root/scripts/bench/aho_words.py" "$g/forms.txt" "$c"
    log "$name: pyahocorasick found $(wc -l <"$work/out") names"
  fi
  if [ -n "$textlint_js" ] && [ "$n" -le 1000 ] && awk -v m="$mb" -v x="$textlint_max_mb" 'BEGIN {exit !(m <= x)}'; then
    printf '{"rules": {"prh": {"rulePaths": ["%s"]}}}\n' "$g/prh.yml" >"$work/textlintrc.json"
    measure "textlint:$name" "0 1" node "$textlint_js" --config "$work/textlintrc.json" \
      --rules-base-directory "$cache/node/node_modules" --format compact "$c"
    log "$name: textlint printed $(wc -l <"$work/out") lines"
  fi
}

declare -A found
ran=()
for name in "${scenarios[@]}"; do
  check_name "$name"
  run_scenario "$name"
done

# Extra rows: linearity, threads, the bundled glossary.
has() { [ -n "${secs[$1]:-}" ]; }
in_run() { [[ " ${scenarios[*]} " == *" $1 "* ]]; }
if in_run "$lin_big" && ! in_run "$lin_small"; then run_scenario "$lin_small"; fi
if in_run "$threads_on"; then
  t_n=$(concepts_of "$threads_on")
  t_g=$(glossary_dir "$t_n")/glossary.yaml
  t_c=$(corpus_dir "$t_n" "$(megabytes_of "$threads_on")")
  warm_dir=$t_c
  measure "threads1:$threads_on" "0" env RAYON_NUM_THREADS=1 "$bin" check -g "$t_g" \
    --format json --fail-on never "$t_c"
fi
saved_runs=$runs
runs=$((runs < 10 ? 10 : runs))
# A site of translations: the pages of $lin_small rearranged so that
# de/x.md and en/x.md are translations of zh/x.md, each checked against
# its source; beside the same pages with the sources renamed (no pairs).
paired_pages=0
make_paired() { # CORPUS PAIRED UNPAIRED
  local zh=("$1"/zh/*.md) de=("$1"/de/*.md) en=("$1"/en/*.md) i name
  mkdir -p "$2"/{zh,de,en} "$3"/{zh,de,en}
  for ((i = 0; i < ${#zh[@]} && i < ${#de[@]} && i < ${#en[@]}; i++)); do
    name=$(basename "${zh[$i]}")
    cp "${zh[$i]}" "$2/zh/$name" && cp "${zh[$i]}" "$3/zh/z$name"
    cp "${de[$i]}" "$2/de/$name" && cp "${de[$i]}" "$3/de/$name"
    cp "${en[$i]}" "$2/en/$name" && cp "${en[$i]}" "$3/en/$name"
  done
  paired_pages=$i
}
if in_run "$lin_small"; then
  p_g=$(glossary_dir "$(concepts_of "$lin_small")")/glossary.yaml
  make_paired "$(corpus_dir "$(concepts_of "$lin_small")" "$(megabytes_of "$lin_small")")" \
    "$work/paired" "$work/unpaired"
  for site in paired unpaired; do
    warm_dir=$work/$site
    measure "$site:$lin_small" "0" "$bin" check -g "$p_g" --format json --fail-on never "$work/$site"
  done
fi
bundled_runs=$runs
warm_dir=""
bundled=("$bin" check -g "$root/glossary.yaml" --format json --fail-on never "$root/examples/forum.de.md")
if $has_cache; then
  measure "bundled-cold" "0" "${bundled[@]}" --no-cache
fi
measure "bundled" "0" "${bundled[@]}"
runs=$saved_runs

# Matching throughput on 10× the text, and the floor under it: the
# building blocks alone (reading, Markdown, one automaton of the forms).
declare -A floor
if in_run "$big"; then
  l_n=$(concepts_of "$big_long")
  l_g=$(glossary_dir "$l_n")
  l_c=$(corpus_dir "$l_n" "$(megabytes_of "$big_long")")
  warm_dir=$l_c
  measure "termlint:$big_long" "0" "$bin" check -g "$l_g/glossary.yaml" --format json --fail-on never "$l_c"
  if $peers; then
    measure "grep:$big_long" "0 1" env LC_ALL=C.UTF-8 grep -rF -f "$l_g/forms.txt" "$l_c"
    # grep's matching is the difference of two runs of seconds each, most
    # of them loading: the same directory given five times matches five
    # times the text after one load, and the empty-input run is repeated
    # next to it, so the machine's drift touches both alike.
    measure "grep-x5:$big_long" "0 1" env LC_ALL=C.UTF-8 grep -rF -f "$l_g/forms.txt" \
      "$l_c" "$l_c" "$l_c" "$l_c" "$l_c"
    measure "grep-empty-x5:$big_long" "0 1" env LC_ALL=C.UTF-8 grep -rF -f "$l_g/forms.txt" "$work/empty/empty.de.md"
  fi
  log "measuring the building blocks alone on $big_long"
  while read -r block seconds _; do
    floor[$block]=$seconds
  done < <("$floor_bin" "$l_g/forms.txt" "$l_c" --runs "$runs" 2>"$work/floor.log" ||
    log "bench-floor failed: $(tail -n 1 "$work/floor.log")")
fi

# --- report --------------------------------------------------------------

bytes_of() { cat "$(corpus_dir "$(concepts_of "$1")" "$(megabytes_of "$1")").bytes"; }
# speed KEY SCENARIO -> MB/s or empty
speed() {
  has "$1" || return 0
  awk -v b="$(bytes_of "$2")" -v s="${secs[$1]}" 'BEGIN {printf "%.2f", b / 1e6 / s}'
}
# ratio A B -> A/B with two decimals, or empty
ratio() {
  [ -n "$1" ] && [ -n "$2" ] || return 0
  awk -v a="$1" -v b="$2" 'BEGIN {if (b > 0) printf "%.2f", a / b}'
}
cell() { if [ -n "$1" ]; then printf '%s' "$1"; else printf '—'; fi; }
mb_rss() { has "$1" && echo $((rss[$1] / 1024)) || true; }
# cold KEY -> the key of its --no-cache run (KEY itself without a cache)
cold() { if $has_cache; then echo "$1-cold"; else echo "$1"; fi; }

echo "## termlint benchmark"
echo
echo "$(date -u +%Y-%m-%d), termlint $("$bin" --version | awk '{print $2}'), seed $seed, median of $runs runs."
echo "Machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //'), $(free -g | awk '/^Mem:/ {print $2}') GiB RAM; load average $load_before at the start, $(cut -d' ' -f1-3 /proc/loadavg) at the end."
if ! $has_cache; then
  echo "termlint has no \`--no-cache\` yet: cold and cached rows are skipped, every run is cold."
fi
echo
echo "### Throughput (MB/s, higher is better; ratios are termlint's speed over the peer's)"
echo
echo "| scenario | MB | findings | termlint cold | termlint | RSS MB | grep -F | rg -F | pyahocorasick | textlint-prh | ×grep | ×rg | ×pyac | ×textlint |"
echo "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|"
textlint_speed="" textlint_on=""
for name in "${ran[@]}"; do
  has "termlint:$name" || continue
  tc=$(speed "$(cold "termlint:$name")" "$name")
  tw=$(speed "termlint:$name" "$name")
  g=$(speed "grep:$name" "$name")
  r=$(speed "rg:$name" "$name")
  a=$(speed "aho:$name" "$name")
  x=$(speed "textlint:$name" "$name")
  [ -z "$x" ] || { textlint_speed=$x; textlint_on=$name; }
  peak=$(mb_rss "$(cold "termlint:$name")")
  $has_cache || tw=""
  printf '| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n' \
    "$name" "$(awk -v b="$(bytes_of "$name")" 'BEGIN {printf "%.1f", b / 1e6}')" "${found[$name]:-}" \
    "$(cell "$tc")" "$(cell "$tw")" "$(cell "$peak")" "$(cell "$g")" "$(cell "$r")" "$(cell "$a")" "$(cell "$x")" \
    "$(cell "$(ratio "$tc" "$g")")" "$(cell "$(ratio "$tc" "$r")")" "$(cell "$(ratio "$tc" "$a")")" "$(cell "$(ratio "$tc" "$x")")"
done
echo
echo "\"termlint cold\" runs with \`--no-cache\` (without it where the option is missing); \"termlint\" is a"
echo "repeated run that may use the cached compiled glossary. The ratios use the cold run. textlint"
echo "runs only on corpora of ≤ $textlint_max_mb MB at ≤ 1k concepts; its MB/s stands for the 1k rows."
echo

# Target rows: measured value, goal, verdict, and what it was computed from.
verdict() { awk -v v="$1" -v g="$3" -v op="$2" 'BEGIN {ok = (op == "<=") ? v <= g : v >= g; print ok ? "pass" : "FAIL"}'; }
row() { # label value op goal detail
  if [ -z "$2" ]; then
    printf '| %s | — | %s %s | not measured | |\n' "$1" "$3" "$4"
  else
    printf '| %s | %s | %s %s | %s | %s |\n' "$1" "$2" "$3" "$4" "$(verdict "$2" "$3" "$4")" "${5:-}"
  fi
}
t() { printf '%s' "${secs[$1]:-}"; } # seconds of KEY, or empty
ms() { [ -z "$1" ] || awk -v s="$1" 'BEGIN {printf "%.1f", s * 1000}'; }
# minus KEY KEY2: time of KEY minus time of KEY2 (s); empty when either is
# missing or the difference drowns in noise (< 5 ms).
minus() {
  has "$1" && has "$2" || return 0
  awk -v a="${secs[$1]}" -v b="${secs[$2]}" 'BEGIN {if (a - b >= 0.005) printf "%.4f", a - b}'
}
echo "### Targets"
echo
echo "| target | measured | goal | verdict | from |"
echo "|---|---|---|---|---|"
s=$large_text
c=$(cold "termlint:$s")
row "(a) $s: termlint time ÷ rg time" "$(ratio "$(t "$c")" "$(t "rg:$s")")" "<=" 1.5 \
  "termlint $(t "$c") s, rg $(t "rg:$s") s"
s=$big
c=$(cold "termlint:$s")
row "(b) $s: cold termlint time ÷ grep time" "$(ratio "$(t "$c")" "$(t "grep:$s")")" "<=" 1 \
  "termlint $(t "$c") s, grep $(t "grep:$s") s"
if $has_cache; then
  row "(b) $s: grep time ÷ cached termlint time" "$(ratio "$(t "grep:$s")" "$(t "termlint:$s")")" ">=" 3 \
    "grep $(t "grep:$s") s, termlint $(t "termlint:$s") s"
fi
tm=$(minus "termlint:$s" "termlint-empty:$s")
gm=$(minus "grep:$s" "grep-empty:$s")
row "(b) $s: matching throughput, termlint ÷ grep (run minus empty-input run)" "$(ratio "$gm" "$tm")" ">=" 5 \
  "matching: termlint ${tm:-?} s, grep ${gm:-?} s"
if in_run "$big"; then
  tl=$(minus "termlint:$big_long" "termlint-empty:$s")
  gl=$(minus "grep:$big_long" "grep-empty:$s")
  g5=$(minus "grep-x5:$big_long" "grep-empty-x5:$big_long")
  [ -z "$g5" ] || g5=$(awk -v s="$g5" 'BEGIN {printf "%.4f", s / 5}')
  row "(b) $big_long: matching throughput, termlint ÷ grep (10× the text; grep's from 5 passes of it in one run)" "$(ratio "${g5:-$gl}" "$tl")" ">=" 5 \
    "matching of the text once: termlint ${tl:-?} s, grep ${g5:-${gl:-?}} s (($(t "grep-x5:$big_long") − $(t "grep-empty-x5:$big_long")) ÷ 5)"
  fl=""
  if [ -n "${floor[read]:-}" ] && [ -n "${floor[markdown]:-}" ] && [ -n "${floor[search]:-}" ]; then
    fl=$(awk -v r="${floor[read]}" -v m="${floor[markdown]}" -v x="${floor[search]}" -v n="$(nproc)" \
      'BEGIN {printf "%.4f", (r + m + x) / n}')
  fi
  # Against grep's steadier figure, from the five passes, when it ran.
  gf=${g5:-$gl}
  row "(b) $big_long: the floor's matching throughput ÷ grep's (building blocks alone, every core busy)" "$(ratio "$gf" "$fl")" ">=" 5 \
    "read ${floor[read]:-?} + Markdown ${floor[markdown]:-?} + one automaton ${floor[search]:-?} s on one core, ÷ $(nproc) cores = ${fl:-?} s; grep ${gf:-?} s"
fi
peak_b=""
if has "$c"; then
  peak_b=$(($( (echo "${rss[$c]}"; echo "${rss[termlint:$s-first]:-0}"; echo "${rss[termlint:$s]:-0}") | sort -n | tail -n 1) / 1024))
fi
row "(b) $s: peak RSS, MB" "$peak_b" "<=" 400 "largest of the cold, first (writing the cache) and repeated runs"
row "(b) $s: glossary load + build, cold, s" "$(t "$(cold "termlint-empty:$s")")" "<=" 3 "check of an empty file"
if $has_cache; then
  row "(b) $s: glossary load + build from cache, s" "$(t "termlint-empty:$s")" "<=" 0.3 "check of an empty file"
fi
tc=$(speed "$(cold "termlint:$lin_big")" "$lin_big")
row "(c) 1k: termlint MB/s ÷ textlint-prh MB/s" "$(ratio "$tc" "$textlint_speed")" ">=" 100 \
  "termlint ${tc:-?} MB/s ($lin_big), textlint ${textlint_speed:-?} MB/s ($textlint_on)"
big_m=$(minus "termlint:$lin_big" "termlint-empty:$lin_big")
small_m=$(minus "termlint:$lin_small" "termlint-empty:$lin_small")
row "(d) $lin_big vs $lin_small: time for 10× the text, load subtracted" "$(ratio "$big_m" "$small_m")" "<=" 11 \
  "${big_m:-?} s vs ${small_m:-?} s; whole runs $(ratio "$(t "termlint:$lin_big")" "$(t "termlint:$lin_small")")×"
row "(d) $threads_on: RAYON_NUM_THREADS=1 time ÷ default time" "$(ratio "$(t "threads1:$threads_on")" "$(t "termlint:$threads_on")")" ">=" 1.7 \
  "$(nproc) cores: $(t "threads1:$threads_on") s vs $(t "termlint:$threads_on") s"
row "(x) $lin_small as a site of translations (de/x.md, en/x.md of zh/x.md): time ÷ the same pages unpaired" \
  "$(ratio "$(t "paired:$lin_small")" "$(t "unpaired:$lin_small")")" "<=" 1.5 \
  "$paired_pages sources with two translations each: $(t "paired:$lin_small") s vs $(t "unpaired:$lin_small") s; each source is also checked as a page"
if $has_cache; then
  row "(e) bundled glossary on examples/forum.de.md, cold, ms" "$(ms "$(t bundled-cold)")" "<=" 20 "median of $bundled_runs runs"
fi
row "(e) bundled glossary on examples/forum.de.md, ms" "$(ms "$(t bundled)")" "<=" 20 "median of $bundled_runs runs"
echo
echo "Every measurement (median wall time, median user+system CPU time, median peak RSS):"
echo
echo '```'
for key in $(printf '%s\n' "${!secs[@]}" | sort); do
  printf '%-32s %9s s wall %8s s cpu %6s MB\n' "$key" "${secs[$key]}" "${cpu[$key]}" "$((rss[$key] / 1024))"
done
echo '```'
