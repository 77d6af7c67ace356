#!/bin/sh
# tests/stress/gen.sh — stress fixtures for the booklet's geometry
# (tests/suites/geometry.sh).  Deterministic: the same files every time.
#   tests/stress/gen.sh NAME DIR     writes a content folder into DIR
# NAME:
#   long      long strings in every field of the booklet that can hold
#             one: 100+ character names and running heads, long e-mails,
#             hosts and URLs (contact box, hours, access, transports,
#             public, accessibility, missions, actions, Markdown body),
#             a 120-character hyphenated street, words longer than any
#             column, long category and need labels, named contacts,
#             a contact box taller than a page
#   big       a category of N partners (default 64, GEN_N=...), a need
#             shared by all of them: the divider, the contents and both
#             indexes break across pages; an empty category and an
#             empty need
#   scripts   accents decomposed (NFD) as macOS saves them, Arabic,
#             Chinese and emoji text; see UNICODE below
#   empty     an edition with no partner at all
# All dates are in 2018 (edition 2018): build with SOURCE_DATE_EPOCH of
# 2018-03-15 or later.
set -eu
[ $# -eq 2 ] || { echo "usage: gen.sh long|big|scripts|empty DIR" >&2; exit 2; }
name=$1 dir=$2
mkdir -p "$dir/partenaires"
P=$dir/partenaires

# site CATEGORIES THEMATIQUES: site.yaml with the common keys.
site() {
	cat >"$dir/site.yaml" <<EOF
titre: "Annuaire de test"
sous_titre: "Fixture de contrainte pour la géométrie du livret"
edition: 2018
url: "$3"
editeur:
  nom: "Maison de Quartier de la Fixture"
  adresse:
    rue: "1 rue de la Fixture"
    code_postal: "78000"
    ville: "Versailles"
  telephone: "01 99 00 00 00"
  courriel: "$4"
  site: "$5"
coordination:
  nom: "Coordination de l'annuaire de test"
  courriel: "$4"
  telephone: "01 99 00 00 01"
edito:
  texte: |
    Une édition de test. Son site est à l'adresse $5 et son courriel
    $4 ; rien d'autre à signaler.
categories:
$1
thematiques:
$2
EOF
}

# page SLUG: a partner page from the variables below (empty: absent).
# Each page its own phone number: the loader warns about two pages
# with the same phone and address (the same partner twice).
seq=0
page() {
	f=$P/$1.md
	seq=$((seq + 1))
	{
		echo "---"
		echo "nom: \"$nom\""
		[ -n "${sigle:-}" ] && echo "sigle: \"$sigle\""
		echo "categorie: $cat"
		echo "thematiques: [$them]"
		echo "resume: \"$resume\""
		echo "missions:"
		printf '%s\n' "$missions"
		[ -n "${actions:-}" ] && { echo "actions:"; printf '%s\n' "$actions"; }
		[ -n "${public:-}" ] && echo "public: \"$public\""
		echo "acces:"
		echo "  modalites: [sans rendez-vous, sur orientation]"
		echo "  cout: gratuit"
		[ -n "${acces:-}" ] && echo "  precisions: \"$acces\""
		echo "langues: [fr, en, ar]"
		[ -n "${access:-}" ] && { echo "accessibilite:"; echo "  niveau: partiel"; echo "  precisions: \"$access\""; }
		echo "adresse:"
		echo "  rue: \"$rue\""
		[ -n "${complement:-}" ] && echo "  complement: \"$complement\""
		echo "  code_postal: \"78000\""
		echo "  ville: \"${ville:-Versailles}\""
		[ -n "${transports:-}" ] && echo "transports: \"$transports\""
		printf '%s\n' "${horaires:-horaires:
  lundi: \"09:00-12:00\"}"
		printf 'telephone: "01 99 %02d %02d %02d"\n' $((seq / 10000 % 100)) \
		    $((seq / 100 % 100)) $((seq % 100))
		[ -n "${courriel:-}" ] && echo "courriel: \"$courriel\""
		[ -n "${url:-}" ] && echo "site: \"$url\""
		[ -n "${contacts:-}" ] && printf '%s\n' "$contacts"
		[ -n "${liens:-}" ] && echo "liens: [$liens]"
		echo "mise_a_jour: ${maj:-2018-03-01}"
		echo "---"
		printf '%s\n' "${body:-}"
	} >"$f"
}

# Reset the optional fields.
reset() {
	sigle= public= acces= access= complement= transports= horaires=
	courriel= url= contacts= liens= actions= body= ville= maj=
	missions='  - "Accueillir et orienter."'
	resume="Un partenaire de la fixture de contrainte."
	rue="1 rue de la Fixture"
}

CATS='  - cle: associatifs
    libelle: "Associatifs"
    couleur: "#1b7a4a"
  - cle: institutionnels
    libelle: "Institutionnels"
    couleur: "#1f5fa8"'
THEMS='  - cle: logement
    libelle: "Logement"
    picto: home
  - cle: acces-aux-droits
    libelle: "Accès aux droits"
    picto: balance-scale'

case $name in
long)
	LONGCAT='Associations, collectifs d’habitants, amicales de locataires et autres structures de proximité du quartier'
	site "$CATS
  - cle: proximite
    libelle: \"$LONGCAT\"
    couleur: \"#a8431f\"" "$THEMS
  - cle: longue
    libelle: \"Accompagnement administratif, numérique et juridique des familles nouvellement arrivées dans le quartier\"
    picto: users" \
	    "https://annuaire-des-partenaires-de-la-maison-de-quartier.example.org/edition-deux-mille-dix-huit/" \
	    "coordination-de-l-annuaire-des-partenaires-du-quartier@maison-de-quartier-des-chantiers.example.org" \
	    "https://www.maison-de-quartier-des-chantiers-et-de-la-gare.example.org/nous-contacter/"
	# 1: everything long at once.
	reset
	nom="Association intercommunale pour l’accompagnement social, l’insertion professionnelle et le logement des familles du quartier des Chantiers"
	sigle="AIASIPLFQC-Versailles-Chantiers"
	cat=proximite them="logement, acces-aux-droits, longue"
	resume="Accompagnement social et administratif : écrivez à contact-accompagnement-social-et-administratif@aiasiplfqc-versailles.example.org."
	missions='  - "Informer sur les droits, voir https://www.service-public.example.org/particuliers/vosdroits/F12345/droits-des-familles-nouvellement-arrivees?lang=fr&region=idf#section-3 pour le détail."
  - "Accompagner les démarches en ligne sur le-portail-departemental-des-demarches-administratives-en-ligne.example.org/inscription."'
	actions='  - titre: "Permanence numérique"
    description: "Aide à la création de comptes sur https://mon-espace-personnel-des-allocataires.example.org/connexion/creer-un-compte-personnel et ailleurs."
  - "Atelier-rencontre-débat-hebdomadaire-intergénérationnel-et-interculturel-du-jeudi-après-midi"'
	public="Familles, jeunes de moins de vingt-cinq ans, personnes âgées ; renseignements sur https://www.aiasiplfqc-versailles.example.org/publics-accueillis/conditions-d-acces."
	acces="Prendre rendez-vous sur https://rendez-vous-en-ligne.aiasiplfqc-versailles.example.org/agenda/permanences-sociales?site=chantiers ou écrire à rendez-vous.permanences.sociales@aiasiplfqc-versailles.example.org."
	access="Rampe d’accès ; plan sur https://www.aiasiplfqc-versailles.example.org/accessibilite/plan-d-acces-personnes-a-mobilite-reduite.pdf."
	rue="12 bis allée-du-Général-Jean-Baptiste-Marie-Joseph-de-la-Rochefoucauld-Liancourt-et-de-la-Résistance-Intercommunale-Sud"
	complement="Bâtiment-administratif-intercommunal-des-services-sociaux-départementaux, escalier C"
	transports="Lignes de bus : voir https://www.reseau-de-transports-en-commun-de-l-agglomeration.example.org/lignes/plans-et-horaires/arret-chantiers-gare."
	horaires='horaires:
  lundi: ["08:00-09:00", "09:30-10:30", "11:00-12:00", "13:00-14:00", "14:30-15:30", "16:00-17:00"]
  mardi: "09:00-12:00"
  jeudi: ["09:00-10:00", "10:30-11:30", "13:00-14:00", "14:30-15:30", "16:00-17:00", "17:30-18:30"]
  samedi: "10:00-12:00"
  precisions: "Fermé en août ; horaires des vacances sur https://www.aiasiplfqc-versailles.example.org/horaires-des-vacances-scolaires."'
	courriel="secretariat-general-accompagnement-social@aiasiplfqc-versailles-chantiers.example.org"
	url="https://www.association-intercommunale-accompagnement-social.example.org/antennes/versailles/quartier-des-chantiers/presentation-generale-de-l-antenne/"
	contacts='contacts:
  - nom: "Marie-Françoise-Bernadette de La Tour-d’Auvergne-Lauraguais"
    fonction: "Coordinatrice de l’accompagnement social et administratif des familles"
    telephone: "01 99 00 12 35"
    courriel: "marie-francoise-bernadette.de-la-tour-d-auvergne@aiasiplfqc-versailles.example.org"'
	liens="court, motlong"
	body='L’association publie ses rapports sur https://www.aiasiplfqc-versailles.example.org/documents/rapports-annuels/rapport-d-activite-2017-version-complete-definitive.pdf et répond à toutes-les-questions-des-familles@aiasiplfqc-versailles.example.org.

