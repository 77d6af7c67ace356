/*
 * typo_break.c — paragraph line breaking: Knuth and Plass's total fit
 * ("Breaking Paragraphs into Lines", 1981), its ragged-right variant,
 * and first fit as the fallback.  See typo.h.
 *
 * Sums of widths, stretch and shrink are prefix sums over the items
 * (penalties add nothing), so the natural width of a line from break a
 * to break b is a difference of two entries.  After a break, the glue
 * and penalties up to the next box (or forced break) are discarded: the
 * line after break b starts at stop[b + 1], and its sums too.
 *
 * Every line has the same width, so active nodes need not be told apart
 * by line number: new nodes go at the end of the active list, which is
 * therefore sorted by position.  A node is deactivated when the line
 * from it would be overfull, so the list holds only the breaks within a
 * line's reach of the current one, which keeps the work linear in the
 * number of items.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "typo.h"
#include "util.h"

#define	NONE		((size_t)-1)
#define	LINE_PENALTY	10.0	/* \linepenalty */
#define	DOUBLE_HYPHEN	10000.0	/* \doublehyphendemerits */
#define	FINAL_HYPHEN	5000.0	/* \finalhyphendemerits */
#define	ADJ_DEMERITS	10000.0	/* \adjdemerits: fitness classes apart */
#define	OVERFULL	1e12	/* demerits of an overfull line (rescue) */
#define	MAX_RATIO	1000.0	/* caps badness, keeps sums finite */
#define	EMERGENCY	0.25	/* final pass: stretch added, x line width */

struct sums {
	double		 w;	/* natural width */
	double		 y;	/* stretch (finite) */
	double		 z;	/* shrink */
	double		 fil;	/* number of infinitely stretchable glues */
};

struct node {
	size_t		 pos;		/* break item; 0 and no prev: start */
	size_t		 prev;		/* node of the previous break */
	size_t		 next;		/* next active node */
	int		 fitness;	/* 0 tight, 1 normal, 2 loose, 3 very */
	int		 flagged;	/* break at a flagged penalty */
	double		 demerits;	/* total from the start */
	double		 ratio;		/* of the line ending here */
	struct sums	 after;		/* sums after the break */
};

struct kp {
	const struct lb_item *it;
	size_t		 n;		/* items, plus 1 with a virtual end */
	size_t		 nreal;		/* items given */
	double		 lw;		/* line width */
	double		 tol;		/* largest ratio accepted */
	double		 extra;		/* ragged: stretch at each line end */
	int		 rescue;	/* final pass: overfull lines allowed */
	struct sums	*pre;		/* pre[i]: sums of items before i */
	size_t		*stop;		/* first box or forced break >= i */
	struct node	*pool;
	size_t		 npool;
	size_t		 cap;
	size_t		 active;	/* first active node, NONE if none */
	size_t		 last;		/* last active node */
};

static int
S_is_fil(double stretch)
{

	return isinf(stretch) || stretch >= LB_FIL;
}

/*
 * Item i, the virtual forced break at nreal included; a width or shrink
 * that is not a finite number counts as 0, so does a NaN stretch.
 */
static struct lb_item
S_lb_item(const struct kp *kp, size_t i)
{
	struct lb_item	 it = { LB_PENALTY, 0, 0, 0, LB_FORCE, 0 };

	if (i < kp->nreal) {
		it = kp->it[i];
		if (!isfinite(it.width))
			it.width = 0;
		if (isnan(it.stretch))
			it.stretch = 0;
		if (!isfinite(it.shrink))
			it.shrink = 0;
	}
	return it;
}

static int
S_forced(const struct lb_item *it)
{

	return it->type == LB_PENALTY && it->penalty <= LB_FORCE;
}

/*
 * Whether item i is a legal breakpoint.  A glue or penalty followed by
 * nothing but glue and penalties up to a forced break is not one: the
 * line after it would be empty, and the forced break ends the same line
 * (TeX puts \penalty10000 before \parfillskip for this).  Without this,
 * a box wider than the line and last before a forced break (a long URL
 * ending a paragraph) was broken at the \parfillskip, both passes having
 * nothing better, and an empty line followed.
 */
static int
S_legal(const struct kp *kp, size_t i)
{
	struct lb_item	 it = S_lb_item(kp, i), next;

	if (it.type == LB_GLUE) {
		if (i == 0 || kp->it[i - 1].type != LB_BOX)
			return 0;
	} else if (it.type != LB_PENALTY || it.penalty >= LB_FORBID)
		return 0;
	else if (S_forced(&it))
		return 1;
	next = S_lb_item(kp, kp->stop[i + 1]);
	return !S_forced(&next);
}

