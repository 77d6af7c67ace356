#!/usr/bin/env bash
# readers: what the coordinator reads (issue 22).  `annuaire report`
# names partners by their name as the site prints it (the slug only in
# the CSV, for commands); suivi.html has tel:/mailto: links and French
# dates ("30 nov. 2025", ISO in <time datetime>), and on a 320 px phone
# (Chromium) scrolls only downwards; the CSV files a person opens
# (campagne.csv, report --format csv, the site's annuaire.csv) split in
# columns as a French Excel or LibreOffice splits them on a double
# click (";", UTF-8 with a BOM: read by Python's csv module with those
# rules, then converted by LibreOffice itself and read back), and the
# open data (data-inclusion/*.csv) keep data·inclusion's "," and no
# BOM.
# san: yes
set -u
: "${TOP:=$(cd "$(dirname "$0")/../.." && pwd)}"
. "$TOP/tests/lib.sh"
export LC_ALL=C.UTF-8 TZ=UTC SOURCE_DATE_EPOCH=1764464000
A() { "$ANNUAIRE" "$@"; }
have_py=0
command -v python3 >/dev/null 2>&1 && have_py=1

C=$T_TMP/content O=$T_TMP/out
cp -r "$TOP/content" "$C"
A campaign -C "$C" -o "$O" --echeance 2025-12-31 >/dev/null 2>&1
t_eq "campaign exits 0" "$?" 0
A report -C "$C" -o "$O" >"$T_TMP/report.txt" 2>/dev/null
t_eq "report exits 0" "$?" 0

