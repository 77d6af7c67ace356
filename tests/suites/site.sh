#!/usr/bin/env bash
# The static site (issue 3): golden pages for a small fixture, theme
# fallback and template errors, determinism, private fields never
# published, hostile content inert, relative links only.
#   UPDATE_GOLDEN=1 tests/run site   rewrites tests/golden/site/expected
#   (read every diff before committing it).
# san: yes
. "$TOP/tests/lib.sh"
A=$ANNUAIRE
G=$TOP/tests/golden/site
export SOURCE_DATE_EPOCH=1521072000

if ! "$A" --version >/dev/null 2>&1; then
	t_skip "site suite" "the command line is not built yet"
	t_done; exit
fi

# build CONTENT OUT [ARGS...]: the site lands in OUT/site.
build() {
	local c=$1 o=$2; shift 2
	"$A" build -q --no-pdf -C "$c" -o "$o" "$@"
}
# Files of a site that the golden files cover: pages, sitemap, index.
# Exports (export.sh tests them), assets and logos are checked apart.
pages() {
	(cd "$1" && find . -type f \( -name '*.html' -o -name '*.xml' \
	    -o -name 'search-index.js' \) | sed 's|^\./||' | LC_ALL=C sort)
}

build "$G/content" "$T_TMP/o1" 2>"$T_TMP/err"; rc=$?
t_eq "fixture builds (exit 0)" "$rc" 0
S=$T_TMP/o1/edition/site
if [ ! -f "$S/index.html" ]; then
	t_fail "site written" "$(cat "$T_TMP/err")"
	t_done; exit
fi

if [ "${UPDATE_GOLDEN:-0}" = 1 ] && [ "$SAN" = 0 ]; then
	rm -rf "$G/expected"; mkdir -p "$G/expected"
	(cd "$S" && pages . | while read -r f; do
		mkdir -p "$G/expected/$(dirname "$f")"; cp "$f" "$G/expected/$f"
	done)
	t_ok "golden files rewritten"
fi

t_eq "the pages are those expected" "$(pages "$S")" "$(pages "$G/expected")"
for f in $(pages "$G/expected"); do
	if cmp -s "$S/$f" "$G/expected/$f"; then t_ok "golden: $f"
	else t_fail "golden: $f" "$(diff -u "$G/expected/$f" "$S/$f" | head -30)"; fi
done

for f in annuaire.csv annuaire.json annuaire.vcf partenaires/caf.vcf; do
	[ -s "$S/$f" ] && t_ok "export published: $f" || t_fail "export published: $f"
done
cmp -s "$S/logos/exemple.png" "$G/content/logos/exemple.png" &&
    t_ok "logo copied beside the pages" || t_fail "logo copied beside the pages"
ok=1
for f in $(cd "$TOP/themes/default/assets" && find . -type f); do
	cmp -s "$S/assets/$f" "$TOP/themes/default/assets/$f" || ok=0
done
[ $ok = 1 ] && t_ok "theme assets copied as is" || t_fail "theme assets copied as is"

# --- scripts and navigation ----------------------------------------------
# Each page loads only the script it needs: the search on the home page,
# today's hours and the print button on a partner page, nothing elsewhere.
scripts() { grep -o '<script src="[^"]*"' "$S/$1" | sed 's/.*src="//; s/"$//' | tr '\n' ' '; }
t_eq "scripts: home loads the search" "$(scripts index.html)" "search-index.js assets/stem-fr.js assets/recherche.js "
t_eq "scripts: a partner page loads fiche.js alone" "$(scripts partenaires/caf.html)" "../assets/fiche.js "
t_eq "scripts: other pages load none" "$(scripts categories.html)$(scripts thematiques.html)$(scripts a-propos.html)" ""
# liste.css (cards, needs grid, overviews) only where there are lists.
styles() { grep -o '<link rel="stylesheet" href="[^"]*"' "$S/$1" | sed 's/.*href="//; s/"$//' | tr '\n' ' '; }
t_eq "styles: a partner page loads style.css alone" "$(styles partenaires/caf.html)" "../assets/style.css "
t_eq "styles: the home page adds liste.css and recherche.css" "$(styles index.html)" "assets/style.css assets/liste.css assets/recherche.css "
# The categories overview: in the header and the footer of every page.
miss=$(for f in $(pages "$S" | grep 'html$'); do
	n=$(grep -c 'href="[^"]*categories\.html"' "$S/$f")
	[ "$n" -ge 2 ] || echo "$f: $n"
done)
t_eq "every page links to categories.html from header and footer" "$miss" ""
grep -q '<loc>https://example.org/essai/categories.html</loc>' "$S/sitemap.xml" &&
    t_ok "sitemap lists categories.html" || t_fail "sitemap lists categories.html"

# --- determinism --------------------------------------------------------
build "$G/content" "$T_TMP/o2" 2>/dev/null
if diff -r "$S" "$T_TMP/o2/edition/site" >/dev/null; then t_ok "same content, byte-identical site"
else t_fail "same content, byte-identical site" "$(diff -r "$S" "$T_TMP/o2/edition/site" | head)"; fi

