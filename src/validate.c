/*
 * validate.c — pure validators for the fields of a page.  See validate.h.
 */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "unicode.h"
#include "i18n.h"
#include "util.h"
#include "validate.h"

static int
S_fail(char **why, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Sets *why (when wanted) and returns 0, for "return S_fail(...)". */
static int
S_fail(char **why, const char *fmt, ...)
{
	va_list	 ap;

	if (why != NULL) {
		va_start(ap, fmt);
		*why = xvasprintf(_(fmt), ap);	/* see i18n.h */
		va_end(ap);
	}
	return 0;
}

static int
S_isdigit(int c)
{
	return c >= '0' && c <= '9';
}

/* ASCII only: isalnum() would depend on the locale. */
static int
S_isalnum(int c)
{
	return S_isdigit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* Length of a white-space character at s (ASCII, NBSP, narrow NBSP, thin). */
static size_t
S_space(const char *s)
{
	const unsigned char *u = (const unsigned char *)s;

	if (*u == ' ' || *u == '\t')
		return 1;
	if (u[0] == 0xc2 && u[1] == 0xa0)
		return 2;
	if (u[0] == 0xe2 && u[1] == 0x80 && u[2] == 0xaf)	/* U+202F */
		return 3;
	if (u[0] == 0xe2 && u[1] == 0x80 && u[2] == 0x89)	/* U+2009 */
		return 3;
	return 0;
}

/* ---- phone ----------------------------------------------------------- */

/*
 * Short numbers of France: emergency (15, 17, 18, 112, 114, 115, 119),
 * 3-4 digit services (3919, 3646, 3939, 1090...), and 116 xxx.
 */
static int
S_short_number(const char *d, size_t n)
{
	if (n == 2)
		return strcmp(d, "15") == 0 || strcmp(d, "17") == 0 ||
		    strcmp(d, "18") == 0;
	if (n == 3 || n == 4)
		return d[0] == '1' || d[0] == '3';
	if (n == 6)
		return strncmp(d, "116", 3) == 0;
	return 0;
}

int
validate_phone(const char *s, char **display, char **uri, char **why)
{
	char		 d[32];
	size_t		 n = 0, k, i;
	int		 plus = 0, prefix00 = 0;
	const char	*p;
	struct buf	 b;

	if (display)
		*display = NULL;
	if (uri)
		*uri = NULL;
	for (p = s; *p != '\0'; ) {
		if ((k = S_space(p)) > 0) {
			p += k;
			continue;
		}
		if (*p == '+' && n == 0 && !plus) {
			plus = 1;
			p++;
			continue;
		}
		if (strncmp(p, "(0)", 3) == 0 && n > 0) {
			p += 3;		/* +33 (0)1 ... */
			continue;
		}
		if (*p == '.' || *p == '-' || *p == '/' || *p == '(' ||
		    *p == ')') {
			p++;
			continue;
		}
		if (!S_isdigit((unsigned char)*p))
			return S_fail(why, "\"%s\" is not a phone number: "
			    "use only digits, spaces and dots, as in "
			    "01 39 00 00 00", s);
		if (n + 1 >= sizeof(d))
			return S_fail(why, "\"%s\" has too many digits for "
			    "a phone number", s);
		d[n++] = *p++;
	}
	d[n] = '\0';
	if (n == 0)
		return S_fail(why, "\"%s\" has no digits: a phone number "
		    "looks like 01 39 00 00 00", s);

	/* International forms: +33..., 0033..., +32... */
	/* 00 is the international prefix only when more digits follow. */
	if (!plus && n > 10 && d[0] == '0' && d[1] == '0') {
		memmove(d, d + 2, n - 1);
		n -= 2;
		plus = prefix00 = 1;
	}
	if (plus && n >= 2 && d[0] == '3' && d[1] == '3') {
		/* +33 (0)1 39 ... and the common +33 01 39 ... */
		memmove(d, d + 2, n - 1);
		n -= 2;
		if (n > 0 && d[0] == '0') {
			memmove(d, d + 1, n);
			n--;
		}
		if (n != 9)
			return S_fail(why, "\"%s\" has %zu digits after +33, "
			    "a French number has 9 (+33 1 39 00 00 00)", s, n);
		memmove(d + 1, d, n + 1);
		d[0] = '0';
		n++;
		plus = 0;
	} else if (plus) {
		if (n < 6 || n > 15 || d[0] == '0')
			return S_fail(why, "\"%s\" is not an international "
			    "number: after + come the country code and "
			    "6 to 15 digits in all", s);
		buf_init(&b);
		buf_putc(&b, '+');
		/* Keep the partner's grouping, with plain spaces. */
		for (p = s; *p != '\0'; ) {
			if ((k = S_space(p)) > 0) {
				if (b.len > 1 && b.data[b.len - 1] != ' ')
					buf_putc(&b, ' ');
				p += k;
			} else if (strncmp(p, "(0)", 3) == 0 && b.len > 1) {
				p += 3;		/* +32 (0)2 ...: not dialled */
			} else if (S_isdigit((unsigned char)*p)) {
				buf_putc(&b, *p++);
			} else if (*p == '.' || *p == '-' || *p == '/') {
				if (b.len > 1 && b.data[b.len - 1] != ' ')
					buf_putc(&b, ' ');
				p++;
			} else
				p++;
		}
		if (prefix00) {
			/* "0032 2 ..." -> "+32 2 ..." (also "0 0 32 ...") */
			buf_reset(&b);
			buf_printf(&b, "+%s", d);
		}
		if (display)
			*display = buf_detach(&b);
		else
			buf_free(&b);
		if (uri)
			*uri = xasprintf("tel:+%s", d);
		return 1;
	}

	if (n != 10 && S_short_number(d, n)) {
		if (display)
			*display = xstrdup(d);
		if (uri)
			*uri = xasprintf("tel:%s", d);
		return 1;
	}
	if (n != 10)
		return S_fail(why, ngettext("\"%s\" has %zu digit, a French "
		    "number has 10", "\"%s\" has %zu digits, a French number "
		    "has 10", n), s, n);
	if (d[0] != '0')
		return S_fail(why, "\"%s\" does not start with 0: a French "
		    "number looks like 01 39 00 00 00", s);
	if (d[1] == '0')
		return S_fail(why, "\"%s\" is not a French number: the second "
		    "digit cannot be 0", s);
	if (display) {
		buf_init(&b);
		for (i = 0; i < n; i += 2)
			buf_printf(&b, "%s%c%c", i ? " " : "", d[i], d[i + 1]);
		*display = buf_detach(&b);
	}
	if (uri)
		*uri = xasprintf("tel:+33%s", d + 1);
	return 1;
}

/* ---- e-mail ---------------------------------------------------------- */

static int
S_atext(int c)
{
	/* RFC 5322 atext, plus UTF-8 (RFC 6531). */
	return S_isalnum(c) || strchr("!#$%&'*+-/=?^_`{|}~", c) != NULL ||
	    c >= 0x80;
}

/* Checks a host name: labels of letters, digits, '-', UTF-8; a dot. */
static int
S_host(const char *h, size_t n, int need_dot, const char **bad)
{
	size_t	 i, lab = 0, dots = 0;
	int	 c, prev = '.';

	*bad = NULL;
	if (n == 0 || n > 253)
		return 0;
	for (i = 0; i < n; i++) {
		c = (unsigned char)h[i];
		if (c == '.') {
			if (prev == '.' || prev == '-')
				return 0;
			dots++;
			lab = 0;
		} else if (c == '-') {
			if (prev == '.')
				return 0;
			lab++;
		} else if (S_isalnum(c) || c >= 0x80) {
			lab++;
		} else {
			*bad = h + i;
			return 0;
		}
		if (lab > 63)
			return 0;
		prev = c;
	}
	if (prev == '-' || (prev == '.' && n > 1 && dots == 1))
		return 0;
	if (need_dot && dots == 0)
		return 0;
	return 1;
}

int
validate_email(const char *s, char **why)
{
	const char	*at, *dom, *p, *bad, *last;
	size_t		 k;

	for (p = s; *p != '\0'; p++)
		if ((k = S_space(p)) > 0)
			return S_fail(why, "\"%s\" contains a space: an e-mail "
			    "address has none", s);
	if ((at = strchr(s, '@')) == NULL)
		return S_fail(why, "\"%s\" has no @: an e-mail address looks "
		    "like nom@example.org", s);
	if (strchr(at + 1, '@') != NULL)
		return S_fail(why, "\"%s\" has more than one @: write a "
		    "single address", s);
	if (at == s)
		return S_fail(why, "\"%s\" has nothing before the @", s);
	if (at - s > 64)
		return S_fail(why, "\"%s\" is too long before the @ (at most "
		    "64 characters)", s);
	for (p = s; p < at; p++) {
		if (*p == '.') {
			if (p == s || p + 1 == at || p[1] == '.')
				return S_fail(why, "\"%s\" has a misplaced dot "
				    "before the @", s);
		} else if (!S_atext((unsigned char)*p))
			return S_fail(why, "\"%s\" has a character not allowed "
			    "in an e-mail address: '%c'", s, *p);
	}
	dom = at + 1;
	if (*dom == '\0')
		return S_fail(why, "\"%s\" has nothing after the @", s);
	if (strchr(dom, '.') == NULL)
		return S_fail(why, "\"%s\": the part after @ has no dot, as "
		    "in example.org", s);
	if (!S_host(dom, strlen(dom), 1, &bad)) {
		if (bad != NULL)
			return S_fail(why, "\"%s\": the part after @ has a "
			    "character not allowed in a domain: '%c'", s, *bad);
		return S_fail(why, "\"%s\": the part after @ is not a domain "
		    "name such as example.org", s);
	}
	last = strrchr(dom, '.') + 1;
	if (strlen(last) < 2 || S_isdigit((unsigned char)*last))
		return S_fail(why, "\"%s\": the domain must end with a name "
		    "such as .fr or .org", s);
	return 1;
}

/* ---- URL ------------------------------------------------------------- */

int
validate_url(const char *s, char **why)
{
	const char	*h, *e, *p, *bad;
	size_t		 k;

	for (p = s; *p != '\0'; p++) {
		if ((k = S_space(p)) > 0)
			return S_fail(why, "\"%s\" contains a space: a web "
			    "address has none (write %%20 if needed)", s);
		if ((unsigned char)*p < 0x20 || *p == 0x7f)
			return S_fail(why, "\"%s\" contains a control "
			    "character", s);
	}
	if (strncasecmp(s, "https://", 8) == 0)
		h = s + 8;
	else if (strncasecmp(s, "http://", 7) == 0)
		h = s + 7;
	else if (strncasecmp(s, "www.", 4) == 0)
		return S_fail(why, "\"%s\" must start with https:// (or "
		    "http://): write https://%s", s, s);
	else if (strchr(s, ':') != NULL)
		return S_fail(why, "\"%.*s\" is not allowed: only web "
		    "addresses starting with https:// or http:// are",
		    (int)(strchr(s, ':') - s + 1), s);
	else
		return S_fail(why, "\"%s\" is not a web address: it must "
		    "start with https:// (or http://)", s);
	/* Host ends at the first '/', '?', '#'; no user:password@. */
	e = h + strcspn(h, "/?#");
	for (p = h; p < e; p++)
		if (*p == '@')
			return S_fail(why, "\"%s\": a web address must not "
			    "contain a user name or password (@)", s);
	p = memchr(h, ':', (size_t)(e - h));
	if (p != NULL) {
		const char *q;

		if (p + 1 == e || e - (p + 1) > 5)
			return S_fail(why, "\"%s\" has a bad port number", s);
		for (q = p + 1; q < e; q++)
			if (!S_isdigit((unsigned char)*q))
				return S_fail(why, "\"%s\" has a bad port "
				    "number", s);
		e = p;
	}
	if (e == h)
		return S_fail(why, "\"%s\" has no site name after the //", s);
	if (!S_host(h, (size_t)(e - h), 0, &bad) ||
	    (memchr(h, '.', (size_t)(e - h)) == NULL &&
	    !(e - h == 9 && strncasecmp(h, "localhost", 9) == 0)))
		return S_fail(why, "\"%s\": \"%.*s\" is not a site name such "
		    "as www.example.org", s, (int)(e - h), h);
	return 1;
}

/* ---- dates ----------------------------------------------------------- */

int
validate_days_in_month(int y, int m)
{
	static const int days[12] = {
		31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31
	};

	if (m < 1 || m > 12)
		return 0;
	if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
		return 29;
	return days[m - 1];
}

/* Reads exactly n digits. */
static int
S_digits(const char *s, size_t n, int *v)
{
	size_t	 i;

	*v = 0;
	for (i = 0; i < n; i++) {
		if (!S_isdigit((unsigned char)s[i]))
			return 0;
		*v = *v * 10 + (s[i] - '0');
	}
	return 1;
}

int
validate_date(const char *s, struct date *out, char **why)
{
	static const char *const months[12] = {
		N_("January"), N_("February"), N_("March"), N_("April"),
		N_("May"), N_("June"), N_("July"), N_("August"),
		N_("September"), N_("October"), N_("November"),
		N_("December")
	};
	struct date	 d;
	int		 dim;

	if (strlen(s) != 10 || !S_digits(s, 4, &d.y) || s[4] != '-' ||
	    !S_digits(s + 5, 2, &d.m) || s[7] != '-' ||
	    !S_digits(s + 8, 2, &d.d)) {
		int	 a, b, c;

		/* 15/03/2018 or 15.03.2018: say how to write it. */
		if (strlen(s) == 10 && S_digits(s, 2, &a) &&
		    (s[2] == '/' || s[2] == '.' || s[2] == '-') &&
		    S_digits(s + 3, 2, &b) && s[5] == s[2] &&
		    S_digits(s + 6, 4, &c) && b >= 1 && b <= 12 &&
		    a >= 1 && a <= validate_days_in_month(c, b))
			return S_fail(why, "\"%s\" is not written year-month-"
			    "day: write %04d-%02d-%02d", s, c, b, a);
		return S_fail(why, "\"%s\" is not a date written year-month-"
		    "day, such as 2018-03-15", s);
	}
	if (d.y < 1900 || d.y > 2999)
		return S_fail(why, "\"%s\": the year %d is not plausible", s,
		    d.y);
	if (d.m < 1 || d.m > 12)
		return S_fail(why, "\"%s\" is not a real date: there is no "
		    "month %d (months go from 01 to 12)", s, d.m);
	dim = validate_days_in_month(d.y, d.m);
	if (d.d < 1 || d.d > dim)
		return S_fail(why, "\"%s\" is not a real date: %s %d has %d "
		    "days", s, _(months[d.m - 1]), d.y, dim);
	if (out != NULL)
		*out = d;
	return 1;
}

/* ---- hours ----------------------------------------------------------- */

static const char *
S_skip_spaces(const char *p)
{
	size_t	 k;

	while ((k = S_space(p)) > 0)
		p += k;
	return p;
}

/*
 * Reads a time: "9", "09", "9:30", "09:30", "9h", "9h30", "9 h 30",
 * "09H00", "9.30".  Returns the end, or NULL when there is no time;
 * *bad is set when it is a time with impossible values.
 */
static const char *
S_time(const char *p, int *minutes, int *bad_h, int *bad_m)
{
	const char	*q;
	int		 h = 0, m = 0, nd = 0, md = 0, sep;

	*bad_h = *bad_m = 0;
	while (S_isdigit((unsigned char)*p) && nd < 3)
		h = h * 10 + (*p++ - '0'), nd++;
	if (nd == 0 || nd > 2)
		return NULL;
	q = S_skip_spaces(p);
	sep = *q;
	if (sep == 'h' || sep == 'H' || sep == ':' || sep == '.') {
		q = S_skip_spaces(q + 1);
		while (S_isdigit((unsigned char)*q) && md < 3)
			m = m * 10 + (*q++ - '0'), md++;
		if (md == 1 || md > 2)
			return NULL;
		if (md == 0 && sep != 'h' && sep != 'H')
			return NULL;	/* "9:", "9." */
		p = q;
	}
	if (h > 24 || (h == 24 && m != 0))
		*bad_h = 1;
	if (m > 59)
		*bad_m = 1;
	*minutes = h * 60 + m;
	return p;
}

/* Length of a range separator at p (after spaces), or 0. */
static size_t
S_separator(const char *p)
{
	if (*p == '-')
		return 1;
	if (strncmp(p, "\xe2\x80\x93", 3) == 0 ||	/* en dash */
	    strncmp(p, "\xe2\x80\x94", 3) == 0 ||	/* em dash */
	    strncmp(p, "\xe2\x80\x90", 3) == 0 ||	/* hyphen */
	    strncmp(p, "\xe2\x80\x91", 3) == 0)	/* no-break hyphen */
		return 3;
	if (strncmp(p, "\xc3\xa0 ", 3) == 0)	/* "à " */
		return 2;
	if (strncmp(p, "a ", 2) == 0)
		return 1;
	return 0;
}

int
validate_hours(const char *s, struct timerange *r, char **why)
{
	const char	*p, *q;
	int		 a, b, bh, bm, bh2, bm2;
	size_t		 k;
	char		 ta[6], tb[6];

	p = S_skip_spaces(s);
	if ((q = S_time(p, &a, &bh, &bm)) == NULL)
		goto syntax;
	p = S_skip_spaces(q);
	if ((k = S_separator(p)) == 0)
		goto syntax;
	p = S_skip_spaces(p + k);
	if ((q = S_time(p, &b, &bh2, &bm2)) == NULL)
		goto syntax;
	if (*S_skip_spaces(q) != '\0')
		goto syntax;
	if (bh || bh2)
		return S_fail(why, "\"%s\" is not a time range: hours go from "
		    "0 to 23 (24:00 for midnight at the end)", s);
	if (bm || bm2)
		return S_fail(why, "\"%s\" is not a time range: minutes go "
		    "from 00 to 59", s);
	if (a >= 24 * 60)
		return S_fail(why, "\"%s\": 24:00 can only end a range", s);
	if (a >= b) {
		validate_hhmm(a, ta);
		validate_hhmm(b, tb);
		return S_fail(why, "\"%s\": the opening time %s must come "
		    "before the closing time %s", s, ta, tb);
	}
	if (r != NULL) {
		r->start = a;
		r->end = b;
	}
	return 1;
syntax:
	return S_fail(why, "\"%s\" is not a time range such as "
	    "\"09:00-12:00\"", s);
}

void
validate_hhmm(int minutes, char out[6])
{
	int	 h = minutes / 60, m = minutes % 60;

	if (minutes < 0 || minutes > 24 * 60)
		h = m = 0;
	out[0] = (char)('0' + h / 10);
	out[1] = (char)('0' + h % 10);
	out[2] = ':';
	out[3] = (char)('0' + m / 10);
	out[4] = (char)('0' + m % 10);
	out[5] = '\0';
}

int
validate_ranges(const struct timerange *v, size_t n, size_t *bad,
    char **why)
{
	size_t	 i;
	char	 a0[6], a1[6], b0[6], b1[6];

	for (i = 1; i < n; i++) {
		validate_hhmm(v[i - 1].start, a0);
		validate_hhmm(v[i - 1].end, a1);
		validate_hhmm(v[i].start, b0);
		validate_hhmm(v[i].end, b1);
		if (v[i].start < v[i - 1].start) {
			if (bad)
				*bad = i;
			return S_fail(why, "\"%s-%s\" comes after \"%s-%s\": "
			    "write the ranges in order", b0, b1, a0, a1);
		}
		if (v[i].start < v[i - 1].end) {
			if (bad)
				*bad = i;
			return S_fail(why, "\"%s-%s\" overlaps \"%s-%s\"",
			    b0, b1, a0, a1);
		}
	}
	return 1;
}

/* ---- slugs, colours, postal codes ----------------------------------- */

int
validate_slug(const char *s)
{
	size_t	 n = 0;
	int	 prev = '-';

	for (; *s != '\0'; s++, n++) {
		if (*s == '-') {
			if (prev == '-')
				return 0;
		} else if (!((*s >= 'a' && *s <= 'z') || S_isdigit(*s)))
			return 0;
		prev = *s;
	}
	return n > 0 && n <= 64 && prev != '-';
}

char *
validate_slugify(const char *name)
{
	char		*nfc = unicode_nfc(name, strlen(name), NULL);
	char		*f = str_fold(nfc), *p;
	struct buf	 b;
	int		 dash = 0;

	free(nfc);	/* "e" + U+0301 folds as "é" does */

	buf_init(&b);
	for (p = f; *p != '\0'; p++) {
		if ((*p >= 'a' && *p <= 'z') || S_isdigit((unsigned char)*p)) {
			if (dash && b.len > 0)
				buf_putc(&b, '-');
			dash = 0;
			if (b.len < 64)
				buf_putc(&b, *p);
		} else
			dash = 1;
	}
	free(f);
	/* Cut at 64 bytes without leaving a trailing '-'. */
	while (b.len > 0 && b.data[b.len - 1] == '-')
		b.data[--b.len] = '\0';
	return buf_detach(&b);
}

int
validate_color(const char *s, unsigned int *rgb, char **norm, char **why)
{
	size_t		 n = strlen(s), i;
	unsigned int	 v = 0;
	int		 h;

	if (s[0] != '#' || (n != 7 && n != 4))
		return S_fail(why, "\"%s\" is not a colour written #rrggbb, "
		    "such as #1f5fa8", s);
	for (i = 1; i < n; i++) {
		if ((h = hexval((unsigned char)s[i])) < 0)
			return S_fail(why, "\"%s\" is not a colour: after # "
			    "come hexadecimal digits 0-9 and a-f", s);
		v = v << 4 | (unsigned int)h;
		if (n == 4)
			v = v << 4 | (unsigned int)h;
	}
	if (rgb)
		*rgb = v;
	if (norm)
		*norm = xasprintf("#%06x", v);
	return 1;
}

int
validate_code_postal(const char *s, char **why)
{
	size_t	 i;

	for (i = 0; s[i] != '\0'; i++)
		if (!S_isdigit((unsigned char)s[i]))
			break;
	if (i == 5 && s[i] == '\0')
		return 1;
	return S_fail(why, "\"%s\" is not a postal code: it has 5 digits, "
	    "such as 78000", s);
}

/* ---- did you mean ---------------------------------------------------- */

size_t
validate_distance(const char *a, const char *b)
{
	size_t	 la = strlen(a), lb = strlen(b), i, j, *row0, *row1, *row2,
		 *t, cost, v, r;

	if (la > 64 || lb > 64)
		return la > lb ? la : lb;
	row0 = xcalloc(lb + 1, sizeof(size_t));	/* i - 2 */
	row1 = xcalloc(lb + 1, sizeof(size_t));	/* i - 1 */
	row2 = xcalloc(lb + 1, sizeof(size_t));	/* i */
	for (j = 0; j <= lb; j++)
		row1[j] = j;
	for (i = 1; i <= la; i++) {
		row2[0] = i;
		for (j = 1; j <= lb; j++) {
			cost = a[i - 1] != b[j - 1];
			v = row1[j] + 1;
			if (row2[j - 1] + 1 < v)
				v = row2[j - 1] + 1;
			if (row1[j - 1] + cost < v)
				v = row1[j - 1] + cost;
			if (i > 1 && j > 1 && a[i - 1] == b[j - 2] &&
			    a[i - 2] == b[j - 1] && row0[j - 2] + 1 < v)
				v = row0[j - 2] + 1;
			row2[j] = v;
		}
		t = row0, row0 = row1, row1 = row2, row2 = t;
	}
	r = row1[lb];
	free(row0);
	free(row1);
	free(row2);
	return r;
}

/* Folded key: str_fold, '-', ' ' and '.' as '_'. */
static char *
S_fold_key(const char *s)
{
	char	*f = str_fold(s), *p;

	for (p = f; *p != '\0'; p++)
		if (*p == '-' || *p == ' ' || *p == '.')
			*p = '_';
	return f;
}

const char *
validate_suggest(const char *key, const char *const *cands, size_t ncands)
{
	static const struct { const char *from, *to; } aliases[] = {
		{ "email", "courriel" }, { "e_mail", "courriel" },
		{ "mail", "courriel" }, { "mel", "courriel" },
		{ "adresse_mail", "courriel" }, { "adresse_email", "courriel" },
		{ "tel", "telephone" }, { "phone", "telephone" },
		{ "portable", "telephone" }, { "fixe", "telephone" },
		{ "numero", "telephone" }, { "telephon", "telephone" },
		{ "web", "site" }, { "site_web", "site" },
		{ "site_internet", "site" }, { "url", "site" },
		{ "website", "site" }, { "internet", "site" },
		{ "name", "nom" }, { "titre", "nom" },
		{ "address", "adresse" }, { "cp", "code_postal" },
		{ "codepostal", "code_postal" }, { "zip", "code_postal" },
		{ "postal_code", "code_postal" }, { "category", "categorie" },
		{ "type", "categorie" }, { "themes", "thematiques" },
		{ "theme", "thematiques" }, { "hours", "horaires" },
		{ "ouverture", "horaires" }, { "heures", "horaires" },
		{ "languages", "langues" }, { "langue", "langues" },
		{ "date", "mise_a_jour" }, { "maj", "mise_a_jour" },
		{ "updated", "mise_a_jour" }, { "mise_a_jours", "mise_a_jour" },
		{ "description", "resume" }, { "summary", "resume" },
		{ "abrege", "sigle" }, { "acronyme", "sigle" },
		{ "liens_partenaires", "liens" }, { "partenaires", "liens" },
		{ "color", "couleur" }, { "label", "libelle" },
		{ "key", "cle" }, { "icone", "picto" }, { "icon", "picto" },
		{ "city", "ville" }, { "commune", "ville" },
		{ "street", "rue" }, { "voie", "rue" },
		{ "annee", "edition" }, { "year", "edition" },
		{ "title", "titre" }, { "transport", "transports" },
		{ "acces_handicape", "accessibilite" },
		{ "handicap", "accessibilite" }, { "pmr", "accessibilite" },
		{ "tarif", "cout" }, { "prix", "cout" },
		{ "referents", "contacts" }, { "contact", "contacts" },
		{ "mission", "missions" }, { "action", "actions" },
		{ "publics", "public" }, { "statut", "suivi" },
		{ "remarque", "note_suivi" }, { "note", "note_suivi" },
	};
	char		*fk, *fc;
	const char	*best = NULL;
	size_t		 i, j, d, bestd = (size_t)-1, lim;

	fk = S_fold_key(key);
	for (i = 0; i < sizeof(aliases) / sizeof(aliases[0]); i++) {
		if (strcmp(fk, aliases[i].from) != 0)
			continue;
		for (j = 0; j < ncands; j++)
			if (strcmp(cands[j], aliases[i].to) == 0) {
				free(fk);
				return cands[j];
			}
	}
	for (j = 0; j < ncands; j++) {
		fc = S_fold_key(cands[j]);
		if (strcmp(fk, fc) == 0) {	/* "Téléphone", "code-postal" */
			free(fc);
			best = cands[j];
			bestd = 0;
			break;
		}
		d = validate_distance(fk, fc);
		lim = strlen(fc) / 3;
		if (lim < 1)
			lim = 1;
		if (lim > 3)
			lim = 3;
		if (d <= lim && d < bestd) {
			bestd = d;
			best = cands[j];
		}
		free(fc);
	}
	free(fk);
	return best;
}
