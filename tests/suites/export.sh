#!/usr/bin/env bash
# export: the data files of the built site (annuaire.json, annuaire.csv,
# annuaire.vcf) read back by independent readers, and the private
# fields of the example content (contacts, suivi, note_suivi) absent
# from all of them.  A file the site does not publish is skipped; python3
# checks are skipped when it is not installed.
# san: yes
set -u
: "${TOP:=$(cd "$(dirname "$0")/../.." && pwd)}"
. "$TOP/tests/lib.sh"
export LC_ALL=C.UTF-8 TZ=UTC SOURCE_DATE_EPOCH=1521072000

have_py=0
command -v python3 >/dev/null 2>&1 && have_py=1
npages=$(ls "$TOP"/content/partenaires/*.md | wc -l)

out=$T_TMP/out
if ! "$ANNUAIRE" build -q -C "$TOP/content" -o "$out" 2>"$T_TMP/build.err"; then
	t_skip "build of the example content" "build failed: $(head -c 200 "$T_TMP/build.err")"
	t_done
	exit
fi
site=$out/edition/site

# Private values of the example content: referents' names, e-mails and
# phones, and the follow-up notes.  None may be published.
secrets=$T_TMP/secrets
awk '
	/^contacts:/ { inc = 1; next }
	inc && /^[^ -]/ { inc = 0 }
	inc && /(nom|courriel):/ {
		sub(/^[^:]*: */, ""); gsub(/"/, ""); if (length($0) > 3) print
	}
	inc && /telephone:/ {	# as written, displayed and dialled
		sub(/^[^:]*: */, ""); gsub(/"/, ""); print
		d = $0; gsub(/[^0-9]/, "", d); sub(/^330?/, "0", d)
		if (length(d) == 10) {
			print substr(d, 1, 2) " " substr(d, 3, 2) " " substr(d, 5, 2) \
			    " " substr(d, 7, 2) " " substr(d, 9, 2)
			print "+33" substr(d, 2)
		}
	}
	/^note_suivi:/ { sub(/^[^:]*: */, ""); gsub(/"/, ""); print }
' "$TOP"/content/partenaires/*.md | sort -u >"$secrets"
[ -s "$secrets" ] && t_ok "the example content has private fields to look for" ||
    t_fail "the example content has private fields to look for"

no_secrets() {	# FILE
	local hit
	hit=$(grep -F -f "$secrets" "$1" | head -3)
	if [ -n "$hit" ]; then t_fail "${1##*/} publishes no private field" "$hit"
	else t_ok "${1##*/} publishes no private field"; fi
}

# --- JSON ------------------------------------------------------------------
f=$site/annuaire.json
if [ ! -f "$f" ]; then
	t_skip "annuaire.json" "not published by the site"
else
	no_secrets "$f"
	if [ $have_py = 1 ]; then
		t_check "annuaire.json is valid JSON with every partner" python3 -c '
import json, sys
d = json.load(open(sys.argv[1], encoding="utf-8"))
assert isinstance(d["edition"], int)
assert len(d["partenaires"]) == int(sys.argv[2]), len(d["partenaires"])
cats = {c["cle"] for c in d["categories"]}
thems = {t["cle"] for t in d["thematiques"]}
slugs = {p["slug"] for p in d["partenaires"]}
for p in d["partenaires"]:
	assert p["categorie"] in cats, p["slug"]
	assert set(p["thematiques"]) <= thems, p["slug"]
	assert set(p["liens"]) <= slugs, p["slug"]
	assert "contacts" not in p and "suivi" not in p and "note_suivi" not in p
' "$f" "$npages"
	else
		t_skip "annuaire.json is valid JSON" "python3 not installed"
	fi
	grep -q '</' "$f" && t_fail "annuaire.json can be inlined in <script>" ||
	    t_ok "annuaire.json can be inlined in <script>"
fi

# --- CSV -------------------------------------------------------------------
f=$site/annuaire.csv
if [ ! -f "$f" ]; then
	t_skip "annuaire.csv" "not published by the site"
else
	no_secrets "$f"
	[ "$(head -c 3 "$f" | od -An -tx1 | tr -d ' ')" = efbbbf ] &&
	    t_ok "annuaire.csv starts with a UTF-8 BOM" ||
	    t_fail "annuaire.csv starts with a UTF-8 BOM"
	if [ $have_py = 1 ]; then
		t_check "annuaire.csv (\";\", for a French spreadsheet): one header and one 17-field row per partner" python3 -c '
import csv, sys
raw = open(sys.argv[1], "rb").read()
assert raw.endswith(b"\r\n")
rows = list(csv.reader(open(sys.argv[1], encoding="utf-8-sig", newline=""), delimiter=";"))
assert rows[0][:2] == ["slug", "nom"], rows[0]
assert len(rows) == int(sys.argv[2]) + 1, len(rows)
assert all(len(r) == 17 for r in rows)
for r in rows[1:]:
	for v in r:
		assert v[:1] not in ("=", "+", "-", "@", "\t", "\r"), v
' "$f" "$npages"
	else
		t_skip "annuaire.csv parses" "python3 not installed"
	fi
fi

# --- vCard -----------------------------------------------------------------
f=$site/annuaire.vcf
if [ ! -f "$f" ]; then
	t_skip "annuaire.vcf" "not published by the site"
else
	no_secrets "$f"
	t_eq "annuaire.vcf has one vCard per partner" \
	    "$(grep -c $'^BEGIN:VCARD\r$' "$f")" "$npages"
	t_eq "annuaire.vcf: every line ends with CRLF" \
	    "$(grep -c -v $'\r$' "$f")" 0
	t_eq "annuaire.vcf: no line longer than 75 octets" \
	    "$(LC_ALL=C awk '{ sub(/\r$/, "") } length($0) > 75' "$f" | wc -l)" 0
	t_eq "annuaire.vcf: every UID distinct" \
	    "$(grep '^UID:' "$f" | sort | uniq -d | wc -l)" 0
fi

t_done
