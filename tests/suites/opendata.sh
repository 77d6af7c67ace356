#!/usr/bin/env bash
# opendata (issue 9 §2–3): the data·inclusion export and the schema.org
# JSON-LD of the pages.
#  - the vocabulary tables compiled into annuaire are the schema's own
#    (src/export_di_vocab.c regenerated from ../shared/data-inclusion);
#  - the example's mapping covers every thématique, with no warning;
#  - every record of the example and of generated stress pages is valid
#    against the schema's JSON Schemas (python3-jsonschema), uses only
#    vocabulary values, and says what its page says (tests/opendata/
#    check.py), with no private field; the checker fails on a corrupted
#    export;
#  - `export data-inclusion` writes what `build` writes, the same bytes
#    twice, never inside content/, and refuses a site without mapping;
#  - a golden export of the example (UPDATE_GOLDEN=1 rewrites it);
#  - the JSON-LD of every page parses, with no private value.
# The browser check of the JSON-LD against the visible contact block is
# tests/suites/jsonld.sh.
# san: yes
set -u
: "${TOP:=$(cd "$(dirname "$0")/../.." && pwd)}"
. "$TOP/tests/lib.sh"
export LC_ALL=C.UTF-8 TZ=UTC SOURCE_DATE_EPOCH=1521072000
A=$ANNUAIRE
DI=$SHARED/data-inclusion
G=$TOP/tests/golden/data-inclusion

# Debian's python3 first: its python3-jsonschema and python3-yaml are the
# ones `make deps-test` installs (another python3 earlier in PATH may lack
# them, or carry other versions).
if [ -x /usr/bin/python3 ]; then
	python3() { /usr/bin/python3 "$@"; }
fi

for need in python3; do
	if ! command -v $need >/dev/null 2>&1; then
		t_skip "opendata suite" "$need is missing (make deps-test)"; t_done; exit
	fi
done
if ! python3 -c 'import jsonschema, yaml' 2>/dev/null; then
	t_skip "opendata suite" "python3-jsonschema or python3-yaml missing (make deps-test)"
	t_done; exit
fi

# --- the vocabularies compiled in ------------------------------------------
if [ -f "$DI/extra/thematiques.json" ]; then
	python3 "$TOP/tools/di-vocab.py" "$DI" >"$T_TMP/vocab.c" 2>"$T_TMP/vocab.err"
	t_check "src/export_di_vocab.c is generated from the schema's extra/*.json" \
	    diff -u "$TOP/src/export_di_vocab.c" "$T_TMP/vocab.c"
else
	t_skip "vocabulary tables" "no schema in $DI"
fi

# --- the example's mapping ---------------------------------------------------
err=$("$A" check -C "$TOP/content" 2>&1 >/dev/null); rc=$?
t_eq "example: check passes with no warning (every thématique mapped)" \
    "$rc $(printf '%s\n' "$err" | tail -1 | cut -d' ' -f1-4)" "0 0 errors, 0 warnings"
mapped=$(python3 - "$TOP/content/site.yaml" <<'EOF'
import sys, yaml
s = yaml.safe_load(open(sys.argv[1], encoding="utf-8"))
keys = [t["cle"] for t in s["thematiques"]]
m = s["data_inclusion"]["thematiques"]
print(len(keys), sum(1 for k in keys if m.get(k)), len(m))
EOF
)
set -- $mapped
t_eq "example: each of the $1 thématiques maps to at least one sub-theme" "$2 $3" "$1 $1"

# --- build and export of the example -------------------------------------------
ex=$T_TMP/ex
if ! "$A" build -q --no-pdf -C "$TOP/content" -o "$ex" 2>"$T_TMP/build.err"; then
	t_fail "build of the example" "$(cat "$T_TMP/build.err")"; t_done; exit
fi
d=$ex/edition/site/data-inclusion
python3 "$TOP/tests/opendata/check.py" --schema "$DI" --export "$d" \
    --content "$TOP/content" --label example >"$T_TMP/ex.tap" 2>&1
t_relay "$T_TMP/ex.tap"

