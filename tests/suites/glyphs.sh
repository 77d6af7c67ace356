#!/usr/bin/env bash
# glyphs: every character the booklet draws maps to a real glyph
# (issue 24).  Text extraction reads /ToUnicode and render tests see
# "not blank": neither notices a /CIDToGIDMap that sends a code to
# glyph 0 (the blank .notdef) or past the font.  For each Type0 font of
# livret.pdf (read with qpdf --json, streams decoded), every code of
# its /ToUnicode (the emitter writes it from the codes drawn) maps
# through /CIDToGIDMap to a glyph id other than 0 and below the
# embedded TrueType program's maxp.numGlyphs; "…", "’" and a pictogram
# (Fork Awesome, private use area) are among them.  On the example
# edition, the stress content (long) and scripts needing the DejaVu
# fallback (tests/regress/unprintable-script), both booklets each.
# san: yes
. "$TOP/tests/lib.sh"
A=$ANNUAIRE
export SOURCE_DATE_EPOCH=1521072000 LC_ALL=C.UTF-8

for c in qpdf python3 pdffonts; do
	command -v $c >/dev/null 2>&1 || { t_skip "glyphs suite" "$c is missing"; t_done; exit; }
done

# glyphs PDF: "ok N fonts", or what maps to no glyph.
glyphs() {
	qpdf --json=2 --json-stream-data=inline "$1" 2>/dev/null | python3 -c '
import base64, json, re, struct, sys
doc = json.load(sys.stdin)
objs = doc["qpdf"][1]
def obj(ref):
    return objs["obj:" + ref]
def data(ref):
    return base64.b64decode(obj(ref)["stream"]["data"])
def d(ref):
    o = obj(ref)
    return o["value"] if "value" in o else o["stream"]["dict"]
def tounicode(cm):
    m = {}
    for blk in re.findall(rb"beginbfchar(.*?)endbfchar", cm, re.S):
        for a, b in re.findall(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", blk):
            m[int(a, 16)] = bytes.fromhex(b.decode()).decode("utf-16-be")
    for blk in re.findall(rb"beginbfrange(.*?)endbfrange", cm, re.S):
        for a, b, c in re.findall(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", blk):
            a, b = int(a, 16), int(b, 16)
            u = bytes.fromhex(c.decode()).decode("utf-16-be")
            for i in range(b - a + 1):
                m[a + i] = u[:-1] + chr(ord(u[-1]) + i)
    return m
def numglyphs(ttf):
    n = struct.unpack(">H", ttf[4:6])[0]
    for i in range(n):
        tag, _, off, _ = struct.unpack(">4sIII", ttf[12 + 16 * i:28 + 16 * i])
        if tag == b"maxp":
            return struct.unpack(">H", ttf[off + 4:off + 6])[0]
    return 0
bad, drawn, nfonts = [], set(), 0
for k in sorted(objs):
    v = objs[k].get("value")
    if not isinstance(v, dict) or v.get("/Subtype") != "/Type0":
        continue
    nfonts += 1
    name = v["/BaseFont"]
    cid = d(v["/DescendantFonts"][0])
    fd = d(cid["/FontDescriptor"])
    if "/FontFile2" not in fd:
        bad.append(f"{name}: no embedded TrueType program")
        continue
    n = numglyphs(data(fd["/FontFile2"]))
    gmap = cid.get("/CIDToGIDMap")
    if not isinstance(gmap, str) or not gmap.endswith(" R"):
        bad.append(f"{name}: /CIDToGIDMap {gmap!r}, not a stream")
        continue
    g = data(gmap)
    tu = tounicode(data(v["/ToUnicode"]))
    if not tu:
        bad.append(f"{name}: empty ToUnicode")
    for c, u in sorted(tu.items()):
        gid = struct.unpack(">H", g[2 * c:2 * c + 2])[0] if 2 * c + 2 <= len(g) else 0
        if gid == 0 or gid >= n:
            bad.append(f"{name}: CID {c:04X} ({u!r}) to glyph {gid} of {n}")
        else:
            drawn.add(u)
for ch, what in (("…", "…"), ("’", "’")):
    if ch not in drawn:
        bad.append(f"{what} never drawn with a real glyph")
if not any("\ue000" <= u[:1] <= "\uf8ff" for u in drawn):
    bad.append("no pictogram drawn with a real glyph")
print("\n".join(bad[:20]) if bad else "ok", nfonts, "fonts")
'
}

# run NAME CONTENT MIN-FONTS: every font pdffonts lists is checked (how
# many depends on the fonts installed: where the regular and the italic
# fallback are one file, DejaVuSans.ttf on a bare Debian, libharu embeds
# it once), and at least MIN-FONTS.
run() {
	local f n
	"$A" build -q -C "$2" -o "$T_TMP/o-$1" >/dev/null 2>&1
	t_eq "$1: the build passes" "$?" 0
	for p in livret livret-impression; do
		f=$T_TMP/o-$1/edition/$p.pdf
		n=$(pdffonts "$f" 2>/dev/null | grep -c "CID TrueType")
		t_check "$1: $p.pdf embeds at least $3 fonts ($n)" test "$n" -ge "$3"
		t_eq "$1: $p.pdf draws every character with a real glyph" \
		    "$(glyphs "$f" 2>&1)" "ok $n fonts"
	done
}

run example "$TOP/content" 4
sh "$TOP/tests/stress/gen.sh" long "$T_TMP/long" >/dev/null
run stress-long "$T_TMP/long" 4
cp -R "$TOP/tests/regress/unprintable-script/content" "$T_TMP/scripts"
run scripts "$T_TMP/scripts" 5
t_done
