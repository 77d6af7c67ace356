/*
 * load.c — content/ -> model: files, encodings, front matter, fields.
 * See load.h.  The YAML node tree comes from load_yaml.c; the field
 * formats are checked by validate.c.
 *
 * Every check appends a diagnostic and goes on, so that one run reports
 * every problem of every file.  A page with an error is left out of the
 * model; site.yaml is loaded first because pages refer to its
 * categories and thematiques, and pages are checked even when site.yaml
 * has errors (references to an unusable vocabulary are then skipped).
 */
#include <sys/stat.h>

#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "diag.h"
#include "image.h"
#include "i18n.h"
#include "load.h"
#include "load_thesaurus.h"
#include "load_di.h"
#include "load_yaml.h"
#include "picto.h"
#include "unicode.h"
#include "util.h"
#include "validate.h"

/* Limits on hostile input: sizes a real page or logo never reaches. */
#define	LOAD_MAX_PAGE	(1024 * 1024)	/* bytes of a page or site.yaml */
#define	LOAD_MAX_RESUME	160		/* characters of resume */

/* What is being read: one file. */
struct ctx {
	struct diags	*d;
	const char	*file;		/* as printed */
	const char	*content_dir;
	struct site	*site;
	struct texts	 badcats;	/* keys of categories with errors */
	struct texts	 badthems;	/* keys of thematiques with errors */
	int		 drop;		/* leave the page out, errors said */
	struct pos	 edition_pos;	/* of edition: in site.yaml */
	struct picto	*picto;		/* the pictograms' names, or NULL */
	int		 picto_tried;	/* picto_open() was called */
};

/* A partner page being loaded. */
struct page {
	struct partner	 p;
	struct texts	 liens;		/* slugs as written */
	int		 ok;		/* no error */
};