"$A" export data-inclusion -q -C "$TOP/content" -o "$T_TMP/x1" 2>"$T_TMP/x1.err"
rc=$?
"$A" export -q -C "$TOP/content" data-inclusion -o "$T_TMP/x2" 2>/dev/null
same=yes
for f in structures.json services.json structures.csv services.csv; do
	cmp -s "$d/$f" "$T_TMP/x1/$f" || same="no: $f differs from build's"
	cmp -s "$T_TMP/x1/$f" "$T_TMP/x2/$f" || same="no: $f differs between runs"
done
t_eq "export data-inclusion: exit 0, the same bytes as build, twice" "$rc $same" "0 yes"
t_eq "export data-inclusion -q prints nothing" "$(cat "$T_TMP/x1.err")" ""

# Golden export of the example.
if [ "${UPDATE_GOLDEN:-0}" = 1 ] && [ "${SAN:-0}" = 0 ]; then
	mkdir -p "$G"
	cp "$d"/structures.json "$d"/services.json "$d"/structures.csv \
	    "$d"/services.csv "$G"/
fi
for f in structures.json services.json structures.csv services.csv; do
	if [ -f "$G/$f" ]; then
		t_check "golden: data-inclusion/$f" diff -u "$G/$f" "$d/$f"
	else
		t_fail "golden: data-inclusion/$f" "missing: UPDATE_GOLDEN=1 tests/run opendata"
	fi
done

# Never inside content/, even through a path that does not exist yet.
cp -R "$TOP/content" "$T_TMP/c"
before=$(cd "$T_TMP/c" && find . -type f -exec cksum {} + | LC_ALL=C sort)
"$A" export data-inclusion -C "$T_TMP/c" -o "$T_TMP/c/partenaires/new/x" 2>"$T_TMP/in.err"
rc=$?
after=$(cd "$T_TMP/c" && find . -type f -exec cksum {} + | LC_ALL=C sort)
t_eq "export refuses a folder inside content/ (exit 2, content unchanged)" \
    "$rc $([ "$before" = "$after" ] && [ ! -e "$T_TMP/c/partenaires/new" ] && echo same)" "2 same"

# A site without a mapping: an error naming site.yaml, nothing written.
mkdir -p "$T_TMP/nm"
cp -R "$TOP/content" "$T_TMP/nm/content"
python3 - "$T_TMP/nm/content/site.yaml" <<'EOF'
import sys
p = sys.argv[1]
s = open(p, encoding="utf-8").read()
open(p, "w", encoding="utf-8").write(s[:s.index("\n# Données ouvertes")] + "\n")
EOF
err=$("$A" export data-inclusion -C "$T_TMP/nm/content" -o "$T_TMP/nm/out" 2>&1)
rc=$?
case $err in *"site.yaml:1:1: error: data_inclusion: missing"*) m=named ;; *) m=$err ;; esac
t_eq "export without a mapping: exit 1, site.yaml named, nothing written" \
    "$rc $m $([ -e "$T_TMP/nm/out" ] && echo written)" "1 named "
"$A" build -q --no-pdf -C "$T_TMP/nm/content" -o "$T_TMP/nm/b" 2>/dev/null
t_eq "build without a mapping: no data-inclusion folder, no link to it" \
    "$([ -e "$T_TMP/nm/b/site/data-inclusion" ] && echo folder)$(grep -l data-inclusion/ "$T_TMP/nm/b/site/a-propos.html")" ""
t_check "with a mapping, the about page links the four files" \
    test "$(grep -o 'href="data-inclusion/[a-z]*\.[a-z]*"' "$ex/edition/site/a-propos.html" | wc -l)" -eq 4

"$A" export xml -C "$TOP/content" -o "$T_TMP/xml" 2>/dev/null
t_eq "export of an unknown format: exit 2" "$?" 2

# --- stress pages --------------------------------------------------------------
st=$T_TMP/stress
python3 "$TOP/tests/opendata/stress.py" "$TOP/content/site.yaml" "$st" 9
err=$("$A" check -C "$st/content" 2>&1); rc=$?
t_eq "stress pages: check passes" "$rc" 0 || printf '%s\n' "$err" | head -5 | sed 's/^/# /'
"$A" export data-inclusion -q -C "$st/content" -o "$st/di" 2>"$st/err"
python3 "$TOP/tests/opendata/check.py" --schema "$DI" --export "$st/di" \
    --content "$st/content" --label stress >"$T_TMP/st.tap" 2>&1
