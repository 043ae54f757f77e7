#!/usr/bin/env bash
# Regenerates docs/report-overview.png and docs/report-article.png from the example run's Allure
# report, rendered by headless Chromium (Debian: apt-get install -y chromium), and
# docs/review-desk.png: the review desk as its end-to-end test leaves it (calque serve, the seed
# article and its original, two verdicts given with the keyboard; needs chromium-driver too).
# Usage: scripts/screenshots.sh   (builds Calque first if target/calque.jar is missing)
set -euo pipefail
here="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
cd "$here"
seed=src/test/resources/articles/000_5323ff96fa5a9330.txt
chrome="$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)"
[ -n "$chrome" ] || { echo "screenshots: chromium not found (apt-get install -y chromium)" >&2; exit 2; }
[ -f target/calque.jar ] || mvn -q -o -DskipTests package

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
# two runs, so the trend charts have two points
for _ in 1 2; do ./calque check -q --report-dir "$work/reports" "$seed" >/dev/null || [ $? -eq 1 ]; done

shot() { # page fragment output height
  "$chrome" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking \
    --disable-component-update --disable-sync --hide-scrollbars --user-data-dir="$(mktemp -d -p "$work")" \
    --window-size=1400,"$4" --virtual-time-budget=8000 --screenshot="$3" "file://$1$2" 2>/dev/null
}

shot "$work/reports/index.html" "#" docs/report-overview.png 900

# The article page with its attachment opened, as after an editor's click (on a copy of the page).
uid="$(grep -o "d('data/test-cases/[0-9a-f]*\.json'" "$work/reports/index.html" | head -1 | sed -E 's/.*test-cases\/([0-9a-f]+).*/\1/')"
python3 - "$work/reports/index.html" "$work/reports/opened.html" <<'PY'
import sys
html = open(sys.argv[1], encoding="utf-8").read()
click = ("<script>(function open(){var r=document.querySelector('.attachment-row');"
         "if(!r){setTimeout(open,100);return;}r.click();"
         "setTimeout(function(){var f=document.querySelector('.attachment__iframe');"
         "if(f){f.style.height='900px';}"
         "var s=document.querySelector('.execution__content');if(s){s.scrollIntoView();}},300);})();</script>")
i = html.rfind("</body>")
open(sys.argv[2], "w", encoding="utf-8").write(html[:i] + click + html[i:])
PY
shot "$work/reports/opened.html" "#testresult/$uid" docs/report-article.png 1500

if command -v chromedriver >/dev/null 2>&1; then
  mvn -q -o test -Dtest=ReviewDeskBrowserTest -Dsurefire.failIfNoSpecifiedTests=false \
    -Dcalque.screenshot="$here/docs/review-desk.png" >/dev/null
  echo "wrote docs/review-desk.png"
else
  echo "screenshots: chromium-driver not found (apt-get install -y chromium-driver): docs/review-desk.png not regenerated" >&2
fi
echo "wrote docs/report-overview.png and docs/report-article.png"