/*
 * Prefix sums and stops.  ragged: the glue keeps only its width (and an
 * infinite stretch).
 */
static void
S_setup(struct kp *kp, const struct lb_item *items, size_t n, int ragged)
{
	struct sums	 s = { 0, 0, 0, 0 };
	size_t		 i;

	kp->it = items;
	kp->nreal = n;
	kp->n = n > 0 && S_forced(&items[n - 1]) ? n : n + 1;
	kp->pre = xreallocarray(NULL, kp->n + 1, sizeof(*kp->pre));
	kp->stop = xreallocarray(NULL, kp->n + 1, sizeof(*kp->stop));
	for (i = 0; i < kp->n; i++) {
		struct lb_item it = S_lb_item(kp, i);

		kp->pre[i] = s;
		if (it.type == LB_PENALTY)
			continue;
		s.w += it.width;
		if (it.type != LB_GLUE)
			continue;
		if (S_is_fil(it.stretch))
			s.fil += 1;
		else if (!ragged) {
			s.y += it.stretch;
			s.z += it.shrink;
		}
	}
	kp->pre[kp->n] = s;
	kp->stop[kp->n] = kp->n;
	for (i = kp->n; i-- > 0; ) {
		struct lb_item it = S_lb_item(kp, i);

		kp->stop[i] = it.type == LB_BOX || S_forced(&it) ? i :
		    kp->stop[i + 1];
	}
}

static void
S_teardown(struct kp *kp)
{

	free(kp->pre);
	free(kp->stop);
	free(kp->pool);
	kp->pre = NULL;
	kp->stop = NULL;
	kp->pool = NULL;
}

/* Where the line after a break at b starts (its first item). */
static size_t
S_start(const struct kp *kp, size_t b)
{

	return b + 1 >= kp->n ? kp->n : kp->stop[b + 1];
}

/*
 * Adjustment ratio of the line from the break whose sums-after are a to
 * item b.  HUGE_VAL: underfull without stretch; -HUGE_VAL: overfull
 * without shrink.
 */
static double
S_ratio(const struct kp *kp, const struct sums *a, size_t b)
{
	struct lb_item	 it = S_lb_item(kp, b);
	double		 len, y, z;

	len = kp->pre[b].w - a->w + (it.type == LB_PENALTY ? it.width : 0);
	if (len < kp->lw) {
		if (kp->pre[b].fil - a->fil > 0)
			return 0;
		y = kp->pre[b].y - a->y + kp->extra;
		return y > 0 ? (kp->lw - len) / y : HUGE_VAL;
	}
	if (len > kp->lw) {
		z = kp->pre[b].z - a->z;
		return z > 0 ? (kp->lw - len) / z : -HUGE_VAL;
	}
	return 0;
}

static int
S_fitness(double r)
{

	return r < -0.5 ? 0 : r <= 0.5 ? 1 : r <= 1 ? 2 : 3;
}

static size_t
S_new_node(struct kp *kp, size_t pos, size_t prev)
{
	struct node	*nd;

	if (kp->npool == kp->cap) {
		kp->cap = kp->cap ? kp->cap * 2 : 64;
		kp->pool = xreallocarray(kp->pool, kp->cap, sizeof(*kp->pool));
	}
	nd = &kp->pool[kp->npool];
	nd->pos = pos;
	nd->prev = prev;
	nd->next = NONE;
	nd->fitness = 1;
	nd->flagged = 0;
	nd->demerits = 0;
	nd->ratio = 0;
	nd->after = kp->pre[S_start(kp, pos)];
	return kp->npool++;
}

static void
S_kp_append(struct kp *kp, size_t id)
{

	if (kp->active == NONE)
		kp->active = id;
	else
		kp->pool[kp->last].next = id;
	kp->last = id;
}

