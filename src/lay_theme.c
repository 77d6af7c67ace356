/*
 * lay_theme.c — the booklet settings of a theme (the `booklet:' map of
 * theme.yaml), read with load_yaml like every YAML file of the program.
 * Every key is optional and falls back to the defaults below; a value
 * of the wrong shape is an error naming theme.yaml:line:col.  Other
 * top-level keys belong to other outputs and are ignored.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "i18n.h"
#include "load_yaml.h"
#include "lay.h"
#include "validate.h"

/* A theme file is a few hundred bytes; refuse anything absurd. */
#define	THEME_MAX	(256u * 1024)

#define	A5_W	419.53
#define	A5_H	595.28
#define	A4_W	595.28
#define	A4_H	841.89

static const char *const S_face_keys[4] = {
	"regular", "bold", "italic", "bold_italic"
};

static void
S_defaults(struct theme *t)
{
	size_t	 i;

	memset(t, 0, sizeof(*t));
	t->page_w = A5_W;
	t->page_h = A5_H;
	for (i = 0; i < 4; i++)
		t->font[i] = xstrdup("Open Sans");
	t->icon_font = xstrdup(
	    "/usr/share/fonts/truetype/fork-awesome/forkawesome-webfont.ttf");
	t->justify = 1;
	t->hyphenate = 1;
	t->hyph_dict = xstrdup("/usr/share/hyphen/hyph_fr.dic");
	t->body_size = 9.5;
	t->body_leading = 12.5;
	t->lead_rgb = 0x1f5fa8;
}

void
theme_free(struct theme *t)
{
	size_t	 i;

	for (i = 0; i < 4; i++)
		free(t->font[i]);
	free(t->icon_font);
	free(t->hyph_dict);
	free(t->path);
	memset(t, 0, sizeof(*t));
}

/* State of one read: where to report, and whether all went well. */
struct trd {
	const char	*file;
	struct diags	*diags;
	int		 ok;
};

static void
S_bad(struct trd *r, const struct ynode *n, const char *key, const char *what)
{
	diag_error(r->diags, r->file, n->pos.line, n->pos.col, "booklet.%s: %s",
	    key, what);
	r->ok = 0;
}

static const char *
S_theme_scalar(struct trd *r, const struct ynode *n, const char *key)
{
	const char	*s;

	if ((s = load_yaml_scalar(n)) == NULL)
		S_bad(r, n, key, _("expected a single value"));
	return s;
}

static void
S_bool(struct trd *r, const struct ynode *n, const char *key, int *out)
{
	if (S_theme_scalar(r, n, key) != NULL && !load_yaml_bool(n, out))
		S_bad(r, n, key, _("expected true or false"));
}

static void
S_number(struct trd *r, const struct ynode *n, const char *key, double lo,
    double hi, double *out)
{
	const char	*s;
	char		*msg;

	if ((s = S_theme_scalar(r, n, key)) == NULL ||
	    load_yaml_number(n, lo, hi, out))
		return;
	msg = xasprintf(_("\"%s\" is not a size in points between %g "
	    "and %g"), s, lo, hi);
	S_bad(r, n, key, msg);
	free(msg);
}

static void
S_string(struct trd *r, const struct ynode *n, const char *key, char **out,
    struct pos *pos)
{
	const char	*s;

	if ((s = S_theme_scalar(r, n, key)) == NULL)
		return;
	if (*s == '\0') {
		S_bad(r, n, key, _("expected a font family name, such as "
		    "\"Open Sans\""));
		return;
	}
	free(*out);
	*out = xstrdup(s);
	*pos = n->pos;
}

static void
S_fonts(struct trd *r, struct theme *t, const struct ynode *map)
{
	const char	*key;
	char		*full;
	size_t		 i, j;

	if (map->type == YNODE_SCALAR) {
		/* fonts: "Family" sets the four faces at once. */
		for (i = 0; i < 4; i++)
			S_string(r, map, "fonts", &t->font[i],
			    &t->font_pos[i]);
		return;
	}
	if (map->type != YNODE_MAP) {
		S_bad(r, map, "fonts", _("expected a family name or a map of "
		    "regular, bold, italic, bold_italic"));
		return;
	}
	for (j = 0; j < map->n; j++) {
		key = map->k[j]->s;
		for (i = 0; i < 4; i++)
			if (strcmp(key, S_face_keys[i]) == 0)
				break;
		full = xasprintf("fonts.%s", key);
		if (i == 4)
			diag_warn(r->diags, r->file, map->k[j]->pos.line,
			    map->k[j]->pos.col, "booklet.%s: unknown "
			    "key (expected regular, bold, italic, bold_italic)",
			    full);
		else
			S_string(r, map->v[j], full, &t->font[i],
			    &t->font_pos[i]);
		free(full);
	}
}

