#!/usr/bin/env bash
# Content as it really arrives (issue 7): pages saved in NFD by macOS,
# scripts the booklet's fonts lack, damaged logos.  Built for real and
# read back with poppler (pdftotext, pdffonts, pdfimages) and qpdf.
# Fixtures: tests/regress/valid-nfd, unprintable-script,
# logo-truncated-jpeg (their `check` output is in the regress suite).
# san: yes
. "$TOP/tests/lib.sh"
A=$ANNUAIRE
R=$TOP/tests/regress
export SOURCE_DATE_EPOCH=1521072000

if ! "$A" --version >/dev/null 2>&1; then
	t_skip "unicode suite" "the command line is not built yet"
	t_done; exit
fi

# Lines of stderr that are diagnostics (not the "wrote ..." line).
diags() { grep -v '^annuaire: wrote ' "$1"; }
# Every word box of a PDF as "page x0 y0 x1 y1 word".
words() {
	pdftotext -bbox "$1" - 2>/dev/null | awk '
	/<page / { pg++ }
	/<word / {
		match($0, /xMin="[^"]*"/); x0 = substr($0, RSTART + 6, RLENGTH - 7)
		match($0, /yMin="[^"]*"/); y0 = substr($0, RSTART + 6, RLENGTH - 7)
		match($0, /xMax="[^"]*"/); x1 = substr($0, RSTART + 6, RLENGTH - 7)
		match($0, /yMax="[^"]*"/); y1 = substr($0, RSTART + 6, RLENGTH - 7)
		w = $0; sub(/.*">/, "", w); sub(/<\/word>.*/, "", w)
		print pg, x0, y0, x1, y1, w
	}'
}
# Pairs of words of one page whose boxes overlap, by more than 0.5 pt
# across and half the smaller height down (poppler's boxes span the
# font's ascent and descent: those of consecutive lines touch; text
# drawn over text overlaps by far more).  Dot leaders are no words.
overlaps() {
	words "$1" | awk '$6 !~ /^[.]+$/' | sort -k1,1n -k3,3n | awk '
	{ p[NR] = $1; a[NR] = $2; b[NR] = $3; c[NR] = $4; d[NR] = $5; w[NR] = $6 }
	END {
		for (i = 1; i <= NR; i++)
			for (j = i + 1; j <= NR && p[j] == p[i] && b[j] < d[i]; j++) {
				ox = (c[i] < c[j] ? c[i] : c[j]) - (a[i] > a[j] ? a[i] : a[j])
				oy = (d[i] < d[j] ? d[i] : d[j]) - (b[i] > b[j] ? b[i] : b[j])
				hi = d[i] - b[i]; hj = d[j] - b[j]
				if (ox > 0.5 && oy > 0.5 * (hi < hj ? hi : hj))
					printf "page %d: \"%s\" over \"%s\"\n", p[i], w[i], w[j]
			}
	}'
}

# ---- NFD, as macOS saves it ------------------------------------------------
C=$T_TMP/nfd
cp -R "$R/valid-nfd/content" "$C"
O=$T_TMP/o-nfd
"$A" build -C "$C" -o "$O" 2>"$T_TMP/err-nfd"; rc=$?
t_eq "an NFD page builds (exit 0)" "$rc" 0
t_eq "an NFD page: no diagnostic" "$(diags "$T_TMP/err-nfd")" \
    "0 errors, 0 warnings in 1 page"
txt=$(pdftotext "$O/edition/livret.pdf" - 2>/dev/null)
nfc=$(printf 'fran\303\247ais')		# ç, one character
nfd=$(printf 'franc\314\247ais')	# c + U+0327
case $txt in
*"Cours de $nfc"*) t_ok "booklet: the NFD resume prints \"français\" (NFC)" ;;
*) t_fail "booklet: the NFD resume prints \"français\" (NFC)" "$txt" ;;
esac
case $txt in
*$'\xcc\xa7'*) t_fail "booklet: no combining cedilla left" ;;
*) t_ok "booklet: no combining cedilla left" ;;
esac
html=$(cat "$O"/edition/site/partenaires/ecole*.html "$O"/edition/site/partenaires/ecole/index.html 2>/dev/null)
case $html in
*"$nfd"*) t_fail "site: no NFD text in the partner page" ;;
*"Cours de $nfc"*) t_ok "site: the partner page says \"français\" (NFC)" ;;
*) t_fail "site: the partner page says \"français\" (NFC)" \
    "$(ls -R "$O/edition/site" | head -20)" ;;
esac
t_check "an NFD logo file name (logo: written NFC): copied into the site" \
    test -s "$O/edition/site/logos/cafe$(printf '\314\201').png"
t_eq "an NFD logo file name: embedded in the booklet" \
    "$(pdfimages -list "$O/edition/livret.pdf" 2>/dev/null | awk 'NR > 2' | wc -l)" 1

# ---- scripts the fonts lack --------------------------------------------------
C=$T_TMP/scripts
cp -R "$R/unprintable-script/content" "$C"
O=$T_TMP/o-scripts
(cd "$T_TMP" && "$A" check -C scripts) 2>"$T_TMP/check-scripts"
(cd "$T_TMP" && "$A" build -C scripts -o o-scripts) 2>"$T_TMP/err-scripts"; rc=$?
t_eq "unprintable scripts: the build passes (warnings only)" "$rc" 0
t_eq "check and build print the same diagnostics" \
    "$(diags "$T_TMP/err-scripts")" "$(cat "$T_TMP/check-scripts")"
t_eq "the summary counts every warning (one per value)" \
    "$(tail -1 "$T_TMP/check-scripts")" "0 errors, 5 warnings in 1 page"
