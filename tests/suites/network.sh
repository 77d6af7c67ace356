#!/usr/bin/env bash
# The partners' network (issue 25): reseau.html and the booklet's page
# "Le réseau des partenaires", read back with real readers.
#   - reseau.html's SVG (python3's XML parser): every partner with a
#     link, either way, is a node linking to its page (which exists),
#     every pair of linked partners one edge (mutual ones marked), no
#     two node boxes overlap and every label is set inside its box, the
#     text list says the same links as the drawing;
#   - the booklet: the page after the Mode d'emploi, listed in the
#     Sommaire, every word of it inside the page less its margins and
#     none over another (tests/stress/pdfgeom); a 60-partner edition
#     with many links (bench/gen.sh) and the long-strings fixture too;
#   - byte-identical rebuilds; content without any link: no page, no
#     link to it, no booklet page.
# The SVG's Nu validation and axe at 360 and 1280 px are in the browser
# suite (every page of the example).
# san: yes
. "$TOP/tests/lib.sh"
A=$ANNUAIRE
export SOURCE_DATE_EPOCH=1521072000

if ! "$A" --version >/dev/null 2>&1; then
	t_skip "network suite" "the command line is not built yet"
	t_done; exit
fi
command -v python3 >/dev/null 2>&1 || { t_skip "network suite" "no python3"; t_done; exit; }

"$A" build -q -C "$TOP/content" -o "$T_TMP/a" 2>"$T_TMP/a.err"
t_check "example builds" test -f "$T_TMP/a/edition/site/reseau.html"
"$A" build -q -C "$TOP/content" -o "$T_TMP/b" 2>"$T_TMP/b.err"
t_check "reseau.html byte-identical on a rebuild" \
    cmp "$T_TMP/a/edition/site/reseau.html" "$T_TMP/b/edition/site/reseau.html"
t_check "livret.pdf byte-identical on a rebuild" \
    cmp "$T_TMP/a/edition/livret.pdf" "$T_TMP/b/edition/livret.pdf"

