#!/usr/bin/env bash
# campaign: the yearly cycle end to end on a copy of the example content —
# `annuaire campaign` (forms, .eml drafts read back by Python's email
# package, campagne.csv, content/campagne.yaml), `annuaire import` on a
# fixture inbox (renamed, CRLF, Windows-1252, form download, "rien n'a
# changé", new partner, two files for one partner, invalid file; dry run,
# --apply, a second import, a page modified since the request, --force),
# `annuaire report` (text within 80 columns, CSV, suivi.html) and the
# "Nouveautés de l'édition" of the next build (site page and booklet).
# san: yes
set -u
: "${TOP:=$(cd "$(dirname "$0")/../.." && pwd)}"
. "$TOP/tests/lib.sh"
export LC_ALL=C.UTF-8 TZ=UTC
T0=1764464000		# 2025-11-30, the day of the requests
export SOURCE_DATE_EPOCH=$T0
FIX=$TOP/tests/campaign
have_py=0
command -v python3 >/dev/null 2>&1 && have_py=1

C=$T_TMP/content O=$T_TMP/out
cp -r "$TOP/content" "$C"
n=$(ls "$C"/partenaires/*.md | wc -l)
A() { "$ANNUAIRE" "$@"; }

# ---- campaign ---------------------------------------------------------------
A campaign -C "$C" -o "$O" --echeance 2025-12-31 >"$T_TMP/camp.out" 2>"$T_TMP/camp.err"
t_eq "campaign exits 0" "$?" 0
t_eq "one form per partner" "$(ls "$O"/campagne/*.html | wc -l)" "$n"
t_eq "one e-mail draft per partner" "$(ls "$O"/campagne/*.eml | wc -l)" "$n"
t_check "README.txt says the folder is not published" grep -q "n'est pas publié" "$O/campagne/README.txt"
t_check "nothing is written into the site" test ! -e "$O/edition/site"
t_eq "campagne.csv: a header and one line per partner" "$(wc -l <"$O/campagne/campagne.csv")" "$((n + 1))"
t_check "campagne.yaml names the edition prepared and the deadline" \
    grep -qx 'edition: 2019' "$C/campagne.yaml"
t_check "campagne.yaml: the deadline" grep -qx 'echeance: 2025-12-31' "$C/campagne.yaml"
t_eq "campagne.yaml: every partner asked today" "$(grep -c 'demande: 2025-11-30' "$C/campagne.yaml")" "$n"
t_eq "campagne.yaml: a fingerprint per partner" "$(grep -c 'empreinte: "fnv1a64:' "$C/campagne.yaml")" "$n"
diff -r -x campagne.yaml -x campagne-envois "$TOP/content" "$C" >"$T_TMP/d" 2>&1
t_eq "campaign writes nothing in content/ but campagne.yaml and the pages as sent" "$?" 0
t_check "the page as sent is kept for the three-way merge" \
    cmp "$TOP/content/partenaires/tad.md" "$C/campagne-envois/tad.md"

# The same campaign in another copy: byte-identical files.
cp -r "$TOP/content" "$T_TMP/c2"
A campaign -C "$T_TMP/c2" -o "$T_TMP/o2" --echeance 2025-12-31 >/dev/null 2>&1
t_check "campaign output is deterministic" diff -r "$O/campagne" "$T_TMP/o2/campagne"
t_check "campagne.yaml is deterministic" cmp "$C/campagne.yaml" "$T_TMP/c2/campagne.yaml"

# The drafts, read by an independent parser.
if [ $have_py = 1 ]; then
	out=$(python3 - "$O/campagne" "$C" <<'PY' 2>&1
import email, email.policy, glob, os, re, sys
d, content = sys.argv[1], sys.argv[2]
site = open(os.path.join(content, "site.yaml"), encoding="utf-8").read()
coord = re.search(r'coordination:.*?courriel:\s*"?([^"\n]+)"?', site, re.S).group(1)
bad = []
for f in sorted(glob.glob(os.path.join(d, "*.eml"))):
    slug = os.path.basename(f)[:-4]
    raw = open(f, "rb").read()
    page = open(os.path.join(content, "partenaires", slug + ".md"), encoding="utf-8").read()
    def err(m): bad.append(f"{slug}: {m}")
    if b"\n" in raw.replace(b"\r\n", b""): err("a line ends without CR")
    # 76 (RFC 2045); a header's address or Message-ID alone on its
    # folded line cannot be folded further (mailtypo checks the rest).
    if any(len(l) > 76 and not (l[:1] == b" " and len(l.split()) == 1)
           for l in raw.split(b"\r\n")): err("a line longer than 76")
    if any(b > 127 for b in raw): err("8-bit byte in the message")
    m = email.message_from_bytes(raw, policy=email.policy.default)
    if m.defects or any(p.defects for p in m.walk()): err(f"defects {m.defects}")
    if m["X-Unsent"] != "1": err("no X-Unsent: 1")
    if m["From"].addresses[0].addr_spec != coord: err(f"From {m['From']}")
    mail = re.search(r'^courriel:\s*"?([^"\n]+)"?', page, re.M)
    to = [a.addr_spec for a in m["To"].addresses] if m["To"] else []
    if mail and mail.group(1) not in to: err(f"To {to} lacks {mail.group(1)}")
    nom = re.search(r'^nom:\s*"?([^"\n]+?)"?$', page, re.M).group(1)
    if nom not in str(m["Subject"]): err(f"Subject {m['Subject']!r} lacks {nom!r}")
    body = m.get_body(("plain",)).get_content()
    if "31 décembre 2025" not in body: err("no deadline in the text")
    att = [p for p in m.iter_attachments()]
    if len(att) != 1 or att[0].get_filename() != slug + ".html": err("attachment name")
    elif att[0].get_content_type() != "text/html": err("attachment type")
    elif att[0].get_payload(decode=True) != open(os.path.join(d, slug + ".html"), "rb").read():
        err("attachment differs from the form")
print("\n".join(bad) if bad else "OK", len(glob.glob(os.path.join(d, "*.eml"))))
PY
)
	t_eq "every .eml parses: CRLF, <= 76 columns, headers decode, X-Unsent, the form attached" "$out" "OK $n"
else
	t_skip "the .eml files read back by Python" "python3 missing"
fi

# Choosing partners, and usage errors.
nrel=$(grep -l '^suivi: relancer' "$TOP"/content/partenaires/*.md | wc -l)
cp -r "$TOP/content" "$T_TMP/c3"
A campaign -C "$T_TMP/c3" -o "$T_TMP/o3" --only relancer >/dev/null 2>&1
t_eq "--only relancer asks the partners marked relancer" "$(ls "$T_TMP/o3/campagne"/*.eml | wc -l)" "$nrel"
A campaign -C "$T_TMP/c3" -o "$T_TMP/o3" --only nimporte >/dev/null 2>&1
t_eq "--only with an unknown word is a usage error" "$?" 2
A campaign -C "$T_TMP/c3" -o "$T_TMP/o3" --echeance 2025-02-30 >/dev/null 2>&1
t_eq "--echeance with an impossible date is a usage error" "$?" 2
A campaign -C "$T_TMP/c3" -o "$T_TMP/o3" pas-de-tel-partenaire >/dev/null 2>"$T_TMP/e"
t_eq "an unknown slug is refused" "$?" 2

# A page with errors gets no request; the others do, and the exit says 1.
cp -r "$TOP/content" "$T_TMP/c4"
cp "$FIX/fiche-incomplete.md" "$T_TMP/c4/partenaires/zz-cassee.md"
A campaign -C "$T_TMP/c4" -o "$T_TMP/o4" >/dev/null 2>"$T_TMP/e4"
t_eq "campaign with a page in error exits 1" "$?" 1
t_eq "... and asks every other partner" "$(ls "$T_TMP/o4/campagne"/*.eml | wc -l)" "$n"
t_check "... naming the page's errors" grep -q '^.*/zz-cassee.md:3:12: error: telephone' "$T_TMP/e4"

# Reminders: those asked and not answered, a week later.
cp -r "$C" "$T_TMP/c5"
SOURCE_DATE_EPOCH=1765064000 A campaign -C "$T_TMP/c5" -o "$T_TMP/o5" --relance >"$T_TMP/r5" 2>/dev/null
t_eq "--relance writes a reminder for every partner asked" "$(grep -c ' relance ' "$T_TMP/r5")" "$n"
t_eq "campagne.yaml records the reminders" "$(grep -c 'relance: 2025-12-06' "$T_TMP/c5/campagne.yaml")" "$n"
t_check "campagne.yaml keeps the date of the request" grep -q 'demande: 2025-11-30' "$T_TMP/c5/campagne.yaml"
if [ $have_py = 1 ]; then
	t_eq "the reminder's subject starts with Rappel and recalls the request" "$(python3 -c '
import email, email.policy, sys
m = email.message_from_binary_file(open(sys.argv[1], "rb"), policy=email.policy.default)
print(str(m["Subject"]).split(" :")[0], "30 novembre 2025" in m.get_body(("plain",)).get_content())
' "$T_TMP/o5/campagne/aral.eml")" "Rappel True"
fi

# ---- the answers ------------------------------------------------------------
I=$T_TMP/retours
mkdir -p "$I"
P=$C/partenaires
# Renamed by the partner, CRLF line ends, a new phone.
sed 's/01 99 00 20 08/01 99 00 12 34/; s/^mise_a_jour: .*/mise_a_jour: 2025-12-02/' "$P/croix-rouge.md" |
    sed 's/$/\r/' >"$I/Fiche Croix Rouge 2019 (2).md"
# "Rien n'a changé": the same page, a new date.
sed 's/^mise_a_jour: .*/mise_a_jour: 2025-12-01/' "$P/soliha.md" >"$I/soliha.md"
# Two saves of the form for one partner: the latest save is taken,
# whatever the file times say (the older save has the newer file time).
sed '1a # annuaire-formulaire: enregistré 2025-12-01T10:00:00Z
s/^mise_a_jour: .*/mise_a_jour: 2025-12-01/; s/^transports: .*/transports: "Bus 1."/' \
    "$P/secours-catholique.md" >"$I/secours-catholique-ancien.md"
sed '1a # annuaire-formulaire: enregistré 2025-12-02T09:30:00Z
s/^mise_a_jour: .*/mise_a_jour: 2025-12-02/; s/^transports: .*/transports: "Bus 2."/' \
    "$P/secours-catholique.md" >"$I/Secours catholique.md"
touch -d '2025-12-03 10:00' "$I/secours-catholique-ancien.md"
touch -d '2025-12-01 10:00' "$I/Secours catholique.md"
cp "$FIX/nouveau-partenaire.md" "$FIX/fiche-incomplete.md" "$FIX/Fiche secours populaire (Word).md" "$I/"

# Form downloads, from the real form in Chromium when it is there.
B=$TOP/tests/browser
if t_have_browser; then
	if node "$B/campaign.mjs" --forms "$O/campagne" --out "$I" --today 2025-12-02 \
	    --changed caf-yvelines --phone "01 99 00 10 11" --same aejf >"$T_TMP/node.out" 2>&1; then
		t_ok "the forms download caf-yvelines (1).md and aejf (1).md in Chromium"
		form=1
	else
		t_fail "the forms download in Chromium" "$(cat "$T_TMP/node.out")"
		form=0
	fi
else
	t_skip "the forms in Chromium" "node, chromium or playwright-core missing"
	form=0
fi
[ $form = 1 ] || t_skip "a form download imported" "no browser"

before=$(cd "$C" && find . -type f | sort | xargs md5sum)
inbox_before=$(ls "$I")
A import -C "$C" "$I" >"$T_TMP/dry.out" 2>"$T_TMP/dry.err"
t_eq "a dry run with an invalid file exits 1" "$?" 1
t_eq "a dry run writes nothing in content/" "$(cd "$C" && find . -type f | sort | xargs md5sum)" "$before"
t_eq "a dry run leaves the inbox as it was" "$(ls "$I")" "$inbox_before"
t_check "the renamed CRLF file is croix-rouge, its phone changed" \
    grep -qF 'Téléphone: « 01 99 00 20 08 » → « 01 99 00 12 34 »' "$T_TMP/dry.out"
t_check "a page with only a new date is confirmed" \
    grep -qF 'confirmed, no change (Mise à jour: ' "$T_TMP/dry.out"
t_check "a new partner is shown as new" \
    grep -qF "new partner: Épicerie solidaire des Chantiers ($I/nouveau-partenaire.md), page epicerie-solidaire-des-chantiers.md" "$T_TMP/dry.out"
t_check "of two saves the latest is taken, the older named with its save time" \
    grep -qF "older, not taken: $I/secours-catholique-ancien.md (saved 2025-12-01T10:00:00Z; this file was saved 2025-12-02T09:30:00Z)" "$T_TMP/dry.out"
t_check "the latest save's change is shown" grep -qF '→ « Bus 2. »' "$T_TMP/dry.out"
t_check "the Windows-1252 file is refused with its hint (file:line:col)" \
    grep -qE "^$I/Fiche secours populaire \(Word\)\.md:[0-9]+:[0-9]+: error: .*Windows-1252" "$T_TMP/dry.err"
t_check "the invalid file's errors are those of check" \
    grep -qE "^$I/fiche-incomplete\.md:3:12: error: telephone:" "$T_TMP/dry.err"
if [ $form = 1 ]; then
	t_check "the form download is matched and its phone change shown" \
	    grep -qF "(caf-yvelines) ← $I/caf-yvelines (1).md" "$T_TMP/dry.out"
	grep -A3 -F "(aejf) ← $I/aejf (1).md" "$T_TMP/dry.out" >"$T_TMP/aejf"
	t_check "the form's \"Rien n'a changé\" is a confirmation" grep -q 'confirmed, no change' "$T_TMP/aejf"
fi

T1=1764664000		# 2025-12-02, the day of the import
SOURCE_DATE_EPOCH=$T1 A import -C "$C" --apply "$I" >"$T_TMP/apply.out" 2>"$T_TMP/apply.err"
t_eq "--apply with an invalid file left exits 1" "$?" 1
t_eq "the previous edition is archived whole" \
    "$(ls "$C/archives/2018/partenaires" | wc -l)" "$n"
t_check "the archive holds the pages as they were" diff -r "$TOP/content/partenaires" "$C/archives/2018/partenaires"
t_check "the archive is a content folder that loads" "$ANNUAIRE" check -C "$C/archives/2018"
t_check "the page has the new phone" grep -qx 'telephone: "01 99 00 12 34"' "$P/croix-rouge.md"
t_check "the page has suivi: ok" grep -qx 'suivi: ok' "$P/croix-rouge.md"
t_check "the new partner's page is written" test -f "$P/epicerie-solidaire-des-chantiers.md"
t_check "the newer of two files is applied" grep -qx 'transports: "Bus 2."' "$P/secours-catholique.md"
t_check "the content checks without error after --apply" "$ANNUAIRE" check -C "$C"
t_eq "no temporary file is left in content/" "$(find "$C" -name '*.tmp-*' | wc -l)" 0
[ $form = 1 ] && t_check "the phone typed in the form is in the page" \
    grep -qx 'telephone: "01 99 00 10 11"' "$P/caf-yvelines.md"
t_check "the invalid files stay in the inbox" test -f "$I/fiche-incomplete.md"
t_check "the Windows-1252 file stays in the inbox" test -f "$I/Fiche secours populaire (Word).md"
t_check "the files taken go to traités/" test -f "$I/traités/Fiche Croix Rouge 2019 (2).md"
t_check "the older file goes to traités/ too" test -f "$I/traités/secours-catholique-ancien.md"
t_check "campagne.yaml records the answer" \
    grep -A3 -x '  croix-rouge:' "$C/campagne.yaml" | grep -qx '    reponse: 2025-12-02'
# The page written, field by field: the same model as the answer.
t_eq "only the phone, the date and suivi changed in croix-rouge.md" \
    "$(diff "$TOP/content/partenaires/croix-rouge.md" "$P/croix-rouge.md" | grep -c '^[<>]')" \
    "$(diff "$TOP/content/partenaires/croix-rouge.md" "$P/croix-rouge.md" | grep '^[<>]' |
      grep -cE '^[<>] (telephone|mise_a_jour|suivi|langues):')"

