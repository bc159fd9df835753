#!/usr/bin/env bash
# Regenerate the glossaries converted from real projects and run every
# real-material check, printing a summary table. Run from the repository
# root; needs python3 and ../shared/data beside the repository.
set -euo pipefail
cd "$(dirname "$0")/../.."
DATA=../shared/data
if [ ! -d "$DATA" ]; then
  echo "skipping: $DATA not present"
  exit 0
fi
cargo build --release --quiet
T=target/release/termlint
OUT=target/real
mkdir -p "$OUT"

python3 scripts/real/k8s_ko_glossary.py
python3 scripts/real/k8s_ko_glossary.py --no-additions "$DATA/k8s-website-l10n/ko/localization_ko.md" tests/real/k8s-ko.table-only.yaml
python3 scripts/real/react_ko_glossary.py
python3 scripts/real/mdn_zh_glossary.py
python3 scripts/real/wmt21_en_fr.py
python3 scripts/real/wmt21_en_fr.py --with-reference-forms "$DATA/wmt21-term-eval-alam" "$OUT/wmt21-en-fr.refforms.yaml" "$OUT"

# rules: count findings per rule in a termlint JSON report
rules() {
  python3 -c 'import json,sys,collections
c=collections.Counter(f["rule"] for f in json.load(open(sys.argv[1]))["findings"])
print(", ".join(f"{k} {v}" for k,v in sorted(c.items())) or "none")' "$1"
}
row() { printf '| %-22s | %-62s | %s |\n' "$1" "$2" "$3"; }

check() { # name, json file, termlint args...
  local name=$1 json=$2; shift 2
  "$T" check -f json "$@" > "$json" || [ $? -eq 1 ]
}

K8S=$DATA/k8s-website-l10n/ko/concepts_overview_components.md
check k8s "$OUT/k8s.json" --lang ko -g tests/real/k8s-ko.yaml "$K8S"
check k8s-table "$OUT/k8s-table.json" --lang ko -g tests/real/k8s-ko.table-only.yaml "$K8S"
check react "$OUT/react.json" --lang ko -g tests/real/react-ko.yaml "$DATA/react-dev-l10n/ko/learn"
check mdn "$OUT/mdn.json" --lang zh-CN -g tests/real/mdn-zh.yaml "$DATA/mdn-l10n/zh-cn/web_api_element_attachshadow.md"
for t in baseline reference; do
  check wmt "$OUT/wmt-$t.json" -g tests/real/wmt21-en-fr.yaml "$OUT/wmt21-en-fr.$t.xlf"
  check wmt "$OUT/wmt-$t-refforms.json" -g "$OUT/wmt21-en-fr.refforms.yaml" "$OUT/wmt21-en-fr.$t.xlf"
done

echo
row check command result
row --- --- ---
row "k8s ko" "check --lang ko -g tests/real/k8s-ko.yaml" "$(rules "$OUT/k8s.json")"
row "k8s ko (table only)" "check --lang ko -g tests/real/k8s-ko.table-only.yaml" "$(rules "$OUT/k8s-table.json")"
row "react.dev ko (8 pages)" "check --lang ko -g tests/real/react-ko.yaml ko/learn" "$(rules "$OUT/react.json")"
row "MDN zh-CN" "check --lang zh-CN -g tests/real/mdn-zh.yaml" "$(rules "$OUT/mdn.json")"
for t in baseline reference; do
  row "WMT21 en-fr $t" "check -g tests/real/wmt21-en-fr.yaml -f json $t.xlf" \
    "$(python3 scripts/real/wmt21_score.py "$OUT/wmt21-en-fr.$t.xlf" "$OUT/wmt-$t.json")"
  row "  + reference forms" "check -g $OUT/wmt21-en-fr.refforms.yaml" \
    "$(python3 scripts/real/wmt21_score.py "$OUT/wmt21-en-fr.$t.xlf" "$OUT/wmt-$t-refforms.json")"
done
