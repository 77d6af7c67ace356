#!/usr/bin/env bash
# The tagged booklet (issue 21), read back with real readers: poppler
# (pdfinfo: Tagged, -struct and -struct-text: the structure tree and
# the text of each element), qpdf (--check, its JSON) and pdf.js
# (tests/browser/pdftags.mjs: every text item in exactly one element or
# artifact, the tree's text in tree order equal to the pages' in reading
# order, every partner one H2 in the booklet's order, Figures with /Alt,
# one TH per row, link annotations with /StructParent and /Contents,
# /Lang, /MarkInfo, /DisplayDocTitle, XMP pdfuaid:part) on the example
# and the stress fixtures; then the same checker on a booklet with one
# untagged word and one Figure without /Alt (ANNUAIRE_FAULT=untag) must
# fail, naming both.
# san: yes
. "$TOP/tests/lib.sh"
A=$ANNUAIRE
G=$TOP/tests/stress
export SOURCE_DATE_EPOCH=1521072000

if ! "$A" --version >/dev/null 2>&1; then
	t_skip "tagged suite" "the command line is not built yet"
	t_done; exit
fi
if ! command -v pdfinfo >/dev/null 2>&1 || ! command -v qpdf >/dev/null; then
	t_skip "tagged suite" "poppler-utils or qpdf is not installed"
	t_done; exit
fi
pdfjs=1
if ! command -v node >/dev/null 2>&1 ||
    [ ! -d "$TOP/tests/browser/node_modules/pdfjs-dist" ]; then
	pdfjs=0
	why="pdf.js missing (cd tests/browser && npm ci)"
fi

# Text without its blanks (spaces, no-break and thin spaces, line ends),
# composed (NFC), without what the booklet's fonts cannot print (the
# scripts fixture: Arabic, Chinese, emoji are left out, check warns).
squash() {
	perl -CSD -MUnicode::Normalize -pe '$_ = NFC($_);
	    s/[^\p{Latin}\p{Common}\p{Inherited}]//g; s/[\p{So}\s]//g'
}