after=$(cd "$C" && find . -type f | sort | xargs md5sum)
SOURCE_DATE_EPOCH=$T1 A import -C "$C" --apply "$I" >"$T_TMP/again.out" 2>/dev/null
t_check "a second import takes nothing" grep -q ': 0 changed, 0 confirmed, 0 new, 2 invalid, 0 refused, 0 older or identical' "$T_TMP/again.out"
t_eq "a second import changes nothing in content/" "$(cd "$C" && find . -type f | sort | xargs md5sum)" "$after"

# A page modified since the request: merged with the page as sent (the
# coordination's change kept, the partner's taken); without the page as
# sent, reported and applied only with --force.
printf '\nAjout de la coordination.\n' >>"$P/tad.md"
mkdir -p "$T_TMP/r2"
sed 's/^mise_a_jour: .*/mise_a_jour: 2025-12-02/; s/^public: .*/public: "Tout public."/' \
    "$TOP/content/partenaires/tad.md" >"$T_TMP/r2/tad.md"
cp -r "$C" "$T_TMP/c2b"; cp -r "$T_TMP/r2" "$T_TMP/r2b"
SOURCE_DATE_EPOCH=$T1 A import -C "$C" --apply "$T_TMP/r2" >"$T_TMP/c.out" 2>&1
t_eq "an answer to a page the coordination changed since the request is merged (exit 0)" "$?" 0
t_check "...saying the coordination's change is kept" grep -qF 'Présentation: your change since the request is kept' "$T_TMP/c.out"
t_check "the page keeps the coordination's change" grep -q 'Ajout de la coordination' "$P/tad.md"
t_check "...and has the partner's" grep -qx 'public: "Tout public."' "$P/tad.md"
t_check "the page replaced is kept in archives/2018/remplacees/" \
    grep -q 'Ajout de la coordination' "$C/archives/2018/remplacees/tad-2025-12-02.md"
