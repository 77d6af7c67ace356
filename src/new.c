/*
 * new.c — `annuaire new "Nom"`: a new partner page from a template.
 * See new.h.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "diag.h"
#include "load.h"
#include "model.h"
#include "new.h"
#include "util.h"
#include "validate.h"

/* Appends s as a YAML double-quoted scalar. */
static void
S_quoted(struct buf *b, const char *s)
{
	buf_putc(b, '"');
	for (; *s != '\0'; s++) {
		if (*s == '"' || *s == '\\')
			buf_putc(b, '\\');
		if ((unsigned char)*s < 0x20)
			buf_putc(b, ' ');
		else
			buf_putc(b, *s);
	}
	buf_putc(b, '"');
}

/* "# Catégories : a, b, c" lines from site.yaml, when it loads. */
static void
S_vocabulary(struct buf *b, const char *content_dir)
{
	struct diags	 d;
	struct site	*s;
	size_t		 i;

	diags_init(&d);
	s = load_content(content_dir, &d);
	diags_free(&d);
	if (s == NULL)
		return;
	if (s->ncategories > 0) {
		buf_puts(b, "#   catégories possibles :");
		for (i = 0; i < s->ncategories; i++)
			buf_printf(b, "%s %s", i ? "," : "",
			    s->categories[i].key);
		buf_putc(b, '\n');
	}
	if (s->nthematiques > 0) {
		buf_puts(b, "#   thématiques possibles :");
		for (i = 0; i < s->nthematiques; i++)
			buf_printf(b, "%s%s %s", i ? "," : "",
			    i && i % 5 == 0 ? "\n#    " : "",
			    s->thematiques[i].key);
		buf_putc(b, '\n');
	}
	model_free(s);
}

static void
S_page_template(struct buf *b, const char *content_dir, const char *nom)
{
	buf_puts(b,
	    "---\n"
	    "# Fiche partenaire. Remplissez les champs, puis lancez\n"
	    "# « annuaire check » : il dit ce qui manque encore.\n"
	    "# Textes entre guillemets droits \"…\" ; deux espaces pour\n"
	    "# décaler, jamais de tabulation. Un champ facultatif vide est\n"
	    "# ignoré : laissez-le ou supprimez la ligne.\n"
	    "\n"
	    "# Nom complet de la structure (obligatoire).\n"
	    "nom: ");
	S_quoted(b, nom);
	buf_puts(b,
	    "\n"
	    "# Sigle ou nom court, par exemple \"Caf\".\n"
	    "sigle: \"\"\n"
	    "# Catégorie (obligatoire) : une clé de site.yaml.\n");
	S_vocabulary(b, content_dir);
	buf_puts(b,
	    "categorie: \"\"\n"
	    "# Thématiques (au moins une) : des clés de site.yaml,\n"
	    "# par exemple [logement, acces-aux-droits].\n"
	    "thematiques: []\n"
	    "# Une phrase de 160 caractères au plus (obligatoire).\n"
	    "resume: \"\"\n"
	    "# Missions (au moins une), une par ligne commençant par « - ».\n"
	    "missions:\n"
	    "  - \"\"\n"
	    "# Actions proposées : un texte, ou un titre et une description.\n"
	    "actions: []\n"
	    "# Public accueilli, par exemple \"Familles, jeunes de 16 à 25 "
	    "ans\".\n"
	    "public: \"\"\n"
	    "# Accès. modalites parmi : sans rendez-vous, sur rendez-vous,\n"
	    "# sur orientation, par téléphone, en ligne, à domicile.\n"
	    "# cout : gratuit, participation ou payant.\n"
	    "acces:\n"
	    "  modalites: []\n"
	    "  cout: \"\"\n"
	    "  precisions: \"\"\n"
	    "# Langues parlées : codes à deux lettres (fr, en, ar…) ou lsf.\n"
	    "langues: [fr]\n"
	    "# Accessibilité aux personnes à mobilité réduite :\n"
	    "# oui, non ou partiel, et des précisions.\n"
	    "accessibilite:\n"
	    "  niveau: \"\"\n"
	    "  precisions: \"\"\n"
	    "# Adresse (obligatoire ; code postal à 5 chiffres, entre "
	    "guillemets).\n"
	    "adresse:\n"
	    "  rue: \"\"\n"
	    "  complement: \"\"\n"
	    "  code_postal: \"\"\n"
	    "  ville: \"\"\n"
	    "# Bus, train, arrêt le plus proche.\n"
	    "transports: \"\"\n"
	    "# Horaires : une plage \"09:00-12:00\" ou une liste de plages\n"
	    "# par jour, dans l'ordre ; supprimez les jours de fermeture.\n"
	    "horaires:\n"
	    "  lundi: []\n"
	    "  mardi: []\n"
	    "  mercredi: []\n"
	    "  jeudi: []\n"
	    "  vendredi: []\n"
	    "  samedi: []\n"
	    "  dimanche: []\n"
	    "  precisions: \"\"\n"
	    "# Téléphone et/ou courriel (au moins l'un des deux).\n"
	    "telephone: \"\"\n"
	    "courriel: \"\"\n"
	    "# Site internet, commençant par https://\n"
	    "site: \"\"\n"
	    "# Personnes à contacter : jamais publiées sur le site,\n"
	    "# seulement dans l'édition réservée aux partenaires.\n"
	    "contacts:\n"
	    "  - nom: \"\"\n"
	    "    fonction: \"\"\n"
	    "    telephone: \"\"\n"
	    "    courriel: \"\"\n"
	    "# Logo : chemin dans le dossier content, PNG ou JPEG, 1 Mio au "
	    "plus,\n"
	    "# par exemple logos/caf.png\n"
	    "logo: \"\"\n"
	    "# Partenaires avec qui la structure travaille : noms de leurs "
	    "fichiers\n"
	    "# sans .md, par exemple [tad, caf-yvelines].\n"
	    "liens: []\n"
	    "# Date de la dernière relecture par le partenaire (obligatoire),\n"
	    "# écrite année-mois-jour : 2018-03-15.\n"
	    "mise_a_jour: \"\"\n"
	    "# Suivi par la coordination, jamais publié : ok, relancer ou\n"
	    "# en_attente, et une note.\n"
	    "suivi: en_attente\n"
	    "note_suivi: \"\"\n"
	    "---\n"
	    "Présentation de la structure, en quelques paragraphes : ce "
	    "qu'elle fait,\n"
	    "pour qui, comment s'y rendre. Mise en forme possible : "
	    "**gras**, *italique*,\n"
	    "listes commençant par « - », liens [texte](https://...).\n");
}

