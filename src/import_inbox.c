/*
 * import_inbox.c — read the inbox, say what each file is; see
 * import_inbox.h.
 */
#include <sys/stat.h>

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "diag.h"
#include "fault.h"
#include "i18n.h"
#include "import_inbox.h"
#include "util.h"

#define	IMPORT_MAX_FILES	1000000
#define	STAMP_MARK		"# annuaire-formulaire: enregistré "

static const char *const S_what[IK__COUNT] = {
	[IK_PAGE] = N_("a page"),
	[IK_EMPTY] = N_("an empty file: nothing came with the message"),
	[IK_FORM] = N_("it is the form: open it, then click « Enregistrer "
	    "ma fiche » and send the page it saves"),
	[IK_HTML] = N_("a web page, not the page the form saves"),
	[IK_DOCX] = N_("a Word document (.docx), not the page the form "
	    "saves"),
	[IK_ODT] = N_("a LibreOffice document (.odt), not the page the "
	    "form saves"),
	[IK_ZIP] = N_("a zip archive, not the page the form saves"),
	[IK_PDF] = N_("a PDF document, not the page the form saves"),
	[IK_DOC] = N_("a Word document (.doc or .rtf), not the page the "
	    "form saves"),
	[IK_TEXT] = N_("a plain text (a message?), not a page: no '---' "
	    "line at its start"),
	[IK_BINARY] = N_("not a text file, not the page the form saves"),
};

static const char *const S_word[IK__COUNT] = {
	[IK_PAGE] = "fiche", [IK_EMPTY] = "vide", [IK_FORM] = "formulaire",
	[IK_HTML] = "html", [IK_DOCX] = "docx", [IK_ODT] = "odt",
	[IK_ZIP] = "zip", [IK_PDF] = "pdf", [IK_DOC] = "doc",
	[IK_TEXT] = "texte", [IK_BINARY] = "binaire",
};

const char *
import_inbox_what(enum inbox_kind k)
{
	return _(S_what[k]);
}

const char *
import_inbox_word(enum inbox_kind k)
{
	return S_word[k];
}

/* The first occurrence of s (n bytes) in data, or NULL (memmem(3)). */
static const char *
S_import_inbox_find(const char *data, size_t len, const char *s, size_t n)
{
	const char *p = data, *end = data + len;

	while (n > 0 && (size_t)(end - p) >= n &&
	    (p = memchr(p, s[0], (size_t)(end - p) - n + 1)) != NULL) {
		if (memcmp(p, s, n) == 0)
			return p;
		p++;
	}
	return NULL;
}

static int
S_import_inbox_has(const char *data, size_t len, const char *s)
{
	return S_import_inbox_find(data, len, s, strlen(s)) != NULL;
}

/* The bytes after a UTF-8 BOM and leading white space. */
static const char *
S_import_inbox_start(const char *data, size_t len, size_t *rest)
{
	const char *p = data, *end = data + len;

	if (len >= 3 && memcmp(p, "\xef\xbb\xbf", 3) == 0)
		p += 3;
	while (p < end && (*p == ' ' || *p == '\t' || *p == '\r' ||
	    *p == '\n'))
		p++;
	*rest = (size_t)(end - p);
	return p;
}

/* The slug in the form's data ("slug":"x"), or NULL. */
static char *
S_form_slug(const char *data, size_t len)
{
	const char *p = S_import_inbox_find(data, len, "id=\"donnees\"", 12), *q;
	size_t	 n;

	if (p == NULL || (q = S_import_inbox_find(p, len - (size_t)(p - data),
	    "\"slug\":\"", 8)) == NULL)
		return NULL;
	q += 8;
	n = strspn(q, "abcdefghijklmnopqrstuvwxyz0123456789-");
	return n > 0 && n <= 64 && q[n] == '"' ? xstrndup(q, n) : NULL;
}

