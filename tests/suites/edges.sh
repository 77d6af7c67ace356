#!/usr/bin/env bash
# edges (issue 24): values at their edges that only goldens or nothing
# caught — the site's plural labels ("1 partenaire", "2 partenaires") as
# a property of every page, the "ten named, the rest counted" cap on
# foreign files in the output folder (with 12 of them), a logo linked to
# a sibling folder whose name starts like the content folder's
# (content/ vs content-old/), courriel written as "mailto:…".
# san: yes
. "$TOP/tests/lib.sh"
A=$ANNUAIRE
export SOURCE_DATE_EPOCH=1521072000
G=$TOP/tests/golden/site/content

# ---- plural labels, on every page ------------------------------------------
# The example site, and a small one: caf and epicerie linked, troisieme
# alone; one partner in one category, two in the other.
"$A" build -q --no-pdf -C "$TOP/content" -o "$T_TMP/ex" 2>"$T_TMP/ex.err" ||
    t_fail "example site built" "$(cat "$T_TMP/ex.err")"
c=$T_TMP/net/content
mkdir -p "$c/partenaires"
cp "$G/site.yaml" "$c/"
cp "$G/partenaires/caf.md" "$G/partenaires/epicerie.md" "$c/partenaires/"
sed -i '/^logo:/d' "$c/partenaires/caf.md"	# caf names epicerie
sed 's/^nom: .*/nom: "Troisième"/; /^sigle: /d' "$c/partenaires/epicerie.md" >"$c/partenaires/troisieme.md"
"$A" build -q --no-pdf -C "$c" -o "$T_TMP/net/out" 2>"$T_TMP/net.err" ||
    t_fail "a site of three partners built" "$(cat "$T_TMP/net.err")"
# Every "N partenaire(s)" of the pages (tags and no-break spaces out):
# singular for 0 and 1, plural from 2 — and both must occur, or the
# sites no longer test anything.
out=$(find "$T_TMP/ex/edition/site" "$T_TMP/net/out/edition/site" -name '*.html' -exec cat {} + |
    sed 's/<[^>]*>//g; s/&nbsp;/ /g; s/\xc2\xa0/ /g' |
    grep -o '[0-9][0-9]* partenaires\?\b' | sort | uniq -c |
    awk '{ n = $2; pl = ($3 == "partenaires");
	if (n >= 2) two = 1; else one = 1;
	if ((n >= 2) != pl) bad = bad " \"" n " " $3 "\"" }
	END { if (!one) bad = bad " (no count below 2)";
	      if (!two) bad = bad " (no count of 2 or more)";
	      print bad == "" ? "OK" : "bad:" bad }')
t_eq "site: '1 partenaire', '2 partenaires' on every page" "$out" OK
# The network's summary: "relié(s)" and "lien(s)" agree with the counts.
summary() {
	sed 's/<[^>]*>//g; s/\xc2\xa0/ /g' "$1" |
	    grep -o '[0-9][0-9]* partenaires\? reliés\? par [0-9][0-9]* liens\?\.[^.]*\.' | head -1
}
out=$(summary "$T_TMP/ex/edition/site/reseau.html")
case $out in
[2-9]*" partenaires reliés par "[2-9]*" liens."* | [1-9][0-9]*" partenaires reliés par "[1-9][0-9]*" liens."*)
	t_ok "reseau.html of the example: plurals ($out)" ;;
*)	t_fail "reseau.html of the example: plurals" "$out" ;;
esac
t_eq "reseau.html: one link, one partner alone, in the singular" \
    "$(summary "$T_TMP/net/out/edition/site/reseau.html")" \
    "2 partenaires reliés par 1 lien. Un partenaire n’a pas encore de lien déclaré."

# ---- foreign files: ten named, the rest counted -----------------------------
o=$T_TMP/foreign
"$A" build -q --no-pdf -C "$G" -o "$o" 2>/dev/null
for i in 01 02 03 04 05 06 07 08 09 10 11 12; do
	echo x >"$o/edition/site/etranger-$i.txt"