# ---- report: names, not slugs ----------------------------------------------
slugs=$(ls "$C"/partenaires/*.md | xargs -n1 basename | sed 's/\.md$//')
bad=$(for s in $slugs; do grep -E "^(à relancer|sans réponse|en attente|ancienne|à jour) +$s( |$)" "$T_TMP/report.txt"; done)
t_eq "report: no partner named by its slug" "$bad" ""
t_check "report: a partner by its name, as the site prints it" \
    grep -qE "^sans réponse +Association Réfection Am" "$T_TMP/report.txt"
t_check "report: the name with the site's typography (’)" \
    grep -qE "^[^ ].* +Caisse d’allocations familiales" "$T_TMP/report.txt"
t_check "report: the command for the work to do" grep -q '^  annuaire campaign --relance ' "$T_TMP/report.txt"
t_check "report: the campaign's date in French" grep -q '^Campagne 2019 préparée le 30 novembre 2025, échéance le 31 décembre 2025$' "$T_TMP/report.txt"
if [ $have_py = 1 ]; then
	t_eq "report: no line wider than 80 columns" "$(python3 -c '
import sys; print(max(len(l.rstrip("\n")) for l in open(sys.argv[1], encoding="utf-8")) <= 80)' "$T_TMP/report.txt")" True
fi

# ---- suivi.html -------------------------------------------------------------
S=$O/suivi.html
ntel=$(grep -l '^telephone:' "$C"/partenaires/*.md | wc -l)
t_eq "suivi.html: a tel: link per partner with a phone" "$(grep -o 'href="tel:' "$S" | wc -l)" "$ntel"
t_check "suivi.html: mailto: links" grep -q 'href="mailto:[^"]*@' "$S"
t_check "suivi.html: dates in French, ISO for programs" \
    grep -qF '<time datetime="2025-11-30">30 nov. 2025</time>' "$S"
t_eq "suivi.html: no ISO date shown as text" \
    "$(sed 's/<[^>]*>//g' "$S" | grep -cE '[0-9]{4}-[0-9]{2}-[0-9]{2}')" 0
t_check "suivi.html: partners by name" grep -qF '<td>Association Réfection Amélioration Logement (ARAL)' "$S"
if t_have_browser; then
	# With one partner whose e-mail and name are single words wider
	# than a phone, on a copy of the content: the example's break at
	# hyphens, and the page passed without overflow-wrap:anywhere.
	CS=$T_TMP/content-suivi
	cp -r "$C" "$CS"
	awk 'NR == 2 { print "nom: \"Associationintercommunalepourlelogementaccompagne\""; next }
	    /^sigle:/ { next }
	    /^courriel:/ { print "courriel: \"secretariatgeneralaccompagnementsocial@associationintercommunale.example.org\""; next }
	    { print }' "$CS/partenaires/aejf.md" >"$CS/partenaires/aila.md"
	A report -C "$CS" -o "$T_TMP/suivi" >/dev/null 2>&1
	t_node suivi.mjs "$T_TMP/suivi/suivi.html" "$((ntel + 1))" 10
else
	t_skip "suivi.html in Chromium at 320 px" "$t_why"
fi

# ---- CSV files: for people, for programs ------------------------------------
A report -C "$C" -o "$O" --format csv >"$T_TMP/report.csv" 2>/dev/null
A build -q -C "$C" -o "$O" >/dev/null 2>&1
if [ $have_py = 1 ]; then
	# people FILE NCOLS: as a French spreadsheet opens it (BOM: UTF-8;
	# ";" columns, '"' quotes doubled); then "ok", the columns, a name.
	people() {
		python3 - "$@" <<'PY'
import csv, sys
raw = open(sys.argv[1], "rb").read()
assert raw.startswith(b"\xef\xbb\xbf"), "no UTF-8 BOM: Excel would read Windows-1252"
rows = list(csv.reader(raw[3:].decode("utf-8").splitlines(), delimiter=";", quotechar='"', doublequote=True))
w = len(rows[0])
assert w == int(sys.argv[2]), f"{w} columns in the header"
bad = [r for r in rows if len(r) != w]
assert not bad, f"rows of another width: {bad[:2]}"
text = "".join("".join(r) for r in rows)
assert "\ufffd" not in text and "Ã©" not in text, "accents broken"
print("ok", w, [r for r in rows if "é" in "".join(r)] != [])
PY
	}
	t_eq "campagne.csv opens in columns in a French spreadsheet, accents intact" \
	    "$(people "$O/campagne/campagne.csv" 9 2>&1)" "ok 9 True"
	t_eq "report --format csv opens in columns in a French spreadsheet" \
	    "$(people "$T_TMP/report.csv" 12 2>&1)" "ok 12 True"
	t_eq "report --format csv: records end in CRLF, not a visible \\x0d" \
	    "$(grep -c '\\x0d' "$T_TMP/report.csv"; grep -c $'\r$' "$T_TMP/report.csv")" "0
$(wc -l <"$T_TMP/report.csv")"
	t_eq "the site's annuaire.csv opens in columns in a French spreadsheet" \
	    "$(people "$O/edition/site/annuaire.csv" 17 2>&1)" "ok 17 True"
	t_eq "campagne.csv: the name first, the slug for commands" \
	    "$(head -1 "$O/campagne/campagne.csv" | cut -d';' -f1-2)" $'\xef\xbb\xbfnom;slug'
	t_eq "the open data keep data·inclusion's convention (\",\", no BOM)" "$(python3 - "$O/edition/site/data-inclusion" <<'PY'
import csv, glob, os, sys
out = []
for f in sorted(glob.glob(os.path.join(sys.argv[1], "*.csv"))):
    raw = open(f, "rb").read()
    rows = list(csv.reader(raw.decode("utf-8").splitlines()))
    bom = raw.startswith(b"\xef\xbb\xbf")
    out.append(f"{os.path.basename(f)} {not bom} {len(rows[0]) > 5}")
print("; ".join(out))
PY
)" "services.csv True True; structures.csv True True"
else
	t_skip "the CSV files in a spreadsheet's rules" "python3 missing"
fi

# ---- the same CSV files opened by LibreOffice -------------------------------
# A double click on a .csv in LibreOffice opens its Text Import dialog
# with the defaults of a new profile (LibreOffice 7.4,
# officecfg Office.Calc/Dialogs/CSVImport): separated by tab, comma
# and semicolon, text delimiter '"', character set the system's (the
# dialog switches to UTF-8 when it sees the BOM), from row 1, special
# numbers not detected.  `soffice --convert-to` without --infilter
# would not use them (comma only, Latin-1), so they are given as the
# filter options "44/59/9,34,,1" (an empty character set: the system's,
# here UTF-8), under a French locale when there is one.  Each file is
# converted to .xlsx and read back by Python (zipfile + XML): every row
# as wide as the header, the header's first cell without the BOM, each
# text cell as Python's csv module reads the file with ";", and a name
# with « » ’ è É Ç and a comma intact, a phone kept as text.
if ! command -v soffice >/dev/null 2>&1; then
	t_skip "the CSV files opened by LibreOffice" "soffice is missing (libreoffice-calc-nogui: make deps-test)"
elif [ $have_py = 0 ]; then
	t_skip "the CSV files opened by LibreOffice" "python3 missing"
else
	CL=$T_TMP/content-lo OL=$T_TMP/out-lo L=$T_TMP/lo
	cp -r "$TOP/content" "$CL"
	nom='Crèche « L’Été », Éveil et Ça'
	N="$nom" awk 'NR == 2 { print "nom: \"" ENVIRON["N"] "\""; next }
	    /^sigle:/ { next }
	    /^telephone:/ { print "telephone: \"0199003040\""; next } { print }' \
	    "$CL/partenaires/aejf.md" >"$CL/partenaires/creche-ete.md"
	mkdir -p "$L/in"
	A campaign -C "$CL" -o "$OL" --echeance 2025-12-31 >/dev/null 2>&1
	A report -C "$CL" -o "$OL" --format csv >"$L/in/report.csv" 2>/dev/null
	A build -q -C "$CL" -o "$OL" >/dev/null 2>&1
	cp "$OL/campagne/campagne.csv" "$OL/edition/site/annuaire.csv" "$L/in/"
	lang=C.UTF-8
	locale -a 2>/dev/null | grep -qix 'fr_FR.utf-\?8' && lang=fr_FR.UTF-8
	(cd "$L" && LC_ALL=$lang LANG=$lang timeout 300 soffice \
	    -env:UserInstallation="file://$L/profile" --headless \
	    --infilter="CSV:44/59/9,34,,1" --convert-to xlsx --outdir "$L/xlsx" \
	    in/campagne.csv in/report.csv in/annuaire.csv) >"$L/soffice.log" 2>&1
	t_eq "LibreOffice converts the three CSV files in one run" \
	    "$(ls "$L/xlsx" 2>&1 | tr '\n' ' ')" "annuaire.xlsx campagne.xlsx report.xlsx "
	# lo FILE NCOLS NAMECOL PHONECOL: "ok", the columns, the rows, then
	# the name and the phone of creche-ete as LibreOffice shows them.
	lo() {
		python3 - "$L/in/$1.csv" "$L/xlsx/$1.xlsx" "$2" "$3" "$4" <<'PY'
import csv, datetime, re, sys, zipfile
import xml.etree.ElementTree as ET
src, xlsx, ncols, namecol, phonecol = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4], sys.argv[5]
M = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
z = zipfile.ZipFile(xlsx)
shared = []
if "xl/sharedStrings.xml" in z.namelist():
    for si in ET.fromstring(z.read("xl/sharedStrings.xml")).iter(M + "si"):
        shared.append("".join(t.text or "" for t in si.iter(M + "t")))
def colno(ref):
    n = 0
    for ch in re.match(r"[A-Z]+", ref).group(0):
        n = n * 26 + ord(ch) - 64
    return n - 1
rows = []
for r in ET.fromstring(z.read("xl/worksheets/sheet1.xml")).iter(M + "row"):
    cells = {}
    for c in r.iter(M + "c"):
        v, t = c.find(M + "v"), c.get("t")
        if t == "s":
            cells[colno(c.get("r"))] = shared[int(v.text)]
        elif t == "inlineStr":
            cells[colno(c.get("r"))] = "".join(x.text or "" for x in c.iter(M + "t"))
        elif v is not None:
            cells[colno(c.get("r"))] = float(v.text)	# a number or a date
    rows.append([cells.get(i, "") for i in range(max(cells, default=-1) + 1)])
raw = open(src, "rb").read()
want = list(csv.reader(raw[3:].decode("utf-8").splitlines(), delimiter=";"))
bad = []
if len(rows) != len(want):
    bad.append(f"{len(rows)} rows, the file has {len(want)}")
if len(rows[0]) != ncols:
    bad.append(f"header of {len(rows[0])} columns: {rows[0]}")
if rows[0][0] not in ("nom", "slug"):
    bad.append(f"first header cell {rows[0][0]!r}")
epoch = datetime.date(1899, 12, 30)
for i, (got, exp) in enumerate(zip(rows, want)):
    got = got + [""] * (len(exp) - len(got))	# empty cells at the end
    if len(got) != len(exp):
        bad.append(f"row {i + 1}: {len(got)} columns: {got}")
        continue
    for g, e in zip(got, exp):
        if isinstance(g, str):
            ok = g == e
        elif re.fullmatch(r"\d{4}-\d{2}-\d{2}", e):
            ok = (epoch + datetime.timedelta(days=g)).isoformat() == e
        else:
            ok = re.fullmatch(r"\d+", e) is not None and int(e) == g
        if not ok:
            bad.append(f"row {i + 1}: {g!r} for {e!r}")
print("\n".join(bad[:10]) if bad else "ok", ncols, len(rows))
head = rows[0]
for r in rows[1:]:
    if "creche-ete" in r:
        print(r[head.index(namecol)].replace("\u00a0", " ").replace("\u202f", " "))
        print(repr(r[head.index(phonecol)]) if phonecol != "-" else "-")
PY
	}
	np=$(($(ls "$CL"/partenaires/*.md | wc -l) + 1))
	t_eq "campagne.csv in LibreOffice: columns, accents, a comma kept in its cell" \
	    "$(lo campagne 9 nom - 2>&1)" "ok 9 $np
$nom
-"
	t_eq "report --format csv in LibreOffice: columns, accents" \
	    "$(lo report 12 nom - 2>&1)" "ok 12 $np
$nom
-"
	t_eq "the site's annuaire.csv in LibreOffice: columns, accents, the phone as text" \
	    "$(lo annuaire 17 nom telephone 2>&1)" "ok 17 $np
$nom
'01 99 00 30 40'"
fi
t_done
