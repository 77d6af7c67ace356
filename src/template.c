/*
 * template.c — a compact Mustache engine.  See template.h.
 *
 * Three parts, in this order:
 *  1. the value tree (struct tval) the caller builds;
 *  2. the parser: template source -> a flat array of nodes, where a
 *     section node records the index just past its children, so the
 *     renderer walks index ranges instead of a linked tree;
 *  3. the renderer: nodes + context stack -> bytes appended to a buf.
 *
 * A parsed template is immutable and can be rendered any number of
 * times.  Standalone lines (a section, inverted, end, comment, partial
 * or set-delimiter tag alone on its line) are resolved at parse time;
 * the only whitespace work left to the renderer is the indentation of
 * standalone partials, which depends on where the partial is used.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "template.h"

/*
 * Limits on hostile input.  Sections nest at most TPL_MAXNEST deep in
 * one template (deeper is an error at parse time); partials include one
 * another at most TPL_MAXPARTIAL deep (this catches recursive partials
 * whose data never runs out); and the renderer's own recursion (one
 * level per section, inverted section or partial) is capped by
 * TPL_MAXDEPTH, so that no input can exhaust the C stack.
 */
#define	TPL_MAXNEST	128
#define	TPL_MAXPARTIAL	64
#define	TPL_MAXDEPTH	512

/*
 * Depth is not enough: a partial that includes itself twice under a
 * section whose data runs out after 60 levels does 2^60 work without
 * ever going deeper than the caps above.  So a render also has a
 * budget of nodes visited; ten million is a hundred times what a page
 * listing a thousand partners needs, and well under a second of work.
 */
#define	TPL_MAXSTEPS	10000000UL

/* ---- 1. values --------------------------------------------------------- */

struct tval {
	enum tval_type	 type;
	union {
		int		 b;	/* TV_BOOL */
		double		 n;	/* TV_NUM */
		char		*s;	/* TV_STR, owned */
		struct {
			struct tval	**v;	/* owned elements */
			char		**k;	/* TV_MAP: owned keys, else NULL */
			size_t		  n, cap;
		} a;			/* TV_LIST, TV_MAP */
	} u;
};

static struct tval *
S_tval_new(enum tval_type type)
{
	struct tval	*v = xcalloc(1, sizeof(*v));

	v->type = type;
	return v;
}

struct tval *
tval_null(void)
{
	return S_tval_new(TV_NULL);
}

struct tval *
tval_bool(int b)
{
	struct tval	*v = S_tval_new(TV_BOOL);

	v->u.b = b != 0;
	return v;
}

struct tval *
tval_num(double n)
{
	struct tval	*v = S_tval_new(TV_NUM);

	v->u.n = n;
	return v;
}

struct tval *
tval_str_own(char *s)
{
	struct tval	*v;

	if (s == NULL)
		return tval_null();
	v = S_tval_new(TV_STR);
	v->u.s = s;
	return v;
}

struct tval *
tval_str(const char *s)
{
	return tval_str_own(s ? xstrdup(s) : NULL);
}

struct tval *
tval_strn(const char *s, size_t n)
{
	return tval_str_own(s ? xstrndup(s, n) : NULL);
}

struct tval *
tval_list(void)
{
	return S_tval_new(TV_LIST);
}

struct tval *
tval_map(void)
{
	return S_tval_new(TV_MAP);
}

/* Index of key (klen bytes) in map, or -1. */
static long
S_map_find(const struct tval *map, const char *key, size_t klen)
{
	size_t	 i;

	for (i = 0; i < map->u.a.n; i++)
		if (strncmp(map->u.a.k[i], key, klen) == 0 &&
		    map->u.a.k[i][klen] == '\0')
			return (long)i;
	return -1;
}