done
"$A" build -q --no-pdf -C "$G" -o "$o" 2>"$T_TMP/foreign.err"
t_eq "twelve foreign files: the build refuses (exit 2)" "$?" 2
t_eq "…names ten of them" "$(grep -c 'etranger-[0-9]*\.txt: error: was not written by annuaire' "$T_TMP/foreign.err")" 10
t_check "…and counts the other two" grep -q "error: and 2 other files not written by annuaire" "$T_TMP/foreign.err"
t_eq "…every one of them kept" "$(ls "$o/edition/site" | grep -c '^etranger-')" 12
rm "$o/edition/site/etranger-12.txt" "$o/edition/site/etranger-11.txt"
"$A" build -q --no-pdf -C "$G" -o "$o" 2>"$T_TMP/foreign.err"
t_eq "ten foreign files: all ten named" "$(grep -c 'etranger-[0-9]*\.txt: error: was not written by annuaire' "$T_TMP/foreign.err")" 10
t_check "…and no count of others" sh -c "! grep -q 'other files\? not written' '$T_TMP/foreign.err'"
rm "$o/edition/site/etranger-10.txt"
echo x >"$o/edition/site/dossier-etranger.txt"
mkdir "$o/edition/site/etranger-dir"
"$A" build -q --no-pdf -C "$G" -o "$o" 2>"$T_TMP/foreign.err"
t_check "eleven foreign entries, one a folder: named without its '/'" \
    grep -q "edition/site/etranger-dir: error: was not written by annuaire" "$T_TMP/foreign.err"
t_eq "…ten named, the eleventh counted, in the singular" \
    "$(grep -c 'error: was not written by annuaire' "$T_TMP/foreign.err") $(grep -o 'and [0-9]* other files\? not written by annuaire' "$T_TMP/foreign.err")" \
    "10 and 1 other file not written by annuaire"

# A staging folder an older version left (OUT/.build-*) goes at the next
# build.
rm -rf "$o/edition/site/etranger-"* "$o/edition/site/dossier-etranger.txt"
mkdir -p "$o/.build-4242/site"
echo x >"$o/.build-4242/site/index.html"
"$A" build -q --no-pdf -C "$G" -o "$o" 2>"$T_TMP/stage.err"
t_eq "a build after an interrupted older one: exit 0" "$?" 0
t_check "…its staging folder OUT/.build-* removed" test ! -e "$o/.build-4242"

# ---- leftovers of a stopped import: its own removed, hidden files kept ---
l=$T_TMP/left
cp -r "$G" "$l"; mkdir -p "$T_TMP/left-in"
: >"$l/partenaires/z.md.tmp-ABCDEF"; : >"$l/partenaires/.z.md.tmp-ABCDEF"
"$A" import -C "$l" "$T_TMP/left-in" >/dev/null 2>&1
t_eq "import removes its leftovers but not a hidden file of that shape" \
    "$(cd "$l/partenaires" && ls -A | grep 'tmp-' | tr '\n' ' ')" ".z.md.tmp-ABCDEF "

# ---- a logo linked to a sibling folder named like content/ ---------------
b=$T_TMP/sib
mkdir -p "$b/content/partenaires" "$b/content/logos" "$b/content-old/logos"
cp "$G/site.yaml" "$b/content/"
sed '/^liens:/d' "$G/partenaires/caf.md" >"$b/content/partenaires/caf.md"
cp "$G/logos/exemple.png" "$b/content-old/logos/exemple.png"
ln -s ../../content-old/logos/exemple.png "$b/content/logos/exemple.png"
"$A" check -C "$b/content" >"$T_TMP/sib.out" 2>&1
t_eq "a logo linked into content-old/: check refuses it (exit 1)" "$?" 1
t_check "…saying it leads outside the content folder" grep -q "logo: .*leads outside the content folder" "$T_TMP/sib.out"
rm "$b/content/logos/exemple.png"
cp "$G/logos/exemple.png" "$b/content/logos/exemple.png"
"$A" check -C "$b/content" >"$T_TMP/sib.out" 2>&1
t_eq "…the same logo inside content/ is fine" "$?" 0