# --- never published ----------------------------------------------------
hits=$(grep -rl -e "Secretnom" -e "XYZZY" -e "Conseillère" -e "relancer" "$S")
t_eq "fixture: contacts, suivi, note_suivi never published" "$hits" ""
build "$TOP/content" "$T_TMP/ex" 2>"$T_TMP/ex.err"; rc=$?
t_eq "example content builds" "$rc" 0
# Every contact name and e-mail, and every note_suivi, of the example.
secrets=$(cd "$TOP/content/partenaires" && awk '
	/^contacts:/ { c = 1; next }
	/^[a-z_]+:/ { c = 0 }
	c && /(nom|courriel):/ { sub(/^[ -]*(nom|courriel): *"?/, ""); sub(/"$/, ""); print }
	/^note_suivi:/ { sub(/^note_suivi: *"?/, ""); sub(/"$/, ""); print }' *.md | sort -u)
n=0 leaked=
while IFS= read -r s; do
	[ -n "$s" ] || continue
	n=$((n + 1))
	grep -rqF -- "$s" "$T_TMP/ex/edition/site" && leaked="$leaked$s"$'\n'
done <<<"$secrets"
if [ $n -gt 0 ] && [ -z "$leaked" ]; then t_ok "example: none of $n private values published"
else t_fail "example: private values published ($n checked)" "$leaked"; fi

# --- hostile page -------------------------------------------------------
H=$S/partenaires/hostile.html
# The content sits inside <main>; the head has the site's own <style>.
bad=$(sed -n '/<main/,/<\/main>/p' "$H" | grep -n -i -e '<script' -e '<iframe' \
    -e '<img src=x' -e '<svg onload' -e 'href="javascript:' -e 'href="vbscript:' \
    -e 'href="data:' -e 'href="file:' -e 'href="//' -e '<style' -e 'evil.example/"')
t_eq "hostile: no markup from the content reaches the page" "$bad" ""
grep -q '{{titre}}' "$H" && t_ok "hostile: {{ in values stays text" || t_fail "hostile: {{ in values stays text"
grep -q '&lt;script&gt;alert' "$H" && t_ok "hostile: HTML in YAML shown escaped" || t_fail "hostile: HTML in YAML shown escaped"
grep -q 'src="https://evil' "$H" && t_fail "hostile: remote image not loaded" || t_ok "hostile: remote image not loaded"

# --- links --------------------------------------------------------------
# 404.html is served by a web server at any depth: its links start at
# the base URL's path (/essai/), on purpose.
abs=$(grep -rhoE '(href|src)="/[^"]*"' "$S" --include='*.html' --exclude=404.html | sort -u)
t_eq "no root-absolute link (works from file://)" "$abs" ""
grep -q 'href="/essai/assets/style.css"' "$S/404.html" &&
    t_ok "404 page: links from the base URL's path" || t_fail "404 page: links from the base URL's path"
ext=$(grep -rhoE '(src)="https?:[^"]*"|<link rel="stylesheet" href="https?:[^"]*"' "$S" --include='*.html' | sort -u)
t_eq "no external resource loaded" "$ext" ""
grep -q 'rel="canonical"' "$S/partenaires/caf.html" && t_ok "canonical link with a base URL" || t_fail "canonical link with a base URL"

mkdir -p "$T_TMP/nourl"; cp -R "$G/content" "$T_TMP/nourl/"
sed -i '/^url:/d' "$T_TMP/nourl/content/site.yaml"
build "$T_TMP/nourl/content" "$T_TMP/o3" 2>/dev/null
[ ! -e "$T_TMP/o3/edition/site/sitemap.xml" ] && ! grep -rq 'rel="canonical"' "$T_TMP/o3/edition/site" &&
    t_ok "no base URL: no sitemap, no canonical link" || t_fail "no base URL: no sitemap, no canonical link"

# --- themes -------------------------------------------------------------
mkdir -p "$T_TMP/theme/partials" "$T_TMP/theme/assets"
printf '</main><footer>PIED-DU-THEME</footer></body></html>\n' >"$T_TMP/theme/partials/footer.mustache"
printf 'body{color:black}\n' >"$T_TMP/theme/assets/style.css"
build "$G/content" "$T_TMP/o4" --theme "$T_TMP/theme" 2>"$T_TMP/t.err"; rc=$?
t_eq "theme overriding one partial: exit 0" "$rc" 0
grep -q PIED-DU-THEME "$T_TMP/o4/edition/site/index.html" && grep -q '<h1>' "$T_TMP/o4/edition/site/index.html" &&
    t_ok "theme: its partial used, default templates for the rest" || t_fail "theme: partial and fallback" "$(cat "$T_TMP/t.err")"
cmp -s "$T_TMP/o4/edition/site/assets/style.css" "$T_TMP/theme/assets/style.css" &&
    [ -f "$T_TMP/o4/edition/site/assets/recherche.js" ] &&
    t_ok "theme: its assets win, default assets fill in" || t_fail "theme: assets"

mkdir -p "$T_TMP/bad"
printf '<p>\n  {{#partenaires}}\n' >"$T_TMP/bad/index.mustache"
build "$G/content" "$T_TMP/o5" --theme "$T_TMP/bad" 2>"$T_TMP/b.err"; rc=$?
t_eq "broken template: exit 1" "$rc" 1
grep -qE 'index\.mustache:2:[0-9]+: error' "$T_TMP/b.err" &&
    t_ok "broken template: error names file:line:col" || t_fail "broken template: error names file:line:col" "$(cat "$T_TMP/b.err")"

# A partial that exists but cannot be read fails the build; the engine
# alone would render it as a missing (empty) partial.
mkdir -p "$T_TMP/big/partials"
head -c 1048577 /dev/zero | tr '\0' x >"$T_TMP/big/partials/footer.mustache"
build "$G/content" "$T_TMP/o6" --theme "$T_TMP/big" 2>"$T_TMP/g.err"; rc=$?
t_eq "unreadable partial: exit 1" "$rc" 1
grep -q 'footer\.mustache: error: cannot read partial' "$T_TMP/g.err" && [ ! -e "$T_TMP/o6/edition/site" ] &&
    t_ok "unreadable partial: reported, no site published" || t_fail "unreadable partial: reported, no site published" "$(cat "$T_TMP/g.err")"

t_done
