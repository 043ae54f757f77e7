#!/usr/bin/env bash
# Trains the risk model (src/main/resources/dev/calque/risk/model.json) from ../shared/train and
# measures it on the dev corpora of ../shared/eval, rewriting the generated part of docs/risk.md and
# docs/risk-reliability.png:
#   ./scripts/train-risk.sh            (CALQUE_TRAIN_DIR, CALQUE_EVAL_DIR override the data folders)
# Builds the jar first. Checking the 9,000 sampled training segments takes several minutes on 2 cores
# the first time; the findings are cached in target/risk/cache (by sample, seed and rule pack), so a
# re-run after a feature change only re-fits and re-measures. Extra arguments go to the trainer,
# e.g. --sample 12000 --seed 7 --newstest false.
set -euo pipefail
here="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
cd "$here"
train_dir="${CALQUE_TRAIN_DIR:-$here/../shared/train}"
eval_dir="${CALQUE_EVAL_DIR:-$here/../shared/eval}"
[ -d "$train_dir" ] || { echo "train-risk: $train_dir not found (set CALQUE_TRAIN_DIR)" >&2; exit 2; }
[ -d "$eval_dir" ] || { echo "train-risk: $eval_dir not found (set CALQUE_EVAL_DIR)" >&2; exit 2; }
mvn -q -o -DskipTests -Dcalque.skipArchive=true package
start=$(date +%s)
java -Xmx1500m -Djava.awt.headless=true -cp target/calque.jar dev.calque.risk.Train \
  --train "$train_dir" --eval "$eval_dir" --model src/main/resources/dev/calque/risk/model.json \
  --figures target/risk/figures.md --png docs/risk-reliability.png "$@"
seconds=$(( $(date +%s) - start ))
out=docs/risk.md
marker='<!-- generated: everything below this line is rewritten by scripts/train-risk.sh -->'
grep -qxF "$marker" "$out" || { echo "train-risk: $out lacks the marker line: $marker" >&2; exit 2; }
{
  sed "/^${marker//\//\\/}\$/q" "$out"
  echo
  echo "Generated $(date -u +%Y-%m-%d) by \`./scripts/train-risk.sh $*\` from commit" \
       "\`$(git rev-parse --short HEAD)$(git diff --quiet HEAD -- rules src || echo '+changes')\`" \
       "in ${seconds} s ($(nproc) cores)."
  echo
  cat target/risk/figures.md
} > "$out.part"
mv "$out.part" "$out"
# the jar must carry the model just written
mvn -q -o -DskipTests -Dcalque.skipArchive=true package
echo "train-risk: wrote src/main/resources/dev/calque/risk/model.json, $out, docs/risk-reliability.png"