# A second answer the same day (on a copy): the page it replaces is kept
# beside the first one replaced, which stays as it was.
cp -r "$C" "$T_TMP/c2c"; mkdir -p "$T_TMP/r2c"
sed 's/^public: .*/public: "Tout public, sans rendez-vous."/' "$P/tad.md" >"$T_TMP/r2c/tad.md"
SOURCE_DATE_EPOCH=$T1 A import -C "$T_TMP/c2c" --apply "$T_TMP/r2c" >"$T_TMP/c2c.out" 2>&1
t_eq "a second answer the same day is applied (exit 0)" "$?" 0
t_check "...the first page replaced that day is still there, unchanged" \
    cmp "$C/archives/2018/remplacees/tad-2025-12-02.md" \
    "$T_TMP/c2c/archives/2018/remplacees/tad-2025-12-02.md"
t_check "...and the page replaced now is kept beside it" \
    grep -qx 'public: "Tout public."' "$T_TMP/c2c/archives/2018/remplacees/tad-2025-12-02-2.md"
# The same with site.yaml already naming the new edition: the pages
# replaced still belong to the one before the campaign's.
cp -r "$C" "$T_TMP/c2d"; mkdir -p "$T_TMP/r2d"
sed -i 's/^edition: 2018/edition: 2019/' "$T_TMP/c2d/site.yaml"
sed 's/^public: .*/public: "Tout public, sans rendez-vous."/' "$P/tad.md" >"$T_TMP/r2d/tad.md"
SOURCE_DATE_EPOCH=$T1 A import -C "$T_TMP/c2d" --apply "$T_TMP/r2d" >"$T_TMP/c2d.out" 2>&1
t_eq "with site.yaml at the new edition, the answer is applied (exit 0)" "$?" 0
t_check "...and the page replaced is kept under archives/2018, not 2019" \
    sh -c "test -f '$T_TMP/c2d/archives/2018/remplacees/tad-2025-12-02-2.md' && test ! -e '$T_TMP/c2d/archives/2019'"