int
new_partner(const char *content_dir, const char *nom, char **path_out,
    struct diags *d)
{
	char		*slug = NULL, *dir = NULL, *file = NULL, *path = NULL,
			*t = NULL;
	struct buf	 b;
	int		 fd = -1, ok = 0, saved = 0;
	size_t		 off;
	ssize_t		 w;

	buf_init(&b);
	if (path_out)
		*path_out = NULL;
	t = str_trim(nom);
	slug = validate_slugify(t);
	if (*slug == '\0') {
		saved = EINVAL;
		diag_error(d, NULL, 0, 0, "cannot make a file name from \"%s\": "
		    "the name needs letters or digits", nom);
		goto out;
	}
	dir = path_join(content_dir, "partenaires");
	if (!mkdir_p(dir)) {
		saved = errno;
		diag_error(d, dir, 0, 0, "cannot create the folder: %s",
		    strerror(errno));
		goto out;
	}
	file = xasprintf("%s.md", slug);
	path = path_join(dir, file);
	if ((fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC,
	    0666)) == -1) {
		if ((saved = errno) == EEXIST)
			diag_error(d, path, 0, 0, "this page already exists: "
			    "edit it, or choose another name");
		else
			diag_error(d, path, 0, 0, "cannot create the page: %s",
			    strerror(errno));
		goto out;
	}
	S_page_template(&b, content_dir, t);
	for (off = 0; off < b.len; off += (size_t)w) {
		if ((w = write(fd, b.data + off, b.len - off)) == -1) {
			if (errno == EINTR) {
				w = 0;
				continue;
			}
			saved = errno;
			diag_error(d, path, 0, 0, "cannot write the page: %s",
			    strerror(saved));
			close(fd);
			fd = -1;
			unlink(path);
			goto out;
		}
	}
	if (close(fd) == -1) {
		fd = -1;
		saved = errno;
		diag_error(d, path, 0, 0, "cannot write the page: %s",
		    strerror(saved));
		unlink(path);
		goto out;
	}
	fd = -1;
	ok = 1;
	if (path_out) {
		*path_out = path;
		path = NULL;
	}
out:
	if (fd != -1)
		close(fd);
	buf_free(&b);
	free(t);
	free(slug);
	free(dir);
	free(file);
	free(path);
	if (!ok)
		errno = saved;
	return ok;
}
