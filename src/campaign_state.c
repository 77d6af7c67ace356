/*
 * campaign_state.c — content/campagne.yaml; see campaign_state.h.
 */
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "campaign_state.h"
#include "diag.h"
#include "load_yaml.h"
#include "page_write.h"
#include "util.h"
#include "validate.h"

#define	CAMPAIGN_FILE		"campagne.yaml"
#define	CAMPAIGN_MAX_SIZE	((size_t)256 << 20)	/* ~1.5 M partners */

int
campaign_date_set(const struct date *d)
{
	return d->y > 0;
}

int
campaign_date_cmp(const struct date *a, const struct date *b)
{
	if (a->y != b->y)
		return a->y < b->y ? -1 : 1;
	if (a->m != b->m)
		return a->m < b->m ? -1 : 1;
	if (a->d != b->d)
		return a->d < b->d ? -1 : 1;
	return 0;
}

void
campaign_state_free(struct campaign *c)
{
	size_t	 i;

	for (i = 0; i < c->n; i++) {
		free(c->v[i].slug);
		free(c->v[i].adresses);
		free(c->v[i].empreinte);
		free(c->v[i].inutilisable);
	}
	free(c->v);
	memset(c, 0, sizeof(*c));
}

/* Where slug is in c->v (sorted by slug), or where it would go. */
static size_t
S_entry_find(const struct campaign *c, const char *slug, int *found)
{
	size_t	 lo = 0, hi = c->n, mid;
	int	 k;

	*found = 0;
	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if ((k = strcmp(c->v[mid].slug, slug)) < 0)
			lo = mid + 1;
		else {
			if (k == 0)
				*found = 1;
			hi = mid;
		}
	}
	return lo;
}

struct camp_partner *
campaign_state_get(struct campaign *c, const char *slug, int create)
{
	size_t	 i;
	int	 found;

	i = S_entry_find(c, slug, &found);
	if (found)
		return &c->v[i];
	if (!create)
		return NULL;
	c->v = xreallocarray(c->v, c->n + 1, sizeof(*c->v));
	memmove(&c->v[i + 1], &c->v[i], (c->n - i) * sizeof(*c->v));
	memset(&c->v[i], 0, sizeof(*c->v));
	c->v[i].slug = xstrdup(slug);
	c->n++;
	return &c->v[i];
}

static int
S_cmp_slug(const void *a, const void *b)
{
	return strcmp(((const struct camp_partner *)a)->slug,
	    ((const struct camp_partner *)b)->slug);
}

void
campaign_state_add(struct campaign *c, const char *const *slugs, size_t n)
{
	size_t	 i, old = c->n;
	int	 found;

	if (n == 0)
		return;
	c->v = xreallocarray(c->v, c->n + n, sizeof(*c->v));
	for (i = 0; i < n; i++) {
		/* Only the old entries are sorted: the new ones are
		 * looked for among them, and slugs are not repeated. */
		struct campaign	 o = { .v = c->v, .n = old };

		S_entry_find(&o, slugs[i], &found);
		if (found)
			continue;
		memset(&c->v[c->n], 0, sizeof(*c->v));
		c->v[c->n++].slug = xstrdup(slugs[i]);
	}
	if (c->n > old)
		qsort(c->v, c->n, sizeof(*c->v), S_cmp_slug);
}

char *
campaign_fingerprint(const char *path)
{
	char		*data;
	size_t		 len, i;
	unsigned long long h = 0xcbf29ce484222325ULL;

	if (!file_read(path, (size_t)16 << 20, &data, &len))
		return NULL;
	for (i = 0; i < len; i++) {
		h ^= (unsigned char)data[i];
		h *= 0x100000001b3ULL;
	}
	free(data);
	return xasprintf("fnv1a64:%016llx", h);
}

char *
campaign_sent_path(const char *content_dir, const char *slug)
{
	return xasprintf("%s/%s/%s.md", content_dir, CAMPAIGN_SENT_DIR, slug);
}