rm "$T_TMP/c2b/campagne-envois/tad.md"
SOURCE_DATE_EPOCH=$T1 A import -C "$T_TMP/c2b" --apply "$T_TMP/r2b" >"$T_TMP/c.out" 2>&1
t_eq "without the page as sent, an answer to a page modified since exits 1" "$?" 1
t_check "it is reported, not applied" grep -q 'not applied: .*tad.md was modified since it was sent on 2025-11-30' "$T_TMP/c.out"
t_check "the page keeps the coordination's change" grep -q 'Ajout de la coordination' "$T_TMP/c2b/partenaires/tad.md"
SOURCE_DATE_EPOCH=$T1 A import -C "$T_TMP/c2b" --apply --force "$T_TMP/r2b" >"$T_TMP/f.out" 2>&1
t_eq "--force applies it" "$?" 0

# Every example page sent back under a name that says nothing, with only
# a new date: each is matched by its nom to its own page, and confirmed.
cp -r "$TOP/content" "$T_TMP/c6"
mkdir -p "$T_TMP/r6"
i=0
for f in "$T_TMP"/c6/partenaires/*.md; do
	i=$((i + 1))
	sed 's/^mise_a_jour: .*/mise_a_jour: 2025-12-02/' "$f" >"$T_TMP/r6/Réponse $i.md"
	echo "($(basename "$f" .md)) ← $T_TMP/r6/Réponse $i.md" >>"$T_TMP/r6.want"
