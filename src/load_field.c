/*
 * load_field.c — one YAML value to one typed field of the model: keys
 * known or not (with a did-you-mean), texts, lists of texts, groups,
 * words of a closed list, telephones, e-mails, URLs, addresses; each
 * with its position and its diagnostics.  See load_field.h.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "load_diag.h"
#include "load_field.h"
#include "load_int.h"
#include "load_yaml.h"
#include "util.h"
#include "validate.h"

/*
 * Warns about keys not in known[] with a did-you-mean.  where is "" at
 * the top or "adresse: " inside a group (printed as the message's own
 * "adresse:", so that a translation can set its punctuation).
 */
void
load_field_keys(struct load_ctx *c, const struct ynode *map, const char *where,
    const char *const *known, size_t nknown)
{
	size_t		 i, j, wl = strlen(where);
	int		 nw = wl > 2 ? (int)(wl - 2) : 0; /* "adresse" */
	const char	*s;

	for (i = 0; i < map->n; i++) {
		for (j = 0; j < nknown; j++)
			if (strcmp(map->k[i]->s, known[j]) == 0)
				break;
		if (j < nknown)
			continue;
		s = validate_suggest(map->k[i]->s, known, nknown);
		if (s != NULL && nw > 0)
			load_warn(c, map->k[i]->pos, "%.*s: unknown field "
			    "\"%s\" (did you mean \"%s\"?): it is ignored", nw,
			    where, map->k[i]->s, s);
		else if (s != NULL)
			load_warn(c, map->k[i]->pos, "unknown field \"%s\" "
			    "(did you mean \"%s\"?): it is ignored",
			    map->k[i]->s, s);
		else if (nw > 0)
			load_warn(c, map->k[i]->pos, "%.*s: unknown field "
			    "\"%s\": it is ignored", nw, where, map->k[i]->s);
		else
			load_warn(c, map->k[i]->pos, "unknown field \"%s\": it "
			    "is ignored", map->k[i]->s);
	}
}

/* Whether key has a non-null value (maybe a wrong one, already reported). */
int
load_field_present(const struct ynode *map, const char *key)
{
	const struct ynode *v = load_yaml_get(map, key);

	return v != NULL && !load_yaml_is_null(v) &&
	    !(v->type == YNODE_SCALAR && v->s[strspn(v->s, " ")] == '\0');
}

/* Position of key's value, or of the map when absent. */
struct pos
load_field_keypos(const struct ynode *map, const char *key)
{
	const struct ynode *v = load_yaml_get(map, key);

	return v ? v->pos : map->pos;
}

/* Scalar text, trimmed, “curly quotes” around a plain value removed. */
char *
load_field_scalar(const struct ynode *n)
{
	char	*t = str_trim(n->s), *u;
	size_t	 len = strlen(t);

	if (n->plain && len >= 6 && strncmp(t, "\xe2\x80\x9c", 3) == 0 &&
	    strcmp(t + len - 3, "\xe2\x80\x9d") == 0) {
		t[len - 3] = '\0';
		u = str_trim(t + 3);
		free(t);
		t = u;
	}
	return t;
}

/* Whether the field at path is a text of several lines. */
static int
S_multiline(const char *path)
{
	static const char *const whole[] = { "public", "transports",
	    "note_suivi", "edito.texte" };
	size_t	 n = strlen(path), i;

	for (i = 0; i < sizeof(whole) / sizeof(whole[0]); i++)
		if (strcmp(path, whole[i]) == 0)
			return 1;
	return (n >= 10 && strcmp(path + n - 10, "precisions") == 0) ||
	    (n >= 11 && strcmp(path + n - 11, "description") == 0);
}

