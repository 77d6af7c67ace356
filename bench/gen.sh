#!/bin/sh
# bench/gen.sh N DIR: write a synthetic edition of N partners in DIR:
# DIR/site.yaml (the example's, with five categories), DIR/synonymes.yaml,
# DIR/logos/ and DIR/partenaires/*.md, N valid pages of about 3 KB that
# use every field of annuaire(5): French text with accents, Markdown
# (headings, lists, emphasis, links), unique names, phones and addresses,
# some liens to other partners, some logos, some named contacts.
# Deterministic (no randomness, no clock) and fast (one awk process:
# 100 000 pages in seconds).  `annuaire check -C DIR` prints no error and
# no warning for N >= 14 (fewer pages leave some thematique unused).
# Used by bench/run.sh and by the search suite (1 000 partners).
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
case ${1:-} in
'' | *[!0-9]*) echo "usage: bench/gen.sh N DIR" >&2; exit 2 ;;
esac
n=$1 dir=${2:?usage: bench/gen.sh N DIR}
rm -rf "$dir/partenaires"
mkdir -p "$dir/partenaires" "$dir/logos"
cp "$top"/content/logos/*.png "$dir/logos/"
cp "$top/content/synonymes.yaml" "$dir/"
# Two more categories after the example's three.
awk '{ print }
/^    couleur: "#a8431f"$/ && !done {
	print "  - cle: sante-social"
	print "    libelle: \"Santé et action sociale\""
	print "    couleur: \"#6b3fa0\""
	print "  - cle: services-publics"
	print "    libelle: \"Services publics de proximité\""
	print "    couleur: \"#5c5c1f\""
	done = 1
}' "$top/content/site.yaml" >"$dir/site.yaml"

# shellcheck disable=SC1112 # French apostrophes in the text
LC_ALL=C awk -v n="$n" -v dir="$dir/partenaires" '
function pick(a, na, i, k) { return a[(i * k + int(i / na)) % na] }
# list("x|y|z", a): a[0] = "x", a[1] = "y"...; returns the count.
function list(s, a,   t, j, k) {
	k = split(s, t, "|")
	for (j = 1; j <= k; j++)
		a[j - 1] = t[j]
	return k
}
# The slug of page i: unique by its number.
function slug(i) { return sprintf("%s-%06d", ts[i % nt], i) }
function two(x) { return sprintf("%02d", x) }
BEGIN {
	nt = list("association|centre-social|epicerie-solidaire|maison-des-familles|point-accueil|foyer|club-de-prevention|atelier|mission-locale|espace-emploi|relais-petite-enfance|permanence-juridique|banque-alimentaire|vestiaire|pension-de-famille|centre-medico-social", ts)
	list("Association|Centre social|Épicerie solidaire|Maison des familles|Point d’accueil|Foyer|Club de prévention|Atelier|Mission locale|Espace emploi|Relais petite enfance|Permanence juridique|Banque alimentaire|Vestiaire|Pension de famille|Centre médico-social", tn)
	nq = list("des Tilleuls|du Pont-Colbert|de l’Étang|des Châtaigniers|Saint-Éloi|du Moulin|des Prés-Fleuris|de la Roseraie|Jean-Moulin|des Écoles|du Parc Béranger|Marie-Curie|des Acacias|de la Gare|Hélène-Boucher|des Vergers|du Château-d’Eau|de la Fontaine|Émile-Zola|des Genêts|des Sablons|du Clos-Saint-Louis|Pierre-Brossolette|des Glycines|de la Hêtraie", q)
	nv = list("Versailles|Le Chesnay-Rocquencourt|Viroflay|Buc|Jouy-en-Josas|Vélizy-Villacoublay|Guyancourt|Saint-Cyr-l’École|Fontenay-le-Fleury|Bois-d’Arcy|Montigny-le-Bretonneux|Élancourt|Trappes|Plaisir|Les Clayes-sous-Bois|Noisy-le-Roi|Bailly|Rocquencourt|Marly-le-Roi|Louveciennes", v)
	list("78000|78150|78220|78530|78350|78140|78280|78210|78330|78390|78180|78990|78190|78370|78340|78590|78870|78150|78160|78430", cp)
	nr = list("rue|avenue|boulevard|place|allée|impasse|chemin|square", r)
	nw = list("de la République|Victor-Hugo|des Lilas|du Général-de-Gaulle|Jean-Jaurès|de Paris|des Écoles|Pasteur|de la Paix|Anatole-France|des Rossignols|du Maréchal-Foch|Georges-Clemenceau|de l’Église|des Peupliers|Louise-Michel|Gambetta|des Marronniers|de Saint-Cyr|Rouget-de-Lisle|Albert-Camus|de la Mairie|des Moines|Honoré-de-Balzac|des Étangs-Gobert|Mademoiselle|de Noailles|Édouard-Charton|Richard-Mique|de Satory", w)
	ncat = list("institutionnels|associatifs-cultuels|bailleurs-sociaux|sante-social|services-publics", cat)
	nth = list("logement|alimentation|sante|emploi-insertion|francais-langues|famille-parentalite|enfance-jeunesse|acces-aux-droits|budget|vetements-equipement|culture-loisirs|lien-social|handicap|seniors", th)
	list("un toit|manger à sa faim|se soigner|trouver un emploi|parler français|être parent|grandir|faire valoir ses droits|tenir son budget|s’habiller et s’équiper|sortir et se cultiver|rompre l’isolement|vivre avec un handicap|bien vieillir", thw)
	nmo = list("sans rendez-vous|sur rendez-vous|sur orientation|par téléphone|en ligne|à domicile", mo)
	list("gratuit|participation|payant|gratuit|gratuit", co)
	nl = list("en|ar|es|pt|ro|ru|tr|wo|zh|uk|lsf|ta|bm|it|de", la)
	np = list("Camille|Dominique|Claude|Sacha|Alix|Maxime|Andréa|Noé|Hélène|Jérôme|Éloïse|Loïc|Gaëlle|Agnès|Benoît|Inès|Théo|Zoé|Rémi|Céline", pr)
	nf = list("Lefèvre|Bérard|Mercier|Fontaine|Guérin|Chevalier|Rousseau|Dupré|Lemaître|Faure|Gaillard|Barthélémy|Perrin|Noël|Marchand|Lacroix|Girard|Besançon|Hébert|Boucher", fa)
	nfn = list("Coordinatrice de l’accueil|Travailleur social|Conseillère en économie sociale et familiale|Responsable des bénévoles|Directeur|Chargée d’insertion|Éducateur spécialisé|Médiatrice numérique", fn)
	days = "lundi mardi mercredi jeudi vendredi samedi"
	nd = split(days, d)
	nh = list("\"09:00-12:00\"|[\"09:00-12:00\", \"14:00-17:30\"]|\"13:30-17:00\"|[\"08:30-12:30\", \"13:30-16:30\"]|\"14:00-18:00\"|[\"09:30-12:00\", \"18:00-20:00\"]", hr)

	for (i = 0; i < n; i++) {
		s = slug(i)
		f = dir "/" s ".md"
		t = i % nt
		rest = int(i / nt)
		a = rest % nq; rest = int(rest / nq)
		b = rest % nv; rest = int(rest / nv)
		nom = tn[t] " " q[a] " de " v[b] (rest ? " (antenne " rest + 1 ")" : "")
		ville = v[b]
		c = i % ncat
		# Two to four thematiques, all different; page i starts at i.
		k = 2 + i % 3
		them = th[i % nth]
		for (j = 1; j < k; j++)
			them = them ", " th[(i + j * 5) % nth]
		print "---" > f
		printf "nom: \"%s\"\n", nom > f
		if (i % 3 == 0)
			printf "sigle: \"%s%d\"\n", toupper(substr(ts[t], 1, 3)), i > f
		printf "categorie: %s\n", cat[c] > f
		printf "thematiques: [%s]\n", them > f
		printf "resume: \"%s %s : accueil, écoute et orientation pour %s, près de chez vous à %s.\"\n", \
		    tn[t], q[a], thw[i % nth], ville > f
		print "missions:" > f
		printf "  - \"Accueillir toute personne qui a besoin d’aide pour %s, sans condition de ressources.\"\n", thw[i % nth] > f
		printf "  - \"Informer sur les droits et les démarches, et orienter vers le bon interlocuteur.\"\n" > f
		printf "  - \"Accompagner dans la durée les familles de %s et des communes voisines.\"\n", ville > f
		if (i % 4 != 3) {
			print "actions:" > f
			printf "  - \"Permanence d’accueil %s\"\n", (i % 2 ? "le mardi matin" : "le jeudi après-midi") > f
			printf "  - titre: \"Atelier collectif n° %d\"\n", i % 40 + 1 > f
			printf "    description: \"Un temps d’échange en petit groupe, animé par des bénévoles formés ; inscription à l’accueil.\"\n" > f
			printf "  - \"Aide aux démarches en ligne (CAF, impôts, ANTS)\"\n" > f
		}
		printf "public: \"%s\"\n", (i % 2 ? "Tous les habitants, en particulier les familles et les personnes âgées isolées." : "Adultes et jeunes de plus de 16 ans, quelle que soit leur situation.") > f
		print "acces:" > f
		printf "  modalites: [%s, %s]\n", mo[i % nmo], mo[(i % nmo + 1 + int(i / nmo) % (nmo - 1)) % nmo] > f
		printf "  cout: %s\n", co[i % 5] > f
		printf "  precisions: \"Se présenter avec une pièce d’identité ; un interprète peut être présent sur demande.\"\n" > f
		printf "langues: [fr, %s, %s]\n", la[i % nl], la[(i + 7) % nl] > f
		if (i % 3 == 0)
			print "accessibilite: oui" > f
		else {
			print "accessibilite:" > f
			printf "  niveau: %s\n", (i % 3 == 1 ? "partiel" : "non") > f
			printf "  precisions: \"%s\"\n", (i % 3 == 1 ? "Rez-de-chaussée accessible ; salle d’activités à l’étage, sans ascenseur." : "Bâtiment ancien, trois marches à l’entrée ; rendez-vous possible dans un lieu accessible.") > f
		}
		print "adresse:" > f
		printf "  rue: \"%d %s %s\"\n", i % 97 + 1, r[int(i / 97) % nr], w[int(i / (97 * nr)) % nw] > f
		if (i % 2)
			printf "  complement: \"Bâtiment %c, %s étage\"\n", 65 + i % 6, (i % 4 == 1 ? "rez-de-chaussée," : "1er") > f
		printf "  code_postal: \"%s\"\n", cp[b] > f
		printf "  ville: \"%s\"\n", ville > f
		printf "transports: \"Bus %d, arrêt « %s » ; gare de %s à %d minutes à pied.\"\n", i % 40 + 1, substr(q[a], index(q[a], " ") + 1), ville, i % 15 + 3 > f
		print "horaires:" > f
		for (j = 0; j < 5; j++)
			if ((i + j) % 4 != 0)
				printf "  %s: %s\n", d[j + 1], hr[(i + j) % nh] > f
		if (i % 5 == 0)
			printf "  samedi: \"09:00-12:00\"\n" > f
		if (i % 2)
			printf "  precisions: \"Fermé en août et pendant les vacances de Noël\"\n" > f
		printf "telephone: \"01 99 %s %s %s\"\n", two(int(i / 10000) % 100), two(int(i / 100) % 100), two(i % 100) > f
		printf "courriel: \"contact-%s@example.org\"\n", s > f
		if (i % 2 == 0)
			printf "site: \"https://www.example.org/%s/\"\n", s > f
		if (i % 5 == 1) {
			print "contacts:" > f
			printf "  - nom: \"%s %s\"\n", pr[i % np], fa[int(i / np) % nf] > f
			printf "    fonction: \"%s\"\n", fn[i % nfn] > f
			printf "    telephone: \"01 98 %s %s %s\"\n", two(int(i / 10000) % 100), two(int(i / 100) % 100), two(i % 100) > f
			printf "  - nom: \"%s %s\"\n", pr[(i + 3) % np], fa[(int(i / np) + 7) % nf] > f
			printf "    courriel: \"referent-%s@example.org\"\n", s > f
		}
		if (i % 10 == 4)
			printf "logo: logos/%s\n", (i % 20 == 4 ? "asfir.png" : "gaf-petit-bois.png") > f
		if (i % 3 == 1 && n > 20)
			printf "liens: [%s, %s]\n", slug((i + 7) % n), slug((i + 13) % n) > f
		printf "mise_a_jour: 2018-%s-%s\n", two(i % 2 + 1), two(i % 28 + 1) > f
		if (i % 7 == 0)
			print "suivi: relancer" > f
		else if (i % 7 == 1)
			print "suivi: ok" > f
		if (i % 11 == 0)
			print "note_suivi: \"Rappeler après la réunion de rentrée ; vérifier les horaires d’été.\"" > f
		print "---" > f
		printf "Bienvenue ! %s %s accueille les habitants de %s et des environs. Notre équipe de\n", tn[t], q[a], ville > f
		printf "salariés et de **bénévoles** écoute, informe et accompagne chacun pour %s.\n", thw[i % nth] > f
		print "" > f
		print "## Ce que nous proposons" > f
		print "" > f
		print "- un accueil *sans jugement*, en toute confidentialité ;" > f
		print "- une aide pour remplir les dossiers et comprendre les courriers ;" > f
		print "- des ateliers collectifs : cuisine, numérique, français, santé ;" > f
		print "- une orientation vers les services spécialisés du territoire." > f
		print "" > f
		print "## Comment venir ?" > f
		print "" > f
		printf "Présentez-vous aux horaires d’ouverture ou appelez-nous. Les rendez-vous\n" > f
		printf "sont possibles le soir pour les personnes qui travaillent. Retrouvez le\n" > f
		printf "programme des ateliers sur [notre page](https://www.example.org/%s/ateliers)\n", s > f
		print "et les actualités du réseau dans la **lettre du quartier**." > f
		print "" > f
		print "1. Premier entretien : faire le point sur la situation." > f
		print "2. Construction d’un projet avec un référent ou une référente." > f
		print "3. Suivi régulier, aussi longtemps que nécessaire." > f
		print "" > f
		print "> « On m’a écoutée, puis on m’a aidée à retrouver un logement. »" > f
		print "" > f
		printf "_Dernière mise à jour de la présentation : hiver 2018._\n" > f
		close(f)
	}
}'