done
A import -C "$T_TMP/c6" "$T_TMP/r6" >"$T_TMP/r6.out" 2>&1
t_eq "every page renamed: matched by its nom to its own page" \
    "$(grep -o '([a-z0-9-]*) ← .*' "$T_TMP/r6.out" | sort)" "$(sort "$T_TMP/r6.want")"
t_check "every page renamed with a new date only: confirmed" \
    grep -q "^$n files: 0 changed, $n confirmed, 0 new, 0 invalid" "$T_TMP/r6.out"

# ---- exit status 2: a folder that cannot be read or written -----------------
# annuaire(1): "2: a file or folder could not be read or written".
before=$(cd "$C" && find . -type f | sort | xargs md5sum)
A import -C "$C" --apply "$T_TMP/no-such-inbox" >/dev/null 2>"$T_TMP/x1.err"
t_eq "import of a missing inbox exits 2" "$?" 2
t_check "...naming the inbox" grep -q 'no-such-inbox: error: cannot read the folder' "$T_TMP/x1.err"
: >"$T_TMP/afile"
A campaign -C "$C" -o "$T_TMP/afile/out" >/dev/null 2>"$T_TMP/x2.err"
t_eq "campaign into an out that cannot be created exits 2" "$?" 2
t_check "...naming it" grep -q 'afile/out/campagne: error: cannot create' "$T_TMP/x2.err"
t_eq "neither writes content/ (campagne.yaml untouched)" "$(cd "$C" && find . -type f | sort | xargs md5sum)" "$before"
A report -C "$T_TMP/no-such-content" >/dev/null 2>"$T_TMP/x3.err"
t_eq "report on a missing content folder exits 2" "$?" 2

