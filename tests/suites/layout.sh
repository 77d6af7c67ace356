#!/usr/bin/env bash
# The booklet's layout (issue 4): a golden dump of a small fixture
# (tests/golden/layout/content), determinism, page numbers of the
# contents and outlines, no line starting with ; : ! ? », the glyph
# coverage warning, theme errors and warnings, hyphenation off,
# named contacts only in the partners' edition, an unwritable dump.
#   REGEN=1 tests/run layout   rewrites tests/golden/layout/livret.dump
#   (read the diff before committing it).
# san: yes
. "$TOP/tests/lib.sh"
A=$ANNUAIRE
# Relative to the repository, so that paths in the dump (logos) do not
# depend on where the repository is checked out.
cd "$TOP" || exit 1
G=tests/golden/layout
export SOURCE_DATE_EPOCH=1521072000

if ! "$A" --version >/dev/null 2>&1; then
	t_skip "layout suite" "the command line is not built yet"
	t_done; exit
fi

# dump CONTENT OUT DUMP [ARGS...]
dump() {
	local c=$1 o=$2 d=$3; shift 3
	"$A" build -q -C "$c" -o "$o" --layout-dump "$d" "$@"
}

# The fixture's site.yaml is the example's: 7 of its thematiques have no
# partner among its 4 pages (warnings); nothing else may be said.
quiet() {
	grep -v -e ': warning: thematiques: no partner has ' \
	    -e '^0 errors, 7 warnings in 4 pages$' "$1"
}
dump "$G/content" "$T_TMP/o1" "$T_TMP/d1" 2>"$T_TMP/err"; rc=$?
t_eq "fixture builds" "$rc $(quiet "$T_TMP/err")" "0 "
if [ "${REGEN:-0}" = 1 ]; then
	cp "$T_TMP/d1" "$G/livret.dump"
	t_ok "golden dump regenerated (review: git diff tests/golden/layout)"
else
	t_check "layout dump matches tests/golden/layout/livret.dump" \
	    diff -u "$G/livret.dump" "$T_TMP/d1"
fi

dump "$G/content" "$T_TMP/o2" "$T_TMP/d2" 2>/dev/null
t_check "two builds give the same layout" cmp "$T_TMP/d1" "$T_TMP/d2"

d=$T_TMP/d1
n=$(awk '/^doc /{for(i=1;i<=NF;i++) if($i ~ /^pages=/){sub("pages=","",$i); print $i}}' "$d")
t_eq "page count is a multiple of 4 ($n)" "$((n % 4))" "0"

