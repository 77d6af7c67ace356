/*
 * fuzz_typo.c — libFuzzer harness of the typography module (typo.c,
 * typo_hyph.c, typo_break.c).
 *
 *  - typo_fr() on the input; when the input is valid UTF-8, typo.h
 *    promises idempotence: typo_fr(typo_fr(x)) == typo_fr(x), and the
 *    output is valid UTF-8 too;
 *  - typo_hyphenate(), typo_hyphenate_ex() and typo_can_hyphenate() on
 *    each word of the input (the French dictionary is opened once per
 *    process, when installed): points are ascending offsets inside the
 *    word;
 *  - typo_break(), typo_break_ragged() and typo_break_firstfit() on an
 *    item list made from the bytes (4 bytes an item; with the first
 *    byte odd, some widths, stretches and shrinks are raw doubles taken
 *    from the input: NaN, infinities, negatives): the lines cover the
 *    items in order and each one ends at a legal break.
 * Any broken promise aborts.
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "typo.h"
#include "util.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

#define	HYPH_DIC	"/usr/share/hyphen/hyph_fr.dic"
#define	MAXITEMS	2048
#define	MAXPTS		64

static struct typo_hyph *dic;
static int	 dic_tried;

static void
S_close(void)
{
	typo_hyph_close(dic);
	dic = NULL;
}

static void
S_fail(const char *what, const char *in)
{
	fprintf(stderr, "typo: %s\ninput: \"%s\"\n", what, in);
	abort();
}

static int
S_valid_utf8(const char *s, size_t n)
{
	size_t		 i = 0, l;
	unsigned int	 cp;

	while (i < n) {
		if ((l = utf8_decode(s + i, n - i, &cp)) == 0)
			return 0;
		i += l;
	}
	return 1;
}

static void
S_fr(const char *in, size_t len)
{
	char	*once, *twice;

	once = typo_fr(in);
	if (once == NULL)
		S_fail("typo_fr returned NULL", in);
	if (S_valid_utf8(in, len)) {
		if (!S_valid_utf8(once, strlen(once)))
			S_fail("typo_fr made invalid UTF-8", in);
		twice = typo_fr(once);
		if (strcmp(once, twice) != 0) {
			fprintf(stderr, "once:  \"%s\"\ntwice: \"%s\"\n",
			    once, twice);
			S_fail("typo_fr is not idempotent", in);
		}
		free(twice);
	}
	free(once);
}

static void
S_hyph(const char *in)
{
	const char		*p = in, *e;
	char			*w;
	size_t			 offs[MAXPTS], n, i, len;
	struct typo_hpoint	 pts[MAXPTS];

	if (!dic_tried) {
		dic_tried = 1;
		if ((dic = typo_hyph_open(HYPH_DIC)) != NULL)
			atexit(S_close);
	}
	while (*p != '\0') {
		while (*p == ' ' || *p == '\n')
			p++;
		for (e = p; *e != '\0' && *e != ' ' && *e != '\n'; e++)
			continue;
		if (e == p)
			break;
		len = (size_t)(e - p);
		w = xstrndup(p, len);
		(void)typo_can_hyphenate(w);
		n = typo_hyphenate(dic, w, offs, MAXPTS);
		if (n > MAXPTS)
			S_fail("typo_hyphenate: too many points", w);
		for (i = 0; i < n; i++)
			if (offs[i] == 0 || offs[i] >= len ||
			    (i > 0 && offs[i] <= offs[i - 1]))
				S_fail("typo_hyphenate: bad offset", w);
		n = typo_hyphenate_ex(dic, w, pts, MAXPTS);
		if (n > MAXPTS)
			S_fail("typo_hyphenate_ex: too many points", w);
		for (i = 0; i < n; i++)
			if (pts[i].off == 0 || pts[i].off >= len ||
			    (i > 0 && pts[i].off <= pts[i - 1].off))
				S_fail("typo_hyphenate_ex: bad offset", w);
		/* The ends of a long word are words too. */
		(void)typo_hyphenate(dic, w + len / 2, offs, 2);
		free(w);
		p = e;
	}
}

static double
S_raw(const uint8_t *p)
{
	double	 d;

	memcpy(&d, p, sizeof(d));
	return d;
}