int
load_field_clean(struct load_ctx *c, struct pos p, const char *path,
    const char *s)
{
	const unsigned char *u = (const unsigned char *)s;
	unsigned int	 cp;
	size_t		 n, len = strlen(s), i;
	int		 lines = S_multiline(path);

	for (i = 0; i < len; i += n ? n : 1) {
		n = 1;
		if (u[i] < 0x20 || u[i] == 0x7f) {
			if (lines && (u[i] == '\n' || u[i] == '\t'))
				continue;
			if (u[i] == '\n' || u[i] == '\r')
				load_err(c, p, "%s: a line break in a one-line "
				    "text: write it on one line", path);
			else if (u[i] == '\t')
				load_err(c, p, "%s: a tab in a one-line text: "
				    "replace it with a space", path);
			else
				load_err(c, p, "%s: invisible control character "
				    "(byte 0x%02x): delete it", path, u[i]);
			return 0;
		}
		if (u[i] < 0x80 || (n = utf8_decode(s + i, len - i, &cp)) == 0)
			continue;
		if ((cp >= 0x80 && cp < 0xa0) || utf8_is_bidi_control(cp)) {
			load_err(c, p, "%s: invisible control character "
			    "(U+%04X), which changes how the text reads: "
			    "delete it", path, cp);
			return 0;
		}
	}
	return 1;
}

/*
 * Reads a text field of map into out.  Returns 1 when a non-empty text
 * was read, 0 when absent, empty or not a text (diagnostics added:
 * required and absent, or wrong type).
 */
int
load_field_text(struct load_ctx *c, const struct ynode *map, const char *key,
    const char *path, int req, struct text *out)
{
	const struct ynode *v = load_yaml_get(map, key);
	char	*t;

	out->s = NULL;
	out->pos = v ? v->pos : map->pos;
	if (v == NULL || load_yaml_is_null(v)) {
		if (req)
			load_err(c, out->pos, "%s: missing, this field is "
			    "required", path);
		return 0;
	}
	if (v->type != YNODE_SCALAR) {
		load_err(c, v->pos, "%s: expected a text, found a %s", path,
		    load_yaml_kind(v));
		return 0;
	}
	t = load_field_scalar(v);
	if (*t == '\0') {
		free(t);
		if (req)
			load_err(c, v->pos, "%s: empty, this field is required",
			    path);
		return 0;
	}
	if (!load_field_clean(c, v->pos, path, t)) {
		free(t);
		return 0;
	}
	out->s = t;
	return 1;
}

/*
 * Reads a list of texts (a single text counts as a list of one).
 * Returns the number of items read.
 */
size_t
load_field_texts(struct load_ctx *c, const struct ynode *map, const char *key,
    const char *path, int req, struct texts *out)
{
	const struct ynode *v = load_yaml_get(map, key), *it;
	size_t	 i;
	char	*t;

	out->v = NULL;
	out->n = 0;
	if (v == NULL || load_yaml_is_null(v) ||
	    (v->type == YNODE_SEQ && v->n == 0)) {
		if (req)
			load_err(c, v ? v->pos : map->pos, "%s: missing, give "
			    "at least one item", path);
		return 0;
	}
	if (v->type == YNODE_MAP) {
		load_err(c, v->pos, "%s: expected a list (lines starting with "
		    "\"- \"), found a group of fields", path);
		return 0;
	}
	out->v = xcalloc(v->type == YNODE_SEQ ? v->n : 1, sizeof(*out->v));
	for (i = 0; i < (v->type == YNODE_SEQ ? v->n : 1); i++) {
		it = v->type == YNODE_SEQ ? v->v[i] : v;
		if (it->type != YNODE_SCALAR) {
			load_err(c, it->pos, "%s: item %zu should be a text, "
			    "not a %s", path, i + 1, load_yaml_kind(it));
			continue;
		}
		t = load_field_scalar(it);
		if (*t == '\0') {
			load_err(c, it->pos, "%s: item %zu is empty", path,
			    i + 1);
			free(t);
			continue;
		}
		if (!load_field_clean(c, it->pos, path, t)) {
			free(t);
			continue;
		}
		out->v[out->n].s = t;
		out->v[out->n++].pos = it->pos;
	}
	return out->n;
}

/*
 * Drops from ts the items equal to an earlier one, with a warning at
 * each dropped one: a value listed twice is kept once.
 */
void
load_field_texts_once(struct load_ctx *c, const char *path, struct texts *ts)
{
	size_t	 i, j, n = 0;

	for (i = 0; i < ts->n; i++) {
		for (j = 0; j < n; j++)
			if (strcmp(ts->v[j].s, ts->v[i].s) == 0)
				break;
		if (j < n) {
			load_warn(c, ts->v[i].pos, "%s: \"%s\" is listed "
			    "twice: keep it once", path, ts->v[i].s);
			free(ts->v[i].s);
			continue;
		}
		ts->v[n++] = ts->v[i];
	}
	ts->n = n;
}