# Every partner's outline entry (level 1) points at a page showing its name.
bad=$(awk '
	/^outline level=1 / {
		match($0, /page=[0-9]+/); p = substr($0, RSTART + 5, RLENGTH - 5)
		t = $0; sub(/^[^"]*"/, "", t); sub(/"$/, "", t)
		split(t, w, " "); want[p] = w[1]
	}
	/^page / { cur = $2 }
	/^  text / && (cur in want) && index($0, "\"" want[cur]) { seen[cur] = 1 }
	END { for (p in want) if (!(p in seen)) print "page " p ": " want[p] }
' "$d")
t_eq "outlines point at the partners' pages" "$bad" ""

# The contents' page numbers: each listed partner's name is on that page.
bad=$(awk '
	/^page / { som = $0 ~ /head="Sommaire"/; next }
	/^outline level=1 / {
		match($0, /page=[0-9]+/); p = substr($0, RSTART + 5, RLENGTH - 5)
		t = $0; sub(/^[^"]*"/, "", t); sub(/"$/, "", t); first[t] = p + 1
	}
	/^  goto / && som { match($0, /page=[0-9]+/); g[substr($0, RSTART + 5, RLENGTH - 5)] = 1 }
	END { for (t in first) if (!((first[t] - 1) in g)) print t " (p. " first[t] ")" }
' "$d")
t_eq "the contents link to every partner's first page" "$bad" ""

# Folios: the printed number of page index i is i + 1.
bad=$(awk '/^page / { if ($3 != "folio=0" && $3 != "folio=" ($2 + 1)) print }' "$d")
t_eq "folios match the page order (and the labels)" "$bad" ""

# No line starts with ; : ! ? » (French rules, breaker, justification).
bad=$(awk '
	/^page / { cur = $2; next }
	/^  text / {
		match($0, / x=[-0-9.]+/); x = substr($0, RSTART + 3, RLENGTH - 3) + 0
		match($0, / y=[-0-9.]+/); y = substr($0, RSTART + 3, RLENGTH - 3)
		t = $0; sub(/^[^"]*"/, "", t)
		k = cur ":" y
		if (!(k in minx) || x < minx[k]) { minx[k] = x; txt[k] = t }
	}
	END { for (k in txt) if (txt[k] ~ /^([;:!?]|»)/) print k ": " txt[k] }
' "$d")
t_eq "no line starts with ; : ! ? »" "$bad" ""

# The typographic apostrophe everywhere, even where a span of another
# face follows ("L'**Outil**"): text runs, running heads, outlines.
bad=$(grep -E '^(  text |page |outline )' "$d" | grep "'" | grep -vE '@|://|www\.' | head -3)
t_eq "no straight apostrophe in text, heads or outlines" "$bad" ""

# The A-Z index: "Caf, voir Caisse …", with "voir" in italics as French
# indexes set it, a text item of its own.
bad=$(awk '
	/^page / { idx = $0 ~ /head="Index alphabétique"/; next }
	idx && /^  text / && /[" ]voir[ "]/ {
		if ($0 ~ / italic size=[0-9.]+ #[0-9a-f]+ "voir"$/) n++
		else print
	}
	END { if (n == 0) print "no italic \"voir\" in the index" }
' "$d")
t_eq "index cross-references set \"voir\" in italics" "$bad" ""

# The opening hours, by day (issue 24: once only the golden dump saw
# them): days with the same hours share a row ("mer.–jeu."), a closed
# weekday says "fermé" in the muted colour, an open one its hours in the
# ink colour, and a closed week-end says nothing.  One line per table:
# DAYS=h (open) or DAYS=fermé~ (closed, muted), in the order of the pages.
hours=$(awk '
	function flush() { if (row != "") print row; row = ""; lx = ""; ly = "" }
	/^page / { flush(); inh = 0; next }
	/^  text / {
		s = $0; sub(/^[^"]*"/, "", s); sub(/"$/, "", s)
		if ($0 ~ / bold /) { if (inh) flush(); inh = (s == "HORAIRES"); next }
		if (!inh || $0 ~ / italic /) next
		match($0, /x=[0-9.]+/); x = substr($0, RSTART + 2, RLENGTH - 2)
		match($0, /y=[0-9.]+/); y = substr($0, RSTART + 2, RLENGTH - 2)
		match($0, /#[0-9a-f]+/); c = substr($0, RSTART, RLENGTH)
		if (y == ly) {
			if (!skip)	# a value: closed or open, and its colour
				row = row "=" (s == "fermé" ? s : "h") \
				    (c == "#595959" ? "~" : "")
		} else {	# a day label, or the second line of long hours
			if (lx == "") lx = x
			skip = (x != lx)
			if (!skip) row = row (row == "" ? "" : " ") s
		}
		ly = y
	}
	END { flush() }' "$d")
t_eq "hours: closed weekdays say fermé (muted), a closed week-end nothing" \
    "$hours" "lun.–mar.=h mer.=h jeu.=h ven.=h
lun.–mer.=h jeu.=h ven.=h
lun.=fermé~ mar.=h mer.–jeu.=fermé~ ven.=h
lun.=h mar.=fermé~ mer.=h jeu.=fermé~ ven.=h"

t_check "no soft hyphen is drawn" bash -c "! grep -q $'\xc2\xad' '$d'"
t_check "cover band reaches into the bleed" \
    grep -q '^  rect x=-8.50 .* w=436.54 ' "$d"
t_check "metadata: French, dated by SOURCE_DATE_EPOCH" \
    grep -q 'lang="fr-FR" date=1521072000$' "$d"

# Without SOURCE_DATE_EPOCH, the date is the latest update, 00:00 UTC.
(unset SOURCE_DATE_EPOCH; dump "$G/content" "$T_TMP/o3" "$T_TMP/d3" 2>/dev/null)
latest=$(grep -h '^mise_a_jour:' "$G"/content/partenaires/*.md | sort | tail -1 |
    awk '{print $2}')
t_check "without SOURCE_DATE_EPOCH: date of the latest update ($latest)" \
    grep -q "date=$(date -u -d "$latest" +%s)\$" "$T_TMP/d3"

# A character no font of the booklet has (Cherokee; "→", which Open Sans
# lacks, prints with the fallback face): a warning naming file:line:col.
cp -R "$G/content" "$T_TMP/c4"
f=$T_TMP/c4/partenaires/tad.md
sed -i 's/^public: "/public: "Familles → ᏣᎳᎩ /' "$f"
line=$(grep -n '^public:' "$f" | cut -d: -f1)
dump "$T_TMP/c4" "$T_TMP/o4" "$T_TMP/d4" 2>"$T_TMP/err4"; rc=$?
t_eq "a missing glyph is a warning, not an error" "$rc" "0"
t_check "the warning names the file, line and column" \
    grep -q "partenaires/tad.md:$line:9: warning: public: .*ᏣᎳᎩ (U+13E3" \
    "$T_TMP/err4"
t_eq "the glyph a fallback face has: no warning" \
    "$(grep -c 'U+2192' "$T_TMP/err4")" 0

# Named contacts: only in the partners' edition (pdftotext reads them).
if command -v pdftotext >/dev/null 2>&1; then
	"$A" build -q -C "$G/content" -o "$T_TMP/o5" --edition partenaires \
	    2>/dev/null
	t_check "public booklet has no named contact" bash -c \
	    "! pdftotext '$T_TMP/o5/edition/livret.pdf' - | grep -q 'Dominique Exemple'"
	t_check "partners' edition prints the named contacts" bash -c \
	    "pdftotext '$T_TMP/o5/edition/livret-partenaires.pdf' - | grep -q 'Dominique Exemple'"
else
	t_skip "named contacts" "pdftotext is not installed"
	t_skip "named contacts" "pdftotext is not installed"
fi

# Theme errors name theme.yaml:line:col; a missing key keeps its default.
mkdir -p "$T_TMP/th"
printf 'booklet:\n  page: a5\n  justify: peut-être\n' >"$T_TMP/th/theme.yaml"
"$A" build -q -C "$G/content" -o "$T_TMP/o6" --theme "$T_TMP/th" \
    2>"$T_TMP/err6"; rc=$?
t_eq "a bad theme value fails the build" "$([ $rc -ne 0 ] && echo fail)" "fail"
t_check "the error names theme.yaml:3:12" \
    grep -q "th/theme.yaml:3:12: error: booklet.justify: expected true or false" \
    "$T_TMP/err6"
printf 'booklet:\n  page: a4\n  fonts: "No Such Family"\n' >"$T_TMP/th/theme.yaml"
"$A" build -q -C "$G/content" -o "$T_TMP/o7" --theme "$T_TMP/th" \
    2>"$T_TMP/err7"; rc=$?
t_check "a font family that is not installed is an error" \
    grep -q 'theme.yaml:3:10: error: booklet.fonts.regular: the font family "No Such Family" is not installed' \
    "$T_TMP/err7"
printf 'booklet:\n  page: a4\n  justify: false\n' >"$T_TMP/th/theme.yaml"
"$A" build -q -C "$G/content" -o "$T_TMP/o8" --theme "$T_TMP/th" \
    --layout-dump "$T_TMP/d8" 2>"$T_TMP/err8"; rc=$?
t_eq "A4 ragged theme builds" "$rc $(quiet "$T_TMP/err8")" "0 "
t_check "A4 page size from the theme" grep -q '^doc w=595.28 h=841.89 ' \
    "$T_TMP/d8"

# theme.yaml is read by load_yaml like content/: the same refusals
# (duplicate keys, anchors) and the same syntax messages, with positions.
printf 'booklet:\n  justify: true\n  justify: false\n' >"$T_TMP/th/theme.yaml"
"$A" build -q -C "$G/content" -o "$T_TMP/o8b" --theme "$T_TMP/th" \
    2>"$T_TMP/err8b"; rc=$?
t_eq "a key given twice in theme.yaml fails the build" "$([ $rc -ne 0 ] && echo fail)" "fail"
t_check "theme.yaml:3:3: the key given twice is named" \
    grep -q 'theme.yaml:3:3: error: justify: this field is given twice (first on line 2)' \
    "$T_TMP/err8b"
printf 'booklet: &b\n  page: a4\nsite: *b\n' >"$T_TMP/th/theme.yaml"
"$A" build -q -C "$G/content" -o "$T_TMP/o8c" --theme "$T_TMP/th" \
    2>"$T_TMP/err8c"; rc=$?
t_check "theme.yaml:1:10: a YAML anchor is refused" \
    grep -q 'theme.yaml:1:10: error: YAML anchors (&b) are not accepted' "$T_TMP/err8c"
printf 'booklet: [\n' >"$T_TMP/th/theme.yaml"
"$A" build -q -C "$G/content" -o "$T_TMP/o8d" --theme "$T_TMP/th" \
    2>"$T_TMP/err8d"; rc=$?
t_check "theme.yaml:2:1: a syntax error is worded as in content/" \
    grep -q 'theme.yaml:2:1: error: a value is missing here' "$T_TMP/err8d"

# Theme settings the golden dump does not reach.
printf 'booklet:\n  fonts:\n    regular: "Open Sans"\n    semibold: "Open Sans"\n' \
    >"$T_TMP/th/theme.yaml"
"$A" build -q -C "$G/content" -o "$T_TMP/o9" --theme "$T_TMP/th" \
    2>"$T_TMP/err9"; rc=$?
t_eq "an unknown key under fonts is a warning, not an error" "$rc" "0"
t_check "the warning names theme.yaml:4:5" \
    grep -q 'theme.yaml:4:5: warning: booklet.fonts.semibold: unknown key' \
    "$T_TMP/err9"
printf 'booklet:\n  hyphenate: false\n' >"$T_TMP/th/theme.yaml"
"$A" build -q -C "$G/content" -o "$T_TMP/o10" --theme "$T_TMP/th" \
    --layout-dump "$T_TMP/d10" 2>/dev/null
n1=$(grep -c -- '[[:alpha:]]-"$' "$d")
n0=$(grep -c -- '[[:alpha:]]-"$' "$T_TMP/d10")
t_check "hyphenate: false ends fewer lines in a hyphen ($n0, not $n1)" \
    test "$n0" -lt "$n1"
t_check "hyphenate: false: \"maternelle\" is not split" \
    bash -c "! grep -q 'mater-\"\$' '$T_TMP/d10'"

# The dump is an output like the others: a path that cannot be written
# fails the build and is named.
"$A" build -q -C "$G/content" -o "$T_TMP/o11" \
    --layout-dump "$T_TMP/no/such/dir/dump" 2>"$T_TMP/err11"; rc=$?
t_eq "an unwritable --layout-dump fails the build" \
    "$([ $rc -ne 0 ] && echo fail)" "fail"
t_check "the error names the dump's path" \
    grep -q "no/such/dir/dump.*error: cannot write" "$T_TMP/err11"

t_done
