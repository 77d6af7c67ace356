#!/usr/bin/env bash
# year: a campaign year with partners as they really answer, on a copy of
# the example — a form saved twice (save stamps, file times the other way
# round), copies " (1)"/" (2)", identical copies, two saves nothing tells
# apart, a Notepad edit (.md.txt, BOM, CRLF), a Windows-1252 file, a page
# filled for another structure, a renaming, two new partners whose slugs
# collide once cut to 64 bytes, the form .html sent back, a .docx and an
# .odt (Python's zipfile), a .pdf (qpdf), an empty file, a message; a
# page the coordinator changed since the request (merged, and a conflict
# settled with --keep).  Asserts the dry run's words, the content partner
# by partner, the dates, the inbox's folders, campagne.yaml, the report's
# states and the reminders' texts (read by Python's email package).
# san: yes
set -u
: "${TOP:=$(cd "$(dirname "$0")/../.." && pwd)}"
. "$TOP/tests/lib.sh"
export LC_ALL=C.UTF-8 TZ=UTC
T0=1764464000		# 2025-11-30, the requests
T1=1764664000		# 2025-12-02, the import
export SOURCE_DATE_EPOCH=$T0
A() { "$ANNUAIRE" "$@"; }
C=$T_TMP/content O=$T_TMP/out I=$T_TMP/retours
P=$C/partenaires
cp -r "$TOP/content" "$C"
mkdir -p "$I"

A campaign -C "$C" -o "$O" --echeance 2025-12-31 >/dev/null 2>&1
t_eq "the campaign is prepared" "$?" 0

# A save of the form, as the form writes it (the contract with the form:
# the stamp is the first line of the front matter, mise_a_jour the save
# date): save SLUG STAMP SED-SCRIPT FILE
save() {
	sed "1a # annuaire-formulaire: enregistré $2
s/^mise_a_jour: .*/mise_a_jour: ${2%%T*}/; $3" "$P/$1.md" >"$I/$4"
}
# The coordinator edits two pages after the request.
sed -i 's/^transports: .*/transports: "Bus 10, arrêt Mairie (coordination)."/' "$P/secours-catholique.md"
sed -i 's/^public: .*/public: "Familles (coordination)."/' "$P/c3f.md"

# 1. afad saves twice; the correction is the later save, but the older
# file has the newer file time (a copy, Outlook's "save all").
save afad 2025-12-01T09:00:00Z 's/^telephone: .*/telephone: "01 99 00 77 01"/' 'afad.md'
save afad 2025-12-01T18:30:00Z 's/^telephone: .*/telephone: "01 99 00 77 02"/' 'afad (1).md'
touch -d '2025-12-02 08:00' "$I/afad.md"
touch -d '2025-12-01 08:00' "$I/afad (1).md"
# 2. aral: two hand edits, copy numbers.
sed 's/^telephone: .*/telephone: "01 99 00 66 01"/' "$P/aral.md" >"$I/aral (1).md"
sed 's/^telephone: .*/telephone: "01 99 00 66 02"/' "$P/aral.md" >"$I/aral (2).md"
touch -d '2025-12-02 08:00' "$I/aral (1).md"
# 3. asfir: the same file twice, nothing changed (a review all the same).
cp "$P/asfir.md" "$I/asfir.md"
cp "$P/asfir.md" "$I/asfir - Copie.md"
# 4. rive: two different hand edits, nothing tells which is the latest.
sed 's/^telephone: .*/telephone: "01 99 00 55 01"/' "$P/rive.md" >"$I/rive.md"
sed 's/^telephone: .*/telephone: "01 99 00 55 02"/' "$P/rive.md" >"$I/Fiche RIVE.md"
# 5. sos-accueil's file filled for Habitat et Humanisme Yvelines.
sed 's/^nom: .*/nom: "Habitat et Humanisme Yvelines"/' \
    "$P/habitat-et-humanisme.md" >"$I/sos-accueil.md"
# 6. soliha renames itself.
save soliha 2025-12-01T10:00:00Z 's/^nom: .*/nom: "Soliha Yvelines"/' 'soliha.md'
# 7. versailles-habitat: Notepad (BOM, CRLF, .md.txt), the 2018 date kept.
{ printf '\357\273\277'; sed 's/^telephone: .*/telephone: "01 99 00 44 44"/' \
    "$P/versailles-habitat.md"; } | sed 's/$/\r/' >"$I/versailles-habitat.md.txt"
# 8. secours-populaire: Windows-1252.
sed 's/^public: .*/public: "Tout public, quel que soit l’âge."/' "$P/secours-populaire.md" |
    iconv -f UTF-8 -t WINDOWS-1252//TRANSLIT >"$I/secours-populaire.md"