# ---- report -----------------------------------------------------------------
A report -C "$C" -o "$O" >"$T_TMP/report.txt" 2>"$T_TMP/report.err"
t_eq "report exits 0" "$?" 0
t_eq "report: no line wider than 80 columns" \
    "$(python3 -c 'import sys; print(max(len(l.rstrip("\n")) for l in open(sys.argv[1], encoding="utf-8")))' "$T_TMP/report.txt" 2>/dev/null | awk '{ print ($1 <= 80) }')" 1
t_check "report: an answered partner is à jour with its dates" \
    grep -qE '^à jour +Croix-Rouge française +2025-11-30 +- +2025-12-02$' "$T_TMP/report.txt"
t_check "report: a partner asked without answer, by its name" grep -qE '^sans réponse +Association Réfection ' "$T_TMP/report.txt"
t_check "report: the work to do comes first" \
    test "$(grep -nE '^(à relancer|sans réponse)' "$T_TMP/report.txt" | tail -1 | cut -d: -f1)" -lt \
    "$(grep -nE '^à jour' "$T_TMP/report.txt" | head -1 | cut -d: -f1)"
t_check "report: counts per state" grep -q "^Par état : .*à jour" "$T_TMP/report.txt"
t_check "report: links between partners" grep -qE '^Liens entre partenaires : [1-9]' "$T_TMP/report.txt"
t_check "report: what readers miss" grep -qE '^  sans horaires \([0-9]+\)' "$T_TMP/report.txt"
t_check "report writes suivi.html beside the site, not in it" test -f "$O/suivi.html" -a ! -e "$O/edition/site/suivi.html"
cp "$FIX/fiche-incomplete.md" "$P/zz-cassee.md"
A report -C "$C" -o "$O" --format csv >"$T_TMP/report.csv" 2>/dev/null
rm "$P/zz-cassee.md"
if [ $have_py = 1 ]; then
	out=$(python3 - "$T_TMP/report.csv" <<'PY'
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1], encoding="utf-8-sig", newline=""), delimiter=";"))
by = {r["slug"]: r for r in rows}
print(len(rows), by["zz-cassee"]["etat"], by["zz-cassee"]["erreurs"] != "0",
      by["croix-rouge"]["etat"], by["croix-rouge"]["reponse"], rows[0]["etat"])
PY
)
	t_eq "report --format csv: every page, a page with errors first" "$out" \
	    "$((n + 2)) erreurs True a_jour 2025-12-02 erreurs"
fi

