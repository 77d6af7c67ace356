/*
 * load_front.c — a page's text to its front matter and body: the YAML
 * head between the "---" lines (with the file line it starts on), the
 * Markdown body after it (in NFC, with its first line), no-break spaces
 * pasted from Word made plain where YAML needs spaces, tabs used for
 * indentation reported; then the head parsed by load_yaml.c into a
 * mapping.  See load_front.h.
 */
#include <stdlib.h>
#include <string.h>

#include "load_diag.h"
#include "load_file.h"
#include "load_front.h"
#include "load_int.h"
#include "load_yaml.h"
#include "unicode.h"
#include "util.h"

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
S_split(struct load_ctx *c, const char *s, size_t len, struct front *f)
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
		load_err(c, load_nopos(), "the file is empty: a page starts "
		    "with a line ---, then its fields, then a line ---");
		return 0;
	}
	n = S_linelen(p, end);
	if (!S_is_delim(p, n, 0)) {
		if (memchr(p, ':', n) != NULL)
			load_err(c, load_at(line, 1), "no front matter: "
			    "add a line --- before the first field, and "
			    "another after the last one");
		else
			load_err(c, load_at(line, 1), "no front matter: "
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
	load_err(c, load_at(openline, 1), "the front matter opened here "
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
S_yaml_text(struct load_ctx *c, const struct front *f, size_t *outlen)
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
				load_err(c, load_at(line, (int)col), "a tab "
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

struct ynode *
load_front_read(struct load_ctx *c, const char *path, int page, char **body,
    int *bodyline, int *unreadable)
{
	char		*norm = NULL, *yt = NULL;
	size_t		 nlen, ylen;
	struct front	 f;
	struct ynode	*root = NULL;
	int		 ok;

	*unreadable = 0;
	if (body) {
		*body = NULL;
		*bodyline = 0;
	}
	if ((norm = load_file_read(c, path, &nlen, unreadable)) == NULL)
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
			load_err(c, load_at(f.fmline > 1 ? f.fmline - 1 : 1, 1),
			    "no fields: write the fields as \"key: value\" "
			    "lines between the --- lines");
		else
			load_err(c, load_at(1, 1), "no fields: write the "
			    "fields as \"key: value\" lines");
		goto out;
	}
	if (root->type != YNODE_MAP) {
		load_err(c, root->pos, "the fields must be \"key: value\" "
		    "lines, not a %s", load_yaml_kind(root));
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
	free(norm);
	free(yt);
	return root;
}