# 9. two new partners whose names are alike for 64 bytes.
long="Association intercommunale pour l'accueil et l'accompagnement des familles du quartier"
for q in Nord Sud; do
	sed "s/^nom: .*/nom: \"$long $q\"/; s/^telephone: .*/telephone: \"01 99 00 33 0${#q}\"/" \
	    "$TOP/tests/campaign/nouveau-partenaire.md" >"$I/nouveau $q.md"
done
# 10. aejf sends the form back.
cp "$O/campagne/aejf.html" "$I/aejf.html"
# 11. gaf-petit-bois a .docx, paroisse-sainte-elisabeth an .odt, made with
# Python's zipfile as Word and LibreOffice lay them out.
have_py=0
if command -v python3 >/dev/null 2>&1; then
	have_py=1
	python3 - "$I" <<'PY'
import sys, zipfile
d = sys.argv[1]
with zipfile.ZipFile(d + "/gaf-petit-bois.docx", "w", zipfile.ZIP_DEFLATED) as z:
    z.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>')
    z.writestr("word/document.xml", '<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>nom: GAF</w:t></w:r></w:p></w:body></w:document>')
with zipfile.ZipFile(d + "/paroisse-sainte-elisabeth.odt", "w") as z:
    z.writestr("mimetype", "application/vnd.oasis.opendocument.text", zipfile.ZIP_STORED)
    z.writestr("content.xml", '<?xml version="1.0"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"/>', zipfile.ZIP_DEFLATED)
PY
fi
# 12. sos-familles-emmaus a PDF.
have_pdf=0
if command -v qpdf >/dev/null 2>&1 && qpdf --empty "$I/sos-familles-emmaus.pdf"; then
	have_pdf=1
fi
# 13. conference-saint-vincent-de-paul: an empty file; croix-rouge a message.
: >"$I/conference-saint-vincent-de-paul.md"
printf 'Bonjour,\r\nRien ne change pour nous cette année.\r\nCordialement\r\n' >"$I/croix-rouge.txt"
# 14. atd-quart-monde: "Enregistrer" on an older form, without the stamp:
# the page as it was, its 2018 date.
cp "$P/atd-quart-monde.md" "$I/atd-quart-monde.md"
# 15. secours-catholique: the partner changes the phone (the coordinator
# changed transports): merged.  c3f: both changed public: a conflict.
save secours-catholique 2025-12-01T11:00:00Z 's/^telephone: .*/telephone: "01 99 00 22 22"/' 'secours-catholique.md'
sed -i 's/^transports: "Bus 10.*/transports: "Bus, arrêt Chantiers."/' "$I/secours-catholique.md"
sed 's/^public: .*/public: "Familles (partenaire)."/; s/^telephone: .*/telephone: "01 99 00 11 11"/' \
    "$C/campagne-envois/c3f.md" >"$I/c3f.md"
nfiles=$(ls "$I" | wc -l)

