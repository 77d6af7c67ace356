#!/usr/bin/env bash
# Manual pages lint clean; `make install` / `make uninstall` honour
# PREFIX and DESTDIR; the installed program finds its installed theme.
. "$TOP/tests/lib.sh"

for m in docs/annuaire.1 docs/annuaire.5 docs/fr/annuaire.1 docs/fr/annuaire.5; do
	if ! command -v mandoc >/dev/null; then t_fail "$m: mandoc -Tlint" "mandoc is not installed"; continue; fi
	out=$(mandoc -Tlint -Wwarning "$TOP/$m" 2>&1)
	# annuaire.1 and annuaire.5 refer to each other: "not found" is expected before install.
	out=$(printf '%s\n' "$out" | grep -v "referenced manual not found" | grep -v '^$')
	[ -z "$out" ] && t_ok "$m: mandoc -Tlint clean" || t_fail "$m: mandoc -Tlint clean" "$out"
done

# Every subcommand of --help is in the manual and in README.
for c in build check new help; do
	grep -q "^\.Cm $c" "$TOP/docs/annuaire.1" && grep -q "annuaire $c" "$TOP/README.md" &&
	    t_ok "'$c' documented in annuaire(1) and README" || t_fail "'$c' documented in annuaire(1) and README"
done
for o in --theme --bleed --edition --no-pdf --layout-dump; do
	"$ANNUAIRE" help build | grep -q -- "$o" && grep -q -- "Fl -${o#--}" "$TOP/docs/annuaire.1" &&
	    t_ok "build $o in --help and annuaire(1)" || t_fail "build $o in --help and annuaire(1)"
done

# The French pages name the same commands and options as the English ones:
# every `.Cm WORD` and `.Fl WORD`, also inline (`.It Fl -apply`, `Ns Fl o`).
mdoc_words() {
	grep '^\.' "$1" | awk '{ for (i = 1; i < NF; i++) if ($i ~ /^\.?(Cm|Fl)$/) { m = $i; sub(/^\./, "", m); print m " " $(i + 1) } }' |
	    sort -u
}
for p in annuaire.1 annuaire.5; do
	diff=$(diff <(mdoc_words "$TOP/docs/$p") <(mdoc_words "$TOP/docs/fr/$p"))
	[ -z "$diff" ] && t_ok "docs/fr/$p names the same commands and options as docs/$p" ||
	    t_fail "docs/fr/$p names the same commands and options as docs/$p" "$diff"
done

d=$T_TMP/dest
if make -s -C "$TOP" install DESTDIR="$d" PREFIX=/opt/annuaire >"$T_TMP/install.log" 2>&1; then
	t_ok "make install DESTDIR PREFIX"
else
	t_fail "make install DESTDIR PREFIX" "$(tail -20 "$T_TMP/install.log")"
fi
for f in bin/annuaire share/man/man1/annuaire.1 share/man/man5/annuaire.5 \
    share/man/fr/man1/annuaire.1 share/man/fr/man5/annuaire.5 \
    share/annuaire/themes/default/index.mustache; do
	[ -e "$d/opt/annuaire/$f" ] && t_ok "installed $f" || t_fail "installed $f"
done
cp -R "$TOP/content" "$T_TMP/c"
(cd "$T_TMP" && "$d/opt/annuaire/bin/annuaire" build -q -C c -o o --no-pdf \
    --theme "$d/opt/annuaire/share/annuaire/themes/default") >"$T_TMP/run.log" 2>&1 &&
    [ -s "$T_TMP/o/edition/site/index.html" ] && t_ok "the installed program builds with the installed theme" ||
    t_fail "the installed program builds with the installed theme" "$(cat "$T_TMP/run.log")"
(cd "$T_TMP" && "$d/opt/annuaire/bin/annuaire" build -q -C c -o o2 --no-pdf) >"$T_TMP/run2.log" 2>&1 &&
    [ -s "$T_TMP/o2/edition/site/index.html" ] && t_ok "the installed program finds its theme under ../share/annuaire (relocatable)" ||
    t_fail "the installed program finds its theme under ../share/annuaire (relocatable)" "$(cat "$T_TMP/run2.log")"
make -s -C "$TOP" uninstall DESTDIR="$d" PREFIX=/opt/annuaire >/dev/null 2>&1
left=$(find "$d" -type f | head)
[ -z "$left" ] && t_ok "make uninstall removes every installed file" || t_fail "make uninstall removes every installed file" "$left"
t_done
