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
sigle: "A:B #c"  # a line break is refused in a one-line field
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

# ---- the edition being prepared -----------------------------------------
# The form names the edition the campaign prepares, as its e-mail does
# (site.yaml says 2018: the campaign prepares 2019).
CC=$T_TMP/camp/content
mkdir -p "$CC" && cp -R "$TOP/content"/. "$CC"/
"$A" campaign -C "$CC" -o "$T_TMP/camp/out" --echeance 2019-03-31 >/dev/null 2>&1
cf=$T_TMP/camp/out/campagne/aejf.html
t_check "the campaign's form names the edition being prepared (2019)" \
    grep -q '<p class="surtitre">.* — édition 2019</p>' "$cf"
t_eq "the campaign's form does not name the previous edition" "$(grep -c 'édition 2018' "$cf")" 0

# ---- a form's size does not grow with the edition ------------------------
# Every form listed every other partner for "Travaille avec": 2 000
# partners' campaign was 1.2 GB.  A form offers at most FORM_LIENS_MAX
# (form.h) and its own liens: the average form of 800 partners is about
# the size of one of 200 (before: 1.6 times).
for k in 200 800; do
	sh "$TOP/bench/gen.sh" $k "$T_TMP/gen$k" >/dev/null
	"$FT" render "$T_TMP/gen$k" "$TOP/themes/default" "$T_TMP/genforms$k" >/dev/null 2>&1
	eval "avg$k=\$(( \$(cat "$T_TMP/genforms$k"/*.html | wc -c) / k ))"
done
if [ $((avg800 * 100 / avg200)) -le 110 ]; then
	t_ok "a form's size does not grow with the edition (average $avg200 bytes at 200 partners, $avg800 at 800)"
else
	t_fail "a form's size does not grow with the edition" "average $avg200 bytes at 200 partners, $avg800 at 800"
fi
if command -v python3 >/dev/null 2>&1; then
	out=$(python3 - "$T_TMP/gen800" "$T_TMP/genforms800" <<'PY'
import json, os, re, sys
content, forms = sys.argv[1], sys.argv[2]
bad, most = [], 0
for f in sorted(os.listdir(forms)):
    html = open(os.path.join(forms, f), encoding="utf-8").read()
    data = json.loads(re.search(r'<script type="application/json" id="donnees">(.*?)</script>', html, re.S).group(1))
    offered = [p["cle"] for p in data["site"]["partenaires"]]
    most = max(most, len(offered))
    page = open(os.path.join(content, "partenaires", f[:-5] + ".md"), encoding="utf-8").read()
    m = re.search(r"^liens: \[(.*)\]$", page, re.M)
    liens = [x.strip().strip('"') for x in m.group(1).split(",")] if m else []
    if any(l not in offered for l in liens) or data["page"]["slug"] in offered or \
            data["site"]["partenaires_tous"] or len(offered) > 120 + len(liens) or len(offered) < 100:
        bad.append(f)
print("OK" if not bad else "bad: " + " ".join(bad[:5]), most)
PY
)
	t_eq "each form offers its own liens, never itself, at most 120 others (800 partners)" "${out%% *}" "OK"
else
	t_skip "each form offers its own liens" "python3 missing"
fi

# ---- the browser ---------------------------------------------------------
t_need_browser "form in the browser"
shots=$TOP/out/screenshots
mkdir -p "$shots"
D=$T_TMP/dl
t_node form.mjs --forms "$F" --hostile "$H" --stress "$SF" \
    --cases "$TOP/tests/validate-cases.tsv" --paste "$TOP/tests/paste-cases.tsv" \
    --out "$D" --shots "$shots" \
    --tool "$FT" --site "$TOP/content/site.yaml"

# ---- what came back ------------------------------------------------------
if [ "$(ls "$D/rt" 2>/dev/null | wc -l)" -ne "$n" ]; then
	t_fail "round trip" "the browser did not download $n pages"
else
	orig=$(dump "$TOP/content")
	swap "$TOP/content" "$T_TMP/rt" "$D/rt"
	t_eq "round trip: the $n untouched pages load to the same model but mise_a_jour" \
	    "$(dump "$T_TMP/rt" 2>&1 | grep -v '"mise_a_jour"')" \
	    "$(printf '%s\n' "$orig" | grep -v '"mise_a_jour"')"
	t_eq "an untouched page saved is reviewed: mise_a_jour is the browser's date on every page" \
	    "$(grep -h '^mise_a_jour:' "$D/rt"/*.md | sort | uniq -c | sed 's/^ *//')" \
	    "$n mise_a_jour: 2019-03-01"
	# The save stamp (issue 18): the first line of the front matter, the
	# browser's clock in UTC to the second, on both buttons' files.
	t_eq "every save is stamped on the line after ---: # annuaire-formulaire: enregistré <UTC time>" \
	    "$(for f in "$D/rt"/*.md "$D/rien"/*.md; do sed -n 2p "$f"; done | sort | uniq -c | sed 's/^ *//')" \
	    "$((n * 2)) # annuaire-formulaire: enregistré 2019-03-01T10:00:00Z"
	t_check "a stamped page checks without error or warning (libyaml skips the comment)" \
	    sh -c "'$A' check -C '$T_TMP/rt' 2>&1 | grep -q '^0 errors, 0 warnings'"
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
	    "$(dump "$T_TMP/srt" 2>&1 | grep -v '"mise_a_jour"')" "$(dump "$S" | grep -v '"mise_a_jour"')"
else
	t_fail "round trip of the stress pages" "nothing downloaded"
fi
l=$D/lists/stress-minimal.md
if [ -f "$l" ]; then
	swap "$S" "$T_TMP/lists" "$D/lists"
	t_check "annuaire check accepts the page of lists and choices" "$A" check -C "$T_TMP/lists"
	t_eq "lists and choices written as check reads them" \
	    "$(sed -n '/^---$/,/^---$/p' "$l" | grep -v -e '^---$' -e '^mise_a_jour:' -e '^# annuaire-formulaire: ')" \
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
ph=$D/phone/caf-yvelines.md
if [ -f "$ph" ]; then
	t_check "a phone typed 0199003040 is written as the site prints it" \
	    grep -qx 'telephone: "01 99 00 30 40"' "$ph"
	t_check "a contact's phone typed +33 6 12 34 56 78 too" grep -qx '    telephone: "06 12 34 56 78"' "$ph"
else
	t_fail "phone typed in the form" "not downloaded"
fi
wp=$D/word/aejf.md
if [ -f "$wp" ]; then
	swap "$TOP/content" "$T_TMP/word" "$D/word"
	t_check "the page with a Word paste checks" "$A" check -C "$T_TMP/word"
	t_check "the Word bullets are saved as a Markdown list" grep -qx -- '- des colis alimentaires' "$wp"
	t_check "the Word second level is saved as a nested item" grep -qx -- '  - le mercredi' "$wp"
	t_eq "no tab, U+F0B7, zero-width space or soft hyphen is saved" \
	    "$(grep -c -P '\t|\x{f0b7}|\x{200b}|\x{00ad}' "$wp")" 0
	"$A" build -C "$T_TMP/word" -o "$T_TMP/word-out" >"$T_TMP/word.build" 2>&1
	t_eq "build of the page with a Word paste: no warning about it" "$(grep -c 'aejf' "$T_TMP/word.build")" 0
else
	t_fail "Word paste saved" "not downloaded"
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
