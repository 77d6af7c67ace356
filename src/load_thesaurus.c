/*
 * load_thesaurus.c — content/synonymes.yaml -> site->synonymes
 * (see load_thesaurus.h), through the project's YAML reader.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "diag.h"
#include "load_thesaurus.h"
#include "load_yaml.h"
#include "model.h"
#include "stem.h"
#include "util.h"

#define	THES_MAXFILE	(1024 * 1024)	/* bytes of synonymes.yaml */

struct S_words {
	size_t	 n;
};

static void
S_count(void *arg, const char *w, size_t len)
{
	(void)w;
	(void)len;
	((struct S_words *)arg)->n++;
}

/* Adds group g to the site when it has no error; returns 0 if it has. */
static int
S_add_group(struct site *s, const struct ynode *g, const char *file,
    struct diags *d)
{
	struct synonyms	 syn = { NULL, 0 };
	char		**folded = NULL;
	size_t		 i, j;
	int		 ok = 1;

	if (g->type != YNODE_SEQ) {
		diag_error(d, file, g->pos.line, g->pos.col, "a group of "
		    "synonyms is a list in brackets, such as \"[habits, "
		    "vêtements, vestiaire]\", not a %s", load_yaml_kind(g));
		return 0;
	}
	if (g->n < 2) {
		diag_error(d, file, g->pos.line, g->pos.col, "a group of "
		    "synonyms needs two expressions or more (it has %zu)",
		    g->n);
		return 0;
	}
	syn.v = xcalloc(g->n, sizeof(*syn.v));
	folded = xcalloc(g->n, sizeof(*folded));
	for (i = 0; i < g->n; i++) {
		const struct ynode *e = g->v[i];
		struct S_words	 w = { 0 };
		char		*t;

		if (e->type != YNODE_SCALAR) {
			diag_error(d, file, e->pos.line, e->pos.col, "an "
			    "expression is a text, not a %s",
			    load_yaml_kind(e));
			ok = 0;
			continue;
		}
		t = str_trim(e->s);
		if (load_yaml_is_null(e) || *t == '\0') {
			diag_error(d, file, e->pos.line, e->pos.col,
			    "empty expression: write a word, or remove the "
			    "extra comma");
			ok = 0;
		} else if (strlen(t) > LOAD_THESAURUS_MAXEXPR) {
			diag_error(d, file, e->pos.line, e->pos.col,
			    "expression of %zu bytes: a search expression "
			    "has %d at most", strlen(t),
			    LOAD_THESAURUS_MAXEXPR);
			ok = 0;
		} else {
			stem_words(t, S_count, &w);
			if (w.n == 0) {
				diag_error(d, file, e->pos.line, e->pos.col,
				    "\"%s\" has no word to search for", t);
				ok = 0;
			}
		}
		if (!ok) {
			free(t);
			continue;
		}
		folded[i] = str_fold(t);
		for (j = 0; j < i; j++)
			if (folded[j] != NULL &&
			    strcmp(folded[j], folded[i]) == 0) {
				diag_warn(d, file, e->pos.line, e->pos.col,
				    "\"%s\" is already in this group", t);
				break;
			}
		if (j < i) {
			free(t);
			continue;
		}
		syn.v[syn.n++] = t;
	}
	for (i = 0; i < g->n; i++)
		free(folded[i]);
	free(folded);
	if (!ok || syn.n < 2) {
		for (i = 0; i < syn.n; i++)
			free(syn.v[i]);
		free(syn.v);
		return ok;
	}
	s->synonymes = xreallocarray(s->synonymes, s->nsynonymes + 1,
	    sizeof(*s->synonymes));
	s->synonymes[s->nsynonymes++] = syn;
	return 1;
}

int
load_thesaurus(struct site *s, struct diags *d)
{
	struct ynode	*root = NULL, *list;
	struct stat	 st;
	char		*path, *text = NULL;
	size_t		 len, i, before = d->errors;

	path = path_join(s->content_dir, "synonymes.yaml");
	if (stat(path, &st) == -1 && errno == ENOENT) {
		free(path);
		return 1;	/* no thesaurus: the search goes without */
	}
	if (!file_read(path, THES_MAXFILE, &text, &len)) {
		if (errno == EFBIG)
			diag_error(d, path, 0, 0, "the file is larger than "
			    "%d MiB: is it really the thesaurus?",
			    THES_MAXFILE / (1024 * 1024));
		else
			diag_error(d, path, 0, 0, "cannot read the file: %s",
			    strerror(errno));
		goto out;
	}
	if (!load_yaml_parse(text, len, 0, path, d, &root))
		goto out;
	if (root == NULL) {
		diag_error(d, path, 1, 1, "empty file: write the groups "
		    "under \"synonymes:\", or remove the file");
		goto out;
	}
	if (root->type != YNODE_MAP) {
		diag_error(d, path, root->pos.line, root->pos.col, "the file "
		    "must start with \"synonymes:\", not a %s",
		    load_yaml_kind(root));
		goto out;
	}
	for (i = 0; i < root->n; i++)
		if (strcmp(root->k[i]->s, "synonymes") != 0)
			diag_error(d, path, root->k[i]->pos.line,
			    root->k[i]->pos.col, "unknown key \"%s\": this "
			    "file has one key, \"synonymes\"", root->k[i]->s);
	if ((list = load_yaml_get(root, "synonymes")) == NULL) {
		diag_error(d, path, root->pos.line, root->pos.col,
		    "no \"synonymes:\" list in the file");
		goto out;
	}
	if (list->type != YNODE_SEQ) {
		if (list->type == YNODE_SCALAR && load_yaml_is_null(list))
			goto out;	/* "synonymes:" alone: none */
		diag_error(d, path, list->pos.line, list->pos.col,
		    "\"synonymes\" is a list of groups (\"- [habits, "
		    "vêtements]\" lines), not a %s", load_yaml_kind(list));
		goto out;
	}
	for (i = 0; i < list->n; i++)
		S_add_group(s, list->v[i], path, d);
out:
	load_yaml_free(root);
	free(text);
	free(path);
	return d->errors == before;
}