/* A group of fields (mapping); NULL when absent; error when another type. */
const struct ynode *
load_field_group(struct load_ctx *c, const struct ynode *map, const char *key,
    const char *path, int req)
{
	const struct ynode *v = load_yaml_get(map, key);

	if (v == NULL || load_yaml_is_null(v)) {
		if (req)
			load_err(c, v ? v->pos : map->pos, "%s: missing, this "
			    "field is required", path);
		return NULL;
	}
	if (v->type != YNODE_MAP) {
		load_err(c, v->pos, "%s: expected a group of fields (indented "
		    "\"key: value\" lines), found a %s", path,
		    load_yaml_kind(v));
		return NULL;
	}
	return v;
}

/*
 * Matches a text against the words of a closed vocabulary (model.h);
 * returns the entry's value or -1 after an error listing the words.
 */
int
load_field_choice(struct load_ctx *c, const struct text *t, const char *path,
    const struct vocab *words, size_t n)
{
	char	*f = str_fold_words(t->s), *g, *shown;
	size_t	 i;

	for (i = 0; i < n; i++) {
		g = str_fold_words(words[i].word);
		if (strcmp(f, g) == 0) {
			free(f);
			free(g);
			return words[i].value;
		}
		free(g);
	}
	free(f);
	shown = model_vocab_words(words, n);
	load_err(c, t->pos, "%s: \"%s\" is not one of the accepted values: %s",
	    path, t->s, shown);
	free(shown);
	return -1;
}

void
load_field_phone(struct load_ctx *c, const struct ynode *map, const char *path,
    struct phone *ph)
{
	char	*why = NULL;

	if (!load_field_text(c, map, "telephone", path, OPT, &ph->raw))
		return;
	if (!validate_phone(ph->raw.s, &ph->display, &ph->uri, &why)) {
		load_err(c, ph->raw.pos, "%s: %s", path, why);
		free(why);
	}
}

void
load_field_email(struct load_ctx *c, const struct ynode *map,
    const char *path, int req, struct text *t)
{
	char	*why = NULL;

	if (!load_field_text(c, map, "courriel", path, req, t))
		return;
	if (strncasecmp(t->s, "mailto:", 7) == 0)
		memmove(t->s, t->s + 7, strlen(t->s + 7) + 1);
	if (!validate_email(t->s, &why)) {
		load_err(c, t->pos, "%s: %s", path, why);
		free(why);
	}
}

void
load_field_url(struct load_ctx *c, const struct ynode *map, const char *key,
    const char *path, struct text *t)
{
	char	*why = NULL;

	if (!load_field_text(c, map, key, path, OPT, t))
		return;
	if (!validate_url(t->s, &why)) {
		load_err(c, t->pos, "%s: %s", path, why);
		free(why);
	}
}

/* Joins a prefix and a key for messages: "adresse" + "rue". */
char *
load_field_path(const char *prefix, const char *key)
{
	return *prefix ? xasprintf("%s.%s", prefix, key) : xstrdup(key);
}

void
load_field_address(struct load_ctx *c, const struct ynode *map, const char *key,
    int req, struct address *a)
{
	static const char *const keys[] = {
		"rue", "complement", "code_postal", "ville"
	};
	const struct ynode *g;
	char	*why = NULL, *where;

	if ((g = load_field_group(c, map, key, key, req)) == NULL)
		return;
	where = xasprintf("%s: ", key);
	load_field_keys(c, g, where, keys, 4);
	free(where);
	load_field_text(c, g, "rue", "adresse.rue", REQ, &a->rue);
	load_field_text(c, g, "complement", "adresse.complement", OPT,
	    &a->complement);
	if (load_field_text(c, g, "code_postal", "adresse.code_postal", REQ,
	    &a->code_postal) && !validate_code_postal(a->code_postal.s, &why)) {
		load_err(c, a->code_postal.pos, "adresse.code_postal: %s", why);
		free(why);
	}
	load_field_text(c, g, "ville", "adresse.ville", REQ, &a->ville);
}