static enum inbox_kind
S_kind(const char *data, size_t len)
{
	size_t	 rest;
	const char *p = S_import_inbox_start(data, len, &rest);

	if (rest == 0)
		return IK_EMPTY;
	if (len >= 4 && memcmp(data, "PK\003\004", 4) == 0) {
		if (S_import_inbox_has(data, len, "application/vnd.oasis.opendocument"))
			return IK_ODT;
		if (S_import_inbox_has(data, len, "word/document.xml") ||
		    S_import_inbox_has(data, len, "word/"))
			return IK_DOCX;
		return IK_ZIP;
	}
	if (len >= 5 && memcmp(data, "%PDF-", 5) == 0)
		return IK_PDF;
	if (len >= 8 && memcmp(data, "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", 8) ==
	    0)
		return IK_DOC;
	if (rest >= 5 && memcmp(p, "{\\rtf", 5) == 0)
		return IK_DOC;
	if (rest >= 3 && memcmp(p, "---", 3) == 0)
		return IK_PAGE;
	if (memchr(data, '\0', len) != NULL)
		return IK_BINARY;
	if (rest >= 5 && (strncasecmp(p, "<!doctype html", 14) == 0 ||
	    strncasecmp(p, "<html", 5) == 0)) {
		if (S_import_inbox_has(data, len, "id=\"donnees\"") &&
		    S_import_inbox_has(data, len, "id=\"formulaire\""))
			return IK_FORM;
		return IK_HTML;
	}
	return IK_TEXT;
}

/*
 * The form's save stamp: a line "# annuaire-formulaire: enregistré
 * 2026-12-07T21:45:03Z" in the front matter (the first after "---"
 * when the form wrote it; anywhere before the closing "---" here).
 */
static void
S_stamp(const char *data, size_t len, char out[21])
{
	const char *p, *end = data + len, *nl;
	size_t	 rest, ml = strlen(STAMP_MARK), i;
	int	 first = 1;

	out[0] = '\0';
	p = S_import_inbox_start(data, len, &rest);
	for (; p < end; p = nl + 1) {
		nl = memchr(p, '\n', (size_t)(end - p));
		if (nl == NULL)
			nl = end;
		if (!first && (size_t)(nl - p) >= 3 && memcmp(p, "---", 3) == 0)
			return;
		first = 0;
		if ((size_t)(nl - p) >= ml + 20 && memcmp(p, STAMP_MARK, ml) ==
		    0) {
			const char *s = p + ml;
			static const char pat[] = "dddd-dd-ddTdd:dd:ddZ";

			for (i = 0; i < 20; i++)
				if (pat[i] == 'd' ? !isdigit((unsigned char)s[i]) :
				    s[i] != pat[i])
					return;
			memcpy(out, s, 20);
			out[20] = '\0';
			return;
		}
	}
}

/* Take a copy mark off the end of s; returns its number, or 0. */
static int
S_copy_mark(char *s)
{
	static const char *const words[] = {
		" - Copie", " - Copy", " - copie", " (copie)", "(copie)",
		" (Copie)", " copie", NULL
	};
	size_t	 n = strlen(s), k;
	char	*e;
	int	 i;

	while (n > 0 && s[n - 1] == ' ')
		s[--n] = '\0';
	if (n > 2 && s[n - 1] == ')' && (e = strrchr(s, '(')) != NULL &&
	    e[1] != ')' && strspn(e + 1, "0123456789") ==
	    (size_t)(s + n - 1 - (e + 1)) && s + n - 1 - (e + 1) < 6) {
		i = atoi(e + 1);
		*e = '\0';
		return i > 0 ? i : 1;
	}
	for (k = 0; words[k] != NULL; k++) {
		size_t wl = strlen(words[k]);

		if (n > wl && strcmp(s + n - wl, words[k]) == 0) {
			s[n - wl] = '\0';
			return 1;
		}
	}
	return 0;
}

/*
 * The name without its extensions (".md", ".md.txt", ".txt", ...) nor
 * the marks of copies; *copy the highest copy number seen.
 */
static char *
S_stem(const char *name, int *copy)
{
	static const char *const exts[] = {
		".md", ".txt", ".markdown", ".html", ".htm", ".docx",
		".odt", ".pdf", ".doc", ".rtf", ".bin", NULL
	};
	char	*s = xstrdup(name), *dot;
	int	 c, again = 1, i;
	size_t	 k;

	*copy = 0;
	for (i = 0; i < 3 && again; i++) {
		again = 0;
		if ((c = S_copy_mark(s)) > *copy)
			*copy = c;
		if ((dot = strrchr(s, '.')) != NULL && dot != s)
			for (k = 0; exts[k] != NULL; k++)
				if (strcasecmp(dot, exts[k]) == 0) {
					*dot = '\0';
					again = 1;
					break;
				}
	}
	while ((c = S_copy_mark(s)) > 0)
		if (c > *copy)
			*copy = c;
	return s;
}