/* Considers a break at item b from every active node. */
static void
S_try(struct kp *kp, size_t b)
{
	struct lb_item	 it = S_lb_item(kp, b);
	double		 best[4], ratio[4], r, bad, d, least = HUGE_VAL;
	size_t		 from[4], a, next, prev = NONE, gone = NONE, id;
	int		 c, forced = S_forced(&it);
	int		 flagged = it.type == LB_PENALTY && it.flagged;
	int		 p = it.type == LB_PENALTY ? it.penalty : 0;

	for (c = 0; c < 4; c++) {
		best[c] = HUGE_VAL;
		from[c] = NONE;
		ratio[c] = 0;
	}
	for (a = kp->active; a != NONE; a = next) {
		struct node *an = &kp->pool[a];

		next = an->next;
		/*
		 * b lies in what a break at an discards (glue, then a
		 * penalty before the next box): no line ends there.
		 */
		if (an->prev != NONE && S_start(kp, an->pos) > b) {
			prev = a;
			continue;
		}
		r = S_ratio(kp, &an->after, b);
		if (r < -1 || forced) {
			/* Unlink: no later break can use it. */
			if (prev == NONE)
				kp->active = next;
			else
				kp->pool[prev].next = next;
			if (kp->last == a)
				kp->last = prev;
			if (gone == NONE || an->pos > kp->pool[gone].pos ||
			    (an->pos == kp->pool[gone].pos &&
			    an->demerits < kp->pool[gone].demerits))
				gone = a;
		} else
			prev = a;
		if (r < -1 || r > kp->tol)
			continue;
		bad = 100 * pow(fmin(fabs(r), MAX_RATIO), 3);
		d = (LINE_PENALTY + bad) * (LINE_PENALTY + bad);
		if (p > 0)
			d += (double)p * p;
		else if (p > LB_FORCE)
			d -= (double)p * p;
		if (flagged && an->flagged)
			d += DOUBLE_HYPHEN;
		if (forced && an->flagged)
			d += FINAL_HYPHEN;
		c = S_fitness(r);
		if (abs(c - an->fitness) > 1)
			d += ADJ_DEMERITS;
		d += an->demerits;
		if (d < best[c]) {
			best[c] = d;
			from[c] = a;
			ratio[c] = r;
		}
		least = fmin(least, d);
	}

	if (least < HUGE_VAL) {
		for (c = 0; c < 4; c++) {
			if (from[c] == NONE || best[c] > least + ADJ_DEMERITS)
				continue;
			id = S_new_node(kp, b, from[c]);
			kp->pool[id].fitness = c;
			kp->pool[id].flagged = flagged;
			kp->pool[id].demerits = best[c];
			kp->pool[id].ratio = ratio[c] == HUGE_VAL ? 0 : ratio[c];
			S_kp_append(kp, id);
		}
	} else if (kp->rescue && kp->active == NONE && gone != NONE) {
		/*
		 * Nothing reaches b but overfull lines: set the shortest
		 * of them (from the latest break) rather than give up.
		 */
		id = S_new_node(kp, b, gone);
		kp->pool[id].fitness = 0;
		kp->pool[id].flagged = flagged;
		kp->pool[id].demerits = kp->pool[gone].demerits + OVERFULL;
		kp->pool[id].ratio = -1;
		S_kp_append(kp, id);
	}
}

/* Lines from the chain of nodes ending at last. */
static size_t
S_kp_lines(struct kp *kp, size_t last, struct lb_line **lines)
{
	struct lb_line	*v;
	size_t		 k, count = 0, id;

	for (id = last; kp->pool[id].prev != NONE; id = kp->pool[id].prev)
		count++;
	v = xreallocarray(NULL, count, sizeof(*v));
	for (k = count, id = last; k-- > 0; id = kp->pool[id].prev) {
		const struct node *nd = &kp->pool[id], *pv = &kp->pool[nd->prev];
		struct lb_item it = S_lb_item(kp, nd->pos);

		v[k].start = pv->prev == NONE ? 0 : S_start(kp, pv->pos);
		v[k].end = nd->pos;
		v[k].ratio = nd->ratio;
		v[k].hyphenated = it.type == LB_PENALTY && it.flagged &&
		    nd->pos < kp->nreal;
	}
	*lines = v;
	return count;
}

/* One pass of total fit; 0 lines when it finds no solution. */
static size_t
S_pass(struct kp *kp, struct lb_line **lines)
{
	size_t	 b, id, best = NONE;

	kp->npool = 0;
	kp->active = kp->last = NONE;
	id = S_new_node(kp, 0, NONE);
	kp->pool[id].after = kp->pre[0];
	S_kp_append(kp, id);
	for (b = 0; b < kp->n && kp->active != NONE; b++)
		if (S_legal(kp, b))
			S_try(kp, b);
	for (id = kp->active; id != NONE; id = kp->pool[id].next)
		if (kp->pool[id].pos == kp->n - 1 &&
		    (best == NONE ||
		    kp->pool[id].demerits < kp->pool[best].demerits))
			best = id;
	if (best == NONE)
		return 0;
	return S_kp_lines(kp, best, lines);
}