/* Append v (and key k, for maps) to a list or map. */
static void
S_append(struct tval *a, char *k, struct tval *v)
{
	if (a->u.a.n == a->u.a.cap) {
		a->u.a.cap = a->u.a.cap ? a->u.a.cap * 2 : 8;
		a->u.a.v = xreallocarray(a->u.a.v, a->u.a.cap,
		    sizeof(*a->u.a.v));
		if (a->type == TV_MAP)
			a->u.a.k = xreallocarray(a->u.a.k, a->u.a.cap,
			    sizeof(*a->u.a.k));
	}
	if (a->type == TV_MAP)
		a->u.a.k[a->u.a.n] = k;
	a->u.a.v[a->u.a.n++] = v;
}

void
tval_set(struct tval *map, const char *key, struct tval *v)
{
	long	 i;

	/* Misuse (not a map): drop v rather than leak it. */
	if (map == NULL || map->type != TV_MAP || key == NULL) {
		tval_free(v);
		return;
	}
	if (v == NULL)
		v = tval_null();
	if ((i = S_map_find(map, key, strlen(key))) >= 0) {
		tval_free(map->u.a.v[i]);
		map->u.a.v[i] = v;
	} else
		S_append(map, xstrdup(key), v);
}

void
tval_set_str(struct tval *map, const char *key, const char *s)
{
	tval_set(map, key, tval_str(s));
}

void
tval_set_bool(struct tval *map, const char *key, int b)
{
	tval_set(map, key, tval_bool(b));
}

void
tval_set_num(struct tval *map, const char *key, double n)
{
	tval_set(map, key, tval_num(n));
}

void
tval_push(struct tval *list, struct tval *v)
{
	if (list == NULL || list->type != TV_LIST) {
		tval_free(v);
		return;
	}
	S_append(list, NULL, v ? v : tval_null());
}

enum tval_type
tval_type(const struct tval *v)
{
	return v ? v->type : TV_NULL;
}

struct tval *
tval_get(const struct tval *map, const char *key)
{
	long	 i;

	if (map == NULL || map->type != TV_MAP || key == NULL)
		return NULL;
	i = S_map_find(map, key, strlen(key));
	return i < 0 ? NULL : map->u.a.v[i];
}

size_t
tval_len(const struct tval *list)
{
	return list && list->type == TV_LIST ? list->u.a.n : 0;
}

struct tval *
tval_at(const struct tval *list, size_t i)
{
	return i < tval_len(list) ? list->u.a.v[i] : NULL;
}

const char *
tval_cstr(const struct tval *v)
{
	return v && v->type == TV_STR ? v->u.s : NULL;
}

void
tval_free(struct tval *v)
{
	size_t	 i;

	if (v == NULL)
		return;
	if (v->type == TV_STR)
		free(v->u.s);
	else if (v->type == TV_LIST || v->type == TV_MAP) {
		for (i = 0; i < v->u.a.n; i++) {
			tval_free(v->u.a.v[i]);
			if (v->u.a.k)
				free(v->u.a.k[i]);
		}
		free(v->u.a.v);
		free(v->u.a.k);
	}
	free(v);
}

/* ---- 2. parser --------------------------------------------------------- */

enum tnode_type {
	TN_TEXT,	/* literal text (may be empty: an indentation point) */
	TN_VAR,		/* {{name}}, escaped */
	TN_RAW,		/* {{{name}}} or {{&name}} */
	TN_SECTION,	/* {{#name}} ... {{/name}} */
	TN_INVERTED,	/* {{^name}} ... {{/name}} */
	TN_PARTIAL	/* {{>name}} */
};

struct tnode {
	enum tnode_type	 type;
	int		 bol;	/* starts a line: gets a partial's indent */
	size_t		 off;	/* text or name: offset in tpl->src */
	size_t		 len;	/* ... and length */
	int		 alone;	/* TN_PARTIAL: standalone, indents lines */
	size_t		 ind;	/* ... its own indent: offset in src */
	size_t		 indlen;	/* ... and length */
	size_t		 end;	/* sections: index just past the children */
	size_t		 pos;	/* offset of the tag, for diagnostics */
};

