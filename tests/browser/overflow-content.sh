#!/bin/sh
# overflow-content.sh TOP DIR: write into DIR a content folder that
# stresses narrow screens (tests/suites/overflow.sh): the example edition
# plus partners whose every field holds what does not break by itself —
# long names and unbroken words, long e-mails, hosts and URLs (also in
# acces.precisions, transports, horaires.precisions and the Markdown
# body), a 120-character street written with hyphens, a wide table and
# code block — and site.yaml labels of the same kind.
set -eu
top=$1 dir=$2
rm -rf "$dir"
cp -R "$top/content" "$dir"

host=accueil-des-familles-et-acces-aux-droits.sous-domaine-tres-long-de-l-association-intercommunale.example.org
url="https://www.$host/chemin/vers/une/page/tres/longue/avec-des-mots-composes?parametre=valeur-tres-longue&autre=encore-plus-longue-que-la-precedente#ancre-finale"
mail="prenom.compose-nom-de-famille.tres-long.accueil-des-familles@$host"
word=Anticonstitutionnellementintergouvernementalisationdesdispositifsdaccompagnement
street="12 bis chemin-de-la-Grande-Maison-Forestière-du-Val-de-Seine-et-des-Anciens-Lavoirs-Communaux-de-Versailles-Chantiers-Nord"

# Labels in site.yaml: a long category and thematique, a long edito link.
sed -i "s|^    libelle: \"Bailleurs sociaux\"|    libelle: \"Bailleurs sociaux et organismes d’habitation à loyer modéré intercommunaux $word\"|" "$dir/site.yaml"
sed -i "s|^    libelle: \"Budget\"|    libelle: \"Budget, surendettement et microcrédit personnel accompagné $word\"|" "$dir/site.yaml"
sed -i "s|^    présentations sont à confirmer par chaque partenaire.|    présentations sont à confirmer par chaque partenaire : $url|" "$dir/site.yaml"

# page SLUG NAME CATEGORY: one stress partner.
page() {
	cat >"$dir/partenaires/$1.md" <<PAGE
---
nom: "$2"
sigle: "$word"
categorie: $3
thematiques: [budget, logement, acces-aux-droits]
resume: "$word : un mot sans coupure, sur les cartes."
missions:
  - "Informer sur $url et répondre à $mail."
  - "$word $word"
actions:
  - titre: "Permanence $word"
    description: "Inscription sur $url"
public: "Tout public ; $word."
acces:
  modalites: [sans rendez-vous, sur rendez-vous]
  cout: gratuit
  precisions: "Prendre rendez-vous sur $url ou par courriel à $mail."
langues: [fr, en]
accessibilite: oui
adresse:
  rue: "$street"
  complement: "Bâtiment $word"
  code_postal: "78000"
  ville: "Versailles-Chantiers-Saint-Louis-Porchefontaine-Montreuil"
transports: "Itinéraire détaillé : $url"
horaires:
  lundi: ["08:30-12:00", "13:00-16:30"]
  mercredi: "08:30-12:00"
  precisions: "Horaires d’été publiés sur $url"
telephone: "01 99 00 55 55"
courriel: "$mail"
site: "$url"
liens: [caf-yvelines]
mise_a_jour: 2018-01-22
---
Écrire à <$mail> ou consulter <$url>, ou encore [$url]($url).

Un mot sans coupure : $word$word.

\`$url\`

| Colonne | Adresse électronique | Site | Rue |
|---------|----------------------|------|-----|
| $word | $mail | $url | $street |

    $url $url
    $word$word$word

> Citation : $url
PAGE
}
page stress-long "Association intercommunale pour l’accompagnement social, l’accès aux droits et l’hébergement d’urgence des familles du quartier des Chantiers $word" bailleurs-sociaux
page stress-mot "$word" institutionnels
