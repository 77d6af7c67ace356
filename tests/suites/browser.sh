#!/usr/bin/env bash
# The site in a real browser (issue 3): headless Debian Chromium driven by
# playwright-core (tests/browser/site.mjs: search and filters from
# file://, card -> page -> back, axe-core WCAG 2.1 AA on every page type,
# screenshots at 360 and 1280 px under out/screenshots/, print on one A4
# sheet, hostile page inert, no external request, page weight), then the
# Nu Html Checker (vnu-jar) over every page.
. "$TOP/tests/lib.sh"
A=$ANNUAIRE
B=$TOP/tests/browser
export SOURCE_DATE_EPOCH=1521072000

if ! "$A" --version >/dev/null 2>&1; then
	t_skip "browser suite" "the command line is not built yet"; t_done; exit
fi
t_need_browser "browser suite" java

# The example content (with its booklet when it can be made) and the
# fixture of the golden tests, which holds a hostile page.
"$A" build -q -C "$TOP/content" -o "$T_TMP/ex" 2>"$T_TMP/ex.err" ||
	"$A" build -q --no-pdf -C "$TOP/content" -o "$T_TMP/ex" 2>>"$T_TMP/ex.err"
t_check "example site built" test -f "$T_TMP/ex/edition/site/index.html"
"$A" build -q --no-pdf -C "$TOP/tests/golden/site/content" -o "$T_TMP/fx" 2>"$T_TMP/fx.err"
t_check "fixture site built" test -f "$T_TMP/fx/edition/site/index.html"

# site.mjs prints TAP; renumber its lines after ours.
shots=$TOP/out/screenshots
mkdir -p "$shots"
t_node site.mjs --site "$T_TMP/ex/edition/site" --fixture "$T_TMP/fx/edition/site" \
    --shots "$shots"

# Nu Html Checker: zero errors on every page of both sites.
vnu=$B/node_modules/vnu-jar/build/dist/vnu.jar
for s in ex fx; do
	out=$(find "$T_TMP/$s/edition/site/" -name '*.html' -print0 | sort -z |
	    xargs -0 java -jar "$vnu" --errors-only --format gnu 2>&1)
	n=$(find "$T_TMP/$s/edition/site/" -name '*.html' | wc -l)
	if [ -z "$out" ]; then t_ok "Nu Html Checker: $n pages of $s without error"
	else t_fail "Nu Html Checker: $n pages of $s" "$(printf '%s\n' "$out" | sed "s|$T_TMP/||")"; fi
done
t_done