# ---- Nouveautés --------------------------------------------------------------
A build -q -C "$TOP/content" -o "$T_TMP/o-plain" >/dev/null 2>&1
t_check "no previous edition: no Nouveautés page" test ! -e "$T_TMP/o-plain/edition/site/nouveautes.html"
sed -i 's/^edition: 2018$/edition: 2019/' "$C/site.yaml"
rm "$P/stuart-mill.md"		# a partner who left (no page links to it)
A build -q -C "$C" -o "$O" >/dev/null 2>"$T_TMP/build.err"
t_eq "the new edition builds" "$?" 0
N=$O/edition/site/nouveautes.html
t_check "the site has a Nouveautés page" test -f "$N"
t_check "Nouveautés: the new partner, linked" grep -qF 'href="partenaires/epicerie-solidaire-des-chantiers.html"' "$N"
t_check "Nouveautés: the phone that changed, and to what" grep -qE 'croix-rouge.html">Croix-Rouge française</a>&nbsp;:$' "$N"
t_check "… the new number" grep -qE '^<ul><li>nouveau téléphone.*01.99.00.12.34</li></ul></li>$' "$N"
t_check "Nouveautés: the partner who left" grep -qF '<li>Stuart Mill' "$N"
t_check "Nouveautés: a change of transports only is not listed" sh -c "! grep -q secours-catholique.html '$N'"
t_check "every page links to Nouveautés" grep -qF 'href="nouveautes.html"' "$O/edition/site/a-propos.html"
if command -v pdftotext >/dev/null 2>&1; then
	pdftotext "$O/edition/livret.pdf" "$T_TMP/livret.txt"
	t_check "the booklet has the Nouveautés page" grep -qF "Nouveautés de l’édition 2019" "$T_TMP/livret.txt"
	t_check "the booklet lists the new partner" grep -q 'Épicerie solidaire des Chantiers' "$T_TMP/livret.txt"
else
	t_skip "the booklet's Nouveautés page" "pdftotext missing"
fi

# An archived page that no longer loads is said, not dropped in silence
# (its partner would be listed as new, its changes never shown).
AP=$C/archives/2018/partenaires/croix-rouge.md
sed -i 's/^telephone: .*/telephone: "pas de numéro"/' "$AP"
A build -q -C "$C" -o "$O" >/dev/null 2>"$T_TMP/arch.err"
t_eq "an archive page with an error does not stop the build" "$?" 0
t_check "… the build says which archived page is left out, at its line" \
    grep -qE "^$AP:[0-9]+:[0-9]+: warning: .*2018" "$T_TMP/arch.err"
t_eq "… once" "$(grep -c "^$AP:" "$T_TMP/arch.err")" 1
t_eq "… and counts it in the summary" \
    "$(sed -n 's/^0 errors, \([0-9]*\) warnings\{0,1\} in .*/\1/p' "$T_TMP/arch.err")" \
    "$(grep -c ': warning: ' "$T_TMP/arch.err")"
A check -C "$C" 2>"$T_TMP/arch-check.err"
t_eq "check says it too, and passes" "$?" 0
t_check "… at the same place" grep -qE "^$AP:[0-9]+:[0-9]+: warning: .*2018" "$T_TMP/arch-check.err"
mv "$C/archives/2018/site.yaml" "$T_TMP/arch-site.yaml"
A check -C "$C" 2>"$T_TMP/arch-none.err"
t_eq "an archive that cannot be read: check refuses, as build does" "$?" 2
t_check "… and says why" grep -qF "$C/archives/2018/site.yaml:1:1: error: cannot read the file" "$T_TMP/arch-none.err"
out_before=$(cd "$O" && find -L . -type f | LC_ALL=C sort | xargs -d '\n' md5sum)
A build -q -C "$C" -o "$O" >/dev/null 2>"$T_TMP/arch-none-build.err"
t_eq "… build refuses it too (exit 2)" "$?" 2
t_eq "… with the same messages as check" \
    "$(grep ': error: ' "$T_TMP/arch-none-build.err")" "$(grep ': error: ' "$T_TMP/arch-none.err")"
t_eq "… and leaves the previous out/ as it was" \
    "$(cd "$O" && find -L . -type f | LC_ALL=C sort | xargs -d '\n' md5sum)" "$out_before"
mv "$T_TMP/arch-site.yaml" "$C/archives/2018/site.yaml"

