#!/usr/bin/env bash
# nouveautes: the "Nouveautés de l'édition" on an edition with every kind
# of change (issue 22): a new partner, one that left, a renaming ("SOS
# Accueil devient …"), and a partner whose phone, address, hours, access,
# e-mail, website and actions changed, each said with what it changed
# TO; on the site's page and in the booklet (pdftotext), whose Sommaire
# and Mode d'emploi name the page at its number.
# san: yes
set -u
: "${TOP:=$(cd "$(dirname "$0")/../.." && pwd)}"
. "$TOP/tests/lib.sh"
export LC_ALL=C.UTF-8 TZ=UTC SOURCE_DATE_EPOCH=1764464000
A() { "$ANNUAIRE" "$@"; }

C=$T_TMP/c O=$T_TMP/o P=$T_TMP/c/partenaires
cp -r "$TOP/content" "$C"
mkdir -p "$C/archives/2018"
cp -r "$TOP/content/partenaires" "$TOP/content/site.yaml" "$TOP/content/logos" "$C/archives/2018/"
sed -i 's/^edition: 2018$/edition: 2019/' "$C/site.yaml"
rm "$P/stuart-mill.md"
cp "$TOP/tests/campaign/nouveau-partenaire.md" "$P/epicerie-solidaire-des-chantiers.md"
sed -i 's/01 99 00 20 08/01 99 00 12 34/' "$P/croix-rouge.md"
python3 - "$P/sos-accueil.md" <<'PY' || sed -i 's/^nom: "SOS Accueil"/nom: "Accueil Solidaire des Chantiers"/' "$P/sos-accueil.md"
import sys
p = sys.argv[1]; s = open(p, encoding="utf-8").read()
for a, b in [('nom: "SOS Accueil"', 'nom: "Accueil Solidaire des Chantiers"'),
             ('telephone: "01 99 00 20 17"', 'telephone: "0199009999"'),
             ('rue: "7 rue de l’Exemple"', 'rue: "12 rue Neuve"'),
             ('  vendredi: "08:30-12:30"\n', ''),
             ('modalites: [sans rendez-vous]', 'modalites: [sur rendez-vous]'),
             ('courriel: "sos-accueil@example.org"',
              'courriel: "accueil-solidaire@example.org"\nsite: "https://example.org/accueil-solidaire/"'),
             ('  - "Aide aux démarches administratives"\n', '  - "Atelier numérique"\n')]:
    assert a in s, a
    s = s.replace(a, b)
open(p, "w", encoding="utf-8").write(s)
PY
A build -q -C "$C" -o "$O" >/dev/null 2>"$T_TMP/build.err"
t_eq "the edition with every kind of change builds" "$?" 0
N=$O/edition/site/nouveautes.html
# The page's text, tags out, no-break spaces as spaces.
sed 's/<[^>]*>//g; s/&nbsp;/ /g; s/\xc2\xa0/ /g; s/\xe2\x80\xaf/ /g' "$N" >"$T_TMP/n.txt"
has() { grep -qF -- "$2" "$T_TMP/n.txt" && t_ok "site: $1" || t_fail "site: $1" "no \"$2\" in $(grep -A40 'Nouveaux' "$T_TMP/n.txt")"; }
has "a new partner" "Épicerie solidaire des Chantiers"
has "a renaming" "SOS Accueil devient Accueil Solidaire des Chantiers"
has "the new phone" "nouveau téléphone : 01 99 00 99 99"
has "the new address" "nouvelle adresse : 12 rue Neuve, 78000 Versailles"
has "the new hours in short" "nouveaux horaires : lun.–jeu. 8 h 30–12 h 30 ; sam. 9 h–12 h"
has "the new access" "accès : sur rendez-vous, gratuit"
has "the new e-mail" "nouveau courriel : accueil-solidaire@example.org"
has "the new website" "nouveau site : example.org/accueil-solidaire"
has "a new action" "nouvelle action : « Atelier numérique »"
has "an ended action" "action arrêtée : « Aide aux démarches administratives »"
has "another partner's new phone" "nouveau téléphone : 01 99 00 12 34"
has "a partner who left" "Stuart Mill"
t_check "site: the renamed partner linked to its page" grep -qF 'devient <a href="partenaires/sos-accueil.html">' "$N"
t_check "site: a change of transports only is not listed" sh -c "! grep -q secours-catholique.html '$N'"