Voir aussi [le guide complet des démarches administratives pour les familles nouvellement arrivées](https://www.aiasiplfqc-versailles.example.org/guides/guide-complet-des-demarches-administratives-pour-les-familles-nouvellement-arrivees) et `une-commande-ou-un-identifiant-technique-tres-long-sans-aucune-espace-a-couper`.

- Liste : https://www.aiasiplfqc-versailles.example.org/liste/element-de-liste-tres-long-sans-espace
- Élément suivi d’un mot très long : anticonstitutionnellementinterministériellementintergouvernementalement.'
	page aiasiplfqc
	# 2: a name that is one word longer than the line; words longer than
	# their column everywhere.
	reset
	nom="Lassociationintercommunaledesamisdesfamillesdesquartiersdeschantiersetdelagaredeversailles"
	cat=proximite them="logement"
	public="Touteslespersonnesduquartiersansconditionderessourcesnidedomicile"
	acces="Surorientationduserviceocialdépartementaloudelacaissedallocationsfamiliales"
	access="Accessibleauxpersonnesàmobilitéréduiteparlentréelatéraleavecsonnette"
	transports="Busligneseptcentquatrevingtdixneufarrêtchantiersgaredeversailles"
	rue="3 rue Delapetiteruelleperpendiculairealavenuedelagaredeschantiers"
	courriel="a@b.example.org"
	body='Unmotquinefinitjamaisetquiestpluslargequelacolonnedutextecourantdulivretdesortequilfautlecouperquelquepart.'
	page motlong
	# 2b: a contact box taller than a page (it breaks as rows).
	reset
	nom="Permanence aux horaires très détaillés"
	cat=proximite them="logement"
	acces=$(i=1; while [ $i -le 45 ]; do printf 'Permanence sans rendez-vous le mardi matin au bureau numéro %d. ' $i; i=$((i + 1)); done)
	courriel="horaires@example.org"
	url="https://example.org/horaires/"
	page tall
	# 3: an ordinary neighbour, for "Travaille avec".
	reset
	nom="Court"
	cat=associatifs them="logement"
	courriel="court@example.org"
	liens="aiasiplfqc"
	page court
	# 4-8: long names in the other categories, for the indexes and heads.
	i=1
	for n in "Centre communal d’action sociale de la ville de Versailles, antenne de proximité des quartiers Chantiers, Porchefontaine et Montreuil" \
	    "Caisse primaire d’assurance maladie des Yvelines — point d’accueil et d’information sur les droits à la complémentaire santé solidaire" \
	    "Service départemental d’information et d’orientation des jeunes de seize à vingt-cinq ans sans emploi ni formation du territoire" \
	    "Permanence juridique gratuite de l’ordre des avocats du barreau de Versailles et du conseil départemental de l’accès au droit" \
	    "Mission locale intercommunale pour l’insertion sociale et professionnelle des jeunes de Versailles, Viroflay, Vélizy et Jouy"; do
		reset
		nom=$n cat=institutionnels them="acces-aux-droits, longue"
		sigle="SIGLE-TRES-LONG-NUMERO-$i-DE-LA-FIXTURE"
		courriel="accueil-et-information-du-public-numero-$i@service-public-de-la-fixture-$i.example.org"
		url="https://www.service-public-de-la-fixture-numero-$i.example.org/"
		page "long-$i"
		i=$((i + 1))
	done
	;;
big)
	n=${GEN_N:-64}
	site "$CATS
  - cle: vide
    libelle: \"Catégorie sans partenaire\"
    couleur: \"#6a3d9a\"" "$THEMS
  - cle: tous
    libelle: \"Pour tous\"
    picto: users
  - cle: personne
    libelle: \"Besoin sans partenaire\"
    picto: euro" \
	    "https://example.org/annuaire/" "coordination@example.org" \
	    "https://example.org/"
	i=1
	while [ "$i" -le "$n" ]; do
		reset
		# Names of varying length, some of them over 100 characters.
		case $((i % 7)) in
		0) nom="Association numéro $i pour l’accompagnement des familles, des jeunes et des personnes âgées du quartier des Chantiers" ;;
		1) nom="Amicale $i" ;;
		2) nom="Collectif d’habitants de la résidence $i" ;;
		3) nom="Épicerie solidaire numéro $i"; sigle="ES$i" ;;
		4) nom="Œuvre sociale $i du quartier" ;;
		5) nom="Zèbre $i"; sigle="Z-$i-ASSOCIATION-DE-QUARTIER" ;;
		*) nom="Atelier $i de français, d’informatique et de couture" ;;
		esac
		cat=associatifs them="tous, logement"
		[ $((i % 2)) -eq 0 ] && them="tous, acces-aux-droits"
		courriel="contact-$i@example.org"
		page "$(printf 'p%04d' "$i")"
		i=$((i + 1))
	done
	for i in 1 2 3; do
		reset
		nom="Institution $i" cat=institutionnels them="acces-aux-droits, logement"
		courriel="institution-$i@example.org"
		page "inst-$i"
	done
	;;