/* Read at most IMPORT_INBOX_MAX bytes of path. */
static int
S_read(const char *path, char **data, size_t *len)
{
	FILE	*f;
	size_t	 cap = 65536, n = 0, r;
	char	*b;

	if ((f = fopen(path, "rb")) == NULL)
		return 0;
	b = xmalloc(cap + 1);
	while ((r = fread(b + n, 1, cap - n, f)) > 0) {
		n += r;
		if (n == cap) {
			if (cap >= IMPORT_INBOX_MAX)
				break;
			cap *= 2;
			b = xrealloc(b, cap + 1);
		}
	}
	if (ferror(f)) {
		fclose(f);
		free(b);
		return 0;
	}
	fclose(f);
	b[n] = '\0';
	*data = b;
	*len = n;
	return 1;
}

static int
S_import_inbox_cmp(const void *a, const void *b)
{
	return strcmp(((const struct inbox_file *)a)->name,
	    ((const struct inbox_file *)b)->name);
}

int
import_inbox_read(const char *inbox, struct inbox_file **vp, size_t *np,
    struct diags *d)
{
	DIR		*dir;
	struct dirent	*e;
	struct inbox_file *v = NULL, *f;
	struct stat	 st;
	char		*path;
	size_t		 n = 0;

	*vp = NULL;
	*np = 0;
	if ((dir = opendir(inbox)) == NULL) {
		diag_error(d, inbox, 0, 0, "cannot read the folder: %s",
		    strerror(errno));
		return 0;
	}
	while ((e = readdir(dir)) != NULL) {
		if (e->d_name[0] == '.' || e->d_name[strlen(e->d_name) - 1] ==
		    '~')
			continue;
		path = path_join(inbox, e->d_name);
		if (stat(path, &st) == -1 || !S_ISREG(st.st_mode)) {
			free(path);
			continue;
		}
		if (n == IMPORT_MAX_FILES) {
			diag_error(d, inbox, 0, 0, "more than %d files: only "
			    "the first ones are read", IMPORT_MAX_FILES);
			free(path);
			break;
		}
		v = xreallocarray(v, n + 1, sizeof(*v));
		f = &v[n];
		memset(f, 0, sizeof(*f));
		if (!S_read(path, &f->data, &f->len)) {
			diag_error(d, path, 0, 0, "cannot read: %s",
			    strerror(errno));
			free(path);
			continue;
		}
		f->name = xstrdup(e->d_name);
		f->path = path;
		f->kind = S_kind(f->data, f->len);
		f->stem = S_stem(f->name, &f->copy);
		if (f->kind == IK_PAGE)
			S_stamp(f->data, f->len, f->stamp);
		if (f->kind == IK_FORM)
			f->form_slug = S_form_slug(f->data, f->len);
		n++;
	}
	closedir(dir);
	if (n > 1)
		qsort(v, n, sizeof(*v), S_import_inbox_cmp);
	*vp = v;
	*np = n;
	return 1;
}

void
import_inbox_free(struct inbox_file *v, size_t n)
{
	size_t	 i;

	for (i = 0; i < n; i++) {
		free(v[i].name);
		free(v[i].path);
		free(v[i].data);
		free(v[i].stem);
		free(v[i].form_slug);
	}
	free(v);
}

int
import_inbox_move(const char *inbox, const char *sub, const char *name,
    struct diags *d)
{
	char	*dir = path_join(inbox, sub), *to = NULL, *from, *dot;
	struct stat st;
	int	 n, ok = 1;

	/* Never through a symbolic link (INBOX/traités -> elsewhere). */
	if (!mkdir_nofollow(dir)) {
		if (errno == ELOOP)
			diag_error(d, dir, 0, 0, "is a symbolic link: import "
			    "writes only into real folders; remove the link");
		else
			diag_error(d, dir, 0, 0, "cannot create: %s",
			    strerror(errno));
		free(dir);
		return 0;
	}
	for (n = 1;; n++) {
		free(to);
		if (n == 1)
			to = path_join(dir, name);
		else {
			char *base = xstrdup(name);

			dot = strrchr(base, '.');
			if (dot != NULL && dot != base) {
				*dot = '\0';
				to = xasprintf("%s/%s (%d).%s", dir, base, n,
				    dot + 1);
			} else
				to = xasprintf("%s/%s (%d)", dir, base, n);
			free(base);
		}
		if (lstat(to, &st) == -1)
			break;
	}
	from = path_join(inbox, name);
	fault_point("move");
	if (rename(from, to) == -1) {
		diag_error(d, from, 0, 0, "cannot move into %s: %s", dir,
		    strerror(errno));
		ok = 0;
	}
	free(from);
	free(to);
	free(dir);
	return ok;
}