# The SVG against the links of the content (annuaire.json's liens).
out=$(python3 - "$T_TMP/a/edition/site" <<'PY' 2>&1
import json, re, sys, os, html
import xml.etree.ElementTree as ET
site = sys.argv[1]
data = json.load(open(os.path.join(site, 'annuaire.json')))
parts = data['partenaires'] if isinstance(data, dict) else data
links = {}
for p in parts:
    for q in p.get('liens', []):
        links.setdefault(p['slug'], set()).add(q)
pairs = set()
for a, qs in links.items():
    for b in qs:
        pairs.add(tuple(sorted((a, b))))
mutual = {pr for pr in pairs if pr[1] in links.get(pr[0], ()) and pr[0] in links.get(pr[1], ())}
linked = {s for pr in pairs for s in pr}
page = open(os.path.join(site, 'reseau.html'), encoding='utf-8').read()
m = re.search(r'<svg class="reseau-svg".*?</svg>', page, re.S)
svg = ET.fromstring(m.group(0))
ns = '{http://www.w3.org/2000/svg}'
err = []
nodes = {}
for a in svg.iter(ns + 'a'):
    slug = a.get('data-slug'); href = a.get('href')
    if not os.path.isfile(os.path.join(site, href)):
        err.append('broken href ' + href)
    if a.find(ns + 'title') is None or not a.find(ns + 'title').text:
        err.append('node without title ' + slug)
    r = a.find(ns + 'rect'); t = a.find(ns + 'text')
    box = [float(r.get(k)) for k in ('x', 'y', 'width', 'height')]
    tx, tl = float(t.get('x')), float(t.get('textLength'))
    if tx < box[0] or tx + tl > box[0] + box[2]:
        err.append('label outside its box ' + slug)
    nodes[slug] = box
if set(nodes) != linked:
    err.append('nodes %s != linked partners %s' % (sorted(set(nodes) ^ linked), ''))
for i, a in enumerate(sorted(nodes)):
    for b in sorted(nodes)[i + 1:]:
        x, y, w, h = nodes[a]; X, Y, W, H = nodes[b]
        if x < X + W and X < x + w and y < Y + H and Y < y + h:
            err.append('overlap %s %s' % (a, b))
edges = [g for g in svg.iter(ns + 'g') if g.get('class') in ('lien', 'lien lien-reciproque')]
nm = sum(1 for g in edges if 'lien-reciproque' in g.get('class'))
if len(edges) != len(pairs) or nm != len(mutual):
    err.append('edges %d (mutual %d), links %d (mutual %d)' % (len(edges), nm, len(pairs), len(mutual)))
for g in edges:
    if g.find(ns + 'title') is None:
        err.append('edge without title')
# The list: per partner, those it names and those who name it.
lst = page[page.index('class="reseau-liste"'):]
got = set()
for m in re.finditer(r'<li data-slug="([^"]+)"><a href="[^"]+"><strong>.*?(?=<li data-slug="[^"]+"><a href="[^"]+"><strong>|</section>)', lst, re.S):
    a = m.group(1)
    for n in re.finditer(r'<li data-slug="([^"]+)" data-sens="([a-z-]+)">', m.group(0)):
        got.add(tuple(sorted((a, n.group(1)))))
if got != pairs:
    err.append('list pairs differ: %s' % sorted(got ^ pairs)[:5])
print('\n'.join(err) if err else 'ok %d nodes %d edges %d mutual' % (len(nodes), len(pairs), len(mutual)))
PY
)
case $out in
ok*) t_ok "reseau.html: drawing = links, hrefs work, no overlap, list = drawing ($out)" ;;
*) t_fail "reseau.html: drawing = links, hrefs work, no overlap, list = drawing" "$out" ;;
esac
t_check "home page links to reseau.html" grep -q 'href="reseau.html"' "$T_TMP/a/edition/site/index.html"
t_check "footer links to reseau.html" grep -q 'href="../reseau.html">Le réseau' "$T_TMP/a/edition/site/partenaires/caf-yvelines.html"

# The booklet page: after the Mode d'emploi, in the Sommaire, geometry.
pdftotext -layout "$T_TMP/a/edition/livret.pdf" "$T_TMP/a.txt"
t_check "Sommaire lists the network page" \
    grep -q "Le réseau des partenaires \. \. \." "$T_TMP/a.txt"