t_eq "every warning has its file:line:col" \
    "$(grep -vc '^scripts/partenaires/caf\.md:[0-9]*:[0-9]*: warning: ' \
    "$T_TMP/check-scripts")" 1
t_check "the warning names the characters and why" \
    grep -q 'caf.md:2:6: warning: nom: the booklet leaves out 2 characters .*中文.*no font' \
    "$T_TMP/check-scripts"
P=$O/edition/livret.pdf
txt=$(pdftotext "$P" - 2>"$T_TMP/poppler")
for w in Ελληνικά Русский Հայերեն ქართული; do
	case $txt in
	*"$w"*) t_ok "booklet prints $w" ;;
	*) t_fail "booklet prints $w" "$txt" ;;
	esac
done
fonts=$(pdffonts "$P" 2>>"$T_TMP/poppler")
t_check "pdffonts: the fallback DejaVu Sans is embedded" \
    grep -q 'DejaVuSans' <<<"$fonts"
t_eq "pdffonts: every font embedded, subset, with ToUnicode" \
    "$(awk 'NR > 2 && !($(NF-4) == "yes" && $(NF-3) == "yes" && $(NF-2) == "yes")' <<<"$fonts")" ""
left=
for c in 中 日 😀 ש ا ห ि; do
	case $txt in *"$c"*) left="$left $c" ;; esac
done
case $txt in *$'\xef\xbf\xbd'*) left="$left U+FFFD" ;; esac
t_eq "what cannot print is left out (no box, no replacement)" "$left" ""
t_eq "zero poppler warnings" "$(cat "$T_TMP/poppler")" ""
t_check "qpdf --check" qpdf --check "$P"
t_eq "no word drawn over another" "$(overlaps "$P")" ""
# The fonts of a bare Debian 12 (fonts-dejavu-core only: no oblique
# DejaVu), where the regular and the italic fallback are one file: the
# codes drawn in either style all print (the last face's maps used to
# blank the other's: Armenian in the résumé came out as empty boxes).
mkdir -p "$T_TMP/bare-fonts"
fc-list -f '%{file}\n' | while IFS= read -r f; do
	case ${f##*/} in
	DejaVuSans.ttf | DejaVuSans-Bold.ttf) ;;
	DejaVu*) continue ;;
	esac
	ln -sf "$f" "$T_TMP/bare-fonts/"
done
cat >"$T_TMP/bare-fonts.conf" <<EOF
<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig><dir>$T_TMP/bare-fonts</dir><cachedir>$T_TMP/bare-fccache</cachedir>
<include ignore_missing="yes">/etc/fonts/conf.d</include></fontconfig>
EOF
(cd "$T_TMP" && FONTCONFIG_FILE=$T_TMP/bare-fonts.conf "$A" build -q \
    -C scripts -o o-bare) 2>/dev/null
# (No test that DejaVu Sans is embedded once: libharu loads a file
# once per document, HPDF_LoadTTFontFromFile() returning the font it
# has, so nothing of ours can embed it twice and such a test passed
# every mutant.  What is ours, the maps written once for the codes of
# both styles in emit_font_finish(), the lines below guard: without
# the union, the Georgian of the other style is not extracted.)
txt=$(pdftotext "$T_TMP/o-bare/edition/livret.pdf" - 2>/dev/null)
for w in Ελληνικά Русский Հայերեն ქართული; do
	case $txt in
	*"$w"*) t_ok "one file for two fallback styles: booklet prints $w" ;;
	*) t_fail "one file for two fallback styles: booklet prints $w" "$txt" ;;
	esac
done

# The example edition: everything in Open Sans, no fallback needed.
"$A" build -q -C "$TOP/content" -o "$T_TMP/o-ex" 2>/dev/null
t_eq "the example booklet embeds no fallback face" \
    "$(pdffonts "$T_TMP/o-ex/edition/livret.pdf" 2>&1 | grep -c DejaVu)" 0

# A theme whose font family is not installed: its errors come before the
# summary, which counts them (the build stops there).
mkdir -p "$T_TMP/th"
printf 'booklet:\n  fonts: "No Such Family"\n' >"$T_TMP/th/theme.yaml"
(cd "$T_TMP" && "$A" build -C scripts -o o-th --theme th) 2>"$T_TMP/err-th"; rc=$?
t_eq "a font family not installed: exit 1" "$rc" 1
t_eq "a font family not installed: counted in the summary" \
    "$(tail -1 "$T_TMP/err-th")" "4 errors, 0 warnings in 1 page"

# ---- damaged logos -----------------------------------------------------------
C=$T_TMP/jpeg
cp -R "$R/logo-truncated-jpeg/content" "$C"
O=$T_TMP/o-jpeg
"$A" build -C "$C" -o "$O" 2>"$T_TMP/err-jpeg"; rc=$?
t_eq "a truncated JPEG: the build refuses it (exit 1)" "$rc" 1
t_check "a truncated JPEG: the error is at the logo: line" \
    grep -q 'caf\.md:14:7: error: logo: .*truncated' "$T_TMP/err-jpeg"
t_check "a truncated JPEG: no booklet written" test ! -e "$O/edition/livret.pdf"
# The same page with a whole JPEG: embedded as is, a clean PDF.
convert -size 64x48 gradient:red-blue -quality 90 "$C/logos/caf.jpg" 2>/dev/null
"$A" build -C "$C" -o "$O" 2>"$T_TMP/err-jpeg2"; rc=$?
t_eq "a whole JPEG: the build passes" "$rc" 0
t_check "a whole JPEG: embedded (DCT) and qpdf --check clean" sh -c '
	pdfimages -list "$1" | grep -q jpeg && qpdf --check "$1" >/dev/null' \
    sh "$O/edition/livret.pdf"

t_done