# The same promise on generated content (bench/gen.sh, 200 partners)
# whose archive has broken pages: check and build say the same warnings,
# one per broken page, and both pass.
G=$T_TMP/gen
sh "$TOP/bench/gen.sh" 200 "$G"
mkdir -p "$G/archives/2017"
cp -r "$G/partenaires" "$G/site.yaml" "$G/logos" "$G/archives/2017/"
broken=0
for f in $(ls "$G"/archives/2017/partenaires/*.md | awk 'NR % 37 == 1'); do
	sed -i 's/^telephone: .*/telephone: "appeler la mairie"/' "$f"
	broken=$((broken + 1))
done
A check -C "$G" 2>"$T_TMP/gen-check.err"
t_eq "generated content, archive with $broken broken pages: check passes" "$?" 0
A build -q -C "$G" -o "$T_TMP/gen-out" >/dev/null 2>"$T_TMP/gen-build.err"
t_eq "… build passes" "$?" 0
t_eq "… check warns once per broken archive page" \
    "$(grep -c "^$G/archives/2017/partenaires/.*: warning: the 2017 edition's archive" "$T_TMP/gen-check.err")" "$broken"
t_eq "… build says the same warnings as check" \
    "$(grep ': warning: ' "$T_TMP/gen-build.err")" "$(grep ': warning: ' "$T_TMP/gen-check.err")"

# A campagne.yaml whose edition is not a year is refused, at its place
# (it used to read as 0: the campaign forgot which edition it prepares).
cp -r "$TOP/content" "$T_TMP/ced"
printf 'edition: 20l9\npreparee: 2025-11-30\n' >"$T_TMP/ced/campagne.yaml"
A report -C "$T_TMP/ced" -o "$T_TMP/ced-out" >/dev/null 2>"$T_TMP/ced.err"
t_eq "campagne.yaml: an edition that is not a year fails report (exit 1)" "$?" 1
t_check "… with its line and column" \
    grep -qF "$T_TMP/ced/campagne.yaml:1:10: error: edition: expected a year" "$T_TMP/ced.err"

# No cap but memory (issue 10): the state of a campaign of 1 500 partners
# (more than the 1 000 items a partner page may hold in one group) reads
# back; report lists them all.
B=$T_TMP/big
sh "$TOP/bench/gen.sh" 1500 "$B"
{
	printf 'edition: 2025\npreparee: 2025-11-30\necheance: 2025-12-31\npartenaires:\n'
	for f in "$B"/partenaires/*.md; do
		s=$(basename "$f" .md)
		printf '  %s:\n    demande: 2025-11-30\n    adresses: "%s@example.org"\n' "$s" "$s"
	done
} >"$B/campagne.yaml"
A report -C "$B" -o "$T_TMP/bigout" --format csv >"$T_TMP/big.csv" 2>"$T_TMP/big.err"
t_eq "report reads a campaign of 1 500 partners" "$?" 0
t_eq "… and lists every one, asked on that day" "$(grep -c ';2025-11-30;' "$T_TMP/big.csv")" 1500
# What a power cut may not lose: the forms and drafts are flushed to disk
# (one syncfs() for one file system) before campagne.yaml names them.
if command -v strace >/dev/null 2>&1 && [ "${SAN:-0}" != 1 ]; then
	cp -r "$TOP/content" "$T_TMP/sync-c"
	SOURCE_DATE_EPOCH=$T0 strace -f -e trace=syncfs,fsync,rename,renameat,renameat2 \
	    -o "$T_TMP/sync.st" "$ANNUAIRE" campaign -C "$T_TMP/sync-c" -o "$T_TMP/sync-o" \
	    --echeance 2025-12-31 >/dev/null 2>&1
	t_eq "campaign under strace passes" "$?" 0
	t_eq "one syncfs() for the run's folders on one file system" \
	    "$(grep -c 'syncfs(' "$T_TMP/sync.st")" 1
	t_check "the forms are renamed into place before that flush" \
	    awk '/syncfs\(/ { s = NR } /sync-o\/campagne\/[^"]*\.html"\) = 0/ { f = NR }
	         END { exit !(f && s && f < s) }' "$T_TMP/sync.st"
	t_check "...and campagne.yaml after it" \
	    awk '/syncfs\(/ { s = NR } /"[^"]*\/campagne\.yaml"\) = 0/ { y = NR }
	         END { exit !(s && y && s < y) }' "$T_TMP/sync.st"
else
	t_skip "the flush before campagne.yaml" "strace is not installed (or a sanitizer build)"
fi
t_done