# ---- courriel: "mailto:…" ------------------------------------------------------
m=$T_TMP/mailto/content
mkdir -p "$m/partenaires"
cp "$G/site.yaml" "$m/"
sed 's/^courriel: .*/courriel: "mailto:epicerie@example.org"/' "$G/partenaires/epicerie.md" >"$m/partenaires/epicerie.md"
sed 's/^courriel: .*/courriel: "MAILTO:accueil@example.org"/; /^logo:/d' "$G/partenaires/caf.md" >"$m/partenaires/caf.md"
grep -q '^courriel: "MAILTO:' "$m/partenaires/caf.md" || t_fail "fixture: caf.md has a courriel"
"$A" build -q --no-pdf -C "$m" -o "$T_TMP/mailto/out" 2>"$T_TMP/mailto.err"
t_eq "courriel: \"mailto:…\" and \"MAILTO:…\" are accepted" "$?" 0
P=$T_TMP/mailto/out/edition/site/partenaires
t_check "…the page links to mailto:the address, once" grep -q 'href="mailto:epicerie@example.org"' "$P/epicerie.html"
t_check "…whatever the case of the scheme" grep -q 'href="mailto:accueil@example.org"' "$P/caf.html"
t_check "…and never to mailto:mailto:" sh -c "! grep -qi 'mailto:mailto:' '$P/epicerie.html' '$P/caf.html'"

# ---- report's text: states, counts in the singular, what to do ----------
R=$T_TMP/rt
mkdir -p "$R/partenaires"
cp "$G/site.yaml" "$R/"
sed 's/^mise_a_jour: 2018-/mise_a_jour: 2017-/; /^suivi:/d; s/^\(mise_a_jour: .*\)$/\1\nnote_suivi: "Note à\\nsuivre"/' "$G/partenaires/epicerie.md" >"$R/partenaires/epicerie.md"
"$A" report -C "$R" -o "$T_TMP/rt-o" >"$T_TMP/rt1.txt" 2>/dev/null
t_check "report, one page: '(1 fiche)'" grep -q '^Par état : ancienne 1 (1 fiche)$' "$T_TMP/rt1.txt"
sed 's/^nom: .*/nom: "Épicerie à jour"/; /^suivi:/d; s/^\(mise_a_jour: .*\)$/\1\nnote_suivi: "Note réglée"/' "$G/partenaires/epicerie.md" >"$R/partenaires/epicerie-2.md"
printf -- '---\nnom: "Cassée"\nchamp_inconnu: 1\n---\n' >"$R/partenaires/cassee.md"
"$A" report -C "$R" -o "$T_TMP/rt-o" >"$T_TMP/rt.txt" 2>/dev/null
t_check "report: a page older than the edition is 'ancienne'" grep -qE '^ancienne +Épicerie solidaire ' "$T_TMP/rt.txt"
t_check "…one of this edition 'à jour'" grep -qE '^à jour +Épicerie à jour ' "$T_TMP/rt.txt"
t_check "…the follow-up note of a page with work to do shown" grep -q 'Note à suivre' "$T_TMP/rt.txt"
t_check "…not the note of a page à jour" sh -c "! grep -q 'Note réglée' '$T_TMP/rt.txt'"
t_check "…three pages: '(3 fiches)'" grep -q '(3 fiches)$' "$T_TMP/rt.txt"
t_check "…with only errors to fix, still what to do: check, for 1 page (singular)" \
    grep -qE '^  annuaire check +les erreurs des 1 fiche en erreur$' "$T_TMP/rt.txt"
"$A" report -C "$R" -o "$T_TMP/rt-o" --format csv >"$T_TMP/rt.csv" 2>/dev/null
t_eq "report --format csv: a broken page's errors and warnings counted" \
    "$(cut -d';' -f2,4,5 "$T_TMP/rt.csv" | grep -E '^cassee;')" "cassee;7;1"
if command -v python3 >/dev/null 2>&1; then
	t_eq "report --format csv: a note on two lines stays one field" "$(python3 -c '
