#!/usr/bin/env bash
# Regenerates docs/rules-quality.md: every dev corpus, stock LanguageTool alone beside Calque.
#   ./scripts/rules-quality.sh                 (corpora from $CALQUE_EVAL_DIR, default ../shared/eval beside the checkout)
# Builds the jar first. Takes several minutes on 2 cores (the 8,312-segment MT set dominates).
set -euo pipefail
here="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
cd "$here"
eval_dir="${CALQUE_EVAL_DIR:-$here/../shared/eval}"
corpora=(wmt23-zh-en-news.dev.jsonl biomqm-fr-en.dev.jsonl newstest2014-fr-en-ref.dev.jsonl
         newstest2014-fr-en-mt.dev.jsonl diabla-fr-en-chat.dev.jsonl)
paths=()
for c in "${corpora[@]}"; do
  [ -f "$eval_dir/$c" ] || { echo "rules-quality: $eval_dir/$c not found (set CALQUE_EVAL_DIR)" >&2; exit 2; }
  paths+=("$eval_dir/$c")
done
mvn -q -o -DskipTests package
tables="$(mktemp)"
trap 'rm -f "$tables"' EXIT
start=$(date +%s)
# no --from: each corpus's "pair" picks the source language (zh-en loads rules/en only)
./calque eval "${paths[@]}" --baseline-lt --format markdown --top 25 -o "$tables"
seconds=$(( $(date +%s) - start ))
out=docs/rules-quality.md
marker='<!-- generated: everything below this line is rewritten by scripts/rules-quality.sh -->'
grep -qxF "$marker" "$out" || { echo "rules-quality: $out lacks the marker line: $marker" >&2; exit 2; }
{
  sed "/^${marker//\//\\/}\$/q" "$out"
  echo
  echo "Generated $(date -u +%Y-%m-%d) by \`./scripts/rules-quality.sh\` from commit" \
       "\`$(git rev-parse --short HEAD)$(git diff --quiet HEAD -- rules src || echo '+changes')\`" \
       "in ${seconds} s ($(nproc) cores)."
  echo
  cat "$tables"
} > "$out.part"
mv "$out.part" "$out"
echo "rules-quality: wrote $out"
