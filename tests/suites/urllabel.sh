#!/usr/bin/env bash
# urllabel: a partner's web site reads the same on the site and in both
# booklets (issue 11): no scheme, no "www.", no trailing slash, from the
# one model_url_label().  Pages of a copy of the example get sites with
# and without "www.", http and https, a path and a trailing slash.
# san: yes
set -u
: "${TOP:=$(cd "$(dirname "$0")/../.." && pwd)}"
. "$TOP/tests/lib.sh"
export LC_ALL=C.UTF-8 TZ=UTC SOURCE_DATE_EPOCH=1521072000

c=$T_TMP/content
cp -R "$TOP/content" "$c"
# slug|site as written|label everywhere
cases='caf-yvelines|https://www.caf.fr/allocataires/|caf.fr/allocataires
aejf|http://www.example.net/|example.net
asfir|https://wwwexample.org/x/|wwwexample.org/x
croix-rouge|https://example.com/www.y|example.com/www.y'
echo "$cases" | while IFS='|' read -r slug url label; do
	sed -i "s|^site: .*|site: \"$url\"|" "$c/partenaires/$slug.md"
done

out=$T_TMP/out
if ! "$ANNUAIRE" build -q -C "$c" -o "$out" 2>"$T_TMP/build.err"; then
	t_fail "build of the example with other sites" "$(head -c 300 "$T_TMP/build.err")"
	t_done
	exit
fi
t_ok "build of the example with other sites"

have_pdf=0
command -v pdftotext >/dev/null 2>&1 && have_pdf=1
for pdf in livret livret-impression; do
	[ $have_pdf -eq 1 ] && pdftotext -layout "$out/edition/$pdf.pdf" "$T_TMP/$pdf.txt"
done

while IFS='|' read -r slug url label; do
	page=$out/edition/site/partenaires/$slug.html
	if grep -qF "href=\"$url\" rel=\"external noopener\">$label</a>" "$page"
	then t_ok "site: $url shows as $label"
	else t_fail "site: $url shows as $label" \
	    "$(grep -oF "href=\"$url\"[^<]*" "$page" | head -2)"
	fi
	for pdf in livret livret-impression; do
		if [ $have_pdf -eq 0 ]; then
			t_skip "$pdf: $url shows as $label" "no pdftotext"
			continue
		fi
		# The label alone on its line (or ending it), never another form.
		if grep -qE "(^|[[:space:]])$(printf '%s' "$label" | sed 's/[.?/]/\\&/g')([[:space:]]|$)" "$T_TMP/$pdf.txt" &&
		    ! grep -qF "www.$label" "$T_TMP/$pdf.txt" &&
		    ! grep -qF "$label/" "$T_TMP/$pdf.txt"
		then t_ok "$pdf: $url shows as $label"
		else t_fail "$pdf: $url shows as $label" \
		    "$(grep -F "${label#*.}" "$T_TMP/$pdf.txt" | head -3)"
		fi
	done
done <<EOT
$cases
EOT
t_done
