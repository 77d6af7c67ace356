#!/usr/bin/env bash
# The partner form (issue 8 §1): out/campagne/<slug>.html made by
# form_render() (here through the test helper build/tools/form_tool), then
# tests/browser/form.mjs in headless Debian Chromium: the validators
# against tests/validate-cases.tsv, every example form downloaded
# untouched and with "Rien n'a changé", a form filled (phone, hours,
# e-mail), hostile values inert, 44 px targets, axe-core at 360 and
# 1280 px, screenshots in out/screenshots/.  The downloaded pages are then
# loaded with annuaire: an untouched page loads to the same model as the
# page that went out (round trip), "Rien n'a changé" changes only
# mise_a_jour, and the filled page passes `annuaire check`.
. "$TOP/tests/lib.sh"
A=$ANNUAIRE
FT=$(dirname "$A")/tools/form_tool
export SOURCE_DATE_EPOCH=1521072000

if [ ! -x "$FT" ] || ! "$A" --version >/dev/null 2>&1; then
	t_skip "form suite" "annuaire or tools/form_tool is not built (make test-bins)"; t_done; exit
fi

# The model of a content folder, without what the form leaves out
# (suivi, note_suivi: the coordination's own notes).
dump() { "$FT" dump "$1" | grep -v -e '^  suivi: ' -e '^  note_suivi: '; }
# A copy of content folder $1 into $2 whose pages are replaced by the
# .md files of folder $3.
swap() {
	rm -rf "$2"; mkdir -p "$2"; cp -R "$1"/. "$2"/
	cp "$3"/*.md "$2/partenaires/"
}

# ---- stress content: values that are hard to write back ----------------
S=$T_TMP/stress/content
mkdir -p "$S/partenaires" "$S/logos"
cp "$TOP/content/site.yaml" "$S/"
cp "$TOP/content/partenaires"/*.md "$S/partenaires/"
cp "$TOP/content/logos"/* "$S/logos/"
cat >"$S/partenaires/stress-texte.md" <<'PAGE'
---
nom: "L'« Atelier » \"du\" coin : #1 \\ {{titre}} </script><!-- 🏠 ok"
sigle: "A:B\n#c"
categorie: associatifs-cultuels
thematiques: [lien-social, logement, alimentation, budget]
resume: "Épicerie, café, « ateliers » : tout pour bien vivre ensemble — ici et maintenant, avec 160 caractères exactement pour voir si la limite est tenue au bout ok"
missions:
  - "- commence par un tiret"
  - "null"
  - "yes"
  - "123"
  - "~"
  - "[pas une liste]"
  - "*étoile* et `code`"
actions:
  - "Une action simple"
  - titre: "Avec description"
    description: "Ligne un\nLigne deux\tavec tabulation"
  - titre: "Titre seul en groupe"
public: |
  Familles,
  jeunes « en difficulté ».
acces:
  modalites: [sans rendez-vous, sur rendez-vous, sur orientation d'un travailleur social, par téléphone, en ligne, à domicile]
  cout: payant
  precisions: "Tarif : 2 € — \"symbolique\""
langues: [fr, lsf, ar, zh, wo]
accessibilite: non
adresse:
  rue: "12 bis, rue de l'Église"
  complement: "Bât. C — 3ᵉ étage"
  code_postal: "78000"
  ville: "Versailles"
transports: "Bus 1 : arrêt « Église »"
horaires:
  lundi: ["00:00-00:30", "09:00-12:00", "12:00-13:00", "14:00-24:00"]
  mardi: "9h-12h"
  mercredi: ["09:00-12:00"]
  jeudi: "9h30 - 12h"
  vendredi: "08:00-20:00"
  samedi: "10:00-11:00"
  dimanche: "10:00-10:01"
  precisions: "Fermé en août\net à Noël"
telephone: "+33 (0)1 39 00 00 00"
courriel: "élodie@exemple.fr"
site: "https://exemple.fr/a?b=1&c=%20#ancre"
contacts:
  - nom: "Élodie « Dupont »"
    fonction: "Responsable : accueil"
    telephone: "06.12.34.56.78"
    courriel: "e.dupont@exemple.fr"
  - nom: "Sans fonction"
    courriel: "x@exemple.fr"
  - nom: "Nom seul"
logo: logos/asfir.png
liens: [tad, aejf]
mise_a_jour: 2018-01-31
suivi: en_attente
note_suivi: "ne pas montrer au partenaire"
---
    code indenté en tête

Texte avec <script>alert('x')</script> et une ligne
---
qui ressemble à un séparateur, des espaces en fin   


PAGE
cat >"$S/partenaires/stress-minimal.md" <<'PAGE'
---
nom: Minimal
categorie: institutionnels
thematiques: [sante]
resume: Le minimum.
missions: [Exister]
adresse: { rue: "1 rue X", code_postal: "78000", ville: "Versailles" }
courriel: min@exemple.fr
mise_a_jour: 2018-03-01
---
PAGE
cat >"$S/partenaires/stress-horaires-vides.md" <<'PAGE'
---
nom: "Horaires sans plage"
categorie: bailleurs-sociaux
thematiques: [logement]
resume: "Seulement des précisions d'horaires."
missions: ["Loger"]
adresse: { rue: "2 rue Y", code_postal: "78000", ville: "Versailles" }
horaires:
  precisions: "Sur rendez-vous uniquement"
telephone: "115"
mise_a_jour: 2018-03-01
---
Une ligne, puis une dernière sans fin de ligne
PAGE
printf 'fin' >>"$S/partenaires/stress-horaires-vides.md"
t_check "stress content loads without error" "$FT" dump "$S"

# ---- the forms -----------------------------------------------------------
F=$T_TMP/forms H=$T_TMP/hostile SF=$T_TMP/stress/forms
t_check "a form for every example partner" "$FT" render "$TOP/content" "$TOP/themes/default" "$F"
t_check "forms of the fixture with a hostile page" "$FT" render "$TOP/tests/golden/site/content" "$TOP/themes/default" "$H"
t_check "forms of the stress content" "$FT" render "$S" "$TOP/themes/default" "$T_TMP/stress/all"
mkdir -p "$SF" && cp "$T_TMP/stress/all"/stress-*.html "$SF/"
"$FT" render "$TOP/content" "$TOP/themes/default" "$T_TMP/forms2" 2>/dev/null
t_check "forms are byte-identical from one run to the next" diff -r "$F" "$T_TMP/forms2"
n=$(ls "$TOP/content/partenaires"/*.md | wc -l)
t_eq "one form per page" "$(ls "$F" | wc -l)" "$n"

# Self-contained: no element loads anything (the data element aside,
# where values are JSON strings).
bad=$(for f in "$F"/*.html "$H"/*.html "$SF"/*.html; do
	awk '/<script type="application\/json"/ { skip = 1 } !skip { print }
	    skip && /<\/script>/ { skip = 0 }' "$f" |
	    grep -q -i -E '<(link|img|iframe|object|embed|base|audio|video|source)[ >/]|[[:space:]]src[[:space:]]*=|@import' &&
	    echo "$f"
done)
t_eq "no element of a form loads a file (no link, img, src=, @import)" "$bad" ""
t_eq "the form's style sheet loads nothing" "$(grep -c 'url(' "$TOP/themes/default/campagne/form.css")" "0"
t_check "a Content-Security-Policy forbids every request" grep -q "default-src 'none'" "$F/aejf.html"
# The partner's named contacts are in its form; the coordination's notes are not.
t_check "the form holds the partner's named contacts" grep -q 'Nom seul' "$SF/stress-texte.html"
t_eq "suivi and note_suivi stay out of the forms" \
    "$(grep -l -e 'ne pas montrer' -e 'en_attente' -e 'note_suivi' "$SF"/*.html "$F"/*.html)" ""
# A hostile value cannot end the data element early.
t_eq "no value closes the <script> element" \
    "$(grep -c '</script' "$H/hostile.html")" "2"

# A broken theme file is a diagnostic naming the file, not a crash.
mkdir -p "$T_TMP/theme/campagne"
printf '{{#x}}\n' >"$T_TMP/theme/campagne/form.mustache"
out=$("$FT" render "$TOP/content" "$T_TMP/theme" "$T_TMP/badforms" "$TOP/themes/default" 2>&1)
case $out in
*"theme/campagne/form.mustache"*error*) t_ok "a broken form template is reported with its file" ;;
*) t_fail "a broken form template is reported with its file" "$out" ;;
esac
printf 'x </script> y\n' >"$T_TMP/theme/campagne/form.js"
cp "$TOP/themes/default/campagne/form.mustache" "$T_TMP/theme/campagne/"
out=$("$FT" render "$TOP/content" "$T_TMP/theme" "$T_TMP/badforms" "$TOP/themes/default" 2>&1)
case $out in
*"form.js"*"</script"*) t_ok "a theme script holding </script is refused" ;;
*) t_fail "a theme script holding </script is refused" "$out" ;;
esac

# ---- the browser ---------------------------------------------------------
t_need_browser "form in the browser"
shots=$TOP/out/screenshots
mkdir -p "$shots"
D=$T_TMP/dl
t_node form.mjs --forms "$F" --hostile "$H" --stress "$SF" \
    --cases "$TOP/tests/validate-cases.tsv" --out "$D" --shots "$shots" \
    --tool "$FT" --site "$TOP/content/site.yaml"

# ---- what came back ------------------------------------------------------
if [ "$(ls "$D/rt" 2>/dev/null | wc -l)" -ne "$n" ]; then
	t_fail "round trip" "the browser did not download $n pages"
else
	orig=$(dump "$TOP/content")
	swap "$TOP/content" "$T_TMP/rt" "$D/rt"
	t_eq "round trip: the $n untouched pages load to the same model" \
	    "$(dump "$T_TMP/rt" 2>&1)" "$orig"
	swap "$TOP/content" "$T_TMP/rien" "$D/rien"
	t_eq "\"Rien n'a changé\": the same model but mise_a_jour" \
	    "$(dump "$T_TMP/rien" 2>&1 | grep -v '"mise_a_jour"')" \
	    "$(printf '%s\n' "$orig" | grep -v '"mise_a_jour"')"
	t_eq "\"Rien n'a changé\": mise_a_jour is the browser's date on every page" \
	    "$(grep -h '^mise_a_jour:' "$D/rien"/*.md | sort | uniq -c | sed 's/^ *//')" \
	    "$n mise_a_jour: 2019-03-01"
	t_check "annuaire check accepts the returned pages" "$A" check -C "$T_TMP/rien"
fi
if [ -d "$D/stress" ]; then
	swap "$S" "$T_TMP/srt" "$D/stress"
	t_eq "round trip of the stress pages (quotes, escapes, blocks, every hour form, body spacing)" \
	    "$(dump "$T_TMP/srt" 2>&1)" "$(dump "$S")"
else
	t_fail "round trip of the stress pages" "nothing downloaded"
fi
l=$D/lists/stress-minimal.md
if [ -f "$l" ]; then
	swap "$S" "$T_TMP/lists" "$D/lists"
	t_check "annuaire check accepts the page of lists and choices" "$A" check -C "$T_TMP/lists"
	t_eq "lists and choices written as check reads them" \
	    "$(sed -n '/^---$/,/^---$/p' "$l" | grep -v -e '^---$' -e '^mise_a_jour:')" \
	    "$(printf '%s\n' 'nom: "Minimal"' 'categorie: "institutionnels"' \
	    'thematiques: ["sante", "handicap"]' 'resume: "Le minimum."' 'missions:' \
	    '  - "Seconde mission"' 'actions:' '  - "Permanence"' 'acces:' \
	    '  modalites: ["sans rendez-vous"]' '  cout: "gratuit"' 'langues: ["fr", "ar"]' \
	    'adresse:' '  rue: "1 rue X"' '  code_postal: "78000"' '  ville: "Versailles"' \
	    'horaires:' '  lundi: ["14:00-17:00"]' 'courriel: "min@exemple.fr"' 'contacts:' \
	    '  - nom: "Camille Exemple"' '    telephone: "06 12 34 56 78"')"
	swap "$S" "$T_TMP/lists-rien" "$D/lists-rien"
	t_eq "\"Rien n'a changé\" after an edit saves the page as it came" \
	    "$(dump "$T_TMP/lists-rien" | grep -v '"mise_a_jour"')" \
	    "$(dump "$S" | grep -v '"mise_a_jour"')"
else
	t_fail "page of lists and choices" "not downloaded"
fi
fill=$D/fill/aejf.md
if [ -f "$fill" ]; then
	swap "$TOP/content" "$T_TMP/fill" "$D/fill"
	t_check "annuaire check accepts the filled page" "$A" check -C "$T_TMP/fill"
	t_check "filled page: the new phone" grep -qx 'telephone: "01 99 00 77 88"' "$fill"
	t_check "filled page: the Saturday range" grep -qx '  samedi: \["09:30-12:00"\]' "$fill"
	t_check "filled page: the e-mail as fixed" grep -qx 'courriel: "accueil@exemple.org"' "$fill"
	t_check "filled page: dated the day it was filled" grep -qx 'mise_a_jour: 2019-03-01' "$fill"
	t_check "filled page: the added mission, quoted" grep -qF '  - "Écouter « vraiment » les familles : sans jugement #1"' "$fill"
	# What changed in the model: the fields filled in, and nothing else
	# (a list item gains a comma when one is added after it).
	d=$(diff <("$FT" dump "$TOP/content") <("$FT" dump "$T_TMP/fill") | grep '^>' |
	    sed -E 's/^> +//; s/^"([a-z_]+)": .*/\1/; s/^(telephone|courriel): .*/\1 (raw)/; s/^".*"(,)?$/list item/' |
	    sort | uniq -c | sed 's/^ *//' | tr '\n' ';')
	t_eq "filled page: only the changed fields differ in the model" "$d" \
	    "1 affichage;1 courriel;2 list item;1 mise_a_jour;1 presentation;1 samedi;1 telephone (raw);1 uri;"
else
	t_fail "filled page" "not downloaded"
fi
t_done
