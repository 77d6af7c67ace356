#!/usr/bin/env bash
# readers: what the coordinator reads (issue 22).  `annuaire report`
# names partners by their name as the site prints it (the slug only in
# the CSV, for commands); suivi.html has tel:/mailto: links and French
# dates ("30 nov. 2025", ISO in <time datetime>), and on a 320 px phone
# (Chromium) scrolls only downwards; the CSV files a person opens
# (campagne.csv, report --format csv, the site's annuaire.csv) split in
# columns as a French Excel or LibreOffice splits them on a double
# click (";", UTF-8 with a BOM: read here by Python's csv module with
# those rules, LibreOffice being too heavy for the test machine), and
# the open data (data-inclusion/*.csv) keep data·inclusion's "," and no
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
	mkdir -p "$T_TMP/suivi" && cp "$S" "$T_TMP/suivi/"
	t_node suivi.mjs "$T_TMP/suivi/suivi.html" "$ntel" 10
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
t_done