static void
S_booklet(struct trd *r, struct theme *t, const struct ynode *map)
{
	const struct ynode *v;
	const char	*key, *s;
	char		*why;
	unsigned int	 rgb;
	size_t		 j;

	if (map->type != YNODE_MAP) {
		diag_error(r->diags, r->file, map->pos.line, map->pos.col,
		    "booklet: expected a map of settings");
		r->ok = 0;
		return;
	}
	for (j = 0; j < map->n; j++) {
		key = map->k[j]->s;
		v = map->v[j];
		if (strcmp(key, "page") == 0) {
			if ((s = S_theme_scalar(r, v, key)) == NULL)
				continue;
			if (strcmp(s, "a5") == 0 || strcmp(s, "A5") == 0) {
				t->page_w = A5_W;
				t->page_h = A5_H;
			} else if (strcmp(s, "a4") == 0 || strcmp(s, "A4") == 0) {
				t->page_w = A4_W;
				t->page_h = A4_H;
			} else
				S_bad(r, v, key, _("expected a5 or a4"));
		} else if (strcmp(key, "fonts") == 0)
			S_fonts(r, t, v);
		else if (strcmp(key, "justify") == 0)
			S_bool(r, v, key, &t->justify);
		else if (strcmp(key, "hyphenate") == 0)
			S_bool(r, v, key, &t->hyphenate);
		else if (strcmp(key, "bleed") == 0)
			S_bool(r, v, key, &t->bleed);
		else if (strcmp(key, "body_size") == 0)
			S_number(r, v, key, 7, 14, &t->body_size);
		else if (strcmp(key, "body_leading") == 0)
			S_number(r, v, key, 8, 24, &t->body_leading);
		else if (strcmp(key, "lead_color") == 0) {
			if ((s = S_theme_scalar(r, v, key)) == NULL)
				continue;
			why = NULL;
			if (validate_color(s, &rgb, NULL, &why))
				t->lead_rgb = rgb;
			else
				S_bad(r, v, key, why);
			free(why);
		} else
			diag_warn(r->diags, r->file, map->k[j]->pos.line,
			    map->k[j]->pos.col,
			    "booklet.%s: unknown key (ignored)", key);
	}
	if (r->ok && t->body_leading < t->body_size) {
		diag_error(r->diags, r->file, map->pos.line, map->pos.col,
		    "booklet: body_leading (%g) is smaller than body_size "
		    "(%g)", t->body_leading, t->body_size);
		r->ok = 0;
	}
}

/* Choose theme_dir/theme.yaml, else the default theme's; NULL if none. */
static char *
S_find(const struct booklet_opts *o)
{
	char	*p;

	if (o->theme_dir != NULL) {
		p = path_join(o->theme_dir, "theme.yaml");
		if (access(p, F_OK) == 0)
			return p;
		free(p);
	}
	if (o->default_theme_dir != NULL) {
		p = path_join(o->default_theme_dir, "theme.yaml");
		if (access(p, F_OK) == 0)
			return p;
		free(p);
	}
	return NULL;
}

/*
 * Read with load_yaml_parse(), the reader of every YAML file of the
 * program: the same limits (depth, items, nodes, size), the same
 * refusals (anchors, aliases, duplicate keys, non-text keys) and the
 * same file:line:col messages as content/.
 */
int
theme_load(struct theme *t, const struct booklet_opts *o, struct diags *d)
{
	struct ynode	*root = NULL;
	const struct ynode *v;
	struct trd	 r;
	char		*data = NULL;
	size_t		 len;

	S_defaults(t);
	if ((t->path = S_find(o)) == NULL)
		return 1;
	if (!file_read(t->path, THEME_MAX, &data, &len)) {
		diag_error(d, t->path, 0, 0, "cannot read: %s", strerror(errno));
		return 0;
	}
	memset(&r, 0, sizeof(r));
	r.file = t->path;
	r.diags = d;
	r.ok = 1;
	if (!load_yaml_parse(data, len, 0, t->path, d, &root)) {
		r.ok = 0;
		goto out;
	}
	if (root == NULL)
		goto out;	/* empty file: defaults */
	if (root->type != YNODE_MAP) {
		diag_error(d, t->path, root->pos.line, root->pos.col,
		    "expected a map of settings (booklet: ...)");
		r.ok = 0;
		goto out;
	}
	if ((v = load_yaml_get(root, "booklet")) != NULL)
		S_booklet(&r, t, v);
out:
	load_yaml_free(root);
	free(data);
	return r.ok;
}