/* First fit over a prepared kp. */
static size_t
S_firstfit(struct kp *kp, struct lb_line **lines)
{
	struct lb_line	*v = NULL;
	size_t		 count = 0, cap = 0, start = 0, b, brk;
	struct sums	 base = kp->pre[0];
	struct lb_item	 it;
	double		 len, z;

	while (start < kp->n) {
		brk = NONE;
		for (b = start; b < kp->n; b++) {
			if (!S_legal(kp, b))
				continue;
			it = S_lb_item(kp, b);
			len = kp->pre[b].w - base.w +
			    (it.type == LB_PENALTY ? it.width : 0);
			z = kp->pre[b].z - base.z;
			if (len - z <= kp->lw || brk == NONE)
				brk = b;
			if (len - z > kp->lw || S_forced(&it))
				break;
		}
		if (brk == NONE)
			brk = kp->n - 1;
		if (count == cap) {
			cap = cap ? cap * 2 : 16;
			v = xreallocarray(v, cap, sizeof(*v));
		}
		it = S_lb_item(kp, brk);
		v[count].start = start;
		v[count].end = brk;
		v[count].ratio = S_ratio(kp, &base, brk);
		if (v[count].ratio == HUGE_VAL)
			v[count].ratio = 0;
		if (v[count].ratio < -1)
			v[count].ratio = -1;
		v[count++].hyphenated = it.type == LB_PENALTY && it.flagged &&
		    brk < kp->nreal;
		if (brk + 1 >= kp->n)
			break;
		start = S_start(kp, brk);
		base = kp->pre[start];
	}
	*lines = v;
	return count;
}

static size_t
S_break(const struct lb_item *items, size_t n, double line_width,
    double tolerance, double extra, int ragged, struct lb_line **lines)
{
	struct kp	 kp = { 0 };
	size_t		 count = 0;

	*lines = NULL;
	if (n == 0 || items == NULL)
		return 0;
	kp.lw = isfinite(line_width) ? line_width : 0;
	kp.extra = extra > 0 && isfinite(extra) ? extra : 0;
	S_setup(&kp, items, n, ragged);
	kp.tol = isnan(tolerance) ? 0 : tolerance;
	if ((count = S_pass(&kp, lines)) == 0) {
		/*
		 * Any looseness, and overfull lines if need be.  Like
		 * TeX's \emergencystretch, every line gets some more
		 * stretch, so that lines without any (no space, or rigid
		 * glue) compare by how empty they are, not all as
		 * infinitely bad.
		 */
		kp.tol = HUGE_VAL;
		kp.rescue = 1;
		kp.extra += EMERGENCY * fmax(kp.lw, 0);
		count = S_pass(&kp, lines);
	}
	if (count == 0)
		count = S_firstfit(&kp, lines);
	S_teardown(&kp);
	return count;
}

size_t
typo_break(const struct lb_item *items, size_t n, double line_width,
    double tolerance, struct lb_line **lines)
{

	return S_break(items, n, line_width, tolerance, 0, 0, lines);
}

size_t
typo_break_ragged(const struct lb_item *items, size_t n, double line_width,
    double stretch, struct lb_line **lines)
{

	return S_break(items, n, line_width, 2, stretch, 1, lines);
}

size_t
typo_break_firstfit(const struct lb_item *items, size_t n, double line_width,
    struct lb_line **lines)
{
	struct kp	 kp = { 0 };
	size_t		 count = 0;

	*lines = NULL;
	if (n == 0 || items == NULL)
		return 0;
	kp.lw = isfinite(line_width) ? line_width : 0;
	S_setup(&kp, items, n, 0);
	count = S_firstfit(&kp, lines);
	S_teardown(&kp);
	return count;
}

/* ---- breaking what does not break ------------------------------------- */

int
typo_url_like(const char *w, size_t n)
{
	size_t	 i;
	int	 dot = 0, at = 0;

	if (n >= 4 && strncmp(w, "www.", 4) == 0)
		return 1;
	for (i = 0; i < n; i++) {
		if (w[i] == ':' && i + 2 < n && w[i + 1] == '/' && w[i + 2] == '/')
			return 1;
		if (w[i] == '@')
			at = 1;
		else if (w[i] == '.' && i + 1 < n && i > 0) {
			if (at)
				return 1;
			dot = 1;
		} else if (w[i] == '/' && dot)
			return 1;
	}
	return 0;
}

/* Whether c is punctuation that may end a sentence after a URL. */
static int
S_trail(char c)
{
	return c == '.' || c == ',' || c == ';' || c == ':' || c == '!' ||
	    c == '?' || c == ')' || c == ']' || c == '"' || c == '\'';
}