/* Whether the lines returned for items v[0..n) are well formed. */
static void
S_lines(const char *fn, const struct lb_item *v, size_t n,
    const struct lb_line *l, size_t nl)
{
	size_t	 i, e;
	char	 why[128];

	if (n == 0) {
		if (nl != 0 || l != NULL)
			S_fail("lines for no item", fn);
		return;
	}
	if (nl == 0 || l == NULL || nl > n + 1) {
		snprintf(why, sizeof(why), "%s: %zu lines for %zu items",
		    fn, nl, n);
		S_fail(why, "(items)");
	}
	for (i = 0; i < nl; i++) {
		e = l[i].end;
		snprintf(why, sizeof(why), "%s: line %zu of %zu: start %zu "
		    "end %zu, n %zu", fn, i, nl, l[i].start, e, n);
		if (l[i].start > e || e > n)
			S_fail(why, "(items)");
		if (i > 0 && l[i].start <= l[i - 1].end)
			S_fail(why, "(items)");
		if (i + 1 < nl && e == n)
			S_fail(why, "(items)");
		if (e < n && v[e].type == LB_BOX)
			S_fail(why, "(break at a box)");
		if (e < n && v[e].type == LB_PENALTY &&
		    v[e].penalty >= LB_FORBID)
			S_fail(why, "(break at a forbidden penalty)");
		if (e < n && v[e].type == LB_GLUE &&
		    (e == 0 || v[e - 1].type != LB_BOX))
			S_fail(why, "(break at a glue not after a box)");
		if (l[i].hyphenated != (e < n && v[e].type == LB_PENALTY &&
		    v[e].flagged))
			S_fail(why, "(hyphenated flag)");
	}
	if (l[nl - 1].end != n && !(v[l[nl - 1].end].type == LB_PENALTY &&
	    v[l[nl - 1].end].penalty <= LB_FORCE))
		S_fail("last line does not end the paragraph", fn);
}

static void
S_break(const uint8_t *data, size_t size)
{
	struct lb_item	*v;
	struct lb_line	*l;
	size_t		 n, i, nl;
	const uint8_t	*p;
	double		 lw, tol;
	int		 raw, ragged;

	if (size < 2)
		return;
	raw = data[0] & 1;
	ragged = 3 * (1 + data[0] % 8);
	lw = 4 + data[0] / 2.0;
	tol = 1 + data[1] % 4;
	if (raw && size >= 10) {
		lw = S_raw(data + 2);
		if (isnan(lw))
			lw = 0;
	}
	data += 2;
	size -= 2;
	n = size / 4;
	if (n > MAXITEMS)
		n = MAXITEMS;
	v = xcalloc(n + 1, sizeof(*v));
	for (i = 0; i < n; i++) {
		p = data + 4 * i;
		v[i].type = (enum lb_type)(p[0] % 3);
		v[i].width = p[1] / 8.0;
		v[i].stretch = p[2] == 255 ? INFINITY : p[2] / 32.0;
		v[i].shrink = p[3] / 64.0;
		v[i].penalty = (p[2] - 128) * 100;
		v[i].flagged = p[3] & 1;
		if (v[i].type == LB_BOX)
			v[i].stretch = v[i].shrink = 0;
		/* Raw doubles: where the next 8 bytes say so. */
		if (raw && (p[0] & 0xf0) == 0xf0 && size - 4 * i >= 12) {
			switch (p[0] & 3) {
			case 0: v[i].width = S_raw(p + 4); break;
			case 1: v[i].stretch = S_raw(p + 4); break;
			default: v[i].shrink = S_raw(p + 4); break;
			}
		}
	}

	nl = typo_break(v, n, lw, tol, &l);
	S_lines("typo_break", v, n, l, nl);
	free(l);
	nl = typo_break_ragged(v, n, lw, ragged, &l);
	S_lines("typo_break_ragged", v, n, l, nl);
	free(l);
	nl = typo_break_firstfit(v, n, lw, &l);
	S_lines("typo_break_firstfit", v, n, l, nl);
	free(l);
	free(v);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char	*s;

	s = xstrndup((const char *)data, size);
	S_fr(s, strlen(s));
	S_hyph(s);
	free(s);
	S_break(data, size);
	return 0;
}