# poppler's view of a tagged booklet: its structure and its partners.
poppler_checks() {
	local name=$1 pdf=$2 content=$3 st n h2 missing f
	t_eq "$name: pdfinfo says Tagged: yes" \
	    "$(pdfinfo "$pdf" | sed -n 's/^Tagged: *//p')" yes
	st=$(pdfinfo -struct-text "$pdf" 2>&1)
	t_eq "$name: the structure tree's root is a Document" \
	    "$(printf '%s\n' "$st" | head -1)" Document
	# Every TR holds one TH (pdfinfo -struct: children indented by 2).
	n=$(pdfinfo -struct "$pdf" | awk '
	    function flush() { if (intr && th != 1) bad++; intr = 0 }
	    /^ *TR$/ { flush(); intr = 1; th = 0; ind = index($0, "T"); next }
	    intr && index($0, substr($0, 1, ind + 1) ) && /^ *TH/ &&
	        match($0, /[^ ]/) == ind + 2 { th++ ; next }
	    intr && match($0, /[^ ]/) <= ind { flush() }
	    END { flush(); print bad + 0 }')
	t_eq "$name: every TR has one TH (pdfinfo -struct)" "$n" 0
	# Every partner's name is the text of an H2.
	h2=$(printf '%s\n' "$st" | awk '/^ *H2/ { getline; print }' | squash)
	missing=
	for f in "$content"/partenaires/*.md; do
		[ -f "$f" ] || continue
		n=$(sed -n 's/^nom: *"\{0,1\}\([^"]*\)"\{0,1\}$/\1/p' "$f" |
		    head -1 | sed "s/'/’/g" | squash)
		[ -n "$n" ] || continue
		case $h2 in *"$n"*) ;; *) missing="$missing $f" ;; esac
	done
	t_eq "$name: every partner's name is an H2 (pdfinfo -struct-text)" \
	    "$missing" ""
}

pdfjs_checks() {
	local name=$1 pdf=$2 out rc
	if [ $pdfjs = 0 ]; then
		t_skip "$name: pdf.js tag checker" "$why"
		return
	fi
	out=$(node "$TOP/tests/browser/pdftags.mjs" "$pdf" 2>&1); rc=$?
	if [ $rc -eq 0 ]; then t_ok "$name: pdf.js tag checker: ${out##*$'\n'}"
	else t_fail "$name: pdf.js tag checker" "$(printf '%s\n' "$out" | head -20)"; fi
}

# ---- the example ----------------------------------------------------------
O=$T_TMP/ex
"$A" build -q -C "$TOP/content" -o "$O" 2>"$T_TMP/err"
t_check "example builds" test -s "$O/edition/livret.pdf"
P=$O/edition/livret.pdf
t_check "qpdf --check livret.pdf" qpdf --check "$P"
t_check "qpdf --check livret-impression.pdf" qpdf --check \
    "$O/edition/livret-impression.pdf"
poppler_checks example "$P" "$TOP/content"
pdfjs_checks example "$P"
"$A" build -q -C "$TOP/content" -o "$T_TMP/ex2" 2>/dev/null
t_check "a rebuild writes the same tagged livret.pdf" cmp "$P" \
    "$T_TMP/ex2/edition/livret.pdf"
# The partners' edition is the same booklet, tagged alike.
"$A" build -q -C "$TOP/content" -o "$T_TMP/exp" --edition partenaires \
    2>/dev/null
t_check "partners' edition: qpdf --check" qpdf --check \
    "$T_TMP/exp/edition/livret-partenaires.pdf"
poppler_checks "partners' edition" "$T_TMP/exp/edition/livret-partenaires.pdf" \
    "$TOP/content"
pdfjs_checks "partners' edition" "$T_TMP/exp/edition/livret-partenaires.pdf"
# The imposition is not tagged (its pages are sheet sides).
t_eq "the imposition says Tagged: no" \
    "$(pdfinfo "$O/edition/livret-impression.pdf" | sed -n 's/^Tagged: *//p')" no

# ---- the stress fixtures -------------------------------------------------
for f in long big scripts empty; do
	sh "$G/gen.sh" "$f" "$T_TMP/c-$f" >/dev/null
	"$A" build -q -C "$T_TMP/c-$f" -o "$T_TMP/o-$f" 2>"$T_TMP/err-$f"
	if [ ! -s "$T_TMP/o-$f/edition/livret.pdf" ]; then
		t_fail "$f: builds" "$(head -5 "$T_TMP/err-$f")"; continue
	fi
	t_check "$f: qpdf --check" qpdf --check "$T_TMP/o-$f/edition/livret.pdf"
	poppler_checks "$f" "$T_TMP/o-$f/edition/livret.pdf" "$T_TMP/c-$f"
	pdfjs_checks "$f" "$T_TMP/o-$f/edition/livret.pdf"
done

# ---- the checker can fail -------------------------------------------------
ANNUAIRE_FAULT=untag "$A" build -q -C "$TOP/content" -o "$T_TMP/bad" \
    2>/dev/null
if [ $pdfjs = 0 ]; then
	t_skip "pdf.js tag checker fails on an untagged word" "$why"
else
	out=$(node "$TOP/tests/browser/pdftags.mjs" "$T_TMP/bad/edition/livret.pdf" 2>&1)
	rc=$?
	t_eq "pdf.js tag checker fails (exit 1) on an untagged word and a Figure without /Alt" \
	    "$rc $(printf '%s\n' "$out" | grep -c 'in 0 marked-content sequences') $(printf '%s\n' "$out" | grep -c 'Figure without /Alt')" \
	    "1 1 1"
fi
t_check "qpdf --check the faulty booklet" qpdf --check "$T_TMP/bad/edition/livret.pdf"
t_done