static void
S_err(struct ctx *c, struct pos p, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
static void
S_warn(struct ctx *c, struct pos p, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void
S_err(struct ctx *c, struct pos p, const char *fmt, ...)
{
	va_list	 ap;

	va_start(ap, fmt);
	diag_vadd(c->d, DIAG_ERROR, c->file, p.line, p.col, fmt, ap);
	va_end(ap);
}

static void
S_warn(struct ctx *c, struct pos p, const char *fmt, ...)
{
	va_list	 ap;

	va_start(ap, fmt);
	diag_vadd(c->d, DIAG_WARNING, c->file, p.line, p.col, fmt, ap);
	va_end(ap);
}

/*
 * A position, for S_err(c, S_at(line, col), ...): a call, not a compound
 * literal, so that xgettext counts S_err's arguments right (i18n.h).
 */
static struct pos
S_at(int line, int col)
{
	struct pos	 p = { line, col };

	return p;
}

/*
 * A problem of the whole file (empty, too large, badly named) points at
 * its start, so that every message about a file keeps the
 * file:LINE:COL form that editors and the partner guide rely on.
 */
static struct pos
S_nopos(void)
{
	struct pos	 p = { 1, 1 };

	return p;
}

/* ---- encodings and front matter ------------------------------------- */

/*
 * Windows-1252 letters that Word exports put where UTF-8 is expected;
 * NULL when the byte is no likely letter.
 */
static const char *
S_cp1252(unsigned char b)
{
	static const char *const hi[32] = {
		/* 80 */ "€", NULL, "‚", "ƒ", "„", "…", "†", "‡",
		/* 88 */ "ˆ", "‰", "Š", "‹", "Œ", NULL, "Ž", NULL,
		/* 90 */ NULL, "‘", "’", "“", "”", "•", "–", "—",
		/* 98 */ "˜", "™", "š", "›", "œ", NULL, "ž", "Ÿ",
	};
	static char	 buf[3];

	if (b >= 0x80 && b < 0xa0)
		return hi[b - 0x80];
	if (b >= 0xa0) {
		/* Latin-1 range: U+00A0..U+00FF. */
		buf[0] = (char)(0xc0 | (b >> 6));
		buf[1] = (char)(0x80 | (b & 0x3f));
		buf[2] = '\0';
		return buf;
	}
	return NULL;
}

/*
 * Checks the raw bytes of a file and returns a normalised copy: UTF-8
 * BOM removed, CRLF and CR as LF.  Reports the first encoding problem
 * (line and column as an editor shows them) and returns NULL.
 */
static char *
S_normalise(struct ctx *c, const char *raw, size_t len, size_t *outlen)
{
	const unsigned char *u = (const unsigned char *)raw;
	size_t		 i = 0, k;
	int		 line = 1, col = 1;
	unsigned int	 cp;
	struct buf	 b;
	const char	*w;

	if (len >= 2 && ((u[0] == 0xff && u[1] == 0xfe) ||
	    (u[0] == 0xfe && u[1] == 0xff))) {
		S_err(c, S_nopos(), "the file is saved as UTF-16: save it "
		    "as UTF-8 (in the editor: Save as, Encoding UTF-8)");
		return NULL;
	}
	if (len >= 3 && u[0] == 0xef && u[1] == 0xbb && u[2] == 0xbf)
		i = 3;		/* the BOM is invisible: no column */
	buf_init(&b);
	buf_grow(&b, len);
	while (i < len) {
		if (u[i] == '\r') {
			buf_putc(&b, '\n');
			i += i + 1 < len && u[i + 1] == '\n' ? 2 : 1;
			line++, col = 1;
			continue;
		}
		if (u[i] == '\n') {
			buf_putc(&b, '\n');
			i++;
			line++, col = 1;
			continue;
		}
		if (u[i] < 0x20 && u[i] != '\t') {
			if (u[i] == 0)
				S_err(c, S_at(line, col), "the file "
				    "contains a NUL byte: it is not a text file "
				    "(or it is saved as UTF-16: save it as "
				    "UTF-8)");
			else
				S_err(c, S_at(line, col), "invisible "
				    "control character (byte 0x%02x): delete "
				    "it", u[i]);
			goto fail;
		}
		if (u[i] == 0x7f) {
			S_err(c, S_at(line, col), "invisible control "
			    "character (byte 0x7f): delete it");
			goto fail;
		}
		if (u[i] < 0x80) {
			buf_putc(&b, u[i]);
			i++, col++;
			continue;
		}
		if ((k = utf8_decode(raw + i, len - i, &cp)) == 0) {
			/*
			 * A lone byte >= 0x80 (not followed by a UTF-8
			 * continuation byte) is how Windows-1252 writes é,
			 * ’ or «; a broken UTF-8 sequence gets no hint.
			 */
			w = i + 1 < len && (u[i + 1] & 0xc0) == 0x80 ? NULL :
			    S_cp1252(u[i]);
			if (w != NULL)
				S_err(c, S_at(line, col), "the file "
				    "is not UTF-8 (byte 0x%02x): it looks saved "
				    "as Windows-1252, where this byte is '%s'; "
				    "save it as UTF-8 (in Word or the editor: "
				    "Save as, Encoding UTF-8)", u[i], w);
			else
				S_err(c, S_at(line, col), "the file "
				    "is not UTF-8 (byte 0x%02x): save it as "
				    "UTF-8", u[i]);
			goto fail;
		}
		if (cp == 0xfeff && b.len > 0) {
			/* A BOM pasted in the middle: drop it silently. */
			i += k;
			col++;
			continue;
		}
		if ((cp >= 0x80 && cp < 0xa0) || cp == 0x2028 ||
		    cp == 0x2029) {
			S_err(c, S_at(line, col), "invisible control "
			    "character (U+%04X): delete it", cp);
			goto fail;
		}
		buf_put(&b, raw + i, k);
		i += k, col++;
	}
	*outlen = b.len;
	return buf_detach(&b);
fail:
	buf_free(&b);
	return NULL;
}

/* Length of a line from s (without its '\n'). */
static size_t
S_linelen(const char *s, const char *end)
{
	const char	*e = memchr(s, '\n', (size_t)(end - s));

	return e ? (size_t)(e - s) : (size_t)(end - s);
}

/* Whether the line is "---" (or "..." when dots), spaces allowed after. */
static int
S_is_delim(const char *s, size_t n, int dots)
{
	size_t	 i;

	if (n < 3 || strncmp(s, dots ? "..." : "---", 3) != 0)
		return 0;
	for (i = 3; i < n; i++)
		if (s[i] != ' ' && s[i] != '\t')
			return 0;
	return 1;
}

static int
S_blank(const char *s, size_t n)
{
	size_t	 i;

	for (i = 0; i < n; i++)
		if (s[i] != ' ' && s[i] != '\t')
			return 0;
	return 1;
}

/*
 * Front matter: the text between the first line "---" and the next
 * "---" (or "...").  Sets the front matter's first line number.
 */
struct front {
	const char	*fm;
	size_t		 fmlen;
	int		 fmline;	/* file line of the text's first line */
	const char	*body;
	int		 bodyline;
};

static int
S_split(struct ctx *c, const char *s, size_t len, struct front *f)
{
	const char	*p = s, *end = s + len, *open;
	size_t		 n;
	int		 line = 1, openline;

	memset(f, 0, sizeof(*f));
	/* Blank lines before the opening "---" are tolerated. */
	while (p < end && S_blank(p, (n = S_linelen(p, end)))) {
		p += n + (p + n < end);
		line++;
	}
	if (p >= end) {
		S_err(c, S_nopos(), "the file is empty: a page starts with a "
		    "line ---, then its fields, then a line ---");
		return 0;
	}
	n = S_linelen(p, end);
	if (!S_is_delim(p, n, 0)) {
		if (memchr(p, ':', n) != NULL)
			S_err(c, S_at(line, 1), "no front matter: "
			    "add a line --- before the first field, and "
			    "another after the last one");
		else
			S_err(c, S_at(line, 1), "no front matter: "
			    "a page starts with a line ---, then its fields "
			    "(nom: ..., resume: ...), then a line ---");
		return 0;
	}
	openline = line;
	open = p + n + (p + n < end);
	p = open;
	line++;
	while (p < end) {
		n = S_linelen(p, end);
		if (S_is_delim(p, n, 0) || S_is_delim(p, n, 1)) {
			f->fm = open;
			f->fmlen = (size_t)(p - open);
			f->fmline = openline + 1;
			f->body = p + n + (p + n < end);
			f->bodyline = line + 1;
			return 1;
		}
		p += n + (p + n < end);
		line++;
	}
	S_err(c, S_at(openline, 1), "the front matter opened here "
	    "is never closed: add a line --- after the last field");
	return 0;
}

/* Bytes of the no-break space (U+00A0 or U+202F) at s, or 0. */
static size_t
S_nbsp(const char *s)
{
	if (strncmp(s, "\xc2\xa0", 2) == 0)
		return 2;
	if (strncmp(s, "\xe2\x80\xaf", 3) == 0)
		return 3;
	return 0;
}

/*
 * Text pasted from Word puts no-break spaces (U+00A0, U+202F) where
 * YAML needs plain spaces: in the indentation and after "key:" or "-".
 * Replace those (one character each, so columns stay right) and report
 * tabs used for indentation, which YAML forbids.  Returns the text
 * (allocated, length in *outlen), or NULL after reporting tabs.
 */
static char *
S_yaml_text(struct ctx *c, const struct front *f, size_t *outlen)
{
	const char	*p = f->fm, *end = f->fm + f->fmlen, *q;
	struct buf	 b;
	size_t		 n, i, col, nb;
	int		 line = f->fmline, tabs = 0, lead;

	buf_init(&b);
	while (p < end) {
		n = S_linelen(p, end);
		lead = 1;
		col = 1;
		for (i = 0; i < n; ) {
			q = p + i;
			if (lead && *q == '\t') {
				S_err(c, S_at(line, (int)col), "a tab "
				    "is used for indentation: YAML needs "
				    "spaces (replace the tab with spaces)");
				tabs++;
				break;
			}
			if ((lead || (i > 0 && (q[-1] == ':' || q[-1] == '-')))
			    && (nb = S_nbsp(q)) > 0) {
				buf_putc(&b, ' ');
				i += nb, col++;
				continue;
			}
			if (*q != ' ' && !(lead && *q == '-' &&
			    (i + 1 == n || q[1] == ' ' ||
			    (unsigned char)q[1] == 0xc2)))
				lead = 0;
			buf_putc(&b, *q);
			if (((unsigned char)*q & 0xc0) != 0x80)
				col++;
			i++;
		}
		if (i < n)	/* stopped at a tab */
			buf_put(&b, p + i, n - i);
		buf_putc(&b, '\n');
		p += n + (p + n < end);
		line++;
	}
	if (tabs) {
		buf_free(&b);
		return NULL;
	}
	*outlen = b.len;
	return buf_detach(&b);
}

/*
 * Reads and parses site.yaml, or a page's front matter (page set; its
 * body then goes to *body, NULL when blank, and *bodyline).  Returns the
 * root mapping, or NULL after a diagnostic, with *unreadable set when
 * the file itself could not be read (a file too large is readable).
 */
static struct ynode *
S_read(struct ctx *c, const char *path, int page, char **body,
    int *bodyline, int *unreadable)
{
	char		*raw = NULL, *norm = NULL, *yt = NULL;
	size_t		 len, nlen, ylen;
	struct front	 f;
	struct ynode	*root = NULL;
	int		 ok;

	*unreadable = 0;
	if (body) {
		*body = NULL;
		*bodyline = 0;
	}
	if (!file_read(path, LOAD_MAX_PAGE, &raw, &len)) {
		struct stat st;

		if (errno == EFBIG && stat(path, &st) == 0)
			S_err(c, S_nopos(), "the file is %.1f MiB, more than "
			    "the %d MiB a page may have: is it really a page?",
			    (double)st.st_size / (1024 * 1024),
			    LOAD_MAX_PAGE / (1024 * 1024));
		else
			S_err(c, S_nopos(), "cannot read the file: %s",
			    strerror(errno));
		*unreadable = errno != EFBIG;
		return NULL;
	}
	if ((norm = S_normalise(c, raw, len, &nlen)) == NULL)
		goto out;
	if (page) {
		if (!S_split(c, norm, nlen, &f))
			goto out;
	} else {
		memset(&f, 0, sizeof(f));
		f.fm = norm;
		f.fmlen = nlen;
		f.fmline = 1;
	}
	if ((yt = S_yaml_text(c, &f, &ylen)) == NULL)
		goto out;
	ok = load_yaml_parse(yt, ylen, f.fmline - 1, c->file, c->d, &root);
	if (!ok)
		goto out;
	if (root == NULL) {
		if (page)
			S_err(c, S_at(f.fmline > 1 ? f.fmline - 1 : 1, 1),
			    "no fields: write the fields as \"key: value\" "
			    "lines between the --- lines");
		else
			S_err(c, S_at(1, 1), "no fields: write the fields as "
			    "\"key: value\" lines");
		goto out;
	}
	if (root->type != YNODE_MAP) {
		S_err(c, root->pos, "the fields must be \"key: value\" lines, "
		    "not a %s", load_yaml_kind(root));
		load_yaml_free(root);
		root = NULL;
		goto out;
	}
	if (page && body) {
		const char *e = norm + nlen;

		if (strspn(f.body, " \t\n") < (size_t)(e - f.body))
			*body = unicode_nfc(f.body, (size_t)(e - f.body),
			    NULL);
		*bodyline = f.bodyline;
	}
out:
	free(raw);
	free(norm);
	free(yt);
	return root;
}

/* ---- field helpers --------------------------------------------------- */

/*
 * Warns about keys not in known[] with a did-you-mean.  where is "" at
 * the top or "adresse: " inside a group (printed as the message's own
 * "adresse:", so that a translation can set its punctuation).
 */
static void
S_keys(struct ctx *c, const struct ynode *map, const char *where,
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
			S_warn(c, map->k[i]->pos, "%.*s: unknown field \"%s\" "
			    "(did you mean \"%s\"?): it is ignored", nw, where,
			    map->k[i]->s, s);
		else if (s != NULL)
			S_warn(c, map->k[i]->pos, "unknown field \"%s\" "
			    "(did you mean \"%s\"?): it is ignored",
			    map->k[i]->s, s);
		else if (nw > 0)
			S_warn(c, map->k[i]->pos, "%.*s: unknown field \"%s\": "
			    "it is ignored", nw, where, map->k[i]->s);
		else
			S_warn(c, map->k[i]->pos, "unknown field \"%s\": it "
			    "is ignored", map->k[i]->s);
	}
}

/* Whether key has a non-null value (maybe a wrong one, already reported). */
static int
S_present(const struct ynode *map, const char *key)
{
	const struct ynode *v = load_yaml_get(map, key);

	return v != NULL && !load_yaml_is_null(v) &&
	    !(v->type == YNODE_SCALAR && v->s[strspn(v->s, " ")] == '\0');
}

/* Position of key's value, or of the map when absent. */
static struct pos
S_keypos(const struct ynode *map, const char *key)
{
	const struct ynode *v = load_yaml_get(map, key);

	return v ? v->pos : map->pos;
}

/* Scalar text, trimmed, “curly quotes” around a plain value removed. */
static char *
S_scalar(const struct ynode *n)
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

enum { OPT = 0, REQ = 1 };

/*
 * Reads a text field of map into out.  Returns 1 when a non-empty text
 * was read, 0 when absent, empty or not a text (diagnostics added:
 * required and absent, or wrong type).
 */
static int
S_text(struct ctx *c, const struct ynode *map, const char *key,
    const char *path, int req, struct text *out)
{
	const struct ynode *v = load_yaml_get(map, key);
	char	*t;

	out->s = NULL;
	out->pos = v ? v->pos : map->pos;
	if (v == NULL || load_yaml_is_null(v)) {
		if (req)
			S_err(c, out->pos, "%s: missing, this field is "
			    "required", path);
		return 0;
	}
	if (v->type != YNODE_SCALAR) {
		S_err(c, v->pos, "%s: expected a text, found a %s", path,
		    load_yaml_kind(v));
		return 0;
	}
	t = S_scalar(v);
	if (*t == '\0') {
		free(t);
		if (req)
			S_err(c, v->pos, "%s: empty, this field is required",
			    path);
		return 0;
	}
	out->s = t;
	return 1;
}

/*
 * Reads a list of texts (a single text counts as a list of one).
 * Returns the number of items read.
 */
static size_t
S_texts(struct ctx *c, const struct ynode *map, const char *key,
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
			S_err(c, v ? v->pos : map->pos, "%s: missing, give at "
			    "least one item", path);
		return 0;
	}
	if (v->type == YNODE_MAP) {
		S_err(c, v->pos, "%s: expected a list (lines starting with "
		    "\"- \"), found a group of fields", path);
		return 0;
	}
	out->v = xcalloc(v->type == YNODE_SEQ ? v->n : 1, sizeof(*out->v));
	for (i = 0; i < (v->type == YNODE_SEQ ? v->n : 1); i++) {
		it = v->type == YNODE_SEQ ? v->v[i] : v;
		if (it->type != YNODE_SCALAR) {
			S_err(c, it->pos, "%s: item %zu should be a text, not "
			    "a %s", path, i + 1, load_yaml_kind(it));
			continue;
		}
		t = S_scalar(it);
		if (*t == '\0') {
			S_err(c, it->pos, "%s: item %zu is empty", path, i + 1);
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
static void
S_texts_once(struct ctx *c, const char *path, struct texts *ts)
{
	size_t	 i, j, n = 0;

	for (i = 0; i < ts->n; i++) {
		for (j = 0; j < n; j++)
			if (strcmp(ts->v[j].s, ts->v[i].s) == 0)
				break;
		if (j < n) {
			S_warn(c, ts->v[i].pos, "%s: \"%s\" is listed twice: "
			    "keep it once", path, ts->v[i].s);
			free(ts->v[i].s);
			continue;
		}
		ts->v[n++] = ts->v[i];
	}
	ts->n = n;
}

/* A group of fields (mapping); NULL when absent; error when another type. */
static const struct ynode *
S_group(struct ctx *c, const struct ynode *map, const char *key,
    const char *path, int req)
{
	const struct ynode *v = load_yaml_get(map, key);

	if (v == NULL || load_yaml_is_null(v)) {
		if (req)
			S_err(c, v ? v->pos : map->pos, "%s: missing, this "
			    "field is required", path);
		return NULL;
	}
	if (v->type != YNODE_MAP) {
		S_err(c, v->pos, "%s: expected a group of fields (indented "
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
static int
S_choice(struct ctx *c, const struct text *t, const char *path,
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
	S_err(c, t->pos, "%s: \"%s\" is not one of the accepted values: %s",
	    path, t->s, shown);
	free(shown);
	return -1;
}

static void
S_phone(struct ctx *c, const struct ynode *map, const char *path,
    struct phone *ph)
{
	char	*why = NULL;

	if (!S_text(c, map, "telephone", path, OPT, &ph->raw))
		return;
	if (!validate_phone(ph->raw.s, &ph->display, &ph->uri, &why)) {
		S_err(c, ph->raw.pos, "%s: %s", path, why);
		free(why);
	}
}

static void
S_email(struct ctx *c, const struct ynode *map, const char *path, int req,
    struct text *t)
{
	char	*why = NULL;

	if (!S_text(c, map, "courriel", path, req, t))
		return;
	if (strncasecmp(t->s, "mailto:", 7) == 0)
		memmove(t->s, t->s + 7, strlen(t->s + 7) + 1);
	if (!validate_email(t->s, &why)) {
		S_err(c, t->pos, "%s: %s", path, why);
		free(why);
	}
}

static void
S_url(struct ctx *c, const struct ynode *map, const char *key,
    const char *path, struct text *t)
{
	char	*why = NULL;

	if (!S_text(c, map, key, path, OPT, t))
		return;
	if (!validate_url(t->s, &why)) {
		S_err(c, t->pos, "%s: %s", path, why);
		free(why);
	}
}

/* Joins a prefix and a key for messages: "adresse" + "rue". */
static char *
S_path(const char *prefix, const char *key)
{
	return *prefix ? xasprintf("%s.%s", prefix, key) : xstrdup(key);
}

static void
S_address(struct ctx *c, const struct ynode *map, const char *key,
    int req, struct address *a)
{
	static const char *const keys[] = {
		"rue", "complement", "code_postal", "ville"
	};
	const struct ynode *g;
	char	*why = NULL, *where;

	if ((g = S_group(c, map, key, key, req)) == NULL)
		return;
	where = xasprintf("%s: ", key);
	S_keys(c, g, where, keys, 4);
	free(where);
	S_text(c, g, "rue", "adresse.rue", REQ, &a->rue);
	S_text(c, g, "complement", "adresse.complement", OPT, &a->complement);
	if (S_text(c, g, "code_postal", "adresse.code_postal", REQ,
	    &a->code_postal) && !validate_code_postal(a->code_postal.s, &why)) {
		S_err(c, a->code_postal.pos, "adresse.code_postal: %s", why);
		free(why);
	}
	S_text(c, g, "ville", "adresse.ville", REQ, &a->ville);
}

/* ---- site.yaml ------------------------------------------------------- */

static void
S_organisation(struct ctx *c, const struct ynode *map, const char *key,
    int email_req, struct organisation *o)
{
	static const char *const keys[] = {
		"nom", "adresse", "telephone", "courriel", "site"
	};
	const struct ynode *g;
	char	*where, *p;

	if ((g = S_group(c, map, key, key, REQ)) == NULL)
		return;
	where = xasprintf("%s: ", key);
	S_keys(c, g, where, keys, 5);
	free(where);
	p = S_path(key, "nom");
	S_text(c, g, "nom", p, REQ, &o->nom);
	free(p);
	S_address(c, g, "adresse", OPT, &o->adresse);
	p = S_path(key, "telephone");
	S_phone(c, g, p, &o->telephone);
	free(p);
	p = S_path(key, "courriel");
	S_email(c, g, p, email_req, &o->courriel);
	free(p);
	p = S_path(key, "site");
	S_url(c, g, "site", p, &o->site);
	free(p);
}

/* Remembers a key of site.yaml whose entry has errors. */
static void
S_remember(struct texts *t, const char *key)
{
	if (key == NULL)
		return;
	t->v = xreallocarray(t->v, t->n + 1, sizeof(*t->v));
	t->v[t->n].s = xstrdup(key);
	t->v[t->n++].pos = S_nopos();
}

/*
 * Whether key names an entry of site.yaml that has errors: the page is
 * then left out without a second, misleading error.
 */
static int
S_remembered(struct ctx *c, const struct texts *t, const char *key)
{
	size_t	 i;

	for (i = 0; i < t->n; i++)
		if (strcmp(t->v[i].s, key) == 0) {
			c->drop = 1;
			return 1;
		}
	return 0;
}

/*
 * Reads the cle of an item of categories (cats) or thematiques into
 * *key (NULL when absent): a slug not given by an earlier item.
 * Returns 0 after an error (*key may still be set).
 */
static int
S_cle(struct ctx *c, const struct ynode *it, int cats, char **key)
{
	const char	*list = cats ? "categories" : "thematiques";
	const struct category *cat;
	const struct thematique *th;
	const struct pos *first = NULL;
	struct text	 t;
	char		*path, *sl;
	int		 ok = 1;

	path = xasprintf("%s.cle", list);
	*key = NULL;
	if (!S_text(c, it, "cle", path, REQ, &t)) {
		ok = 0;
		goto out;
	}
	if (!validate_slug(t.s)) {
		sl = validate_slugify(t.s);
		S_err(c, t.pos, "%s: \"%s\" is not a key: use lowercase "
		    "letters, digits and '-' (for example \"%s\")", path, t.s,
		    sl);
		free(sl);
		ok = 0;
	}
	if (cats && (cat = model_category(c->site, t.s)) != NULL)
		first = &cat->pos;
	else if (!cats && (th = model_thematique(c->site, t.s)) != NULL)
		first = &th->pos;
	if (first != NULL) {
		S_err(c, t.pos, "%s: \"%s\" is given twice (first on line %d)",
		    path, t.s, first->line);
		ok = 0;
	}
	*key = t.s;
out:
	free(path);
	return ok;
}

static void
S_categories(struct ctx *c, const struct ynode *root, struct site *s)
{
	static const char *const keys[] = { "cle", "libelle", "couleur" };
	const struct ynode *v = load_yaml_get(root, "categories"), *it;
	struct category	*cat;
	struct text	 t;
	char		*why;
	size_t		 i;
	int		 ok;

	if (v == NULL || load_yaml_is_null(v) ||
	    (v->type == YNODE_SEQ && v->n == 0)) {
		S_err(c, v ? v->pos : root->pos, "categories: missing, give at "
		    "least one category (cle, libelle, couleur)");
		return;
	}
	if (v->type != YNODE_SEQ) {
		S_err(c, v->pos, "categories: expected a list of categories, "
		    "found a %s", load_yaml_kind(v));
		return;
	}
	s->categories = xcalloc(v->n, sizeof(*s->categories));
	for (i = 0; i < v->n; i++) {
		it = v->v[i];
		if (it->type != YNODE_MAP) {
			S_err(c, it->pos, "categories: item %zu should be a "
			    "group of fields (cle, libelle, couleur), not a %s",
			    i + 1, load_yaml_kind(it));
			continue;
		}
		S_keys(c, it, "categories: ", keys, 3);
		cat = &s->categories[s->ncategories];
		memset(cat, 0, sizeof(*cat));
		cat->pos = it->pos;
		ok = S_cle(c, it, 1, &cat->key);
		if (S_text(c, it, "libelle", "categories.libelle", REQ, &t))
			cat->label = t.s;
		else
			ok = 0;
		if (S_text(c, it, "couleur", "categories.couleur", REQ, &t)) {
			why = NULL;
			if (!validate_color(t.s, &cat->rgb, &cat->color,
			    &why)) {
				S_err(c, t.pos, "categories.couleur: %s", why);
				free(why);
				ok = 0;
			}
			free(t.s);
		} else
			ok = 0;
		if (ok) {
			s->ncategories++;
		} else {
			S_remember(&c->badcats, cat->key);
			free(cat->key);
			free(cat->label);
			free(cat->color);
			memset(cat, 0, sizeof(*cat));
		}
	}
}

/*
 * Whether the pictogram t names an icon of Fork Awesome (the font the
 * site and the booklet draw); an error with a did-you-mean if not.
 * When the font cannot be read, nothing is said here: the build says
 * it.
 */
static int
S_picto(struct ctx *c, const struct text *t)
{
	const char	**names, *sug;
	size_t		 i, n;

	if (!c->picto_tried) {
		c->picto_tried = 1;
		if ((c->picto = picto_open(PICTO_FONT_PATH,
		    PICTO_CSS_PATH)) == NULL)
			c->picto = picto_open(PICTO_FONT_PATH, NULL);
	}
	if (c->picto == NULL || picto_codepoint(c->picto, t->s) != 0)
		return 1;
	n = picto_count(c->picto);
	names = xcalloc(n ? n : 1, sizeof(*names));
	for (i = 0; i < n; i++)
		names[i] = picto_name(c->picto, i);
	if ((sug = validate_suggest(t->s, names, n)) != NULL)
		S_err(c, t->pos, "thematiques.picto: \"%s\" is not an icon "
		    "of Fork Awesome (did you mean \"%s\"?)", t->s, sug);
	else
		S_err(c, t->pos, "thematiques.picto: \"%s\" is not an icon "
		    "of Fork Awesome: see https://forkaweso.me/Fork-Awesome/"
		    "icons/ for their names", t->s);
	free(names);
	return 0;
}

static void
S_thematiques(struct ctx *c, const struct ynode *root, struct site *s)
{
	static const char *const keys[] = { "cle", "libelle", "picto" };
	const struct ynode *v = load_yaml_get(root, "thematiques"), *it;
	struct thematique *th;
	struct text	 t;
	size_t		 i;
	int		 ok;

	if (v == NULL || load_yaml_is_null(v) ||
	    (v->type == YNODE_SEQ && v->n == 0)) {
		S_err(c, v ? v->pos : root->pos, "thematiques: missing, give "
		    "at least one thematique (cle, libelle)");
		return;
	}
	if (v->type != YNODE_SEQ) {
		S_err(c, v->pos, "thematiques: expected a list of thematiques, "
		    "found a %s", load_yaml_kind(v));
		return;
	}
	s->thematiques = xcalloc(v->n, sizeof(*s->thematiques));
	for (i = 0; i < v->n; i++) {
		it = v->v[i];
		if (it->type != YNODE_MAP) {
			S_err(c, it->pos, "thematiques: item %zu should be a "
			    "group of fields (cle, libelle, picto), not a %s",
			    i + 1, load_yaml_kind(it));
			continue;
		}
		S_keys(c, it, "thematiques: ", keys, 3);
		th = &s->thematiques[s->nthematiques];
		memset(th, 0, sizeof(*th));
		th->pos = it->pos;
		ok = S_cle(c, it, 0, &th->key);
		if (S_text(c, it, "libelle", "thematiques.libelle", REQ, &t))
			th->label = t.s;
		else
			ok = 0;
		if (S_text(c, it, "picto", "thematiques.picto", OPT, &t)) {
			if (!validate_slug(t.s)) {
				S_err(c, t.pos, "thematiques.picto: \"%s\" is "
				    "not an icon name such as \"home\"", t.s);
				ok = 0;
			} else if (!S_picto(c, &t))
				ok = 0;
			th->icon = t.s;
		}
		if (ok) {
			s->nthematiques++;
		} else {
			S_remember(&c->badthems, th->key);
			free(th->key);
			free(th->label);
			free(th->icon);
			memset(th, 0, sizeof(*th));
		}
	}
}

/* Returns 0 when site.yaml cannot be read at all. */
static int
S_site(struct ctx *c, struct site *s)
{
	static const char *const keys[] = {
		"titre", "sous_titre", "edition", "url", "editeur",
		"coordination", "edito", "categories", "thematiques",
		"data_inclusion"
	};
	struct ynode	*root;
	const struct ynode *g;
	struct text	 t;
	int		 unreadable;
	char		*end;
	long		 y;

	root = S_read(c, s->path, 0, NULL, NULL, &unreadable);
	if (root == NULL)
		return !unreadable;
	S_keys(c, root, "", keys, sizeof(keys) / sizeof(keys[0]));
	S_text(c, root, "titre", "titre", REQ, &s->titre);
	S_text(c, root, "sous_titre", "sous_titre", OPT, &s->sous_titre);
	c->edition_pos = S_keypos(root, "edition");
	if (S_text(c, root, "edition", "edition", REQ, &t)) {
		errno = 0;
		y = strtol(t.s, &end, 10);
		if (*end != '\0' || errno || y < 1900 || y > 2999)
			S_err(c, t.pos, "edition: \"%s\" is not a year such as "
			    "2018", t.s);
		else
			s->edition = (int)y;
		free(t.s);
	}
	S_url(c, root, "url", "url", &s->url);
	if (s->url.s != NULL && s->url.s[strlen(s->url.s) - 1] != '/') {
		char *u = xasprintf("%s/", s->url.s);

		free(s->url.s);
		s->url.s = u;
	}
	S_organisation(c, root, "editeur", 0, &s->editeur);
	S_organisation(c, root, "coordination", 1, &s->coordination);
	if ((g = S_group(c, root, "edito", "edito", OPT)) != NULL) {
		static const char *const ek[] = { "texte", "signature" };

		S_keys(c, g, "edito: ", ek, 2);
		S_text(c, g, "texte", "edito.texte", REQ, &s->edito);
		S_text(c, g, "signature", "edito.signature", OPT,
		    &s->edito_signature);
	}
	S_categories(c, root, s);
	S_thematiques(c, root, s);
	load_di_mapping(root, s, &c->badthems, c->file, c->d);
	load_yaml_free(root);
	return 1;
}

/* ---- partner pages --------------------------------------------------- */

static const char *const S_partner_keys[] = {
	"nom", "sigle", "categorie", "thematiques", "resume", "missions",
	"actions", "public", "acces", "langues", "accessibilite", "adresse",
	"transports", "horaires", "telephone", "courriel", "site",
	"contacts", "logo", "liens", "mise_a_jour", "suivi", "note_suivi"
};

/*
 * Reports t, a key that is not among the categories (cats) or the
 * thematiques of site.yaml, with a did-you-mean or else the list of
 * keys.
 */
static void
S_not_in_site(struct ctx *c, const struct text *t, int cats)
{
	const struct site *s = c->site;
	size_t		 i, n = cats ? s->ncategories : s->nthematiques;
	const char	**keys;
	const char	*sug;
	struct buf	 b;

	keys = xcalloc(n ? n : 1, sizeof(*keys));
	for (i = 0; i < n; i++)
		keys[i] = cats ? s->categories[i].key : s->thematiques[i].key;
	if ((sug = validate_suggest(t->s, keys, n)) != NULL) {
		if (cats)
			S_err(c, t->pos, "categorie: \"%s\" is not a category "
			    "of site.yaml (did you mean \"%s\"?)", t->s, sug);
		else
			S_err(c, t->pos, "thematiques: \"%s\" is not a "
			    "thematique of site.yaml (did you mean \"%s\"?)",
			    t->s, sug);
		goto out;
	}
	buf_init(&b);
	for (i = 0; i < n; i++)
		buf_printf(&b, "%s%s", i ? ", " : "", keys[i]);
	if (cats)
		S_err(c, t->pos, "categorie: \"%s\" is not a category of "
		    "site.yaml; the categories are: %s", t->s, buf_cstr(&b));
	else
		S_err(c, t->pos, "thematiques: \"%s\" is not a thematique "
		    "of site.yaml; they are: %s", t->s, buf_cstr(&b));
	buf_free(&b);
out:
	free(keys);
}

static void
S_categorie(struct ctx *c, const struct ynode *root, struct partner *p)
{
	struct text	 t;

	if (!S_text(c, root, "categorie", "categorie", REQ, &t))
		return;
	if (c->site->ncategories == 0) {
		free(t.s);
		return;		/* site.yaml has errors: already said */
	}
	if ((p->category = model_category(c->site, t.s)) == NULL &&
	    !S_remembered(c, &c->badcats, t.s))
		S_not_in_site(c, &t, 1);
	free(t.s);
}

static void
S_partner_thematiques(struct ctx *c, const struct ynode *root,
    struct partner *p)
{
	struct texts	 ts;
	struct thematique *th;
	size_t		 i;

	if (S_texts(c, root, "thematiques", "thematiques", REQ, &ts) == 0)
		goto out;
	S_texts_once(c, "thematiques", &ts);
	if (c->site->nthematiques == 0)
		goto out;
	p->thematiques = xcalloc(ts.n, sizeof(*p->thematiques));
	for (i = 0; i < ts.n; i++) {
		if ((th = model_thematique(c->site, ts.v[i].s)) != NULL)
			p->thematiques[p->nthematiques++] = th;
		else if (!S_remembered(c, &c->badthems, ts.v[i].s))
			S_not_in_site(c, &ts.v[i], 0);
	}
out:
	model_texts_free(&ts);
}

static void
S_actions(struct ctx *c, const struct ynode *root, struct partner *p)
{
	static const char *const keys[] = { "titre", "description" };
	const struct ynode *v = load_yaml_get(root, "actions"), *it;
	struct action	*a;
	size_t		 i;

	if (v == NULL || load_yaml_is_null(v))
		return;
	if (v->type != YNODE_SEQ) {
		S_err(c, v->pos, "actions: expected a list (lines starting "
		    "with \"- \"), found a %s", load_yaml_kind(v));
		return;
	}
	p->actions = xcalloc(v->n ? v->n : 1, sizeof(*p->actions));
	for (i = 0; i < v->n; i++) {
		it = v->v[i];
		a = &p->actions[p->nactions];
		if (it->type == YNODE_SCALAR) {
			a->titre.pos = it->pos;
			a->titre.s = S_scalar(it);
			if (*a->titre.s == '\0') {
				S_err(c, it->pos, "actions: item %zu is empty",
				    i + 1);
				free(a->titre.s);
				a->titre.s = NULL;
				continue;
			}
		} else if (it->type == YNODE_MAP) {
			S_keys(c, it, "actions: ", keys, 2);
			if (!S_text(c, it, "titre", "actions.titre", REQ,
			    &a->titre))
				continue;
			S_text(c, it, "description", "actions.description",
			    OPT, &a->description);
		} else {
			S_err(c, it->pos, "actions: item %zu should be a text "
			    "or a group (titre, description), not a list",
			    i + 1);
			continue;
		}
		p->nactions++;
	}
}

static void
S_acces(struct ctx *c, const struct ynode *root, struct partner *p)
{
	static const char *const keys[] = { "modalites", "cout", "precisions" };
	const struct ynode *g;
	struct texts	 ts;
	struct text	 t;
	size_t		 i;
	int		 k;
	char		*f;

	if ((g = S_group(c, root, "acces", "acces", OPT)) == NULL)
		return;
	S_keys(c, g, "acces: ", keys, 3);
	S_texts(c, g, "modalites", "acces.modalites", OPT, &ts);
	for (i = 0; i < ts.n; i++) {
		/* "sur orientation d'un travailleur social" is fine too. */
		f = str_fold_words(ts.v[i].s);
		if (strncmp(f, "sur orientation", 15) == 0)
			k = MOD_ORIENTATION;
		else
			k = S_choice(c, &ts.v[i], "acces.modalites",
			    model_modalites, MOD__COUNT);
		free(f);
		if (k >= 0)
			p->modalites |= (unsigned int)k;
	}
	model_texts_free(&ts);
	if (S_text(c, g, "cout", "acces.cout", OPT, &t)) {
		k = S_choice(c, &t, "acces.cout", model_couts, MODEL_NCOUTS);
		if (k >= 0)
			p->cout = (enum cout)k;
		free(t.s);
	}
	S_text(c, g, "precisions", "acces.precisions", OPT,
	    &p->acces_precisions);
}

static void
S_langues(struct ctx *c, const struct ynode *root, struct partner *p)
{
	size_t		 i, j;
	char		*s, *f, *lf;
	const char	*code, *label;

	S_texts(c, root, "langues", "langues", OPT, &p->langues);
	/* Codes are lower case: "FR" is "fr", and [fr, FR] lists it twice. */
	for (i = 0; i < p->langues.n; i++)
		for (f = p->langues.v[i].s; *f != '\0'; f++)
			if (*f >= 'A' && *f <= 'Z')
				*f = (char)(*f - 'A' + 'a');
	S_texts_once(c, "langues", &p->langues);
	for (i = 0; i < p->langues.n; i++) {
		s = p->langues.v[i].s;
		if (model_langue_label(s) != NULL)
			continue;
		/* "anglais" -> "en" */
		f = str_fold(s);
		for (j = 0; (code = model_langue_code(j)) != NULL; j++) {
			label = model_langue_label(code);
			lf = str_fold(label);
			if (strcmp(lf, f) == 0) {
				free(lf);
				break;
			}
			free(lf);
		}
		free(f);
		if (code != NULL)
			S_err(c, p->langues.v[i].pos, "langues: write the "
			    "code \"%s\" for %s", code, s);
		else
			S_err(c, p->langues.v[i].pos, "langues: \"%s\" is not "
			    "a language code: use two letters (fr, en, ar...) "
			    "or lsf", s);
	}
}

static void
S_accessibilite(struct ctx *c, const struct ynode *root, struct partner *p)
{
	static const char *const keys[] = { "niveau", "precisions" };
	const struct ynode *v = load_yaml_get(root, "accessibilite");
	struct text	 t;
	int		 k;

	if (v == NULL || load_yaml_is_null(v))
		return;
	if (v->type == YNODE_SCALAR) {
		/* Shorthand: accessibilite: oui */
		if (!S_text(c, root, "accessibilite", "accessibilite", OPT,
		    &t))
			return;
	} else if (v->type == YNODE_MAP) {
		S_keys(c, v, "accessibilite: ", keys, 2);
		S_text(c, v, "precisions", "accessibilite.precisions", OPT,
		    &p->accessibilite_precisions);
		/* niveau is needed only when something is said. */
		if (!S_text(c, v, "niveau", "accessibilite.niveau",
		    p->accessibilite_precisions.s != NULL, &t))
			return;
	} else {
		S_err(c, v->pos, "accessibilite: expected oui, non, partiel "
		    "or a group (niveau, precisions), found a list");
		return;
	}
	k = S_choice(c, &t, "accessibilite", model_accessibilites,
	    MODEL_NACCESSIBILITES);
	if (k >= 0)
		p->accessibilite = (enum accessibilite)k;
	free(t.s);
}

/* One day of opening hours: a text, a list of texts, or empty. */
static void
S_day(struct ctx *c, const struct ynode *v, int day, struct day_hours *dh)
{
	const struct ynode *it;
	size_t		 i, n;
	char		*t, *why;
	struct timerange r;

	dh->pos = v->pos;
	if (load_yaml_is_null(v))
		return;
	if (v->type == YNODE_MAP) {
		S_err(c, v->pos, "horaires.%s: expected a range such as "
		    "\"09:00-12:00\" or a list of ranges, found a group of "
		    "fields", model_days[day].word);
		return;
	}
	n = v->type == YNODE_SEQ ? v->n : 1;
	dh->v = xcalloc(n ? n : 1, sizeof(*dh->v));
	for (i = 0; i < n; i++) {
		it = v->type == YNODE_SEQ ? v->v[i] : v;
		if (it->type != YNODE_SCALAR) {
			S_err(c, it->pos, "horaires.%s: expected a range such "
			    "as \"09:00-12:00\", found a %s", model_days[day].word,
			    load_yaml_kind(it));
			continue;
		}
		t = S_scalar(it);
		if (n == 1 && it == v) {
			char *f = str_fold_words(t);

			if (strcmp(f, "ferme") == 0 || *f == '\0') {
				free(f);
				free(t);
				return;
			}
			free(f);
		}
		/*
		 * dh->v holds only ranges that passed, so checking it with
		 * the new range appended checks the new range alone.
		 */
		why = NULL;
		if (validate_hours(t, &r, &why)) {
			dh->v[dh->n] = r;
			if (validate_ranges(dh->v, dh->n + 1, NULL, &why))
				dh->n++;
		}
		if (why != NULL) {
			S_err(c, it->pos, "horaires.%s: %s", model_days[day].word, why);
			free(why);
		}
		free(t);
	}
}

static void
S_horaires(struct ctx *c, const struct ynode *root, struct partner *p)
{
	const char	*keys[8];
	const struct ynode *g, *v;
	int		 d;

	if ((g = S_group(c, root, "horaires", "horaires", OPT)) == NULL)
		return;
	p->horaires.present = 1;
	for (d = 0; d < 7; d++)
		keys[d] = model_days[d].word;
	keys[7] = "precisions";
	S_keys(c, g, "horaires: ", keys, 8);
	for (d = 0; d < 7; d++)
		if ((v = load_yaml_get(g, model_days[d].word)) != NULL)
			S_day(c, v, d, &p->horaires.days[d]);
	S_text(c, g, "precisions", "horaires.precisions", OPT,
	    &p->horaires.precisions);
}

static void
S_contacts(struct ctx *c, const struct ynode *root, struct partner *p)
{
	static const char *const keys[] = {
		"nom", "fonction", "telephone", "courriel"
	};
	const struct ynode *v = load_yaml_get(root, "contacts"), *it;
	struct contact	*ct;
	size_t		 i;

	if (v == NULL || load_yaml_is_null(v))
		return;
	if (v->type != YNODE_SEQ) {
		S_err(c, v->pos, "contacts: expected a list of people (lines "
		    "starting with \"- nom: \"), found a %s",
		    load_yaml_kind(v));
		return;
	}
	p->contacts = xcalloc(v->n ? v->n : 1, sizeof(*p->contacts));
	for (i = 0; i < v->n; i++) {
		it = v->v[i];
		if (it->type != YNODE_MAP) {
			S_err(c, it->pos, "contacts: item %zu should be a group "
			    "(nom, fonction, telephone, courriel), not a %s",
			    i + 1, load_yaml_kind(it));
			continue;
		}
		S_keys(c, it, "contacts: ", keys, 4);
		/* An item left blank (as in the template) is no contact. */
		if (!S_present(it, "nom") && !S_present(it, "fonction") &&
		    !S_present(it, "telephone") && !S_present(it, "courriel"))
			continue;
		ct = &p->contacts[p->ncontacts++];
		S_text(c, it, "nom", "contacts.nom", REQ, &ct->nom);
		S_text(c, it, "fonction", "contacts.fonction", OPT,
		    &ct->fonction);
		S_phone(c, it, "contacts.telephone", &ct->telephone);
		S_email(c, it, "contacts.courriel", OPT, &ct->courriel);
	}
}

/*
 * The on-disk name of rel (relative to dir) whose components are equal
 * to those of rel once in NFC: a file copied from macOS keeps its name
 * in NFD ("cafe" + U+0301) while the page names it in NFC.  Allocated
 * relative path, or NULL when there is none.
 */
static char *
S_find_nfc(const char *dir, const char *rel)
{
	char		*cur = xstrdup(dir), *out = NULL, *dup, *seg, *save,
			*nfc, *next;
	struct buf	 b;
	DIR		*d;
	struct dirent	*e;

	buf_init(&b);
	dup = xstrdup(rel);
	for (seg = strtok_r(dup, "/", &save); seg != NULL;
	    seg = strtok_r(NULL, "/", &save)) {
		if ((d = opendir(cur)) == NULL)
			goto out;
		while ((e = readdir(d)) != NULL) {
			nfc = unicode_nfc(e->d_name, strlen(e->d_name), NULL);
			if (strcmp(nfc, seg) == 0) {
				free(nfc);
				break;
			}
			free(nfc);
		}
		if (e == NULL) {
			closedir(d);
			goto out;
		}
		buf_printf(&b, "%s%s", b.len ? "/" : "", e->d_name);
		next = path_join(cur, e->d_name);
		closedir(d);
		free(cur);
		cur = next;
	}
	out = buf_detach(&b);
out:
	buf_free(&b);
	free(dup);
	free(cur);
	return out;
}

/*
 * The logo: a relative path inside content/ (no "..", no absolute
 * path, no symbolic link out), a regular file of at most
 * IMAGE_MAX_BYTES, a PNG or JPEG (by its first bytes) that decodes in
 * full within the pixel limits of image.h.  A name written in NFC that
 * is on disk in NFD is found, and logo.s then holds the name on disk.
 */
static void
S_logo(struct ctx *c, const struct ynode *root, struct partner *p)
{
	struct text	*t = &p->logo;
	char		*path = NULL, *rc = NULL, *rf = NULL, *seg, *dup,
			*data = NULL, *disk, why[200];
	struct stat	 st;
	size_t		 n, lrc;
	struct image	 img;

	if (!S_text(c, root, "logo", "logo", OPT, t))
		return;
	if (t->s[0] == '/' || strstr(t->s, "://") != NULL ||
	    strchr(t->s, '\\') != NULL) {
		S_err(c, t->pos, "logo: \"%s\" must be a path inside the "
		    "content folder, such as logos/caf.png", t->s);
		return;
	}
	dup = xstrdup(t->s);
	for (seg = strtok(dup, "/"); seg != NULL; seg = strtok(NULL, "/"))
		if (strcmp(seg, "..") == 0)
			break;
	free(dup);
	if (seg != NULL) {
		S_err(c, t->pos, "logo: \"%s\" goes outside the content "
		    "folder: put the image in %s/logos/", t->s,
		    c->content_dir);
		return;
	}
	path = path_join(c->content_dir, t->s);
	if (stat(path, &st) == -1 && errno == ENOENT &&
	    (disk = S_find_nfc(c->content_dir, t->s)) != NULL) {
		free(t->s);
		t->s = disk;
		free(path);
		path = path_join(c->content_dir, t->s);
	}
	if (stat(path, &st) == -1) {
		S_err(c, t->pos, "logo: %s does not exist", path);
		goto out;
	}
	if (!S_ISREG(st.st_mode)) {
		S_err(c, t->pos, "logo: %s is not a file", path);
		goto out;
	}
	/* A symbolic link must not lead out of content/ either. */
	rc = realpath(c->content_dir, NULL);
	rf = realpath(path, NULL);
	lrc = rc ? strlen(rc) : 0;
	if (rc == NULL || rf == NULL || strncmp(rf, rc, lrc) != 0 ||
	    rf[lrc] != '/') {
		S_err(c, t->pos, "logo: %s leads outside the content folder",
		    path);
		goto out;
	}
	if (st.st_size > IMAGE_MAX_BYTES) {
		S_err(c, t->pos, "logo: %s is %.1f MiB, more than %d MiB: "
		    "use a smaller image (400 pixels wide is plenty)", path,
		    (double)st.st_size / (1024 * 1024),
		    IMAGE_MAX_BYTES / (1024 * 1024));
		goto out;
	}
	if (!file_read(path, IMAGE_MAX_BYTES, &data, &n)) {
		S_err(c, t->pos, "logo: cannot read %s: %s", path,
		    strerror(errno));
		goto out;
	}
	if (image_type(data, n) == IMAGE_UNKNOWN) {
		if (n >= 6 && (memcmp(data, "GIF87a", 6) == 0 ||
		    memcmp(data, "GIF89a", 6) == 0))
			S_err(c, t->pos, "logo: %s is a GIF image: convert it "
			    "to PNG", path);
		else if (n >= 12 && memcmp(data, "RIFF", 4) == 0 &&
		    memcmp(data + 8, "WEBP", 4) == 0)
			S_err(c, t->pos, "logo: %s is a WebP image: convert it "
			    "to PNG", path);
		else if (n >= 5 && (memcmp(data, "<?xml", 5) == 0 ||
		    memcmp(data, "<svg", 4) == 0))
			S_err(c, t->pos, "logo: %s is an SVG image: convert it "
			    "to PNG", path);
		else
			S_err(c, t->pos, "logo: %s is not a PNG or JPEG image",
			    path);
		goto out;
	}
	/* Decoded in full: what the booklet would refuse, check refuses. */
	if (image_decode(data, n, 0, &img, why, sizeof(why))) {
		p->logo_w = img.w;
		p->logo_h = img.h;
	} else {
		if (img.w > IMAGE_MAX_SIDE || img.h > IMAGE_MAX_SIDE ||
		    (size_t)img.w * img.h > IMAGE_MAX_PIXELS)
			S_err(c, t->pos, "logo: %s: %s: use a smaller image "
			    "(400 pixels wide is plenty)", path, why);
		else
			S_err(c, t->pos, "logo: %s is not a valid %s image: "
			    "%s; save or export it again", path,
			    img.type == IMAGE_JPEG ? "JPEG" : "PNG", why);
	}
	image_free(&img);
out:
	free(data);
	free(path);
	free(rc);
	free(rf);
}

/*
 * Whether the date is after today (UTC).  The clock decides whether a
 * build passes, never what it writes.  SOURCE_DATE_EPOCH, when set and
 * later than the clock, is today: a build dated from the future accepts
 * what was up to date then.
 */
static int
S_after_today(const struct date *dt)
{
	long long	 now = (long long)time(NULL), sde;
	struct date	 today;

	if ((sde = build_epoch(now)) > now)
		now = sde;
	date_from_epoch(now, &today);
	if (dt->y != today.y)
		return dt->y > today.y;
	if (dt->m != today.m)
		return dt->m > today.m;
	return dt->d > today.d;
}

static void
S_dates(struct ctx *c, const struct ynode *root, struct partner *p)
{
	struct text	 t;
	char		*why = NULL;

	if (!S_text(c, root, "mise_a_jour", "mise_a_jour", REQ, &t))
		return;
	p->mise_a_jour_pos = t.pos;
	if (!validate_date(t.s, &p->mise_a_jour, &why)) {
		S_err(c, t.pos, "mise_a_jour: %s", why);
		free(why);
	} else if (S_after_today(&p->mise_a_jour)) {
		S_err(c, t.pos, "mise_a_jour: %s is in the future: write the "
		    "date the page was last checked", t.s);
	} else if (c->site->edition > 0 &&
	    p->mise_a_jour.y < c->site->edition)
		S_warn(c, t.pos, "mise_a_jour: the page was last checked on "
		    "%s, before the %d edition: ask the partner to check it",
		    t.s, c->site->edition);
	free(t.s);
}

static void
S_suivi(struct ctx *c, const struct ynode *root, struct partner *p)
{
	struct text	 t;
	int		 k;

	if (S_text(c, root, "suivi", "suivi", OPT, &t)) {
		k = S_choice(c, &t, "suivi", model_suivis, MODEL_NSUIVIS);
		if (k >= 0)
			p->suivi = (enum suivi)k;
		free(t.s);
	}
	S_text(c, root, "note_suivi", "note_suivi", OPT, &p->note_suivi);
}

/* Reads every field of a page. */
static void
S_partner(struct ctx *c, const struct ynode *root, struct page *pg)
{
	struct partner	*p = &pg->p;
	size_t		 i, n;

	S_keys(c, root, "", S_partner_keys,
	    sizeof(S_partner_keys) / sizeof(S_partner_keys[0]));
	S_text(c, root, "nom", "nom", REQ, &p->nom);
	S_text(c, root, "sigle", "sigle", OPT, &p->sigle);
	S_categorie(c, root, p);
	S_partner_thematiques(c, root, p);
	if (S_text(c, root, "resume", "resume", REQ, &p->resume) &&
	    (n = utf8_len(p->resume.s)) > LOAD_MAX_RESUME)
		S_err(c, p->resume.pos, "resume: %zu characters, at most %d: "
		    "keep one short sentence (it is shown on the cards)", n,
		    LOAD_MAX_RESUME);
	S_texts(c, root, "missions", "missions", REQ, &p->missions);
	S_actions(c, root, p);
	S_text(c, root, "public", "public", OPT, &p->public_);
	S_acces(c, root, p);
	S_langues(c, root, p);
	S_accessibilite(c, root, p);
	S_address(c, root, "adresse", REQ, &p->adresse);
	S_text(c, root, "transports", "transports", OPT, &p->transports);
	S_horaires(c, root, p);
	S_phone(c, root, "telephone", &p->telephone);
	S_email(c, root, "courriel", OPT, &p->courriel);
	if (p->telephone.raw.s == NULL && p->courriel.s == NULL &&
	    !S_present(root, "telephone") && !S_present(root, "courriel"))
		S_err(c, S_keypos(root, "telephone"), "give a telephone or a courriel (or "
		    "both): families need a way to reach the partner");
	S_url(c, root, "site", "site", &p->site);
	S_contacts(c, root, p);
	S_logo(c, root, p);
	S_texts(c, root, "liens", "liens", OPT, &pg->liens);
	S_texts_once(c, "liens", &pg->liens);
	S_dates(c, root, p);
	S_suivi(c, root, p);
	for (i = 0; i < PF__COUNT - 1; i++)
		p->fpos[i] = S_keypos(root, S_partner_keys[i]);
	p->fpos[PF_BODY].line = p->body_line;
	p->fpos[PF_BODY].col = 1;
}

/* ---- the folder ------------------------------------------------------ */

static int
S_cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/*
 * File names of partenaires/ ending in ".md" (any case), sorted.
 * Others are warned about (hidden files and editor backups ignored).
 */
static char **
S_list(struct ctx *c, const char *dir, size_t *np, int *missing)
{
	DIR		*d;
	struct dirent	*e;
	char		**v = NULL, *path;
	size_t		 n = 0, cap = 0, len;
	struct stat	 st;

	*np = 0;
	*missing = 0;
	if ((d = opendir(dir)) == NULL) {
		c->file = dir;
		S_err(c, S_nopos(), "cannot read the folder of partner pages: "
		    "%s", strerror(errno));
		*missing = 1;
		return NULL;
	}
	while ((e = readdir(d)) != NULL) {
		if (e->d_name[0] == '.')
			continue;
		len = strlen(e->d_name);
		if (e->d_name[len - 1] == '~')
			continue;
		path = path_join(dir, e->d_name);
		if (len < 4 || strcasecmp(e->d_name + len - 3, ".md") != 0 ||
		    stat(path, &st) == -1 || !S_ISREG(st.st_mode)) {
			diag_warn(c->d, path, 1, 1, "ignored: only .md files "
			    "of this folder are partner pages");
			free(path);
			continue;
		}
		free(path);
		if (n == cap) {
			cap = cap ? cap * 2 : 64;
			v = xreallocarray(v, cap, sizeof(*v));
		}
		v[n++] = xstrdup(e->d_name);
	}
	closedir(d);
	if (n > 1)
		qsort(v, n, sizeof(*v), S_cmp_str);
	*np = n;
	return v;
}

/*
 * Resolves liens against every page found, then moves the pages without
 * errors into s->partners and frees the others (and every page's liens).
 */
static void
S_links(struct ctx *c, struct page *pages, size_t n, struct site *s)
{
	size_t		 i, j, k, m;
	struct page	*pg;
	struct partner	*t;

	/* Errors first: they decide which pages are kept. */
	for (i = 0; i < n; i++) {
		pg = &pages[i];
		c->file = pg->p.path;
		for (j = 0; j < pg->liens.n; j++) {
			const char *l = pg->liens.v[j].s;

			if (strcmp(l, pg->p.slug) == 0) {
				S_err(c, pg->liens.v[j].pos, "liens: \"%s\" is "
				    "this page itself", l);
				pg->ok = 0;
				continue;
			}
			for (k = 0; k < n; k++)
				if (strcmp(pages[k].p.slug, l) == 0)
					break;
			if (k == n) {
				const char **keys = xcalloc(n, sizeof(*keys));
				const char *sug;

				for (m = 0; m < n; m++)
					keys[m] = pages[m].p.slug;
				sug = validate_suggest(l, keys, n);
				if (sug != NULL)
					S_err(c, pg->liens.v[j].pos, "liens: no "
					    "partner \"%s\" (did you mean "
					    "\"%s\"?)", l, sug);
				else
					S_err(c, pg->liens.v[j].pos, "liens: no "
					    "partner \"%s\": a link names the file "
					    "of another page without .md", l);
				free(keys);
				pg->ok = 0;
			}
		}
	}
	/* Keep the pages without errors. */
	s->partners = xcalloc(n ? n : 1, sizeof(*s->partners));
	for (i = 0; i < n; i++) {
		if (pages[i].ok)
			s->partners[s->npartners++] = pages[i].p;
		else
			model_partner_free(&pages[i].p);
	}
	/* Links to kept partners; those to left-out pages are dropped. */
	for (i = 0; i < n; i++) {
		pg = &pages[i];
		if (!pg->ok)
			continue;
		t = model_partner(s, pg->p.slug);
		t->liens = xcalloc(pg->liens.n ? pg->liens.n : 1,
		    sizeof(*t->liens));
		for (j = 0; j < pg->liens.n; j++) {
			struct partner *to = model_partner(s,
			    pg->liens.v[j].s);

			for (k = 0; to && k < t->nliens; k++)
				if (t->liens[k] == to)
					to = NULL;
			if (to != NULL)
				t->liens[t->nliens++] = to;
		}
	}
	for (i = 0; i < n; i++)
		model_texts_free(&pages[i].liens);
}

/* Whether two addresses are the same once folded (case, accents). */
static int
S_same_address(const struct address *a, const struct address *b)
{
	char	*fa, *fb;
	int	 same;

	if (a->rue.s == NULL || b->rue.s == NULL || a->code_postal.s == NULL ||
	    b->code_postal.s == NULL ||
	    strcmp(a->code_postal.s, b->code_postal.s) != 0)
		return 0;
	fa = str_fold_words(a->rue.s);
	fb = str_fold_words(b->rue.s);
	same = strcmp(fa, fb) == 0;
	free(fa);
	free(fb);
	return same;
}

/*
 * The same partner twice: two pages with the same name (folded), or
 * with the same telephone and the same address.  A warning on the
 * later page (in file order) names the earlier one.
 */
static void
S_same(struct ctx *c, struct page *pages, size_t n)
{
	struct partner	*p, *q;
	char		**fold;
	size_t		 i, j;

	fold = xcalloc(n ? n : 1, sizeof(*fold));
	for (i = 0; i < n; i++)
		if (pages[i].p.nom.s != NULL)
			fold[i] = str_fold_words(pages[i].p.nom.s);
	for (i = 0; i < n; i++) {
		p = &pages[i].p;
		c->file = p->path;
		for (j = 0; j < i; j++) {
			q = &pages[j].p;
			if (fold[i] != NULL && fold[j] != NULL &&
			    strcmp(fold[i], fold[j]) == 0) {
				S_warn(c, p->nom.pos, "nom: \"%s\" is also the "
				    "name of %s: is it the same partner? keep "
				    "one page, or tell them apart in nom",
				    p->nom.s, q->path);
				break;
			}
			if (p->telephone.uri != NULL &&
			    q->telephone.uri != NULL &&
			    strcmp(p->telephone.uri, q->telephone.uri) == 0 &&
			    S_same_address(&p->adresse, &q->adresse)) {
				S_warn(c, p->telephone.raw.pos, "telephone: "
				    "same telephone and address as %s: is it the "
				    "same partner? keep one page", q->path);
				break;
			}
		}
	}
	for (i = 0; i < n; i++)
		free(fold[i]);
	free(fold);
}

/*
 * Categories and thematiques that no page names, and an edition without
 * any page: warnings in site.yaml.  While some page has errors (say, a
 * categorie misspelt) which ones are unused is not known yet: nothing
 * is said about them until the errors are fixed.
 */
static void
S_unused(struct ctx *c, struct site *s)
{
	size_t		*ncat, *nthem, i, j, n = s->npages;
	struct partner	*p;

	if (s->npartners != n)
		return;		/* some pages have errors */

	c->file = s->path;
	if (n == 0) {
		S_warn(c, c->edition_pos, "edition: no partner page in "
		    "%s/partenaires/: the site and the booklet will list "
		    "nobody (add pages with: annuaire new \"Nom\")",
		    c->content_dir);
		return;
	}
	ncat = xcalloc(s->ncategories + 1, sizeof(*ncat));
	nthem = xcalloc(s->nthematiques + 1, sizeof(*nthem));
	for (i = 0; i < n; i++) {
		p = &s->partners[i];
		if (p->category != NULL)
			ncat[p->category - s->categories]++;
		for (j = 0; j < p->nthematiques; j++)
			nthem[p->thematiques[j] - s->thematiques]++;
	}
	for (i = 0; i < s->ncategories; i++)
		if (ncat[i] == 0)
			S_warn(c, s->categories[i].pos, "categories: no partner "
			    "is in \"%s\": give a page \"categorie: %s\", or "
			    "remove the category", s->categories[i].key,
			    s->categories[i].key);
	for (i = 0; i < s->nthematiques; i++)
		if (nthem[i] == 0)
			S_warn(c, s->thematiques[i].pos, "thematiques: no "
			    "partner has \"%s\": list it in the thematiques "
			    "of a page, or remove it", s->thematiques[i].key);
	free(ncat);
	free(nthem);
}

static void
S_pages(struct ctx *c, struct site *s)
{
	char		*dir, **names, *slug, *disk, *nfc;
	struct page	*pages;
	struct ynode	*root;
	size_t		 n, i, j, before;
	int		 missing, unreadable;

	dir = path_join(c->content_dir, "partenaires");
	names = S_list(c, dir, &n, &missing);
	s->npages = n;
	pages = xcalloc(n ? n : 1, sizeof(*pages));
	for (i = 0; i < n; i++) {
		struct page *pg = &pages[i];

		/*
		 * The file is read by its name on disk, but named (in
		 * messages, slugs and links) by its NFC form.
		 */
		disk = path_join(dir, names[i]);
		nfc = unicode_nfc(names[i], strlen(names[i]), NULL);
		pg->p.path = path_join(dir, nfc);
		pg->p.slug = xstrndup(nfc, strlen(nfc) - 3);
		c->file = pg->p.path;
		before = c->d->errors;
		c->drop = 0;
		slug = validate_slugify(pg->p.slug);
		if (!validate_slug(pg->p.slug) ||
		    strcmp(nfc + strlen(nfc) - 3, ".md") != 0) {
			for (j = 0; j < n; j++)
				if (j != i && strncmp(names[j], slug,
				    strlen(slug)) == 0 &&
				    strcmp(names[j] + strlen(slug), ".md") == 0)
					break;
			if (*slug == '\0')
				S_err(c, S_nopos(), "the file name \"%s\" is not "
				    "a valid name: use lowercase letters, digits "
				    "and '-', such as caf-yvelines.md",
				    nfc);
			else if (j < n)
				S_err(c, S_nopos(), "the file name \"%s\" is not "
				    "a valid name, and %s/%s.md already has the "
				    "name it should have: keep only one of the "
				    "two", nfc, dir, slug);
			else
				S_err(c, S_nopos(), "the file name \"%s\" is not "
				    "a valid name: rename it \"%s.md\" "
				    "(lowercase letters, digits and '-')",
				    nfc, slug);
		}
		free(slug);
		root = S_read(c, disk, 1, &pg->p.body, &pg->p.body_line,
		    &unreadable);
		free(disk);
		free(nfc);
		if (root != NULL) {
			S_partner(c, root, pg);
			load_yaml_free(root);
		}
		pg->ok = c->d->errors == before && !c->drop;
	}
	S_same(c, pages, n);
	S_links(c, pages, n, s);
	S_unused(c, s);
	for (i = 0; i < n; i++)
		free(names[i]);
	free(names);
	free(pages);
	free(dir);
}

struct site *
load_content(const char *content_dir, struct diags *d)
{
	struct site	*s;
	struct ctx	 c;
	struct stat	 st;

	memset(&c, 0, sizeof(c));
	c.d = d;
	c.content_dir = content_dir;
	if (stat(content_dir, &st) == -1) {
		diag_error(d, content_dir, 0, 0, "cannot read the content "
		    "folder: %s", strerror(errno));
		return NULL;
	}
	if (!S_ISDIR(st.st_mode)) {
		diag_error(d, content_dir, 0, 0, "cannot read the content "
		    "folder: not a folder");
		return NULL;
	}
	s = xcalloc(1, sizeof(*s));
	s->content_dir = xstrdup(content_dir);
	s->path = path_join(content_dir, "site.yaml");
	c.site = s;
	c.file = s->path;
	if (!S_site(&c, s)) {
		model_free(s);
		return NULL;
	}
	S_pages(&c, s);
	load_thesaurus(s, d);
	model_sort(s);
	model_texts_free(&c.badcats);
	model_texts_free(&c.badthems);
	picto_close(c.picto);
	return s;
}

/*
 * One page outside partenaires/ (import): the checks of S_pages() but
 * the file name's, then liens resolved against the site's partners.
 */
struct partner *
load_page(struct site *s, const char *path, const char *slug,
    struct diags *d)
{
	struct ctx	 c;
	struct page	 pg;
	struct partner	*p, *to;
	struct ynode	*root;
	size_t		 before = d->errors, j, k;
	int		 unreadable, read = 0;

	memset(&c, 0, sizeof(c));
	memset(&pg, 0, sizeof(pg));
	c.d = d;
	c.content_dir = s->content_dir;
	c.site = s;
	c.file = path;
	pg.p.path = xstrdup(path);
	pg.p.slug = xstrdup(slug);
	root = S_read(&c, path, 1, &pg.p.body, &pg.p.body_line, &unreadable);
	if (root != NULL) {
		S_partner(&c, root, &pg);
		load_yaml_free(root);
		read = 1;
	}
	p = &pg.p;
	p->liens = xcalloc(pg.liens.n ? pg.liens.n : 1, sizeof(*p->liens));
	for (j = 0; j < pg.liens.n; j++) {
		const char *l = pg.liens.v[j].s;

		if (strcmp(l, slug) == 0) {
			S_err(&c, pg.liens.v[j].pos, "liens: \"%s\" is this "
			    "page itself", l);
			continue;
		}
		if ((to = model_partner(s, l)) == NULL) {
			S_err(&c, pg.liens.v[j].pos, "liens: no partner \"%s\": "
			    "a link names the file of another page without "
			    ".md", l);
			continue;
		}
		for (k = 0; k < p->nliens; k++)
			if (p->liens[k] == to)
				break;
		if (k == p->nliens)
			p->liens[p->nliens++] = to;
	}
	model_texts_free(&pg.liens);
	if (d->errors != before || c.drop || !read) {
		model_partner_free(&pg.p);
		return NULL;
	}
	p = xmalloc(sizeof(*p));
	*p = pg.p;
	return p;
}

char *
load_summary(const struct diags *d, size_t npages)
{
	char	*e, *w, *s;

	e = xasprintf(ngettext("%zu error", "%zu errors", d->errors),
	    d->errors);
	w = xasprintf(ngettext("%zu warning", "%zu warnings", d->warnings),
	    d->warnings);
	/* TRANSLATORS: "3 errors, 1 warning in 29 pages"; a partner's file. */
	s = xasprintf(ngettext("%s, %s in %zu page", "%s, %s in %zu pages",
	    npages), e, w, npages);
	free(e);
	free(w);
	return s;
}