import csv, sys
rows = list(csv.reader(open(sys.argv[1], encoding="utf-8-sig", newline=""), delimiter=";"))
by = {r[1]: r for r in rows[1:]}
print(len(set(map(len, rows))), repr(by["epicerie"][rows[0].index("note_suivi")]))' "$T_TMP/rt.csv")" "1 'Note à\nsuivre'"
fi
cp "$R/partenaires/cassee.md" "$R/partenaires/cassee-2.md"
"$A" report -C "$R" -o "$T_TMP/rt-o" >"$T_TMP/rt2.txt" 2>/dev/null
t_check "…for 2 pages (plural)" grep -qE '^  annuaire check +les erreurs des 2 fiches en erreur$' "$T_TMP/rt2.txt"

# ---- report's suivi.html: every name and address read back exactly ----------
# The golden fixture's hostile partner (<script>, &, <b>), a name with
# double quotes, and a request address with quotes (campagne.yaml is
# hand-editable) that lands in an href: an HTML parser must read each
# back as it is, and find no element the content did not ask for.
if command -v python3 >/dev/null 2>&1; then
	r=$T_TMP/rep
	cp -r "$G" "$r"
	sed "s/^nom: .*/nom: 'Le \"Bon\" Accueil \&copy; \&amp;'/; /^sigle:/d; /^courriel:/d; s/^mise_a_jour:/telephone: \"01 99 00 77 77\"\nmise_a_jour:/" \
	    "$G/partenaires/epicerie.md" >"$r/partenaires/guillemets.md"
	printf 'edition: 2019\npreparee: 2018-03-01\necheance: 2018-03-31\npartenaires:\n  guillemets:\n    demande: 2018-03-01\n    adresses: "\\"a&b\\"@example.org, autre@example.org"\n' >"$r/campagne.yaml"
	"$A" report -C "$r" -o "$T_TMP/rep-o" >"$T_TMP/rep.txt" 2>"$T_TMP/rep.err"
	t_eq "report on hostile names: exit 0" "$?" 0
	out=$(python3 - "$T_TMP/rep-o/suivi.html" <<'PY'
import sys
from html.parser import HTMLParser
class P(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True); self.text = []; self.tags = set(); self.hrefs = []
    def handle_starttag(self, t, a):
        self.tags.add(t)
        self.hrefs += [v for k, v in a if k == "href"]
    def handle_data(self, d): self.text.append(d)
p = P(); p.feed(open(sys.argv[1], encoding="utf-8").read())
text = "".join(p.text)
bad = []
for name in ["<script>alert('nom')</script> Hostile & Cie {{titre}} (<b>H</b>)", 'Le "Bon" Accueil &copy; &amp;']:
    if name not in text: bad.append("name not read back: " + name)
for t in ("script", "b"):
    if t in p.tags: bad.append("a <%s> element" % t)
if 'mailto:"a&b"@example.org' not in p.hrefs: bad.append("href: %r" % [h for h in p.hrefs if h.startswith("mailto:")])
print("\n".join(bad) or "OK")
PY
)
	t_eq "suivi.html: names and addresses read back exactly, no element injected" "$out" OK
else
	t_skip "suivi.html read back" "python3 missing"
fi

