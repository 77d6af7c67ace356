/*
 * typo.c — French typographic rules on UTF-8 text: no-break spaces
 * around high punctuation and guillemets, typographic apostrophe,
 * collapsed spaces, no soft hyphens, ellipsis.  See typo.h.
 *
 * The text is scanned once to mark what must not be touched (code
 * spans, URLs, e-mail addresses), then once more to rewrite the rest.
 * Spaces are decided when the character after them is known: a run of
 * spaces is written collapsed, and a punctuation mark that wants its
 * own space takes the run back off the end of the output.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "typo.h"
#include "util.h"

#define	CP_NBSP		0x00A0
#define	CP_SHY		0x00AD
#define	CP_LAQUO	0x00AB
#define	CP_RAQUO	0x00BB
#define	CP_RSQUO	0x2019
#define	CP_NNBSP	0x202F
#define	CP_HELLIP	0x2026
#define	CP_EURO		0x20AC

/* The text being rewritten. */
struct fr {
	const char	*s;		/* input without soft hyphens */
	size_t		 n;
	unsigned char	*prot;		/* per byte: copy verbatim */
	struct buf	 out;
	size_t		 floor;		/* never trim output below this */
};

/* Decode the code point at s[i]; an invalid byte stands for itself. */
static size_t
S_cp(const char *s, size_t n, size_t i, unsigned int *cp)
{
	size_t	 l;

	if (i >= n) {
		*cp = 0;
		return 0;
	}
	if ((l = utf8_decode(s + i, n - i, cp)) == 0) {
		*cp = (unsigned char)s[i];
		l = 1;
	}
	return l;
}

/* The code point ending just before s[i]. */
static unsigned int
S_cp_before(const char *s, size_t i)
{
	size_t		 j;
	unsigned int	 cp;

	if (i == 0)
		return 0;
	j = i - 1;
	while (j > 0 && i - j < 4 && ((unsigned char)s[j] & 0xC0) == 0x80)
		j--;
	if (utf8_decode(s + j, i - j, &cp) != i - j)
		cp = (unsigned char)s[i - 1];
	return cp;
}

static int
S_is_hspace(unsigned int cp)
{

	return cp == ' ' || cp == '\t' || cp == CP_NBSP || cp == CP_NNBSP;
}

static int
S_is_digit(unsigned int cp)
{

	return cp >= '0' && cp <= '9';
}

static int
S_is_alnum(unsigned int cp)
{

	return typo_is_letter(cp) || S_is_digit(cp);
}

/* After these, a high punctuation mark takes no space of its own. */
static int
S_is_opening(unsigned int cp)
{

	return cp == '(' || cp == '[' || cp == '{' || cp == '"' ||
	    cp == '\'' || cp == 0x201C || cp == 0x2018 || cp == CP_LAQUO ||
	    cp == 0x201E || cp == 0xBF || cp == 0xA1;
}

static int
S_is_high_punct(unsigned int cp)
{

	return cp == ';' || cp == '!' || cp == '?' || cp == ':';
}

