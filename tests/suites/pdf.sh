#!/usr/bin/env bash
# The printed booklet (issue 4), end to end: `annuaire build` on the
# example content, the PDFs read back with real readers (qpdf, poppler's
# pdftotext, pdffonts, pdfinfo, pdftoppm; ImageMagick for pixels).
# The emitter's details on a hand-built document: tests/unit/test_emit.c.
# san: yes
. "$TOP/tests/lib.sh"
A=$ANNUAIRE
C=$TOP/content
export SOURCE_DATE_EPOCH=1521072000

if ! "$A" --version >/dev/null 2>&1; then
	t_skip "pdf suite" "the command line is not built yet"
	t_done; exit
fi

O=$T_TMP/o1
"$A" build -q -C "$C" -o "$O" 2>"$T_TMP/err"; rc=$?
t_eq "example content builds (exit 0)" "$rc" 0
P=$O/edition/livret.pdf
I=$O/edition/livret-impression.pdf
if [ ! -s "$P" ] || [ ! -s "$I" ]; then
	t_fail "livret.pdf and livret-impression.pdf written" "$(cat "$T_TMP/err")"
	t_done; exit
fi
t_ok "livret.pdf and livret-impression.pdf written"

# Text of a page (physical number), all blanks and line ends as one space.
page_text() {
	pdftotext -f "$2" -l "$2" "$1" - 2>/dev/null | tr -s '[:space:]' ' '
}
# For finding a name on a page: without blanks or hyphens (pdftotext
# joins "Sainte-" at a line end to "Élisabeth"), ’ for '.
squash() { tr -d '[:space:]-' | sed "s/'/’/g"; }
# The partners' names, one a line, from the content.
names() {
	sed -n 's/^nom: *"\(.*\)" *$/\1/p' "$C"/partenaires/*.md
}
npages=$(pdfinfo "$P" | awk '/^Pages:/ {print $2}')
size=$(wc -c <"$P")
echo "# livret.pdf: $npages pages, $size bytes;" \
    "livret-impression.pdf: $(wc -c <"$I") bytes"

# ---- private fields -----------------------------------------------------------
# The public booklets never print named contacts, suivi or note_suivi:
# every contact name and e-mail and every note of the example content.
private=$(cd "$C/partenaires" && awk '
	/^contacts:/ { c = 1; next }
	/^[a-z_]+:/ { c = 0 }
	c && /^ *-? *(nom|courriel):/ { sub(/^[^:]*: */, ""); gsub(/"/, ""); print }
	/^note_suivi:/ { sub(/^[^:]*: */, ""); gsub(/"/, ""); print }' *.md | sort -u)
if [ -z "$private" ]; then
	t_fail "the example content has private fields to look for"
else
	text=$( { pdftotext "$P" -; pdftotext "$I" -; } 2>/dev/null | tr -s '[:space:]' ' ')
	leaks=$(printf '%s\n' "$private" | while IFS= read -r v; do
		case $text in *"$v"*) echo "$v" ;; esac
	done)
	t_eq "public booklets print no contact, suivi or note_suivi ($(printf '%s\n' "$private" | wc -l) values)" "$leaks" ""
fi

# ---- validity ---------------------------------------------------------------
for f in "$P" "$I"; do
	t_check "qpdf --check $(basename "$f")" qpdf --check "$f"
done

# libharu's own ToUnicode CMaps make poppler warn ("Invalid
# 'begincidrange' operator"); the emitter replaces them.
warn=$( { pdftotext "$P" /dev/null; pdftotext "$I" /dev/null;
	pdffonts "$P" >/dev/null; } 2>&1)
t_eq "pdftotext and pdffonts print no warning" "$warn" ""

fonts=$(pdffonts "$P" | tail -n +3)
if [ -z "$fonts" ]; then
	t_fail "every font embedded" "no font"
elif bad=$(echo "$fonts" | awk '$(NF-4) != "yes" || $(NF-2) != "yes"') &&
    [ -n "$bad" ]; then
	t_fail "every font embedded, with ToUnicode" "$bad"
else
	t_ok "every font embedded, with ToUnicode ($(echo "$fonts" | wc -l) faces)"
fi

# ---- text ------------------------------------------------------------------
all=$(pdftotext "$P" - 2>/dev/null | tr -s '[:space:]' ' ')
missing=$(names | while IFS= read -r n; do
	case $all in *"$n"*) ;; *) echo "$n" ;; esac
done)
t_eq "every partner's name extractable, accents included" "$missing" ""
# The characters the issue names, those the content uses (the unit test
# covers each of them on a hand-built page).
missing= used=
for s in é è à ç œ « » ’ É; do
	grep -q "$s" "$C"/partenaires/*.md || continue
	used="$used$s"
	case $all in *"$s"*) ;; *) missing="$missing $s" ;; esac
done
t_eq "accents, « », ’ and œ extractable (in the content: $used)" "$missing" ""

bad=$(pdftotext "$P" - 2>/dev/null | grep -nE '^[[:space:]]*[;:!?»]' | head)
t_eq "no line starts with ; : ! ? »" "$bad" ""
# French rules: the typographic apostrophe, outside addresses.
bad=$(pdftotext "$P" - 2>/dev/null | grep -n "'" | grep -vE '@|://|www\.' | head)
t_eq "no straight apostrophe in the text (’)" "$bad" ""
o=$(qpdf --json --json-key=outlines "$P" | grep '"title"' | grep "'" | head)
t_eq "no straight apostrophe in the bookmarks (’)" "$o" ""

# ---- pages -----------------------------------------------------------------
ps=$(pdfinfo "$P" | awk '/^Page size:/ {printf "%.0fx%.0f", $3, $5}')
t_eq "A5 pages (420x595 pt)" "$ps" "420x595"
is=$(pdfinfo "$I" | awk '/^Page size:/ {printf "%.0fx%.0f", $3, $5}')
t_eq "imposed on A4 landscape (842x595 pt)" "$is" "842x595"
ni=$(pdfinfo "$I" | awk '/^Pages:/ {print $2}')
t_eq "imposed sides: page count padded to a multiple of 4, two per side" \
    "$ni" "$(( (npages + 3) / 4 * 2 ))"

# Words of a text, sorted: robust to the order pdftotext reads a crop in.
words() { tr -s '[:space:]' '\n' | sed '/^$/d' | LC_ALL=C sort; }
# Every half of every side holds the page the saddle-stitch order
# gives (front N-2s | 2s+1, back 2s+2 | N-2s-1), padding pages blank.
N=$(( (npages + 3) / 4 * 4 ))
bad=
for ((k = 0; k < N / 2; k++)); do
	s=$((k / 2))
	if [ $((k % 2)) = 0 ]; then l=$((N - 2 * s)) r=$((2 * s + 1))
	else l=$((2 * s + 2)) r=$((N - 2 * s - 1)); fi
	for half in 0 1; do
		if [ $half = 0 ]; then p=$l x=0; else p=$r x=421; fi
		got=$(pdftotext -f $((k + 1)) -l $((k + 1)) -x $x -y 0 -W 420 \
		    -H 596 "$I" - 2>/dev/null | words)
		want=
		[ "$p" -le "$npages" ] && want=$(pdftotext -f "$p" -l "$p" "$P" - \
		    2>/dev/null | words)
		[ "$got" = "$want" ] || bad="$bad side $((k + 1)) half $half (page $p);"
	done
done
t_eq "imposition order: every half-side holds the right page" "$bad" ""
# The issue's own words: folio 1 on the right half of the first sheet.
got=$(pdftotext -f 1 -l 1 -x 421 -y 0 -W 420 -H 596 "$I" - 2>/dev/null | words)
want=$(pdftotext -f 1 -l 1 "$P" - 2>/dev/null | words)
if [ -n "$want" ] && [ "$got" = "$want" ]; then
	t_ok "page 1 on the right half of the first sheet's front"
else
	t_fail "page 1 on the right half of the first sheet's front" \
	    "want: $(echo $want | cut -c1-200) / got: $(echo $got | cut -c1-200)"
fi

# ---- contents, bookmarks, labels, links --------------------------------------
# Folio -> physical page, through the PDF page labels (decimal ranges).
labels=$(qpdf --json --json-key=pagelabels "$P" | tr -s ' \n' '  ' |
    grep -o '"index": [0-9]*, "label": { [^}]*}')
t_check "page labels present" test -n "$labels"
physical() {
	echo "$labels" | awk -v f="$1" '
	{ idx = $2 + 0; st = 1; dec = 0
	  if (match($0, /"\/St": [0-9]+/)) st = substr($0, RSTART + 7, RLENGTH - 7) + 0
	  if ($0 ~ /"\/S": "\/D"/) dec = 1
	  if (dec && f >= st) best = idx + f - st + 1 }
	END { print best + 0 }'
}
# Entries with dot leaders (contents, "Mode d'emploi", both indexes):
# the emitter draws name, leaders, folio, so pdftotext -raw reads
# "name . . . 12", a wrapped name on the lines before.  The text is cut
# after each folio; an entry is the end of its piece that matches a
# partner's name.  A name is checked without its "(SIGLE)"; "SIGLE,
# voir Name" by Name.  No-break spaces (« Eole ») count as spaces.
nbsp() { sed 's/\xc2\xa0/ /g; s/\xe2\x80\xaf/ /g'; }
toc=$(pdftotext -raw "$P" - 2>/dev/null | nbsp | tr '\n\f' '  ' |
    sed -E 's/ (\. )+\.? ?([0-9]+) /\t\2\n/g' |
    awk -F'\t' 'NF == 2 { print $2 "\t" $1 }' |
    sed 's/\t.*, voir /\t/; s/ ([^)]*)$//')
nt=$(echo "$toc" | sed '/^$/d' | wc -l)
# The entry of a name: the pieces ending with it.
entries_of() {
	echo "$toc" | awk -F'\t' -v n="$1" '
	{ k = length($2) - length(n) }
	k >= 0 && substr($2, k + 1) == n && (k == 0 || substr($2, k, 1) == " ")'
}
bad=
while IFS= read -r n; do
	while IFS=$'\t' read -r folio _; do
		[ -n "$folio" ] || continue
		p=$(physical "$folio")
		case $(page_text "$P" "$p" | squash) in
		*"$(echo "$n" | squash)"*) ;;
		*) bad="$bad «$n» not on folio $folio (page $p);" ;;
		esac
	done < <(entries_of "$n")
done < <(names | nbsp)
unlisted=$(names | nbsp | while IFS= read -r n; do
	[ "$(entries_of "$n" | wc -l)" -ge 3 ] || echo "$n"
done)
t_eq "contents and both indexes list every partner with dot leaders ($nt entries)" \
    "$unlisted" ""
t_eq "page numbers of contents and indexes: each name is on the page given" \
    "$bad" ""

# Bookmarks: every partner, a leaf pointing at a page that shows it
# (titled with the name, possibly followed by " (SIGLE)").
ol=$(qpdf --json --json-key=outlines "$P" | tr -s ' \n' '  ' |
    grep -o '"destpageposfrom1": [0-9]*, "kids": \[\], "object": "[^"]*", "open": [a-z]*, "title": "[^"]*"' |
    sed 's/"destpageposfrom1": \([0-9]*\),.*"title": "\(.*\)"/\1\t\2/' | nbsp)
bad=
while IFS= read -r n; do
	line=$(echo "$ol" | awk -F'\t' -v n="$n" '$2 == n ||
	    index($2, n " (") == 1 {print; exit}')
	if [ -z "$line" ]; then bad="$bad no bookmark «$n»;"; continue; fi
	p=${line%%$'\t'*}
	case $(page_text "$P" "$p" | squash) in
	*"$(echo "$n" | squash)"*) ;;
	*) bad="$bad «$n» → page $p;" ;;
	esac
done < <(names | nbsp)
t_eq "bookmarks: one per partner, on the partner's page" "$bad" ""
nb=$(qpdf --json --json-key=outlines "$P" | grep -c '"title"')
t_check "bookmarks for categories, contents and indexes too" \
    test "$nb" -gt "$(names | wc -l)"

q=$(qpdf --json --json-key=qpdf "$P" | tr -s ' \n' '  ')
nl=$(echo "$q" | grep -o '"/Subtype": "/Link"' | wc -l)
nbord=$(echo "$q" | grep -o '"/Border": \[ 0, 0, 0 \]' | wc -l)
t_check "links present (found $nl)" test "$nl" -gt 0
t_eq "no link has a border" "$nbord" "$nl"
t_check "internal links (contents, indexes, cross-references)" \
    test "$(echo "$q" | grep -o '"/Dest": ' | wc -l)" -gt 0
schemes=$(echo "$q" | grep -o '"/URI": "u:[a-z]*:' | sed 's/.*u://' |
    sort -u | tr '\n' ' ')
bad=
for sch in https: mailto: tel:; do
	case " $schemes" in *" $sch "*) ;; *) bad="$bad $sch" ;; esac
done
t_eq "web, mailto: and tel: links (found: $schemes)" "$bad" ""
case $q in *'"/Lang": "u:fr'*) t_ok "document language is French" ;;
*) t_fail "document language is French" ;; esac
t_check "title in the metadata" sh -c "pdfinfo '$P' | grep -q '^Title: *[^ ]'"

# ---- rendering -----------------------------------------------------------------
# The cover, the first and last partners' pages, the back cover.
first=$(echo "$ol" | head -1 | cut -f1)
last=$(echo "$ol" | tail -1 | cut -f1)
bad=
for p in 1 "${first:-2}" "${last:-3}" "$npages"; do
	pdftoppm -r 20 -gray -f "$p" -l "$p" -singlefile "$P" "$T_TMP/r$p" 2>/dev/null
	m=$(convert "$T_TMP/r$p.pgm" -format '%[fx:mean]' info: 2>/dev/null)
	# White is 1: anything drawn makes a page darker.
	awk -v m="${m:-1}" 'BEGIN { exit !(m < 0.9995) }' || bad="$bad page $p (mean $m);"
done
t_eq "rendered pages are not blank" "$bad" ""

# ---- composition ---------------------------------------------------------------
# From the layout dump of the same build: a partner continued overleaf
# has its name as the running head of the next page.
"$A" build -q -C "$C" -o "$T_TMP/od" --layout-dump "$T_TMP/dump" 2>/dev/null
np=$(grep -c '^outline level=1 ' "$T_TMP/dump")
nc=$(awk '
	/^outline level=1 / { t = $0; sub(/^[^"]*"/, "", t); sub(/"$/, "", t); name[t] = 1 }
	/^page / { h = $0; sub(/.*head="/, "", h); sub(/"$/, "", h); if (h in name) n++ }
	END { print n + 0 }' "$T_TMP/dump")
t_check "most partners fit on one page ($((np - nc)) of $np)" \
    test $(( (np - nc) * 4 )) -ge $(( np * 3 ))
# A partner continued overleaf carries a real share of its text there,
# never a stub of a line or two: at least 6 lines of body text (distinct
# baselines of text in body sizes; the running head, folio, update date
# and the white thumb-tab letter are smaller or white).
conts=$(awk '
	function flush() { if (cur != "" && (hd in name)) printf "%s:%d ", cur + 1, n }
	/^outline level=1 / { t = $0; sub(/^[^"]*"/, "", t); sub(/"$/, "", t); name[t] = 1 }
	/^page / { flush(); cur = $2; h = $0; sub(/.*head="/, "", h); sub(/"$/, "", h)
		hd = h; n = 0; delete ys; next }
	/^  text / && !/ #ffffff / {
		match($0, / size=[0-9.]+/); sz = substr($0, RSTART + 6, RLENGTH - 6) + 0
		match($0, / y=[-0-9.]+/); y = substr($0, RSTART + 3, RLENGTH - 3)
		if (sz >= 8.5 && !(y in ys)) { ys[y] = 1; n++ } }
	END { flush() }' "$T_TMP/dump")
echo "# continuation pages (page:lines): ${conts:-none}"
bad=$(for c in $conts; do [ "${c#*:}" -ge 6 ] || printf '%s ' "p. ${c%:*}: ${c#*:} lines"; done)
t_eq "no partner continuation page with fewer than 6 lines" "$bad" ""
# Blank pages inside a booklet look unfinished: every page but the
# Notes that pad the count to a multiple of four carries text.
bad=$(awk '
	function flush() { if (cur != "" && (blank || !text) && head != "Notes") print "page " cur }
	/^page / { flush(); cur = $2; blank = / blank/; text = 0
		h = $0; sub(/.*head="/, "", h); sub(/"$/, "", h); head = h; next }
	/^  text / { text = 1 }
	END { flush() }' "$T_TMP/dump")
t_eq "no blank page (but the Notes ones)" "$bad" ""

# An index continued overleaf starts with a heading: its group's,
# repeated with "(suite)", or the next group's (never a bare entry).
bad=$(awk '
	/^page / { h = $0; sub(/.*head="/, "", h); sub(/"$/, "", h)
		idx = h ~ /^(Je cherche de l.aide pour…|Index alphabétique)$/
		contd = idx && h == prev; prev = h; first = 1; next }
	/^  text / && first { first = 0
		if (contd && $0 !~ / bold size=/) print "page " $0 }' "$T_TMP/dump")
t_eq "index pages continued overleaf start with a heading or its (suite)" \
    "$bad" ""
t_check "a group broken across pages repeats its heading with (suite)" \
    grep -q '^  text .* bold .*(suite)"$' "$T_TMP/dump"

# ---- reproducibility and size --------------------------------------------------
sleep 1
"$A" build -q -C "$C" -o "$T_TMP/o2" 2>/dev/null
t_check "livret.pdf byte-identical across builds" cmp "$P" "$T_TMP/o2/edition/livret.pdf"
t_check "livret-impression.pdf byte-identical across builds" \
    cmp "$I" "$T_TMP/o2/edition/livret-impression.pdf"
t_check "livret.pdf smaller than 1 MB ($size bytes)" test "$size" -lt 1048576

# ---- print-shop variant ------------------------------------------------------------
"$A" build -q --bleed -C "$C" -o "$T_TMP/o3" 2>"$T_TMP/err3"
B=$T_TMP/o3/edition/livret-imprimeur.pdf
if [ ! -s "$B" ]; then
	t_fail "--bleed writes livret-imprimeur.pdf" "$(cat "$T_TMP/err3")"
else
	box=$(pdfinfo -box "$B")
	bs=$(echo "$box" | awk '/^Page size:/ {printf "%.0fx%.0f", $3, $5}')
	t_eq "bleed: media box = A5 + 2 x (3 mm bleed + 6 mm marks)" "$bs" "471x646"
	tb=$(echo "$box" | awk '/^TrimBox:/ {printf "%.0f %.0f %.0f %.0f", $2, $3, $4, $5}')
	t_eq "bleed: TrimBox is the A5 page" "$tb" "26 26 445 621"
	bb=$(echo "$box" | awk '/^BleedBox:/ {printf "%.0f %.0f %.0f %.0f", $2, $3, $4, $5}')
	t_eq "bleed: BleedBox is 3 mm beyond it" "$bb" "17 17 454 629"
	t_check "qpdf --check livret-imprimeur.pdf" qpdf --check "$B"
fi

t_done