t_relay "$T_TMP/st.tap"

# The checker can fail: a value outside the vocabulary, a private value.
mkdir -p "$T_TMP/bad1" "$T_TMP/bad2"
cp "$d"/* "$T_TMP/bad1/"; cp "$d"/* "$T_TMP/bad2/"
sed -i '0,/"frais": "gratuit"/s//"frais": "gratuitement"/' "$T_TMP/bad1/services.json"
secret=$(grep -h -m1 -A1 '^contacts:' "$TOP"/content/partenaires/*.md | sed -n 's/.*nom: *"\(.*\)"/\1/p' | head -1)
sed -i "0,/\"conditions_acces\": null/s//\"conditions_acces\": \"$secret\"/" "$T_TMP/bad2/services.json"
python3 "$TOP/tests/opendata/check.py" --schema "$DI" --export "$T_TMP/bad1" >"$T_TMP/bad1.tap" 2>&1
rc1=$?
python3 "$TOP/tests/opendata/check.py" --schema "$DI" --export "$T_TMP/bad2" \
    --content "$TOP/content" >"$T_TMP/bad2.tap" 2>&1
rc2=$?
t_eq "the checker fails on a frais outside the vocabulary" \
    "$rc1 $(grep -c '^not ok.*valid against service.json' "$T_TMP/bad1.tap")" "1 1"
t_eq "the checker fails on a private value (\"$secret\") in services.json" \
    "$rc2 $(grep -c '^not ok.*no private value' "$T_TMP/bad2.tap")" "1 1"

# --- JSON-LD ----------------------------------------------------------------------
out=$(python3 - "$ex/edition/site" "$TOP/content" <<'EOF'
import html.parser, json, os, re, sys
site, content = sys.argv[1], sys.argv[2]
class P(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(); self.blocks = []; self.inld = False
    def handle_starttag(self, tag, attrs):
        self.inld = tag == "script" and ("type", "application/ld+json") in attrs
        if self.inld: self.blocks.append("")
    def handle_endtag(self, tag): self.inld = False
    def handle_data(self, d):
        if self.inld: self.blocks[-1] += d
secrets = set()
for f in os.listdir(os.path.join(content, "partenaires")):
    t = open(os.path.join(content, "partenaires", f), encoding="utf-8").read()
    incontacts = False
    for line in t.splitlines():
        if re.match(r"^\S", line): incontacts = line.startswith("contacts:")
        m = re.match(r"\s*-?\s*(nom|courriel|telephone): *\"?([^\"]+)", line)
        if incontacts and m and len(m.group(2)) > 3: secrets.add(m.group(2))
        m = re.match(r"note_suivi: *\"?([^\"]+)", line)
        if m: secrets.add(m.group(1))
bad, n = [], 0
for rel in ["index.html"] + ["partenaires/" + f for f in sorted(os.listdir(os.path.join(site, "partenaires"))) if f.endswith(".html")]:
    p = P(); p.feed(open(os.path.join(site, rel), encoding="utf-8").read())
    if len(p.blocks) != 1: bad.append("%s: %d JSON-LD blocks" % (rel, len(p.blocks))); continue
    d = json.loads(p.blocks[0]); n += 1
    want = "WebSite" if rel == "index.html" else "Organization"
    if d.get("@context") != "https://schema.org" or d.get("@type") != want:
        bad.append("%s: @type %r" % (rel, d.get("@type")))
    if rel == "index.html" and not d.get("publisher", {}).get("name"):
        bad.append("index.html: no publisher")
    for s in secrets:
        if s in p.blocks[0]: bad.append("%s: private value %r" % (rel, s))
print(n, len(secrets))
for b in bad: print(b)
EOF
)
set -- $out
t_eq "JSON-LD: one block per page ($1 pages), the right @type, the publisher named, none of $2 private values" \
    "$(printf '%s\n' "$out" | tail -n +2)" ""
t_done