# ---- the dry run ------------------------------------------------------------
before=$(cd "$C" && find . -type f | sort | xargs md5sum)
SOURCE_DATE_EPOCH=$T1 A import -C "$C" "$I" >"$T_TMP/dry.out" 2>"$T_TMP/dry.err"
t_eq "the dry run exits 1 (questions, refused, invalid)" "$?" 1
t_eq "the dry run writes nothing" "$(cd "$C" && find . -type f | sort | xargs md5sum)" "$before"
has() { grep -qF -- "$2" "$T_TMP/dry.out" || { t_fail "$1" "not in the output: $2"; return; }; t_ok "$1"; }
has "afad: the later save is taken, though its file is older" "Aide Familiale À Domicile (afad) ← $I/afad (1).md"
has "...saying why" "  taken: the latest save of the form (2025-12-01T18:30:00Z)"
has "...naming the other" "  older, not taken: $I/afad.md (saved 2025-12-01T09:00:00Z; this file was saved 2025-12-01T18:30:00Z)"
has "aral: the highest copy number is taken" "(aral) ← $I/aral (2).md"
has "...the other named" "  older, not taken: $I/aral (1).md (a lower copy number than this file's)"
has "asfir: an identical copy counts once" "  same as this file, counted once: $I/asfir.md"
has "...and an unchanged answer is a review" "(asfir) ← $I/asfir - Copie.md"
has "rive: two saves nothing tells apart are a question" "? rive: 2 files differ, and neither a form save time nor a copy number tells which is the latest:"
has "sos-accueil: a page for another structure is a question" "? sos-accueil ← $I/sos-accueil.md: nom « SOS Accueil » → « Habitat et Humanisme Yvelines » (already the page habitat-et-humanisme)"
has "...with the options that settle it" "To apply it to sos-accueil: --accept sos-accueil; to add it as a new partner: --as-new sos-accueil"
has "soliha: a renaming is a question" "? soliha ← $I/soliha.md: nom « Soliha » → « Soliha Yvelines »"
has "versailles-habitat: the Notepad file is matched" "Versailles Habitat (versailles-habitat) ← $I/versailles-habitat.md.txt"
has "...its 2018 date becomes the date of the answer" "  Mise à jour: « 2018-05-07 » → « 2025-12-02 » (the date of the answer: the file gave 2018-05-07)"
has "...one notation for the diff, the form's labels" "  Téléphone: « $(sed -n 's/^telephone: "\(.*\)"/\1/p' "$P/versailles-habitat.md") » → « 01 99 00 44 44 »"
has "the new partners, by name and file" "new partner: $long Nord ($I/nouveau Nord.md), page association-intercommunale-pour-l-accueil-et-l-accompagnement-de.md"
has "...the second gets a slug of its own" "new partner: $long Sud ($I/nouveau Sud.md), page association-intercommunale-pour-l-accueil-et-l-accompagnement-2.md"
has "the form sent back is named for what it is" "refused: $I/aejf.html: it is the form: open it, then click « Enregistrer ma fiche » and send the page it saves"
[ $have_py = 1 ] && has "a .docx is named" "refused: $I/gaf-petit-bois.docx: a Word document (.docx), not the page the form saves"
[ $have_py = 1 ] && has "an .odt is named" "refused: $I/paroisse-sainte-elisabeth.odt: a LibreOffice document (.odt), not the page the form saves"
[ $have_pdf = 1 ] && has "a .pdf is named" "refused: $I/sos-familles-emmaus.pdf: a PDF document, not the page the form saves"
has "an empty file is named" "refused: $I/conference-saint-vincent-de-paul.md: an empty file"
has "a message is named" "refused: $I/croix-rouge.txt: a plain text (a message?), not a page"
has "atd-quart-monde: the same page is a confirmation" "  confirmed, no change (Mise à jour: « 2018-05-02 » → « 2025-12-02 »)"
has "secours-catholique: the coordinator's change is kept" "  Transports: your change since the request is kept"
has "c3f: a field both changed is a conflict, side by side" "! C3F (c3f) ← $I/c3f.md"
has "...naming the field to settle" "  Public accueilli (c3f:public): changed by both since 2025-11-30"
has "...yours" "    yours:   « Familles (coordination). »"
has "...the partner's" "    partner: « Familles (partenaire). »"
t_check "the Windows-1252 file is invalid, with its hint" \
    grep -qE "^$I/secours-populaire\.md:[0-9]+:[0-9]+: error: .*Windows-1252" "$T_TMP/dry.err"
t_check "the summary counts every file" \
    grep -qx "$nfiles files: 4 changed, 2 confirmed, 2 new, 1 invalid, $((3 + 2 * have_py + have_pdf)) refused, 3 older or identical, 4 questions, 1 conflicts" "$T_TMP/dry.out"

# ---- --apply ----------------------------------------------------------------
SOURCE_DATE_EPOCH=$T1 A import -C "$C" --apply "$I" >"$T_TMP/apply.out" 2>"$T_TMP/apply.err"
t_eq "--apply exits 1 (questions left)" "$?" 1
val() { sed -n "s/^$2: //p" "$P/$1.md" | head -1; }
t_eq "afad: the phone of the later save" "$(val afad telephone)" '"01 99 00 77 02"'
t_eq "afad: dated by the save" "$(val afad mise_a_jour)" 2025-12-01
t_eq "aral: the phone of copy (2)" "$(val aral telephone)" '"01 99 00 66 02"'
t_eq "asfir: reviewed, dated the day of the answer" "$(val asfir mise_a_jour)" 2025-12-02
t_eq "rive: not applied" "$(val rive telephone)" "$(sed -n 's/^telephone: //p' "$TOP/content/partenaires/rive.md")"
t_check "sos-accueil: not overwritten" cmp "$P/sos-accueil.md" "$TOP/content/partenaires/sos-accueil.md"
t_eq "soliha: not renamed without --accept" "$(val soliha nom)" '"Soliha"'
t_eq "versailles-habitat: the Notepad phone" "$(val versailles-habitat telephone)" '"01 99 00 44 44"'
t_eq "versailles-habitat: dated the day of the answer" "$(val versailles-habitat mise_a_jour)" 2025-12-02
t_eq "two new partners, two pages" "$(ls "$P" | grep -c '^association-intercommunale')" 2
t_check "...each with its own name" grep -q "quartier Sud" "$P/association-intercommunale-pour-l-accueil-et-l-accompagnement-2.md"
t_eq "atd-quart-monde: reviewed, dated the day of the answer" "$(val atd-quart-monde mise_a_jour)" 2025-12-02
t_eq "secours-catholique: the partner's phone" "$(val secours-catholique telephone)" '"01 99 00 22 22"'
t_eq "...and the coordinator's transports" "$(val secours-catholique transports)" '"Bus 10, arrêt Mairie (coordination)."'
t_eq "c3f: not applied (a conflict)" "$(val c3f public)" '"Familles (coordination)."'
t_check "the content checks without error" "$ANNUAIRE" check -C "$C"
t_eq "the files refused are moved into refusés/" "$(ls "$I/refusés" | wc -l)" "$((3 + 2 * have_py + have_pdf))"
t_check "the files taken and their copies are in traités/" \
    test -f "$I/traités/afad.md" -a -f "$I/traités/afad (1).md" -a -f "$I/traités/asfir.md"