struct tpl {
	char		*src;	/* private copy of the source */
	size_t		 srclen;
	char		*file;	/* name used in diagnostics */
	struct tnode	*v;
	size_t		 n, cap;
};

struct parser {
	struct tpl	*t;
	struct diags	*d;
	const char	*src;
	size_t		 len;
	size_t		 text;	/* start of the pending text */
	int		 bol;	/* the pending text starts a line */
	const char	*otag, *ctag;	/* current delimiters */
	size_t		 olen, clen;
	size_t		 open[TPL_MAXNEST];	/* open sections (node index) */
	size_t		 nopen;
};

/* memmem(3) is not in POSIX: first occurrence of n (nlen > 0) in h. */
static const char *
S_memmem(const char *h, size_t hlen, const char *n, size_t nlen)
{
	const char	*p, *end = h + hlen;

	while (hlen >= nlen && (p = memchr(h, n[0], hlen - nlen + 1)) != NULL) {
		if (memcmp(p, n, nlen) == 0)
			return p;
		h = p + 1;
		hlen = (size_t)(end - h);
	}
	return NULL;
}

/* 1-based line and column (in code points) of byte offset off. */
static void
S_linecol(const char *src, size_t off, int *line, int *col)
{
	size_t	 i;
	int	 l = 1, c = 1;

	for (i = 0; i < off; i++)
		if (src[i] == '\n') {
			l++;
			c = 1;
		} else if (((unsigned char)src[i] & 0xc0) != 0x80)
			c++;
	*line = l;
	*col = c;
}

static void
S_tpl_error(struct diags *d, const struct tpl *t, size_t off, const char *fmt,
    ...) __attribute__((format(printf, 4, 5)));

/* Append an error at byte offset off of template t. */
static void
S_tpl_error(struct diags *d, const struct tpl *t, size_t off, const char *fmt,
    ...)
{
	va_list	 ap;
	int	 line, col;

	S_linecol(t->src, off, &line, &col);
	va_start(ap, fmt);
	diag_vadd(d, DIAG_ERROR, t->file, line, col, fmt, ap);
	va_end(ap);
}

static struct tnode *
S_tnode_new(struct parser *p, enum tnode_type type, size_t off, size_t len,
    size_t pos)
{
	struct tpl	*t = p->t;
	struct tnode	*n;

	if (t->n == t->cap) {
		t->cap = t->cap ? t->cap * 2 : 32;
		t->v = xreallocarray(t->v, t->cap, sizeof(*t->v));
	}
	n = &t->v[t->n++];
	memset(n, 0, sizeof(*n));
	n->type = type;
	n->bol = p->bol;
	n->off = off;
	n->len = len;
	n->pos = pos;
	p->bol = 0;
	return n;
}

/* Emit the pending text up to (not including) offset to. */
static void
S_flush(struct parser *p, size_t to)
{
	if (to > p->text) {
		S_tnode_new(p, TN_TEXT, p->text, to - p->text, p->text);
		p->bol = p->src[to - 1] == '\n';
	}
	p->text = to;
}