# ---- campaign: campagne.csv read back, the same day, an answered partner ----
if command -v python3 >/dev/null 2>&1; then
	k=$T_TMP/camp
	cp -r "$G" "$k"
	sed "s/^nom: .*/nom: 'Aide; \"Bon\" Accueil'/; /^sigle:/d; s/^courriel: .*/courriel: \"aide@example.org\"/" \
	    "$G/partenaires/epicerie.md" >"$k/partenaires/aide.md"
	# A slug long enough for a folded Message-ID; contacts whose names
	# need quoting, or look like an encoded word (sent as is, a mail
	# reader would decode it).
	long=association-au-nom-un-peu-long-abc	# 34: its Message-ID is folded
	sed "s/^nom: .*/nom: \"Association au nom long\"/; /^sigle:/d; s/^courriel: .*/courriel: \"long@example.org\"\ncontacts:\n  - nom: 'Say \"hi\"'\n    courriel: \"hi@example.org\"\n  - nom: \"=?UTF-8?B?SGFjaw==?=\"\n    courriel: \"ew@example.org\"/" \
	    "$G/partenaires/epicerie.md" >"$k/partenaires/$long.md"
	SOURCE_DATE_EPOCH=1764464000 "$A" campaign -C "$k" -o "$T_TMP/camp-o" --echeance 2025-12-31 >/dev/null 2>&1
	out=$(python3 - "$T_TMP/camp-o/campagne" "$long" <<'PY'
import binascii, email, email.policy, email.utils, glob, os, sys
d, long = sys.argv[1], sys.argv[2]
bad = []
for f in sorted(glob.glob(os.path.join(d, "*.eml"))):
    raw = open(f, "rb").read()
    if any(len(l) > 78 for l in raw.split(b"\r\n")): bad.append(os.path.basename(f) + ": a line over 78")
    m = email.message_from_bytes(raw, policy=email.policy.default)
    for part in m.iter_attachments():
        body = part.get_payload(decode=False).replace("\r\n", "").replace("\n", "")
        try: data = binascii.a2b_base64(body, strict_mode=True)
        except binascii.Error as e: bad.append(os.path.basename(f) + ": base64: %s" % e); continue
        if data != open(os.path.join(d, part.get_filename()), "rb").read(): bad.append(f + ": attachment differs")
m = email.message_from_bytes(open(os.path.join(d, long + ".eml"), "rb").read(), policy=email.policy.compat32)
raw_to = str(email.header.make_header(email.header.decode_header(m["To"].replace("\r\n", ""))))
names = dict((a, n) for n, a in email.utils.getaddresses([m["To"].replace("\r\n", "")]))
hdr = {}
for n, a in email.utils.getaddresses([m["To"].replace("\r\n", "")]):
    parts = email.header.decode_header(n)
    hdr[a] = "".join(p.decode(c or "ascii") if isinstance(p, bytes) else p for p, c in parts)
if hdr.get("hi@example.org") != 'Say "hi"': bad.append("To: %r" % hdr.get("hi@example.org"))
if hdr.get("ew@example.org") != "=?UTF-8?B?SGFjaw==?=": bad.append("To: %r" % hdr.get("ew@example.org"))
if "=?UTF-8?B?SGFjaw==?=" in open(os.path.join(d, long + ".eml"), encoding="ascii").read(): bad.append("the encoded-word-like name sent as is")
if not m["Message-ID"].strip().startswith("<campagne-"): bad.append("Message-ID: %r" % m["Message-ID"])
if m["To"].replace("\r\n", "").count(">, ") != 2: bad.append("To: not three addresses separated by commas: %r" % m["To"])
print("\n".join(bad) or "OK")
PY
)
	t_eq "campaign drafts: lines <= 78 (a long Message-ID folded), strict base64, display names read back" "$out" OK
	out=$(python3 - "$T_TMP/camp-o/campagne/campagne.csv" <<'PY'
import csv, sys
raw = open(sys.argv[1], "rb").read()
rows = list(csv.reader(raw.decode("utf-8-sig").splitlines(), delimiter=";"))
by = {r[1]: r for r in rows[1:]}
bad = []
if not raw.startswith(b"\xef\xbb\xbf"): bad.append("no BOM")
if any(len(r) != len(rows[0]) for r in rows): bad.append("ragged rows")
if by.get("aide", [""])[0] != 'Aide\u202f; "Bon" Accueil': bad.append("nom: %r" % by.get("aide"))
if by.get("caf", ["", "", ""])[2] != "caf@example.org, dominique.secretnom@example.org": bad.append("courriel: %r" % by.get("caf"))
print("\n".join(bad) or "OK")
PY
)
	t_eq "campagne.csv: a BOM, one field per column, names and addresses exact" "$out" OK
else
	t_skip "campagne.csv read back" "python3 missing"
