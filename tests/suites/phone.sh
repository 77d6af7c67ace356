#!/usr/bin/env bash
# phone: the site as a social worker uses it on a phone (issue 22).  At
# 360 x 640 px in Chromium, after typing a query, the first result's top
# is inside the first screen (the need tiles fold away, and come back when
# the query is cleared) and the count is still announced; every page has
# a <meta name="description"> (the partner's résumé, else the edition's
# subtitle) and a favicon from the theme that exists.
set -u
: "${TOP:=$(cd "$(dirname "$0")/../.." && pwd)}"
. "$TOP/tests/lib.sh"
export LC_ALL=C.UTF-8 TZ=UTC SOURCE_DATE_EPOCH=1764464000
O=$T_TMP/o
"$ANNUAIRE" build -q -C "$TOP/content" -o "$O" >/dev/null 2>&1
t_eq "example builds" "$?" 0
S=$O/edition/site
pages=$(cd "$S" && find . -name '*.html' | sort)
t_eq "every page has a meta description" \
    "$(cd "$S" && grep -L '^<meta name="description" content="[^"]\{20,\}">$' $pages)" ""
t_check "a partner page's description is its résumé" grep -qF \
    '<meta name="description" content="Aide les habitants à remettre en état et à améliorer leur logement' "$S/partenaires/aral.html"
t_check "the home page's description is the edition's subtitle" grep -qF \
    '<meta name="description" content="Annuaire des partenaires de la Maison de Quartier des Chantiers">' "$S/index.html"
# Each page's favicon resolves to a file of the site (404.html links from
# the site's URL path, as a server shows it at any depth).
bad=""
for p in $pages; do
	h=$(sed -n 's/^<link rel="icon" href="\([^"]*\)".*/\1/p' "$S/$p")
	case $h in
	"") bad="$bad $p(none)" ;;
	/*) [ -f "$S/${h#/*/}" ] || bad="$bad $p($h)" ;;
	*) [ -f "$S/$(dirname "$p")/$h" ] || bad="$bad $p($h)" ;;
	esac
done
t_eq "every page links a favicon that exists" "$bad" ""

if t_have_browser; then
	t_node phone.mjs "$S" logement "aide alimentaire" "cours de français"
else
	t_skip "the home page at 360 px in Chromium" "$t_why"
fi
t_done