scripts)
	# UNICODE: Arabic, Chinese and emoji have no glyph in the booklet's
	# fonts: today each draws a box (warning "no glyph"); once the
	# unicode branch lands, they are left out cleanly with a `check`
	# warning at their position.  The geometry suite asserts only what
	# holds on both sides (no overlap, nothing outside the text block).
	site "$CATS" "$THEMS" "https://example.org/" "contact@example.org" \
	    "https://example.org/"
	# NFD: "é" as e + U+0301, "ç" as c + U+0327, "à" as a + U+0300.
	E=$(printf 'e\314\201') C=$(printf 'c\314\247') A=$(printf 'a\314\200')
	reset
	nom="Le$E$E (re${E}seau d'entraide franc${C}ais)"
	cat=associatifs them="logement"
	resume="Cours de franc${C}ais, aide a${A} la re${E}daction de courriers."
	missions="  - \"Franc${C}ais pour adultes, de${E}butants et confirme${E}s.\""
	public="Adultes allophones, a${A} partir de seize ans."
	transports="Bus, arre${E}t Gare des Chantiers."
	courriel="nfd@example.org"
	body="Pre${E}sentation en franc${C}ais de${E}compose${E}, comme l'enregistre un Mac."
	page "nfd"
	reset
	nom="Association franco-arabe العربية للجميع"
	cat=associatifs them="acces-aux-droits"
	resume="Cours d'arabe et de français : مرحبا بكم في جمعيتنا."
	public="Familles arabophones — العائلات الناطقة بالعربية."
	courriel="arabe@example.org"
	body="Nous accueillons tout le monde : أهلا وسهلا بكم في الجمعية كل يوم."
	page "arabe"
	reset
	nom="Amitié franco-chinoise 中法友谊协会"
	cat=institutionnels them="logement"
	resume="Accompagnement des familles sinophones : 欢迎来到我们的协会。"
	public="Familles sinophones 华人家庭和学生"
	courriel="chinois@example.org"
	body="Permanence le samedi : 每个星期六上午十点到十二点，欢迎所有家庭。"
	page "chinois"
	reset
	nom="Café des parents ☕ 🙂"
	cat=institutionnels them="acces-aux-droits"
	resume="Un café pour les parents 👨‍👩‍👧 chaque vendredi 🎉."
	public="Parents 👪 et enfants 🧒"
	courriel="emoji@example.org"
	body="Venez nombreux 🎈🎈🎈 : café ☕, thé 🍵 et gâteaux 🍰 offerts."
	page "emoji"
	;;
empty)
	site "$CATS" "$THEMS" "https://example.org/" "contact@example.org" \
	    "https://example.org/"
	;;
*)
	echo "gen.sh: unknown fixture $name" >&2
	exit 2
	;;
esac