fi
SOURCE_DATE_EPOCH=1764464000 "$A" campaign -C "$k" -o "$T_TMP/camp-o" --echeance 2025-12-31 caf >"$T_TMP/again.out" 2>&1
t_check "campaign twice the same day: the same request again, not a reminder" grep -qE '^caf +demande ' "$T_TMP/again.out"
sed -i '/^  epicerie:$/,/^  [a-z]/{s/^    demande: \(.*\)$/    demande: \1\n    reponse: 2025-12-02/}' "$k/campagne.yaml"
grep -q 'reponse: 2025-12-02' "$k/campagne.yaml" || t_fail "fixture: epicerie answered in campagne.yaml"
SOURCE_DATE_EPOCH=1765064000 "$A" campaign -C "$k" -o "$T_TMP/camp-o2" >"$T_TMP/later.out" 2>&1
t_check "a later campaign leaves out the partner who answered" sh -c "! grep -q '^epicerie ' '$T_TMP/later.out'"
t_check "…and reminds the others" grep -qE '^caf +relance ' "$T_TMP/later.out"
# A reminder's Message-ID is longer ("-relance"): a long slug is cut
# (and a hash of it added), its folded line still within 78 columns.
t_eq "reminders: no line of a draft over 78 columns" \
    "$(cat "$T_TMP/camp-o2/campagne/"*.eml | tr -d '\r' | awk 'length($0) > 78' | head -3)" ""
t_check "…the long slug's Message-ID cut, a reminder's still" \
    grep -qE '^ <campagne-2019-association-au-nom-[a-z-]*[a-z]-[0-9a-f]{8}-2025-12-06-relance@example\.org>' \
    "$T_TMP/camp-o2/campagne/association-au-nom-un-peu-long-abc.eml"

# A sigle that is the name itself is not said twice: "C3F", not
# "C3F (C3F)", on the partner's page and wherever it is linked.
cp -R "$TOP/content" "$T_TMP/sig"
sed -i '/^nom: "C3F"/a sigle: "C3F"' "$T_TMP/sig/partenaires/c3f.md"
"$A" build -q --no-pdf -C "$T_TMP/sig" -o "$T_TMP/sig-o" 2>/dev/null
t_eq "sigle equal to the name: the build passes" "$?" 0
t_check "sigle equal to the name: the page's title says it once" \
    grep -q '<h1>C3F</h1>' "$T_TMP/sig-o/edition/site/partenaires/c3f.html"
t_check "sigle equal to the name: no page says 'C3F (C3F)'" \
    sh -c "! grep -rqE 'C3F (<span class=\"sigle\">)?\(C3F\)' '$T_TMP/sig-o/edition/site'"
t_check "...while a sigle of its own is still shown" \
    grep -q 'Caisse d’allocations familiales des Yvelines <span class="sigle">(Caf)</span>' \
    "$T_TMP/sig-o/edition/site/partenaires/caf-yvelines.html"

# A one-way link is warned when the other page names the partner, as a
# word: "l'ALU" is a mention, "valu" is not.
cp -R "$TOP/content" "$T_TMP/men"
mkp() {	# SLUG NOM SIGLE LIENS RESUME
	sed "s/^nom: .*/nom: \"$2\"\nsigle: \"$3\"\nliens: [$4]/; s/^resume: .*/resume: \"$5\"/" \
	    "$TOP/tests/campaign/nouveau-partenaire.md" >"$T_TMP/men/partenaires/$1.md"
}
mkp atelier-lumiere "Atelier Lumière" ALU bureau-beta "Des ateliers du soir."
mkp bureau-beta "Bureau Bêta" BBE "" "Des cours de valu pour les familles."
mkp centre-gamma "Centre Gamma" CGA bureau-delta "Des ateliers du matin."
mkp bureau-delta "Bureau Delta" BDE "" "Des cours avec le CGA pour les familles."
"$A" check -C "$T_TMP/men" >"$T_TMP/men.out" 2>&1
t_check "a name inside a longer word is not a mention" \
    sh -c "! grep -q 'bureau-beta.md.*names it' '$T_TMP/men.out'"
t_check "...a name as a word is (the one-way link warned)" \
    grep -q 'bureau-delta.md.*centre-gamma.md lists this page among its liens and this page names it ("CGA")' \
    "$T_TMP/men.out"

t_done