int
campaign_keep_sent(const char *content_dir, const char *slug,
    const char *page, struct diags *d)
{
	char	*dir = path_join(content_dir, CAMPAIGN_SENT_DIR), *to, *data;
	size_t	 len;
	int	 ok = 0;

	to = campaign_sent_path(content_dir, slug);
	if (!file_read(page, (size_t)16 << 20, &data, &len))
		diag_error(d, page, 0, 0, "cannot read: %s", strerror(errno));
	else {
		if (!mkdir_p(dir))
			diag_error(d, dir, 0, 0, "cannot create: %s",
			    strerror(errno));
		else if (!(ok = file_write_replace(to, data, len)))
			diag_error(d, to, 0, 0, "cannot write: %s",
			    strerror(errno));
		free(data);
	}
	free(to);
	free(dir);
	return ok;
}

/* A date value; 0 with a diagnostic when malformed. */
static int
S_date_value(const struct ynode *n, const char *file, const char *key,
    struct date *out, struct diags *d)
{
	char	*why = NULL;

	if (n == NULL || load_yaml_is_null(n))
		return 1;
	if (n->type != YNODE_SCALAR || !validate_date(n->s, out, &why)) {
		diag_error(d, file, n->pos.line, n->pos.col, "%s: %s", key,
		    why ? why : "expected a date AAAA-MM-JJ");
		free(why);
		return 0;
	}
	return 1;
}

static char *
S_str_value(const struct ynode *n)
{
	if (n == NULL || n->type != YNODE_SCALAR || load_yaml_is_null(n))
		return NULL;
	return xstrdup(n->s);
}

int
campaign_state_read(const char *content_dir, struct campaign *c,
    struct diags *d)
{
	char		*path = path_join(content_dir, CAMPAIGN_FILE), *text;
	size_t		 len, i;
	struct ynode	*root = NULL;
	const struct ynode *n, *ps;
	int		 ok = 0;

	memset(c, 0, sizeof(*c));
	if (!file_read(path, CAMPAIGN_MAX_SIZE, &text, &len)) {
		if (errno == ENOENT)
			ok = 1;
		else
			diag_error(d, path, 0, 0, "cannot read: %s",
			    strerror(errno));
		free(path);
		return ok;
	}
	/* One entry per partner: no limit but the file's size. */
	if (!load_yaml_parse_limits(text, len, 0, path, d, &root, SIZE_MAX,
	    SIZE_MAX))
		goto out;
	if (root == NULL) {
		ok = 1;
		goto out;
	}
	if (root->type != YNODE_MAP) {
		diag_error(d, path, root->pos.line, root->pos.col, "expected "
		    "\"key: value\" lines: this file is written by annuaire "
		    "campaign");
		goto out;
	}
	if ((n = load_yaml_get(root, "edition")) != NULL &&
	    !load_yaml_is_null(n)) {
		char *end;
		long y;

		errno = 0;
		y = n->type == YNODE_SCALAR ? strtol(n->s, &end, 10) : 0;
		if (n->type != YNODE_SCALAR || end == n->s || *end != '\0' ||
		    errno || y < 1900 || y > 2999) {
			diag_error(d, path, n->pos.line, n->pos.col, "edition: "
			    "expected a year such as 2019 (the edition the "
			    "campaign prepares)");
			goto out;
		}
		c->edition = (int)y;
	}
	if (!S_date_value(load_yaml_get(root, "preparee"), path, "preparee",
	    &c->preparee, d) ||
	    !S_date_value(load_yaml_get(root, "echeance"), path, "echeance",
	    &c->echeance, d))
		goto out;
	ps = load_yaml_get(root, "partenaires");
	if (ps != NULL && !load_yaml_is_null(ps) && ps->type != YNODE_MAP) {
		diag_error(d, path, ps->pos.line, ps->pos.col, "partenaires: "
		    "expected one group per partner");
		goto out;
	}
	for (i = 0; ps != NULL && ps->type == YNODE_MAP && i < ps->n; i++) {
		const struct ynode *v = ps->v[i];
		struct camp_partner *cp;

		if (v->type != YNODE_MAP) {
			diag_error(d, path, v->pos.line, v->pos.col,
			    "partenaires.%s: expected a group of fields",
			    ps->k[i]->s);
			goto out;
		}
		cp = campaign_state_get(c, ps->k[i]->s, 1);
		if (!S_date_value(load_yaml_get(v, "demande"), path, "demande",
		    &cp->demande, d) ||
		    !S_date_value(load_yaml_get(v, "relance"), path, "relance",
		    &cp->relance, d) ||
		    !S_date_value(load_yaml_get(v, "reponse"), path, "reponse",
		    &cp->reponse, d))
			goto out;
		cp->adresses = S_str_value(load_yaml_get(v, "adresses"));
		cp->empreinte = S_str_value(load_yaml_get(v, "empreinte"));
		if (!S_date_value(load_yaml_get(v, "recu_inutilisable"), path,
		    "recu_inutilisable", &cp->recu, d))
			goto out;
		cp->inutilisable = S_str_value(load_yaml_get(v,
		    "inutilisable"));
	}
	ok = 1;
out:
	if (!ok)
		campaign_state_free(c);
	load_yaml_free(root);
	free(text);
	free(path);
	return ok;
}