t_eq "left in the inbox: the questions, the conflict, the invalid file" \
    "$(cd "$I" && ls -p | grep -v / | tr '\n' '|')" "Fiche RIVE.md|c3f.md|rive.md|secours-populaire.md|soliha.md|sos-accueil.md|"
st() { grep -A8 -x "  $1:" "$C/campagne.yaml" | sed -n "s/^    $2: //p" | head -1; }
t_eq "campagne.yaml: aejf received, not usable" "$(st aejf recu_inutilisable) $(st aejf inutilisable)" '2025-12-02 "formulaire"'
t_eq "campagne.yaml: the empty file" "$(st conference-saint-vincent-de-paul inutilisable)" '"vide"'
t_eq "campagne.yaml: afad answered" "$(st afad reponse)" 2025-12-02

# A second import: the refused files are not read again.
SOURCE_DATE_EPOCH=$T1 A import -C "$C" "$I" >"$T_TMP/again.out" 2>/dev/null
t_check "a second import does not repeat the refused files" \
    grep -q "^6 files: 0 changed, 0 confirmed, 0 new, 1 invalid, 0 refused" "$T_TMP/again.out"

# ---- report and reminders ---------------------------------------------------
SOURCE_DATE_EPOCH=$T1 A report -C "$C" -o "$O" >"$T_TMP/report.txt" 2>/dev/null
# The state of a partner, by slug: the text names partners as the site
# prints them, the CSV (";") has the slug a command needs.
SOURCE_DATE_EPOCH=$T1 A report -C "$C" --format csv >"$T_TMP/report.csv" 2>/dev/null
rs() { awk -F';' -v s="$1" '$2 == s { print $3 }' "$T_TMP/report.csv"; }
t_eq "report: aejf is received, not usable" "$(rs aejf)" recu_inutilisable
t_check "report: ...saying what it was" grep -qF "reçu le 2025-12-02, inutilisable : formulaire" "$T_TMP/report.txt"
t_eq "report: asfir is up to date" "$(rs asfir)" a_jour
t_eq "report: rive has no answer yet" "$(rs rive)" sans_reponse
t_check "report: the count per state" grep -q "reçu, inutilisable 5\|reçu, inutilisable $((3 + 2 * have_py + have_pdf))" "$T_TMP/report.txt"
t_check "suivi.html: the state" grep -q 'class="etat recu_inutilisable">reçu, inutilisable (formulaire)' "$O/suivi.html"
SOURCE_DATE_EPOCH=$T1 A campaign -C "$C" -o "$O" --relance >"$T_TMP/relance.out" 2>&1
if [ $have_py = 1 ]; then
	text() { python3 -c 'import email, email.policy, sys
m = email.message_from_binary_file(open(sys.argv[1], "rb"), policy=email.policy.default)
print(" ".join(m.get_body(("plain",)).get_content().split()))' "$O/campagne/$1.eml"; }
	t_check "the reminder to aejf says it sent the form itself" \
	    sh -c "echo \"\$1\" | grep -qF \"c’était le formulaire lui-même (le fichier .html)\"" - "$(text aejf)"
	t_check "...and how to send the page" \
	    sh -c "echo \"\$1\" | grep -qF 'cliquez sur « Enregistrer ma fiche », puis renvoyez-nous en pièce jointe le fichier « aejf.md »'" - "$(text aejf)"
	t_check "the reminder to gaf-petit-bois names the Word document" \
	    sh -c "echo \"\$1\" | grep -qF 'un document Word (.docx)'" - "$(text gaf-petit-bois)"
	t_check "the reminder to rive is the plain one" \
	    sh -c "echo \"\$1\" | grep -qF \"Nous n’avons pas encore reçu votre réponse\"" - "$(text rive)"
	t_check "no reminder to afad (answered)" sh -c '! grep -q "^afad " "$1"' - "$T_TMP/relance.out"
	t_check "a reminder to aejf" grep -q "^aejf  *relance" "$T_TMP/relance.out"
else
	t_skip "the reminders' texts" "python3 missing"
fi

# ---- the coordinator settles the questions ----------------------------------
mv "$I/Fiche RIVE.md" "$T_TMP/"
SOURCE_DATE_EPOCH=$T1 A import -C "$C" --apply --accept soliha --keep c3f:public "$I" >"$T_TMP/settle.out" 2>&1
t_eq "soliha renamed with --accept" "$(val soliha nom)" '"Soliha Yvelines"'
t_eq "c3f: --keep keeps the coordinator's public" "$(val c3f public)" '"Familles (coordination)."'
t_eq "...and takes the partner's phone" "$(val c3f telephone)" '"01 99 00 11 11"'
t_eq "rive: the one file left is taken" "$(val rive telephone)" '"01 99 00 55 01"'
t_check "sos-accueil still asks" grep -qF "? sos-accueil ←" "$T_TMP/settle.out"
SOURCE_DATE_EPOCH=$T1 A import -C "$C" --apply --as-new sos-accueil "$I" >"$T_TMP/new.out" 2>&1
t_check "sos-accueil: --as-new makes a new partner" test -f "$P/habitat-et-humanisme-yvelines.md"
t_check "...and leaves SOS Accueil as it was" cmp "$P/sos-accueil.md" "$TOP/content/partenaires/sos-accueil.md"
t_eq "report: aejf stays not usable until it answers" \
    "$(SOURCE_DATE_EPOCH=$T1 A report -C "$C" --format csv 2>/dev/null |
    awk -F';' '$2 == "aejf" { print $3 }')" recu_inutilisable