if command -v pdftotext >/dev/null 2>&1; then
	pdftotext "$O/edition/livret.pdf" - | tr -s ' \n' '  ' | sed 's/\xc2\xa0/ /g; s/\xe2\x80\xaf/ /g' >"$T_TMP/l.txt"
	bk() { grep -qF -- "$2" "$T_TMP/l.txt" && t_ok "booklet: $1" || t_fail "booklet: $1" "no \"$2\""; }
	bk "the renaming" "SOS Accueil devient Accueil Solidaire des Chantiers"
	bk "the new phone" "Nouveau téléphone : 01 99 00 99 99."
	bk "the new hours" "Nouveaux horaires : lun.–jeu. 8 h 30–12 h 30 ; sam. 9 h–12 h."
	bk "an ended action" "Action arrêtée : « Aide aux démarches administratives »."
	# The Sommaire names the page at its number, and so does the Mode d'emploi.
	np=$(for i in $(seq 1 12); do pdftotext -f "$i" -l "$i" "$O/edition/livret.pdf" - 2>/dev/null |
	    grep -q "^Nouveautés de l’édition 2019$" && { echo "$i"; break; }; done)
	t_check "booklet: the Nouveautés page exists" test -n "$np"
	t_check "booklet: the Sommaire lists it at page $np" sh -c \
	    "pdftotext -layout '$O/edition/livret.pdf' - | grep -qE '^ *Nouveautés de l’édition[ .]+ $np\$'"
	t_check "booklet: the Mode d'emploi points to it" \
	    grep -qF "Les nouveautés de l’édition, page $np, disent ce qui a changé depuis l’édition 2018" "$T_TMP/l.txt"
	A build -q -C "$TOP/content" -o "$T_TMP/plain" >/dev/null 2>&1
	t_check "no previous edition: no Sommaire line" sh -c \
	    "! pdftotext '$T_TMP/plain/edition/livret.pdf' - | grep -q 'Nouveautés'"
else
	t_skip "the booklet's Nouveautés" "pdftotext missing"
fi
# Hours on two days said "lun. et mar.", a note without its final stop
# inside the brackets; an archive of the edition itself (archives/2019)
# is not the edition before.
C3=$T_TMP/c3; cp -r "$C" "$C3"
mkdir -p "$C3/archives/2019"
cp -r "$C3/partenaires" "$C3/site.yaml" "$C3/logos" "$C3/archives/2019/"
python3 - "$C3/partenaires/afad.md" <<'PY'
import sys
p = sys.argv[1]; s = open(p, encoding="utf-8").read()
h = s.index("horaires:\n") + len("horaires:\n")
s = s[:h] + '  lundi: "09:00-12:00"\n  mardi: "09:00-12:00"\n' + s[s.index("  precisions:", h):]
open(p, "w", encoding="utf-8").write(s)
PY
A build -q --no-pdf -C "$C3" -o "$T_TMP/o3" >/dev/null 2>&1
t_eq "an edition beside its own archive builds" "$?" 0
sed 's/<[^>]*>//g; s/&nbsp;/ /g; s/\xc2\xa0/ /g; s/\xe2\x80\xaf/ /g' \
    "$T_TMP/o3/edition/site/nouveautes.html" >"$T_TMP/n3.txt" 2>/dev/null
t_check "two days with the same hours: 'lun. et mar.', the note without its stop" \
    grep -qF "lun. et mar. 9 h–12 h (Accueil téléphonique aux mêmes horaires)" "$T_TMP/n3.txt"
t_check "archives/2019 is not the edition before 2019: the changes since 2018 are listed" \
    grep -qF "Épicerie solidaire des Chantiers" "$T_TMP/n3.txt"

t_done