static int
S_isspace(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

/*
 * Find the closing delimiter from offset from, optionally preceded by
 * the character pre ('}' of a triple mustache, '=' of a set-delimiter
 * tag; 0 for none).  Returns the offset where the closing sequence
 * (pre included) starts, or (size_t)-1.
 */
static size_t
S_close_tag(const struct parser *p, size_t from, char pre)
{
	const char	*c;
	size_t		 start = from;

	while (from <= p->len) {
		c = S_memmem(p->src + from, p->len - from, p->ctag, p->clen);
		if (c == NULL)
			return (size_t)-1;
		from = (size_t)(c - p->src);
		if (pre == 0)
			return from;
		if (from > start && p->src[from - 1] == pre)
			return from - 1;
		from++;
	}
	return (size_t)-1;
}

/*
 * Trim the tag content [*b, *e) and check it is a name: non-empty, no
 * white space inside, and (when dotted) no empty component, except for
 * the implicit iterator ".".  Returns 0 with an error.
 */
static int
S_tag_name(struct parser *p, size_t pos, size_t *b, size_t *e, int dotted)
{
	const char	*s = p->src;
	size_t		 i;

	while (*b < *e && S_isspace(s[*b]))
		(*b)++;
	while (*e > *b && S_isspace(s[*e - 1]))
		(*e)--;
	if (*b == *e) {
		S_tpl_error(p->d, p->t, pos, "empty tag name");
		return 0;
	}
	for (i = *b; i < *e; i++)
		if (S_isspace(s[i])) {
			S_tpl_error(p->d, p->t, pos, "white space inside tag "
			    "name '%.*s'", (int)(*e - *b), s + *b);
			return 0;
		}
	if (!dotted || (*e - *b == 1 && s[*b] == '.'))
		return 1;
	for (i = *b; i < *e; i++)
		if (s[i] == '.' && (i == *b || i + 1 == *e || s[i + 1] == '.')) {
			S_tpl_error(p->d, p->t, pos, "invalid name '%.*s'",
			    (int)(*e - *b), s + *b);
			return 0;
		}
	return 1;
}

/* {{=open close=}}: content is [b, e).  Returns 0 with an error. */
static int
S_setdelim(struct parser *p, size_t pos, size_t b, size_t e)
{
	const char	*s = p->src;
	size_t		 ob, oe, cb, ce;

	for (ob = b; ob < e && S_isspace(s[ob]); ob++)
		continue;
	for (oe = ob; oe < e && !S_isspace(s[oe]); oe++)
		continue;
	for (cb = oe; cb < e && S_isspace(s[cb]); cb++)
		continue;
	for (ce = cb; ce < e && !S_isspace(s[ce]); ce++)
		continue;
	for (b = ce; b < e && S_isspace(s[b]); b++)
		continue;
	if (oe == ob || ce == cb || b != e) {
		S_tpl_error(p->d, p->t, pos, "set-delimiter tag needs two "
		    "delimiters separated by white space");
		return 0;
	}
	p->otag = s + ob;
	p->olen = oe - ob;
	p->ctag = s + cb;
	p->clen = ce - cb;
	return 1;
}

/*
 * Parse one tag whose opening delimiter is at offset pos.  Returns 0
 * with an error, else non-zero; on success the pending text and the
 * scanning position are past the tag (and past its whole line when it
 * stands alone).
 */
static int
S_tag(struct parser *p, size_t pos)
{
	const char	*s = p->src;
	size_t		 b, e, end, ls, eol, i;
	char		 sigil, pre;
	int		 alone;
	struct tnode	*n;

	b = pos + p->olen;
	sigil = b < p->len && strchr("{&#^/>!=", s[b]) ? s[b++] : '\0';
	pre = sigil == '{' ? '}' : sigil == '=' ? '=' : '\0';
	if ((e = S_close_tag(p, b, pre)) == (size_t)-1) {
		S_tpl_error(p->d, p->t, pos, "unclosed tag: no '%s%.*s' after "
		    "'%.*s'", pre == '}' ? "}" : pre == '=' ? "=" : "",
		    (int)p->clen, p->ctag, (int)p->olen, p->otag);
		return 0;
	}
	end = e + (pre != '\0') + p->clen;

	/*
	 * Standalone: a tag that does not output anything, alone on its
	 * line with only blanks around it.  The line goes, its end too.
	 */
	alone = 0;
	ls = eol = pos;
	if (sigil != '\0' && strchr("#^/>!=", sigil) != NULL) {
		for (ls = pos; ls > p->text &&
		    (s[ls - 1] == ' ' || s[ls - 1] == '\t'); ls--)
			continue;
		for (eol = end; eol < p->len &&
		    (s[eol] == ' ' || s[eol] == '\t'); eol++)
			continue;
		if (eol + 1 < p->len && s[eol] == '\r' && s[eol + 1] == '\n')
			eol++;
		if ((ls == 0 || s[ls - 1] == '\n') &&
		    (eol == p->len || s[eol] == '\n')) {
			alone = 1;
			eol += eol < p->len;
		}
	}
	S_flush(p, alone ? ls : pos);
	if (alone)
		p->bol = 0;

	switch (sigil) {
	case '!':
		break;
	case '=':
		if (!S_setdelim(p, pos, b, e))
			return 0;
		break;
	case '#':
	case '^':
		if (!S_tag_name(p, pos, &b, &e, 1))
			return 0;
		if (p->nopen == TPL_MAXNEST) {
			S_tpl_error(p->d, p->t, pos, "sections nested deeper "
			    "than %d", TPL_MAXNEST);
			return 0;
		}
		p->open[p->nopen++] = p->t->n;
		S_tnode_new(p, sigil == '#' ? TN_SECTION : TN_INVERTED, b,
		    e - b,
		    pos);
		break;
	case '/':
		if (!S_tag_name(p, pos, &b, &e, 1))
			return 0;
		if (p->nopen == 0) {
			S_tpl_error(p->d, p->t, pos,
			    "closing tag '%.*s' without "
			    "an open section", (int)(e - b), s + b);
			return 0;
		}
		i = p->open[p->nopen - 1];
		n = &p->t->v[i];
		if (n->len != e - b || memcmp(s + n->off, s + b, e - b)) {
			int	 line, col;

			S_linecol(s, n->pos, &line, &col);
			S_tpl_error(p->d, p->t, pos,
			    "closing tag '%.*s' does not "
			    "match open section '%.*s' (line %d, column %d)",
			    (int)(e - b), s + b, (int)n->len, s + n->off,
			    line, col);
			return 0;
		}
		/* An inline end tag at the start of a line: keep the indent
		 * point inside the section, where the source has it. */
		if (p->bol)
			S_tnode_new(p, TN_TEXT, pos, 0, pos);
		p->nopen--;
		p->t->v[i].end = p->t->n;	/* n may have moved */
		break;
	case '>':
		if (!S_tag_name(p, pos, &b, &e, 0))
			return 0;
		n = S_tnode_new(p, TN_PARTIAL, b, e - b, pos);
		if (alone) {
			n->alone = 1;
			n->ind = ls;
			n->indlen = pos - ls;
		}
		break;
	default:
		if (!S_tag_name(p, pos, &b, &e, 1))
			return 0;
		S_tnode_new(p, sigil == '\0' ? TN_VAR : TN_RAW, b, e - b, pos);
		break;
	}
	/* Comments and set-delimiter tags inline at the start of a line. */
	if ((sigil == '!' || sigil == '=') && p->bol && !alone)
		S_tnode_new(p, TN_TEXT, pos, 0, pos);
	p->text = alone ? eol : end;
	p->bol = alone || (p->text > 0 && s[p->text - 1] == '\n');
	return 1;
}

struct tpl *
tpl_parse(const char *src, const char *file, struct diags *d)
{
	struct parser	 p;
	struct tpl	*t;
	const char	*o;
	size_t		 at;

	t = xcalloc(1, sizeof(*t));
	t->srclen = strlen(src);
	t->src = xstrndup(src, t->srclen);
	t->file = xstrdup(file ? file : "<template>");

	memset(&p, 0, sizeof(p));
	p.t = t;
	p.d = d;
	p.src = t->src;
	p.len = t->srclen;
	p.bol = 1;
	p.otag = "{{";
	p.ctag = "}}";
	p.olen = p.clen = 2;

	for (;;) {
		o = S_memmem(p.src + p.text, p.len - p.text, p.otag, p.olen);
		if (o == NULL)
			break;
		at = (size_t)(o - p.src);
		if (!S_tag(&p, at))
			goto err;
	}
	S_flush(&p, p.len);
	if (p.nopen > 0) {
		at = p.open[p.nopen - 1];
		S_tpl_error(d, t, t->v[at].pos, "unclosed section '%.*s'",
		    (int)t->v[at].len, t->src + t->v[at].off);
		goto err;
	}
	return t;
err:
	tpl_free(t);
	return NULL;
}

void
tpl_free(struct tpl *t)
{
	if (t == NULL)
		return;
	free(t->src);
	free(t->file);
	free(t->v);
	free(t);
}

/* ---- 3. renderer ------------------------------------------------------- */

/* A partial fetched once; t is NULL when there is none or it failed. */
struct partial {
	char		*name;
	struct tpl	*t;
	int		 failed;	/* did not parse: fails every render */
};

/* The partials fetched so far (template.h). */
struct tpl_partials {
	tpl_partial_fn	 fn;
	void		*arg;
	struct partial	*v;
	size_t		 n, cap;
};

struct render {
	struct tpl_partials *ps;
	struct buf	*out;
	struct diags	*d;
	const struct tval *stack[TPL_MAXDEPTH + 1];	/* context stack */
	size_t		 nstack;
	unsigned long	 steps;		/* nodes visited, see TPL_MAXSTEPS */
	int		 depth;		/* recursion of S_render */
	int		 pdepth;	/* partials being rendered */
};

/*
 * Resolve a name against the context stack: "." is the top; otherwise
 * the first component is looked up from the top of the stack down, and
 * each further component only inside the value found so far.
 */
static const struct tval *
S_lookup(const struct render *r, const char *name, size_t len)
{
	const struct tval *v = NULL;
	const char	*dot;
	size_t		 i, k;
	long		 j;

	if (len == 1 && name[0] == '.')
		return r->stack[r->nstack - 1];
	dot = memchr(name, '.', len);
	k = dot ? (size_t)(dot - name) : len;
	for (i = r->nstack; i-- > 0; )
		if (r->stack[i]->type == TV_MAP &&
		    (j = S_map_find(r->stack[i], name, k)) >= 0) {
			v = r->stack[i]->u.a.v[j];
			break;
		}
	while (v != NULL && k < len) {
		name += k + 1;
		len -= k + 1;
		dot = memchr(name, '.', len);
		k = dot ? (size_t)(dot - name) : len;
		if (v->type != TV_MAP || (j = S_map_find(v, name, k)) < 0)
			return NULL;
		v = v->u.a.v[j];
	}
	return v;
}

/* Falsey values: missing, null, false, "" and []; the rest is truthy. */
static int
S_falsey(const struct tval *v)
{
	return v == NULL || v->type == TV_NULL ||
	    (v->type == TV_BOOL && !v->u.b) ||
	    (v->type == TV_STR && v->u.s[0] == '\0') ||
	    (v->type == TV_LIST && v->u.a.n == 0);
}

/* Shortest decimal form that reads back as n: 85, 1.21, 1e+100. */
static void
S_putnum(struct buf *out, double n)
{
	char	 s[64];
	int	 prec;

	if (n == 0) {
		buf_putc(out, '0');
		return;
	}
	if (n > -1e15 && n < 1e15 && (double)(long long)n == n) {
		buf_printf(out, "%lld", (long long)n);
		return;
	}
	for (prec = 1; prec < 17; prec++) {
		snprintf(s, sizeof(s), "%.*g", prec, n);
		if (strtod(s, NULL) == n)
			break;
	}
	buf_printf(out, "%.*g", prec, n);
}

static void
S_putesc(struct buf *out, const char *s)
{
	const char	*p;

	for (p = s; *p != '\0'; p++) {
		switch (*p) {
		case '&': case '<': case '>': case '"': case '\'':
			buf_put(out, s, (size_t)(p - s));
			buf_puts(out, *p == '&' ? "&amp;" : *p == '<' ? "&lt;" :
			    *p == '>' ? "&gt;" : *p == '"' ? "&quot;" : "&#39;");
			s = p + 1;
			break;
		default:
			break;
		}
	}
	buf_put(out, s, (size_t)(p - s));
}

static void
S_putval(struct buf *out, const struct tval *v, int esc)
{
	if (v == NULL)
		return;
	switch (v->type) {
	case TV_BOOL:
		buf_puts(out, v->u.b ? "true" : "false");
		break;
	case TV_NUM:
		S_putnum(out, v->u.n);
		break;
	case TV_STR:
		if (esc)
			S_putesc(out, v->u.s);
		else
			buf_puts(out, v->u.s);
		break;
	default:	/* null, lists and maps print nothing */
		break;
	}
}

/* Text with a partial's indent after each inner line end. */
static void
S_puttext(struct buf *out, const char *s, size_t len, const char *ind,
    size_t indlen)
{
	const char	*nl;

	while (indlen > 0 && len > 0 &&
	    (nl = memchr(s, '\n', len)) != NULL && nl + 1 < s + len) {
		buf_put(out, s, (size_t)(nl + 1 - s));
		buf_put(out, ind, indlen);
		len -= (size_t)(nl + 1 - s);
		s = nl + 1;
	}
	buf_put(out, s, len);
}

/*
 * The parsed partial named by node n of t, fetched and parsed on first
 * use in the render's set.  Returns 0 when it does not parse (now or on
 * first use); *pt is NULL when the partial does not exist (renders as
 * nothing).
 */
static int
S_partial(struct render *r, const struct tpl *t, const struct tnode *n,
    struct tpl **pt)
{
	struct tpl_partials *ps = r->ps;
	const char	*name = t->src + n->off;
	char		*src, *file = NULL;
	size_t		 i;
	struct partial	*p;

	for (i = 0; i < ps->n; i++)
		if (strncmp(ps->v[i].name, name, n->len) == 0 &&
		    ps->v[i].name[n->len] == '\0')
			break;
	if (i == ps->n) {
		if (ps->n == ps->cap) {
			ps->cap = ps->cap ? ps->cap * 2 : 8;
			ps->v = xreallocarray(ps->v, ps->cap, sizeof(*ps->v));
		}
		p = &ps->v[ps->n++];
		p->name = xstrndup(name, n->len);
		p->t = NULL;
		p->failed = 0;
		src = ps->fn ? ps->fn(ps->arg, p->name, &file) : NULL;
		if (src != NULL && (p->t = tpl_parse(src, file ? file :
		    p->name, r->d)) == NULL)
			p->failed = 1;
		free(src);
		free(file);
	}
	*pt = ps->v[i].t;
	return !ps->v[i].failed;
}

static int	S_render(struct render *, const struct tpl *, size_t, size_t,
		    const char *, size_t);

/* Render t's partial node n with the current indent ind. */
static int
S_render_partial(struct render *r, const struct tpl *t, const struct tnode *n,
    const char *ind, size_t indlen)
{
	struct tpl	*pt;
	char		*nind;
	int		 rc;

	if (!S_partial(r, t, n, &pt))
		return 0;
	if (pt == NULL)
		return 1;
	if (r->pdepth >= TPL_MAXPARTIAL) {
		S_tpl_error(r->d, t, n->pos,
		    "partial '%.*s' nested more than %d "
		    "deep (recursive partial?)", (int)n->len, t->src + n->off,
		    TPL_MAXPARTIAL);
		return 0;
	}
	/* Standalone: the tag's indent adds to the current one. */
	nind = xmalloc(indlen + n->indlen + 1);
	memcpy(nind, ind, indlen);
	memcpy(nind + indlen, t->src + n->ind, n->indlen);
	r->pdepth++;
	rc = S_render(r, pt, 0, pt->n, nind, n->alone ? indlen + n->indlen : 0);
	r->pdepth--;
	free(nind);
	return rc;
}

/*
 * Render nodes [from, to) of t.  ind is the indentation of the partial
 * being rendered (indlen 0 outside standalone partials).
 */
static int
S_render(struct render *r, const struct tpl *t, size_t from, size_t to,
    const char *ind, size_t indlen)
{
	const struct tnode *n;
	const struct tval *v;
	size_t		 i, k;
	int		 ok, rc = 0;

	if (++r->depth > TPL_MAXDEPTH) {
		S_tpl_error(r->d, t, from < t->n ? t->v[from].pos : 0,
		    "template "
		    "nesting deeper than %d levels", TPL_MAXDEPTH);
		goto out;
	}
	for (i = from; i < to; i = n->end > i ? n->end : i + 1) {
		n = &t->v[i];
		if (++r->steps > TPL_MAXSTEPS) {
			S_tpl_error(r->d, t, n->pos, "template expands to more "
			    "than %lu nodes (recursive partial?)",
			    TPL_MAXSTEPS);
			goto out;
		}
		if (n->bol)
			buf_put(r->out, ind, indlen);
		switch (n->type) {
		case TN_TEXT:
			S_puttext(r->out, t->src + n->off, n->len, ind, indlen);
			break;
		case TN_VAR:
		case TN_RAW:
			S_putval(r->out, S_lookup(r, t->src + n->off, n->len),
			    n->type == TN_VAR);
			break;
		case TN_INVERTED:
			v = S_lookup(r, t->src + n->off, n->len);
			if (S_falsey(v) &&
			    !S_render(r, t, i + 1, n->end, ind, indlen))
				goto out;
			break;
		case TN_SECTION:
			v = S_lookup(r, t->src + n->off, n->len);
			if (S_falsey(v))
				break;
			for (k = 0; k < (v->type == TV_LIST ? v->u.a.n : 1);
			    k++) {
				r->stack[r->nstack++] =
				    v->type == TV_LIST ? v->u.a.v[k] : v;
				ok = S_render(r, t, i + 1, n->end, ind, indlen);
				r->nstack--;
				if (!ok)
					goto out;
			}
			break;
		case TN_PARTIAL:
			if (!S_render_partial(r, t, n, ind, indlen))
				goto out;
			break;
		}
	}
	rc = 1;
out:
	r->depth--;
	return rc;
}

struct tpl_partials *
tpl_partials_new(tpl_partial_fn fn, void *arg)
{
	struct tpl_partials *ps = xcalloc(1, sizeof(*ps));

	ps->fn = fn;
	ps->arg = arg;
	return ps;
}

void
tpl_partials_free(struct tpl_partials *ps)
{
	size_t	 i;

	if (ps == NULL)
		return;
	for (i = 0; i < ps->n; i++) {
		free(ps->v[i].name);
		tpl_free(ps->v[i].t);
	}
	free(ps->v);
	free(ps);
}

int
tpl_render_partials(const struct tpl *t, const struct tval *ctx,
    struct tpl_partials *ps, struct buf *out, struct diags *d)
{
	struct render	*r;
	struct tval	 null;
	size_t		 len0 = out->len;
	int		 rc;

	r = xcalloc(1, sizeof(*r));
	r->ps = ps;
	r->out = out;
	r->d = d;
	memset(&null, 0, sizeof(null));
	null.type = TV_NULL;
	r->stack[r->nstack++] = ctx ? ctx : &null;

	rc = S_render(r, t, 0, t->n, "", 0);

	free(r);
	/* All or nothing: drop what a failed render appended. */
	if (!rc && out->data != NULL) {
		out->len = len0;
		out->data[len0] = '\0';
	}
	return rc;
}

int
tpl_render(const struct tpl *t, const struct tval *ctx, tpl_partial_fn fn,
    void *arg, struct buf *out, struct diags *d)
{
	struct tpl_partials *ps = tpl_partials_new(fn, arg);
	int		 rc;

	rc = tpl_render_partials(t, ctx, ps, out, d);
	tpl_partials_free(ps);
	return rc;
}