static void
S_put_date(struct buf *b, const char *indent, const char *key,
    const struct date *d)
{
	char	 iso[11];

	if (!campaign_date_set(d))
		return;
	date_iso(d, iso);
	buf_printf(b, "%s%s: %s\n", indent, key, iso);
}

int
campaign_state_write(const char *content_dir, const struct campaign *c,
    struct diags *d)
{
	char		*path = path_join(content_dir, CAMPAIGN_FILE);
	struct buf	 b;
	size_t		 i;
	int		 ok;

	buf_init(&b);
	buf_puts(&b, "# État de la campagne de mise à jour des fiches.\n"
	    "# Écrit par « annuaire campaign » et « annuaire import "
	    "--apply » ; lu par\n# « annuaire report ». Voir annuaire(5).\n");
	buf_printf(&b, "edition: %d\n", c->edition);
	S_put_date(&b, "", "preparee", &c->preparee);
	S_put_date(&b, "", "echeance", &c->echeance);
	buf_puts(&b, c->n ? "partenaires:\n" : "partenaires: {}\n");
	for (i = 0; i < c->n; i++) {
		const struct camp_partner *cp = &c->v[i];

		buf_printf(&b, "  %s:\n", cp->slug);
		S_put_date(&b, "    ", "demande", &cp->demande);
		S_put_date(&b, "    ", "relance", &cp->relance);
		S_put_date(&b, "    ", "reponse", &cp->reponse);
		if (cp->adresses != NULL) {
			buf_puts(&b, "    adresses: ");
			page_write_quoted(&b, cp->adresses);
			buf_putc(&b, '\n');
		}
		if (cp->empreinte != NULL)
			buf_printf(&b, "    empreinte: \"%s\"\n", cp->empreinte);
		S_put_date(&b, "    ", "recu_inutilisable", &cp->recu);
		if (cp->inutilisable != NULL) {
			buf_puts(&b, "    inutilisable: ");
			page_write_quoted(&b, cp->inutilisable);
			buf_putc(&b, '\n');
		}
		if (!campaign_date_set(&cp->demande) &&
		    !campaign_date_set(&cp->recu) &&
		    !campaign_date_set(&cp->relance) &&
		    !campaign_date_set(&cp->reponse) &&
		    cp->adresses == NULL && cp->empreinte == NULL)
			buf_puts(&b, "    {}\n");
	}
	if (!(ok = file_write_atomic(path, b.data, b.len)))
		diag_error(d, path, 0, 0, "cannot write: %s", strerror(errno));
	buf_free(&b);
	free(path);
	return ok;
}