# ---- limits of the new partners' pages and the forms' slugs ---------------
# A new partner whose page name would collide with a 63-byte one, a name
# without a letter, the same new partner saved twice without a stamp,
# the form of a partner whose slug is 64 bytes sent back.
C2=$T_TMP/content2 I2=$T_TMP/retours2 O2=$T_TMP/out2
cp -r "$TOP/content" "$C2"; mkdir -p "$I2"
s63=association-de-quartier-pour-les-familles-et-les-enfants-du-sud
s64=maison-des-familles-du-quartier-des-chantiers-et-de-porchefontai
new() { sed "s/^nom: .*/nom: \"$1\"/; s/^telephone: .*/telephone: \"$2\"/" \
    "$TOP/tests/campaign/nouveau-partenaire.md"; }
new "Familles du Sud" "01 99 00 44 01" >"$C2/partenaires/$s63.md"
new "Maison des familles du quartier des Chantiers et de Porchefontaine" \
    "01 99 00 44 02" >"$C2/partenaires/$s64.md"
A campaign -C "$C2" -o "$O2" --echeance 2025-12-31 >/dev/null 2>&1
cp "$O2/campagne/$s64.html" "$I2/formulaire.html"
new "Association de quartier pour les familles et les enfants du Sud" \
    "01 99 00 44 03" >"$I2/nouveau.md"
new "« … »" "01 99 00 44 04" >"$I2/sans nom.md"
new "Jardin partagé des Chantiers" "01 99 00 44 05" >"$I2/jardin.md"
new "Jardin partagé des Chantiers" "01 99 00 44 06" >"$I2/fiche du jardin.md"
SOURCE_DATE_EPOCH=$T1 A import -C "$C2" "$I2" >"$T_TMP/lim.out" 2>&1
has2() { t_check "$1" grep -qF -- "$2" "$T_TMP/lim.out"; }
has2 "a new page beside a 63-byte one stays within 64 bytes" \
    "page ${s63%d}-2.md"
has2 "a name without a letter gets the page partenaire.md" "page partenaire.md"
has2 "the form of a partner with a 64-byte slug is named as the form" \
    "refused: $I2/formulaire.html: it is the form"
has2 "...and recorded for that partner, found by the slug in it" \
    "for $s64: with --apply, recorded as received, not usable"
has2 "a new partner saved twice: one question, both files" \
    "? jardin-partage-des-chantiers: 2 files differ"
t_eq "...and no second page made up for the copy" \
    "$(grep -c 'jardin-partage-des-chantiers-2' "$T_TMP/lim.out")" 0
t_done