/* Letters of the Latin, Greek and Cyrillic scripts. */
int
typo_is_letter(unsigned int cp)
{
	if ((cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z'))
		return 1;
	if (cp >= 0xC0 && cp <= 0x24F)
		return cp != 0xD7 && cp != 0xF7;
	return (cp >= 0x370 && cp <= 0x3FF && cp != 0x37E && cp != 0x387) ||
	    (cp >= 0x400 && cp <= 0x4FF) ||
	    (cp >= 0x1E00 && cp <= 0x1EFF);
}

/* ---- protected spans ------------------------------------------------- */

static void
S_protect(struct fr *f, size_t from, size_t to)
{

	memset(f->prot + from, 1, to - from);
}

/* Whether the ASCII prefix p starts at s[i], ignoring case. */
static int
S_prefix_at(const struct fr *f, size_t i, const char *p)
{
	size_t	 l = strlen(p);

	return f->n - i >= l && strncasecmp(f->s + i, p, l) == 0;
}

/* Characters that end a URL outright. */
static int
S_url_stop(unsigned int cp)
{

	return cp <= ' ' || S_is_hspace(cp) || cp == '<' || cp == '>' ||
	    cp == '"' || cp == '`' || cp == CP_LAQUO || cp == CP_RAQUO ||
	    cp == 0x201C || cp == 0x201D;
}

/*
 * A URL starting at i: up to a stop character, then without trailing
 * punctuation (a closing parenthesis stays if the URL opened one).
 * Returns its end, or i if there is none.  A prefix with nothing after
 * it ("mailto:" then a space, "www." at the end of a sentence) is not a
 * URL but a word: French rules apply to it, so that a second pass sees
 * the same text as the first (typo_fr is idempotent).
 */
static size_t
S_url_end(const struct fr *f, size_t i)
{
	static const char *const prefix[] = { "http://", "https://",
	    "ftp://", "mailto:", "www." };
	size_t		 j, l, k, plen = 0;
	unsigned int	 cp;
	long		 open = 0;

	/* Called at every byte: most are no prefix's first letter. */
	switch (f->s[i]) {
	case 'h': case 'H': case 'f': case 'F': case 'm': case 'M':
	case 'w': case 'W':
		break;
	default:
		return i;
	}
	for (k = 0; k < sizeof(prefix) / sizeof(prefix[0]) && plen == 0; k++)
		if (S_prefix_at(f, i, prefix[k]))
			plen = strlen(prefix[k]);
	if (plen == 0)
		return i;
	if (i > 0 && (S_is_alnum(S_cp_before(f->s, i)) ||
	    f->s[i - 1] == '.' || f->s[i - 1] == '/' || f->s[i - 1] == '@'))
		return i;
	for (j = i; j < f->n; j += l) {
		l = S_cp(f->s, f->n, j, &cp);
		if (S_url_stop(cp))
			break;
		open += cp == '(' ? 1 : cp == ')' ? -1 : 0;
	}
	while (j > i) {
		cp = S_cp_before(f->s, j);
		if (cp == ')') {
			if (open >= 0)
				break;	/* balanced: part of the URL */
			open++;
		} else if (!(cp == '.' || cp == ',' || cp == ';' ||
		    cp == ':' || cp == '!' || cp == '?' || cp == '\'' ||
		    cp == CP_RSQUO || cp == ']' || cp == CP_HELLIP))
			break;
		j -= cp >= 0x800 ? 3 : cp >= 0x80 ? 2 : 1;
	}
	return j > i + plen ? j : i;
}

static int
S_mail_local(int c)
{

	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	    (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '%' ||
	    c == '+' || c == '-';
}

/* The length of the domain character at s[i], 0 if it is not one. */
static size_t
S_mail_domain(const struct fr *f, size_t i)
{
	unsigned int	 cp;
	size_t		 l;

	l = S_cp(f->s, f->n, i, &cp);
	return S_is_alnum(cp) || cp == '.' || cp == '-' ? l : 0;
}

/*
 * The e-mail address around the '@' at i: protects it and returns the
 * index after it, or returns i when it is not one.
 */
static size_t
S_mail(struct fr *f, size_t i)
{
	size_t	 a, b, l;
	int	 dot = 0;

	for (a = i; a > 0 && S_mail_local((unsigned char)f->s[a - 1]); a--)
		continue;
	for (b = i + 1; b < f->n && (l = S_mail_domain(f, b)) > 0; b += l)
		continue;
	while (b > i + 1 && (f->s[b - 1] == '.' || f->s[b - 1] == '-'))
		b--;
	if (a == i || b == i + 1)
		return i;
	dot = memchr(f->s + i + 1, '.', b - i - 1) != NULL;
	if (!dot)
		return i;
	S_protect(f, a, b);
	return b;
}

/*
 * Backtick runs longer than this are literal: with the memory of which
 * lengths have no closing run left, it keeps the search for closing
 * runs linear (cmark has the same worst case: "` `` ``` ...").
 */
#define	MAXTICKS	32

/* Marks code spans, URLs and e-mail addresses. */
static void
S_mark(struct fr *f)
{
	size_t	 i, j, k, run;
	char	 none[MAXTICKS + 1] = { 0 };	/* no closing run of that length */

	for (i = 0; i < f->n; ) {
		if (f->s[i] == '`') {
			for (run = 0; i + run < f->n && f->s[i + run] == '`'; run++)
				continue;
			if (run > MAXTICKS || none[run]) {
				i += run;
				continue;
			}
			/* Find a closing run of the same length. */
			for (j = i + run; j < f->n; j = k) {
				if (f->s[j] != '`') {
					k = j + 1;
					continue;
				}
				for (k = j; k < f->n && f->s[k] == '`'; k++)
					continue;
				if (k - j == run)
					break;
			}
			if (j < f->n) {
				S_protect(f, i, k);
				i = k;
			} else {
				none[run] = 1;
				i += run;	/* a literal backtick run */
			}
			continue;
		}
		if ((j = S_url_end(f, i)) > i) {
			S_protect(f, i, j);
			i = j;
			continue;
		}
		if (f->s[i] == '@' && (j = S_mail(f, i)) > i) {
			i = j;
			continue;
		}
		i++;
	}
}

/* ---- rewriting -------------------------------------------------------- */

static void
S_put_cp(struct fr *f, unsigned int cp)
{

	utf8_encode(&f->out, cp);
}

/* The code point at the end of the output, 0 at its start. */
static unsigned int
S_out_last(const struct fr *f)
{

	return S_cp_before(f->out.data, f->out.len);
}

/*
 * Takes the spaces off the end of the output (not below the protected
 * floor).  Returns how many bytes went, and whether the output then
 * ends at the start of a line (*linestart): 1 after "\n", 2 at the very
 * start of the text.
 */
static size_t
S_trim(struct fr *f, int *linestart)
{
	size_t		 len = f->out.len;
	unsigned int	 cp;

	while (f->out.len > f->floor &&
	    S_is_hspace(cp = S_out_last(f)))
		f->out.len -= cp >= 0x800 ? 3 : cp >= 0x80 ? 2 : 1;
	cp = S_out_last(f);
	*linestart = f->out.len == 0 ? 2 : (cp == '\n' || cp == '\r');
	return len - f->out.len;
}

/* Puts back what S_trim() took (its bytes are still in the buffer). */
static void
S_untrim(struct fr *f, size_t len)
{

	f->out.len += len;
	f->out.data[f->out.len] = '\0';
}

static void
S_terminate(struct fr *f)
{

	if (f->out.data != NULL)
		f->out.data[f->out.len] = '\0';
}

/* A run of spaces from i; returns the index after it. */
static size_t
S_spaces(struct fr *f, size_t i)
{
	size_t		 j, l;
	unsigned int	 cp, next;
	int		 nbsp = 0, nnbsp = 0;

	for (j = i; (l = S_cp(f->s, f->n, j, &cp)) > 0 && S_is_hspace(cp) &&
	    !f->prot[j]; j += l) {
		nbsp |= cp == CP_NBSP;
		nnbsp |= cp == CP_NNBSP;
	}
	(void)S_cp(f->s, f->n, j, &next);
	if ((i > 0 && (f->s[i - 1] == '\n' || f->s[i - 1] == '\r')) ||
	    next == '\n' || next == '\r') {
		/* Indentation, or a Markdown hard break: keep. */
		buf_put(&f->out, f->s + i, j - i);
		return j;
	}
	S_put_cp(f, nbsp ? CP_NBSP : nnbsp ? CP_NNBSP : ' ');
	return j;
}

/* One of ; ! ? : at i (run of l bytes = 1). */
static size_t
S_high(struct fr *f, size_t i)
{
	unsigned int	 cp = (unsigned char)f->s[i], next, prev;
	size_t		 j, t;
	int		 ls;

	(void)S_cp(f->s, f->n, i + 1, &next);
	if (cp == ':' && (next == ':' || (i > 0 && f->s[i - 1] == ':'))) {
		buf_putc(&f->out, ':');		/* a::b, "::" */
		return i + 1;
	}
	if (S_is_alnum(next) || (cp == ':' && (next == '/' || next == '\\'))) {
		buf_putc(&f->out, (int)cp);	/* 12:30, ?id=, !important */
		return i + 1;
	}
	if (cp == ';') {
		/* An HTML entity: &amp; &#233; */
		for (j = i; j > 0 && (S_is_alnum((unsigned char)f->s[j - 1]) ||
		    f->s[j - 1] == '#'); j--)
			continue;
		if (j < i && j > 0 && f->s[j - 1] == '&') {
			buf_putc(&f->out, ';');
			return i + 1;
		}
	}
	t = S_trim(f, &ls);
	prev = S_out_last(f);
	if ((t > 0 && ls != 1) ||
	    (t == 0 && !ls && !S_is_opening(prev) && !S_is_high_punct(prev)))
		S_put_cp(f, cp == ':' ? CP_NBSP : CP_NNBSP);
	else
		S_untrim(f, t);
	buf_putc(&f->out, (int)cp);
	return i + 1;
}

/* % or € at i (l bytes): a no-break space when it follows a number. */
static size_t
S_unit(struct fr *f, size_t i, size_t l, unsigned int cp)
{
	unsigned int	 next;
	size_t		 t;
	int		 ls;

	(void)S_cp(f->s, f->n, i + l, &next);
	t = S_trim(f, &ls);
	if (S_is_digit(S_out_last(f)) && !(cp == '%' && S_is_alnum(next)) &&
	    f->out.len > f->floor)
		S_put_cp(f, CP_NBSP);
	else
		S_untrim(f, t);
	S_put_cp(f, cp);
	return i + l;
}

/* « at i: a no-break space after it, replacing any spaces. */
static size_t
S_laquo(struct fr *f, size_t i, size_t l)
{
	size_t		 j, k;
	unsigned int	 cp;
	int		 sp = 0;

	S_put_cp(f, CP_LAQUO);
	for (j = i + l; (k = S_cp(f->s, f->n, j, &cp)) > 0 &&
	    S_is_hspace(cp) && !f->prot[j]; j += k)
		sp = 1;
	if (cp == '\n' || cp == '\r')
		buf_put(&f->out, f->s + i + l, j - i - l);
	else if (sp || j < f->n)
		S_put_cp(f, CP_NBSP);
	return j;
}

/* » at i: a no-break space before it, replacing any spaces. */
static size_t
S_raquo(struct fr *f, size_t i, size_t l)
{
	size_t	 t;
	int	 ls;

	t = S_trim(f, &ls);
	if ((t > 0 && ls != 1) || (t == 0 && !ls))
		S_put_cp(f, CP_NBSP);
	else
		S_untrim(f, t);
	S_put_cp(f, CP_RAQUO);
	return i + l;
}

char *
typo_fr(const char *in)
{
	struct fr	 f;
	struct buf	 clean;
	size_t		 i, l, j, len = strlen(in);
	unsigned int	 cp, next;

	/* Soft hyphens are never drawn: drop them first. */
	buf_init(&clean);
	for (i = 0; i < len; i += l) {
		l = S_cp(in, len, i, &cp);
		if (cp != CP_SHY)
			buf_put(&clean, in + i, l);
	}
	memset(&f, 0, sizeof(f));
	f.s = buf_cstr(&clean);
	f.n = clean.len;
	f.prot = xcalloc(f.n + 1, 1);
	buf_init(&f.out);
	buf_grow(&f.out, f.n + f.n / 8 + 1);
	S_mark(&f);

	for (i = 0; i < f.n; ) {
		if (f.prot[i]) {
			for (j = i; j < f.n && f.prot[j]; j++)
				continue;
			buf_put(&f.out, f.s + i, j - i);
			f.floor = f.out.len;
			i = j;
			continue;
		}
		l = S_cp(f.s, f.n, i, &cp);
		if (S_is_hspace(cp)) {
			i = S_spaces(&f, i);
			continue;
		}
		switch (cp) {
		case ';':
		case '!':
		case '?':
		case ':':
			i = S_high(&f, i);
			continue;
		case '%':
		case CP_EURO:
			i = S_unit(&f, i, l, cp);
			continue;
		case CP_LAQUO:
			i = S_laquo(&f, i, l);
			continue;
		case CP_RAQUO:
			i = S_raquo(&f, i, l);
			continue;
		case '\'':
			(void)S_cp(f.s, f.n, i + 1, &next);
			if (typo_is_letter(S_cp_before(f.s, i)) && typo_is_letter(next) &&
			    (i == 0 || !f.prot[i - 1]) && !f.prot[i + 1])
				S_put_cp(&f, CP_RSQUO);
			else
				buf_putc(&f.out, '\'');
			i++;
			continue;
		case '.':
			for (j = i; j < f.n && f.s[j] == '.' && !f.prot[j]; j++)
				continue;
			if (j - i == 3 && (j == f.n || !f.prot[j]) &&
			    (i == 0 || f.s[i - 1] != '.'))
				S_put_cp(&f, CP_HELLIP);
			else
				buf_put(&f.out, f.s + i, j - i);
			i = j;
			continue;
		default:
			buf_put(&f.out, f.s + i, l);
			i += l;
			continue;
		}
	}
	S_terminate(&f);
	free(f.prot);
	buf_free(&clean);
	return buf_detach(&f.out);
}