static size_t
S_wpush(struct typo_wbreak *v, size_t n, size_t max, size_t off, int kind)
{
	if (n < max) {
		v[n].off = off;
		v[n].kind = kind;
		n++;
	}
	return n;
}

size_t
typo_url_breaks(const char *w, size_t n, struct typo_wbreak *v, size_t max)
{
	size_t	 i, end = n, k = 0;

	/* Trailing punctuation belongs to the sentence, not the URL. */
	while (end > 0 && S_trail(w[end - 1]))
		end--;
	for (i = 2; i + 2 <= end; i++) {
		if (w[i - 1] == '/' && w[i] != '/' && w[i - 2] != ':' &&
		    w[i - 2] != '/')
			k = S_wpush(v, k, max, i, TYPO_BRK_URL);
		else if (strchr(".@?#&-", w[i]) != NULL && w[i] != '\0' &&
		    w[i - 1] != '/' && strchr(".@?#&-", w[i - 1]) == NULL)
			k = S_wpush(v, k, max, i, TYPO_BRK_URL);
	}
	return k;
}

size_t
typo_hyphen_breaks(const char *w, size_t n, struct typo_wbreak *v, size_t max)
{
	size_t	 i, k = 0;

	for (i = 1; i + 1 < n; i++)
		if (w[i] == '-' && w[i - 1] != '-' && w[i + 1] != '-' &&
		    w[i - 1] != ' ' && w[i + 1] != ' ')
			k = S_wpush(v, k, max, i + 1, TYPO_BRK_HYPHEN);
	return k;
}

/* Whether cp never starts a break: it belongs to the character before. */
static int
S_joins_prev(unsigned int cp)
{
	return (cp >= 0x300 && cp <= 0x36f) ||	/* combining diacritics */
	    (cp >= 0x1ab0 && cp <= 0x1aff) || (cp >= 0x1dc0 && cp <= 0x1dff) ||
	    (cp >= 0x20d0 && cp <= 0x20ff) || (cp >= 0xfe20 && cp <= 0xfe2f) ||
	    cp == 0x200d || (cp >= 0xfe00 && cp <= 0xfe0f) ||
	    (cp >= 0x1f3fb && cp <= 0x1f3ff) ||	/* skin tones */
	    (cp >= 0xe0020 && cp <= 0xe007f) ||	/* tag characters */
	    (cp >= 0x64b && cp <= 0x65f) || cp == 0x670;	/* Arabic marks */
}

size_t
typo_any_breaks(const char *w, size_t n, struct typo_wbreak *v, size_t max)
{
	size_t		 i, len, k = 0;
	unsigned int	 cp, prev = 0;

	for (i = 0; i < n; i += len) {
		if ((len = utf8_decode(w + i, n - i, &cp)) == 0) {
			len = 1;
			cp = 0xfffd;
		}
		if (i > 0 && !S_joins_prev(cp) && prev != 0x200d)
			k = S_wpush(v, k, max, i, prev == 0xa0 || prev == 0x202f ?
			    TYPO_BRK_SPACE : TYPO_BRK_ANY);
		prev = cp;
	}
	return k;
}

char *
typo_ellipsis(const char *s, double width,
    double (*measure)(const char *, size_t, void *), void *arg)
{
	static const char ell[] = "\xe2\x80\xa6";	/* … */
	size_t		 n = strlen(s), i, len, word = 0, chr = 0;
	unsigned int	 cp, prev = 0;
	double		 ew;
	struct buf	 b;
	char		*out;

	if (measure(s, n, arg) <= width)
		return xstrdup(s);
	ew = measure(ell, sizeof(ell) - 1, arg);
	for (i = 0; i < n; i += len) {
		if ((len = utf8_decode(s + i, n - i, &cp)) == 0) {
			len = 1;
			cp = 0xfffd;
		}
		if (i > 0 && !S_joins_prev(cp) && prev != 0x200d) {
			if (measure(s, i, arg) + ew > width)
				break;
			chr = i;
			if (cp == ' ' || cp == 0xa0 || cp == 0x202f)
				word = i;
		}
		prev = cp;
	}
	len = word > 0 ? word : chr;
	/* No space, comma or dash left before the ellipsis. */
	while (len > 0 && strchr(" ,;:-(", s[len - 1]) != NULL)
		len--;
	while (len >= 2 && (strncmp(s + len - 2, "\xc2\xa0", 2) == 0))
		len -= 2;
	buf_init(&b);
	buf_put(&b, s, len);
	buf_puts(&b, ell);
	out = buf_detach(&b);
	buf_free(&b);
	return out;
}