order=$(grep -o -e "^Mode d.emploi$" -e "^Le réseau des partenaires$" -e "^Sommaire$" "$T_TMP/a.txt" | tr '\n' '/')
t_eq "booklet order: Mode d'emploi, network, Sommaire" "$order" "Mode d’emploi/Le réseau des partenaires/Sommaire/"
geom() {
	local out rc
	out=$("$TOP/tests/stress/pdfgeom" -v "$2" 2>&1); rc=$?
	if [ $rc -eq 0 ]; then t_ok "$1: ${out##*$'\n'}"
	else t_fail "$1: no word outside the page less its margins, none over another" \
	    "$(printf '%s\n' "$out" | tail -20)"; fi
}
pg=$(python3 -c '
import sys
t = open(sys.argv[1]).read().split("\f")
print(next(i + 1 for i, p in enumerate(t) if "Chaque étiquette renvoie" in p))' "$T_TMP/a.txt")
geom "example's booklet with its network page ($pg)" "$T_TMP/a/edition/livret.pdf"
n=$(pdftotext -f "$pg" -l "$pg" "$T_TMP/a/edition/livret.pdf" - | grep -c -e "AEJF" -e "Caf" -e "SOS Accueil")
t_check "network page names the partners ($n)" test "$n" -ge 3

# 60 partners, two links each (bench/gen.sh), and the long strings.
sh "$TOP/bench/gen.sh" 60 "$T_TMP/g60" >/dev/null
"$A" build -q -C "$T_TMP/g60" -o "$T_TMP/o60" 2>"$T_TMP/o60.err"; rc=$?
t_eq "60 partners: builds (exit $rc)" "$rc" 0
geom "60 partners: livret.pdf" "$T_TMP/o60/edition/livret.pdf"
t_check "60 partners: reseau.html" test -f "$T_TMP/o60/edition/site/reseau.html"
sh "$TOP/bench/gen.sh" 300 "$T_TMP/g300" >/dev/null
"$A" build -q -C "$T_TMP/g300" -o "$T_TMP/o300" 2>"$T_TMP/o300.err"; rc=$?
t_eq "300 partners: builds (exit $rc)" "$rc" 0
geom "300 partners: livret.pdf" "$T_TMP/o300/edition/livret.pdf"
np=$(pdftotext "$T_TMP/o300/edition/livret.pdf" - | grep -c "^Réseau : ")
t_check "300 partners: a network page per category ($np)" test "$np" -ge 2

# A linked partner whose name needs escaping and cutting: the SVG stays
# well-formed XML, its label is the name's start cut at a space with
# "…", at most 24 characters like every other label, and its title
# holds the whole name.
cp -R "$TOP/content" "$T_TMP/esc"
sed -i 's/^nom: .*/nom: "A \& B <Habitat> Humanisme des Yvelines"/' \
    "$T_TMP/esc/partenaires/habitat-et-humanisme.md"
"$A" build -q -C "$T_TMP/esc" -o "$T_TMP/oesc" 2>"$T_TMP/oesc.err"; rc=$?
t_eq "a name with & and <: builds (exit $rc)" "$rc" 0
out=$(python3 - "$T_TMP/oesc/edition/site/reseau.html" <<'PY' 2>&1
import sys
import xml.etree.ElementTree as ET
s = open(sys.argv[1], encoding="utf-8").read()
i = s.index('<svg class="reseau-svg"')
svg = ET.fromstring(s[i:s.index("</svg>", i) + 6])
ns = "{http://www.w3.org/2000/svg}"
name = "A & B <Habitat> Humanisme des Yvelines"
labels = {}
for a in svg.iter(ns + "a"):
    slug = a.get("data-slug")
    labels[slug] = ("".join(a.find(ns + "text").itertext()),
                    "".join(a.find(ns + "title").itertext()))
long_ = [l for l, _ in labels.values() if len(l) > 24]
if long_:
    sys.exit("labels over 24 characters: %r" % long_)
# A cut label ends with a word, never ", …" ("Secours Catholique…").
stop = [l for l, _ in labels.values() if l[-2:-1] in " ,;:.-" and l[-1] == "\u2026"]
if stop:
    sys.exit("labels with a stop before the ellipsis: %r" % stop)
label, title = labels["habitat-et-humanisme"]
if label != "A & B <Habitat>\u2026":
    sys.exit("label %r, not the name cut at a space with an ellipsis" % label)
if not title.startswith(name):
    sys.exit("title %r does not hold the whole name" % title)
print("%d labels, %r" % (len(labels), label))
PY
)
t_check "a name with & and <: SVG well-formed, label cut and escaped ($out)" test $? -eq 0

# Without any link: no page, no link to it, no booklet page.
cp -R "$TOP/content" "$T_TMP/nl"
for f in "$T_TMP"/nl/partenaires/*.md; do sed -i '/^liens:/d' "$f"; done
"$A" build -q -C "$T_TMP/nl" -o "$T_TMP/onl" 2>"$T_TMP/onl.err"; rc=$?
t_eq "no link: builds (exit $rc)" "$rc" 0
t_check "no link: no reseau.html" test ! -e "$T_TMP/onl/edition/site/reseau.html"
t_check "no link: no link to it" sh -c "! grep -rq --include='*.html' 'reseau.html' '$T_TMP/onl/edition/site'"
t_check "no link: no booklet page" sh -c "! pdftotext '$T_TMP/onl/edition/livret.pdf' - | grep -q 'seau des partenaires'"
t_done
