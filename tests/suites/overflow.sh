#!/usr/bin/env bash
# The site on narrow screens (issue 7): every page of the example and of
# a stress edition (tests/browser/overflow-content.sh: long names,
# e-mails, hosts and URLs in every field and the Markdown body, a
# hyphenated 120-character street, a wide table and code block) opened
# at 320 and 360 px in headless Debian Chromium (tests/browser/
# overflow.mjs): no horizontal scroll, nothing outside the viewport.
# The stress edition also has a Nouveautés page (an archive of 2017)
# and the campaign forms of its partners are opened too, and the
# coordinator's follow-up page (annuaire report's suivi.html).
. "$TOP/tests/lib.sh"
A=$ANNUAIRE
B=$TOP/tests/browser
export SOURCE_DATE_EPOCH=1521072000

if ! "$A" --version >/dev/null 2>&1; then
	t_skip "overflow suite" "the command line is not built yet"; t_done; exit
fi
t_need_browser "overflow suite"

# build NAME CONTENT: the site with its booklet when it can be made.
build() {
	"$A" build -q -C "$2" -o "$T_TMP/$1" 2>"$T_TMP/$1.err" ||
		"$A" build -q --no-pdf -C "$2" -o "$T_TMP/$1" 2>>"$T_TMP/$1.err"
	t_check "$1: site built" test -f "$T_TMP/$1/edition/site/index.html"
}
build exemple "$TOP/content"
sh "$B/overflow-content.sh" "$TOP" "$T_TMP/stress-content"
"$A" check -C "$T_TMP/stress-content" >/dev/null 2>"$T_TMP/check.err"
t_eq "the stress content passes check (exit 0)" "$?" 0
# An archive of the previous edition, so that the stress site has a
# Nouveautés page: the long partner is new, a copy of it under another
# name left, and a phone changed.
S=$T_TMP/stress-content
mkdir -p "$S/archives/2017"
cp -r "$S/partenaires" "$S/archives/2017/"
for f in "$S"/*.yaml; do cp "$f" "$S/archives/2017/"; done
[ -d "$S/logos" ] && cp -r "$S/logos" "$S/archives/2017/"
mv "$S/archives/2017/partenaires/stress-long.md" \
    "$S/archives/2017/partenaires/stress-parti.md"
sed -i 's/^edition: 2018$/edition: 2017/' "$S/archives/2017/site.yaml"
sed -i 's/^telephone: "01 99 00 55 55"$/telephone: "01 99 00 55 56"/' \
    "$S/archives/2017/partenaires/stress-mot.md"
build stress "$S"
t_check "the stress site has a Nouveautés page" \
    test -f "$T_TMP/stress/edition/site/nouveautes.html"
# The campaign's forms, beside the site, on the same stress content.
"$A" campaign -C "$S" -o "$T_TMP/stress-out" --echeance 2025-12-31 \
    >/dev/null 2>&1
t_check "the stress campaign has its forms" \
    test -f "$T_TMP/stress-out/campagne/stress-long.html"
# The coordinator's follow-up page (report), on the same campaign.
"$A" report -C "$S" -o "$T_TMP/stress-suivi" >/dev/null 2>&1
t_check "the stress campaign has its follow-up page" \
    test -f "$T_TMP/stress-suivi/suivi.html"
n=$(grep -c "sous-domaine-tres-long" "$T_TMP/stress/edition/site/partenaires/stress-long.html")
[ "$n" -gt 3 ] && t_ok "the stress page holds the long host ($n lines)" ||
    t_fail "the stress page holds the long host" "$n"

t_node overflow.mjs exemple="$T_TMP/exemple/edition/site" stress="$T_TMP/stress/edition/site" \
    campagne="$T_TMP/stress-out/campagne" suivi="$T_TMP/stress-suivi"
t_done
