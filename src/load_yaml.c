/*
 * load_yaml.c — YAML text -> a small node tree with positions and limits.
 * See load_yaml.h.
 */
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <yaml.h>

#include "diag.h"
#include "i18n.h"
#include "load_yaml.h"
#include "unicode.h"
#include "util.h"

struct reader {
	yaml_parser_t	 parser;
	int		 line_offset;
	const char	*file;
	struct diags	*d;
	size_t		 nodes;
	size_t		 maxitems, maxnodes;	/* the limits of this file */
	int		 failed;	/* a diagnostic was added: stop */
};

static struct pos
S_pos(const struct reader *r, yaml_mark_t m)
{
	struct pos	 p;

	p.line = (int)m.line + 1 + r->line_offset;
	p.col = (int)m.column + 1;
	return p;
}

static void
S_error(struct reader *r, yaml_mark_t m, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void
S_error(struct reader *r, yaml_mark_t m, const char *fmt, ...)
{
	va_list		 ap;
	struct pos	 p = S_pos(r, m);

	va_start(ap, fmt);
	diag_vadd(r->d, DIAG_ERROR, r->file, p.line, p.col, fmt, ap);
	va_end(ap);
	r->failed = 1;
}

/*
 * libyaml's messages, in words a partner can act on.  The position is
 * the context mark when it shows the start of the faulty construct.
 */
static void
S_syntax_error(struct reader *r)
{
	static const struct {
		const char	*problem;
		int		 use_context;
		const char	*msg;
	} tr[] = {
		{ "found character that cannot start any token", 0,
		  N_("this character cannot start a value: put the value in "
		  "double quotes \"...\"") },
		{ "mapping values are not allowed in this context", 0,
		  N_("unexpected ':' followed by a space: put the whole value "
		  "in double quotes \"...\", or check the indentation") },
		{ "could not find expected ':'", 1,
		  N_("expected \"key: value\" on this line (a ':' is missing, "
		  "or a quote is not closed)") },
		{ "did not find expected key", 0,
		  N_("this line is not indented like the fields around it, or "
		  "a value has text after its closing quote") },
		{ "did not find expected '-' indicator", 0,
		  N_("this line is not indented like the list items around it "
		  "(each item starts with \"- \")") },
		{ "found unexpected end of stream", 1,
		  N_("this quoted value is never closed: add the closing "
		  "quote") },
		{ "did not find expected node content", 0,
		  N_("a value is missing here") },
		{ "did not find expected ',' or ']'", 1,
		  N_("this list in [...] is not closed by ']' or its items are "
		  "not separated by ','") },
		{ "did not find expected ',' or '}'", 1,
		  N_("this group in {...} is not closed by '}' or its fields "
		  "are not separated by ','") },
		{ "found unknown escape character", 0,
		  N_("unknown escape after '\\' in a double-quoted value: "
		  "write \\\\ for a backslash, or use single quotes") },
		{ "block sequence entries are not allowed in this context", 0,
		  N_("a list item (\"- \") cannot start here: put it on its "
		  "own line, indented under its key") },
		{ "did not find expected <document start>", 0,
		  N_("unexpected text after the fields") },
		{ "found a tab character", 0,
		  N_("a tab is used for indentation: YAML needs spaces") },
		{ "control characters are not allowed", 0,
		  N_("control character not allowed in a page") },
	};
	yaml_parser_t	*p = &r->parser;
	const char	*prob = p->problem ? p->problem : "unknown error";
	size_t		 i;

	for (i = 0; i < sizeof(tr) / sizeof(tr[0]); i++) {
		if (strncmp(prob, tr[i].problem, strlen(tr[i].problem)) != 0)
			continue;
		S_error(r, tr[i].use_context && p->context ?
		    p->context_mark : p->problem_mark, "%s", _(tr[i].msg));
		return;
	}
	S_error(r, p->problem_mark, "YAML syntax error: %s%s%s", prob,
	    p->context ? " " : "", p->context ? p->context : "");
}

static int
S_next(struct reader *r, yaml_event_t *ev)
{
	if (!yaml_parser_parse(&r->parser, ev)) {
		S_syntax_error(r);
		return 0;
	}
	return 1;
}

/* The anchor of a node event, or NULL; *tag its tag, or NULL. */
static const char *
S_anchor_tag(const yaml_event_t *ev, const char **tag)
{
	const yaml_char_t *a = NULL, *t = NULL;

	switch (ev->type) {
	case YAML_SCALAR_EVENT:
		a = ev->data.scalar.anchor;
		t = ev->data.scalar.tag;
		break;
	case YAML_SEQUENCE_START_EVENT:
		a = ev->data.sequence_start.anchor;
		t = ev->data.sequence_start.tag;
		break;
	case YAML_MAPPING_START_EVENT:
		a = ev->data.mapping_start.anchor;
		t = ev->data.mapping_start.tag;
		break;
	default:
		break;
	}
	*tag = (const char *)t;
	return (const char *)a;
}

static struct ynode *S_node(struct reader *, yaml_event_t *, int depth);

/* Reads items up to the end event; map when ismap. */
static int
S_collection(struct reader *r, struct ynode *n, int ismap, int depth)
{
	yaml_event_t	 ev;
	struct ynode	*key, *val;
	size_t		 cap = 0, i;
	yaml_event_type_t end = ismap ? YAML_MAPPING_END_EVENT :
	    YAML_SEQUENCE_END_EVENT;

	for (;;) {
		if (!S_next(r, &ev))
			return 0;
		if (ev.type == end) {
			yaml_event_delete(&ev);
			return 1;
		}
		if (n->n == r->maxitems) {
			if (ismap)
				S_error(r, ev.start_mark, "more than %d fields "
				    "in this group: a page is not that long",
				    LOAD_YAML_MAXITEMS);
			else
				S_error(r, ev.start_mark, "more than %d items "
				    "in this list: a page is not that long",
				    LOAD_YAML_MAXITEMS);
			yaml_event_delete(&ev);
			return 0;
		}
		key = S_node(r, &ev, depth + 1);	/* deletes ev */
		if (key == NULL)
			return 0;
		if (n->n == cap) {
			cap = cap ? cap * 2 : 8;
			n->v = xreallocarray(n->v, cap, sizeof(*n->v));
			if (ismap)
				n->k = xreallocarray(n->k, cap,
				    sizeof(*n->k));
		}
		if (!ismap) {
			n->v[n->n++] = key;
			continue;
		}
		if (key->type != YNODE_SCALAR) {
			diag_error(r->d, r->file, key->pos.line, key->pos.col,
			    "a field name must be a simple word, not a %s",
			    load_yaml_kind(key));
			r->failed = 1;
			load_yaml_free(key);
			return 0;
		}
		for (i = 0; i < n->n; i++)
			if (strcmp(n->k[i]->s, key->s) == 0)
				break;
		if (i < n->n) {
			/* Report and go on: the second value is dropped. */
			diag_error(r->d, r->file, key->pos.line, key->pos.col,
			    "%s: this field is given twice (first on line %d): "
			    "keep only one", key->s, n->k[i]->pos.line);
		}
		if (!S_next(r, &ev)) {
			load_yaml_free(key);
			return 0;
		}
		val = S_node(r, &ev, depth + 1);
		if (val == NULL) {
			load_yaml_free(key);
			return 0;
		}
		if (i < n->n) {
			load_yaml_free(key);
			load_yaml_free(val);
			continue;
		}
		n->k[n->n] = key;
		n->v[n->n++] = val;
	}
}

/*
 * Builds the node starting with event ev (which it deletes).  Returns
 * NULL after a diagnostic.
 */
static struct ynode *
S_node(struct reader *r, yaml_event_t *ev, int depth)
{
	struct ynode	*n = NULL;
	const char	*a, *tag;

	if (ev->type == YAML_ALIAS_EVENT) {
		S_error(r, ev->start_mark, "YAML aliases (*%s) are not "
		    "accepted: write the value itself",
		    (const char *)ev->data.alias.anchor);
		goto out;
	}
	if ((a = S_anchor_tag(ev, &tag)) != NULL) {
		S_error(r, ev->start_mark, "YAML anchors (&%s) are not "
		    "accepted: write each value where it is used", a);
		goto out;
	}
	if (tag != NULL && strcmp(tag, YAML_STR_TAG) != 0 &&
	    !(ev->type == YAML_SCALAR_EVENT && strcmp(tag, "!") == 0)) {
		S_error(r, ev->start_mark, "YAML tags (%s) are not accepted: "
		    "remove it", tag);
		goto out;
	}
	if (depth > LOAD_YAML_MAXDEPTH) {
		S_error(r, ev->start_mark, "values nested more than %d levels "
		    "deep: the page format nests 3 levels at most",
		    LOAD_YAML_MAXDEPTH);
		goto out;
	}
	if (++r->nodes > r->maxnodes) {
		S_error(r, ev->start_mark, "more than %d values in this page: "
		    "a page is not that long", LOAD_YAML_MAXNODES);
		goto out;
	}
	n = xcalloc(1, sizeof(*n));
	n->pos = S_pos(r, ev->start_mark);
	switch (ev->type) {
	case YAML_SCALAR_EVENT:
		n->type = YNODE_SCALAR;
		n->len = ev->data.scalar.length;
		n->plain = ev->data.scalar.style == YAML_PLAIN_SCALAR_STYLE &&
		    tag == NULL;
		if (memchr(ev->data.scalar.value, '\0', n->len) != NULL) {
			S_error(r, ev->start_mark, "this value contains a NUL "
			    "character (\\0)");
			load_yaml_free(n);
			n = NULL;
			break;
		}
		/* Every value (and key) in NFC: "c" + U+0327 is "ç". */
		n->s = unicode_nfc((const char *)ev->data.scalar.value,
		    n->len, &n->len);
		break;
	case YAML_SEQUENCE_START_EVENT:
	case YAML_MAPPING_START_EVENT:
		n->type = ev->type == YAML_MAPPING_START_EVENT ? YNODE_MAP :
		    YNODE_SEQ;
		yaml_event_delete(ev);
		if (!S_collection(r, n, n->type == YNODE_MAP, depth)) {
			load_yaml_free(n);
			return NULL;
		}
		return n;
	default:
		/* Cannot happen in a well-formed event stream. */
		S_error(r, ev->start_mark, "unexpected YAML structure");
		load_yaml_free(n);
		n = NULL;
		break;
	}
out:
	yaml_event_delete(ev);
	return n;
}

int
load_yaml_parse(const char *text, size_t len, int line_offset,
    const char *file, struct diags *d, struct ynode **root)
{
	return load_yaml_parse_limits(text, len, line_offset, file, d, root,
	    LOAD_YAML_MAXITEMS, LOAD_YAML_MAXNODES);
}

int
load_yaml_parse_limits(const char *text, size_t len, int line_offset,
    const char *file, struct diags *d, struct ynode **root,
    size_t maxitems, size_t maxnodes)
{
	struct reader	 r;
	yaml_event_t	 ev;
	int		 ok = 0, state = 0;
	struct ynode	*doc = NULL;

	*root = NULL;
	memset(&r, 0, sizeof(r));
	r.maxitems = maxitems;
	r.maxnodes = maxnodes;
	r.line_offset = line_offset;
	r.file = file;
	r.d = d;
	if (!yaml_parser_initialize(&r.parser)) {
		fputs("annuaire: out of memory\n", stderr);
		exit(2);
	}
	yaml_parser_set_input_string(&r.parser, (const unsigned char *)text,
	    len);
	yaml_parser_set_encoding(&r.parser, YAML_UTF8_ENCODING);
	/* state: 0 before document, 1 in document, 2 after it. */
	for (;;) {
		if (!S_next(&r, &ev))
			goto out;
		switch (ev.type) {
		case YAML_STREAM_START_EVENT:
		case YAML_DOCUMENT_END_EVENT:
			yaml_event_delete(&ev);
			break;
		case YAML_STREAM_END_EVENT:
			yaml_event_delete(&ev);
			ok = 1;
			goto out;
		case YAML_DOCUMENT_START_EVENT:
			if (state == 2) {
				S_error(&r, ev.start_mark, "only one group of "
				    "fields is allowed between the --- lines");
				yaml_event_delete(&ev);
				goto out;
			}
			state = 1;
			yaml_event_delete(&ev);
			break;
		default:
			if ((doc = S_node(&r, &ev, 1)) == NULL)
				goto out;
			state = 2;
			break;
		}
	}
out:
	yaml_parser_delete(&r.parser);
	if (!ok || r.failed) {
		load_yaml_free(doc);
		return 0;
	}
	*root = doc;
	return 1;
}

void
load_yaml_free(struct ynode *n)
{
	size_t	 i;

	if (n == NULL)
		return;
	for (i = 0; i < n->n; i++) {
		load_yaml_free(n->v[i]);
		if (n->k != NULL)
			load_yaml_free(n->k[i]);
	}
	free(n->v);
	free(n->k);
	free(n->s);
	free(n);
}

struct ynode *
load_yaml_get(const struct ynode *map, const char *key)
{
	size_t	 i;

	if (map == NULL || map->type != YNODE_MAP)
		return NULL;
	for (i = 0; i < map->n; i++)
		if (strcmp(map->k[i]->s, key) == 0)
			return map->v[i];
	return NULL;
}

int
load_yaml_is_null(const struct ynode *n)
{
	return n->type == YNODE_SCALAR && n->plain &&
	    (n->s[0] == '\0' || strcmp(n->s, "~") == 0 ||
	    strcmp(n->s, "null") == 0 || strcmp(n->s, "Null") == 0 ||
	    strcmp(n->s, "NULL") == 0);
}

const char *
load_yaml_kind(const struct ynode *n)
{
	/*
	 * TRANSLATORS: a kind of value, shown after "a" in "expected a
	 * list, found a text": translate with its article ("un texte").
	 */
	switch (n->type) {
	case YNODE_SCALAR:
		return C_("yaml kind", "text");
	case YNODE_SEQ:
		return C_("yaml kind", "list");
	default:
		return C_("yaml kind", "group of fields");
	}
}

const char *
load_yaml_scalar(const struct ynode *n)
{
	return n != NULL && n->type == YNODE_SCALAR ? n->s : NULL;
}

int
load_yaml_bool(const struct ynode *n, int *out)
{
	const char	*s;

	if ((s = load_yaml_scalar(n)) == NULL)
		return 0;
	if (strcmp(s, "true") == 0 || strcmp(s, "yes") == 0)
		*out = 1;
	else if (strcmp(s, "false") == 0 || strcmp(s, "no") == 0)
		*out = 0;
	else
		return 0;
	return 1;
}

int
load_yaml_number(const struct ynode *n, double lo, double hi, double *out)
{
	const char	*s;
	char		*end;
	double		 v;

	if ((s = load_yaml_scalar(n)) == NULL)
		return 0;
	errno = 0;
	v = strtod(s, &end);
	if (errno || end == s || *end != '\0' || !isfinite(v) || v < lo ||
	    v > hi)
		return 0;
	*out = v;
	return 1;
}
