/*
 * lay_para.c — setting paragraphs for the booklet.
 *
 * A paragraph is a list of spans (runs of one face, size and colour,
 * maybe a link).  It becomes a Knuth–Plass item list: a box per piece
 * of word, a glue per space, a penalty per hyphenation point (French
 * patterns through typo.h, never in names, e-mails, URLs or phone
 * numbers) and after the slashes of URLs.  typo_break() (justified) or
 * typo_break_ragged() chooses the lines.
 *
 * Justified lines are drawn one text item per word, placed here: the
 * PDF library ignores word spacing for UTF-8 fonts.  Ragged lines are
 * one text item per run of a style, spaces included.  Each line is a
 * box of the vertical list, with the keeps that forbid widows and
 * orphans.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "lay.h"
#include "typo.h"

/* The typographic apostrophe, U+2019. */
#define	APOS		"\xe2\x80\x99"

/* Largest adjustment ratio of a justified line before the second pass. */
#define	TEXT_TOLERANCE	2.0
/* Hyphenation penalty (TeX's \hyphenpenalty) and after a URL's slash. */
#define	TEXT_HYPHEN_PENALTY	50
#define	TEXT_URL_PENALTY	100
/* The last resorts: after a no-break space, between any two characters. */
#define	TEXT_SPACE_PENALTY	500
#define	TEXT_ANY_PENALTY	2000

void
para_init(struct para *p, double size, double leading, double width)
{
	memset(p, 0, sizeof(*p));
	p->size = size;
	p->leading = leading;
	p->width = width;
}

void
para_free(struct para *p)
{
	size_t	 i;

	for (i = 0; i < p->n; i++) {
		free(p->v[i].text);
		free(p->v[i].uri);
	}
	free(p->v);
	memset(p, 0, sizeof(*p));
}

/* Whether the byte before end in s (len bytes) ends a letter: ASCII
 * alphabetic, or the last byte of a non-ASCII character (accented
 * letters; the quotes and dashes that would also pass never precede an
 * apostrophe in French text). */
static int
S_letter_before(const char *s, size_t len)
{
	unsigned char	 c;

	if (len == 0)
		return 0;
	c = (unsigned char)s[len - 1];
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80;
}

static int
S_letter_at(const char *s)
{
	unsigned char	 c = (unsigned char)s[0];

	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	    (c >= 0xc3 && c <= 0xc5);	/* U+00C0..U+017F: Latin letters */
}

/*
 * The French rules across the joint of two spans, which typo_fr()
 * cannot see: "L'**Outil**" gives the spans "L'" and "Outil"; "*toi*!"
 * gives "toi" and "!".  Applied as each span is added, so that every
 * text of a paragraph, however it is cut into faces and links, comes
 * out as typo_fr() would set it whole.
 */
static void
S_joint(struct span *prev, struct span *next)
{
	size_t		 n = strlen(prev->text);
	unsigned char	 c = (unsigned char)next->text[0],
			 c1 = c ? (unsigned char)next->text[1] : 0;
	const char	*sp;
	char		*t;

	if ((prev->flags | next->flags) & (SPAN_RAW | SPAN_BREAK))
		return;
	/* An apostrophe between letters, at the end of prev... */
	if (n >= 2 && prev->text[n - 1] == '\'' &&
	    S_letter_before(prev->text, n - 1) && S_letter_at(next->text)) {
		t = xasprintf("%.*s" APOS, (int)(n - 1), prev->text);
		free(prev->text);
		prev->text = t;
		n = strlen(t);
	}
	/* ... or at the start of next. */
	if (c == '\'' && S_letter_before(prev->text, n) &&
	    S_letter_at(next->text + 1)) {
		t = xasprintf(APOS "%s", next->text + 1);
		free(next->text);
		next->text = t;
		return;
	}
	/* The space owed before ; ! ? : » when next starts with one. */
	if (c == ';' || c == '!' || c == '?')
		sp = NNBSP;
	else if (c == ':' || (c == 0xc2 && c1 == 0xbb))	/* » */
		sp = NBSP;
	else
		return;
	if (c != 0xc2 && c1 < 0x80 && ((c1 >= '0' && c1 <= '9') ||
	    (c1 >= 'a' && c1 <= 'z') || (c1 >= 'A' && c1 <= 'Z') || c1 == '/'))
		return;	/* 12:30, ?id=2, ://: not punctuation of a sentence */
	if (n == 0 || strchr(" ([", prev->text[n - 1]) != NULL ||
	    (n >= 2 && (strcmp(prev->text + n - 2, NBSP) == 0 ||
	    strcmp(prev->text + n - 2, "\xc2\xab") == 0)) ||	/* « */
	    (n >= 3 && strcmp(prev->text + n - 3, NNBSP) == 0) ||
	    strchr(";!?:", prev->text[n - 1]) != NULL)
		return;	/* a space already, an opening, or "?!" */
	t = xasprintf("%s%s", sp, next->text);
	free(next->text);
	next->text = t;
}

struct span *
para_add(struct para *p, const char *text, enum pdf_face face,
    unsigned int rgb, unsigned int flags, const struct src *src)
{
	struct span	*s;

	if (p->n == p->cap) {
		p->cap = p->cap ? p->cap * 2 : 8;
		p->v = xreallocarray(p->v, p->cap, sizeof(*p->v));
	}
	s = &p->v[p->n++];
	memset(s, 0, sizeof(*s));
	if (text == NULL)
		text = "";
	s->text = (flags & SPAN_RAW) ? xstrdup(text) :
	    typo_fr(text);
	s->face = face;
	s->size = p->size;
	s->rgb = rgb;
	s->flags = flags;
	if (src != NULL)
		s->src = *src;
	if (p->n >= 2)
		S_joint(&p->v[p->n - 2], s);
	return s;
}

int
para_empty(const struct para *p)
{
	size_t		 i;
	const char	*c;

	for (i = 0; i < p->n; i++)
		for (c = p->v[i].text; *c != '\0'; c++)
			if (*c != ' ' && *c != '\n' && *c != '\t')
				return 0;
	return 1;
}

/* ---- the item list ------------------------------------------------------ */

/* What an item of the list stands for. */
struct atom {
	size_t		 span;
	size_t		 off, len;	/* BOX: bytes of the span's text */
};

struct items {
	struct lb_item	*v;
	struct atom	*a;
	size_t		 n, cap;
};

static struct lb_item *
S_push(struct items *it, enum lb_type type, size_t span, size_t off,
    size_t len)
{
	if (it->n == it->cap) {
		it->cap = it->cap ? it->cap * 2 : 64;
		it->v = xreallocarray(it->v, it->cap, sizeof(*it->v));
		it->a = xreallocarray(it->a, it->cap, sizeof(*it->a));
	}
	memset(&it->v[it->n], 0, sizeof(*it->v));
	it->v[it->n].type = type;
	it->a[it->n].span = span;
	it->a[it->n].off = off;
	it->a[it->n].len = len;
	return &it->v[it->n++];
}

static int
S_last_is_box(const struct items *it)
{
	size_t	 i;

	for (i = it->n; i > 0; i--) {
		if (it->v[i - 1].type == LB_BOX)
			return 1;
		if (it->v[i - 1].type == LB_GLUE)
			return 0;
	}
	return 0;
}

static void
S_glue(struct lay *l, const struct para *p, struct items *it, size_t si)
{
	const struct span *s = &p->v[si];
	struct lb_item	*g;
	double		 w;

	if (!S_last_is_box(it))
		return;
	w = lay_width(l, s->face, s->size, " ", 1);
	g = S_push(it, LB_GLUE, si, 0, 0);
	g->width = w;
	g->stretch = w / 2;
	g->shrink = w / 3;
}

/* Breaks of one word of span si: byte offsets in the word, kind. */
struct brk {
	size_t	 off;
	int	 hyphen;	/* a "-" is drawn at the end of the line */
	int	 penalty;
};

static int
S_brk_cmp(const void *a, const void *b)
{
	const struct brk *x = a, *y = b;

	return (x->off > y->off) - (x->off < y->off);
}

/* Offsets of breaks of kind from a typo_wbreak list, into b. */
static size_t
S_brk_add(struct brk *b, size_t nb, const struct typo_wbreak *v, size_t nv,
    size_t base, int penalty)
{
	size_t	 i;

	for (i = 0; i < nv; i++) {
		b[nb].off = base + v[i].off;
		b[nb].hyphen = 0;
		b[nb++].penalty = v[i].kind == TYPO_BRK_SPACE ?
		    TEXT_SPACE_PENALTY : penalty;
	}
	return nb;
}

/* Sort breaks and keep one per offset (the cheapest, drawing nothing). */
static size_t
S_brk_sort(struct brk *b, size_t nb)
{
	size_t	 i, k = 0;

	qsort(b, nb, sizeof(*b), S_brk_cmp);
	for (i = 0; i < nb; i++) {
		if (k > 0 && b[k - 1].off == b[i].off) {
			if (b[i].penalty < b[k - 1].penalty ||
			    (b[i].penalty == b[k - 1].penalty && !b[i].hyphen))
				b[k - 1] = b[i];
			continue;
		}
		b[k++] = b[i];
	}
	return k;
}

/*
 * The pieces of one word (bytes w..w+n of span si) with their breaks:
 * a URL, a host or an e-mail address at the usual places (typo.h);
 * other words at their hyphenation points (inserted hyphens only where
 * the text allows them) and after their own hyphens; and a piece still
 * wider than the line, as a last resort, after a no-break space or
 * between any two characters.
 */
static void
S_word(struct lay *l, const struct para *p, struct items *it, size_t si,
    size_t w, size_t n)
{
	const struct span *s = &p->v[si];
	struct typo_hpoint *pts = NULL;
	struct typo_wbreak *wb;
	struct brk	*b;
	struct lb_item	*x;
	char		*word;
	size_t		 nb = 0, np, nw, i, at, cap;
	double		 hw, pw;
	int		 ins;

	cap = 2 * n + 2;
	b = xreallocarray(NULL, cap, sizeof(*b));
	wb = xreallocarray(NULL, n + 1, sizeof(*wb));
	word = xstrndup(s->text + w, n);
	if ((s->flags & SPAN_URL) || typo_url_like(word, n)) {
		nw = typo_url_breaks(word, n, wb, n + 1);
		nb = S_brk_add(b, nb, wb, nw, 0, TEXT_URL_PENALTY);
	} else {
		if (l->hyph != NULL) {
			ins = !(s->flags & SPAN_NOHYPH) && !p->nohyph &&
			    typo_can_hyphenate(word);
			pts = xreallocarray(NULL, n + 1, sizeof(*pts));
			np = typo_hyphenate_ex(l->hyph, word, pts, n + 1);
			for (i = 0; i < np; i++) {
				if (pts[i].inserted && !ins)
					continue;
				b[nb].off = pts[i].off;
				b[nb].hyphen = pts[i].inserted;
				b[nb++].penalty = TEXT_HYPHEN_PENALTY;
			}
			free(pts);
		}
		nw = typo_hyphen_breaks(word, n, wb, n + 1);
		nb = S_brk_add(b, nb, wb, nw, 0, TEXT_HYPHEN_PENALTY);
	}
	nb = S_brk_sort(b, nb);
	hw = lay_width(l, s->face, s->size, "-", 1);
	/* The last resorts, inside the pieces wider than the line. */
	for (at = 0, i = 0, np = nb; i <= np; i++) {
		size_t	 end = i < np ? b[i].off : n;

		if (end <= at || end > n)
			continue;
		pw = lay_width(l, s->face, s->size, word + at, end - at);
		if (pw > p->width - hw && nb < cap) {
			nw = typo_any_breaks(word + at, end - at, wb, n + 1);
			if (nw > cap - nb)
				nw = cap - nb;
			nb = S_brk_add(b, nb, wb, nw, at, TEXT_ANY_PENALTY);
		}
		at = end;
	}
	nb = S_brk_sort(b, nb);
	for (at = 0, i = 0; i <= nb; i++) {
		size_t	 end = i < nb ? b[i].off : n;

		if (end <= at || end > n)
			continue;
		x = S_push(it, LB_BOX, si, w + at, end - at);
		x->width = lay_width(l, s->face, s->size, s->text + w + at,
		    end - at);
		at = end;
		if (i < nb) {
			x = S_push(it, LB_PENALTY, si, 0, 0);
			x->width = b[i].hyphen ? hw : 0;
			x->penalty = b[i].penalty;
			x->flagged = 1;
		}
	}
	free(word);
	free(wb);
	free(b);
}

/*
 * Span si starts inside a word (no space since the previous span's
 * text, a style change in a word): when the word is wider than the
 * line, it may break there, as a long word breaks anywhere (S_word()
 * breaks each span's piece only when the piece alone is too wide).
 */
static void
S_span_join(struct lay *l, const struct para *p, struct items *it,
    size_t si)
{
	const struct span *s = &p->v[si];
	struct lb_item	*x;
	double		 w = 0;
	size_t		 i, k;

	if (it->n == 0 || it->v[it->n - 1].type != LB_BOX ||
	    s->text[0] == ' ' || s->text[0] == '\n' || s->text[0] == '\t')
		return;
	for (i = it->n; i > 0 && it->v[i - 1].type != LB_GLUE; i--)
		w += it->v[i - 1].width;
	for (k = 0; s->text[k] != '\0' && s->text[k] != ' ' &&
	    s->text[k] != '\n' && s->text[k] != '\t'; k++)
		;
	w += lay_width(l, s->face, s->size, s->text, k);
	if (w <= p->width - lay_width(l, s->face, s->size, "-", 1))
		return;
	x = S_push(it, LB_PENALTY, si, 0, 0);
	x->width = 0;
	x->penalty = TEXT_ANY_PENALTY;
	x->flagged = 1;
}

static void
S_items(struct lay *l, const struct para *p, struct items *it)
{
	const struct span *s;
	struct lb_item	*x;
	size_t		 si, k, w;
	const char	*t;

	for (si = 0; si < p->n; si++) {
		s = &p->v[si];
		if (s->flags & SPAN_BREAK) {
			x = S_push(it, LB_GLUE, si, 0, 0);
			x->stretch = LB_FIL;
			x = S_push(it, LB_PENALTY, si, 0, 0);
			x->penalty = LB_FORCE;
			continue;
		}
		t = s->text;
		S_span_join(l, p, it, si);
		for (k = 0; t[k] != '\0';) {
			if (t[k] == ' ' || t[k] == '\n' || t[k] == '\t') {
				S_glue(l, p, it, si);
				k++;
				continue;
			}
			for (w = k; t[k] != '\0' && t[k] != ' ' &&
			    t[k] != '\n' && t[k] != '\t'; k++)
				;
			/* A word the booklet cannot print at all (glyphs.h)
			 * is left out with its space, leaving no gap. */
			if (lay_width(l, s->face, s->size, t + w, k - w) <= 0)
				continue;
			S_word(l, p, it, si, w, k - w);
		}
	}
	/* Drop trailing glue, end with \parfillskip and a forced break. */
	while (it->n > 0 && it->v[it->n - 1].type != LB_BOX)
		it->n--;
	x = S_push(it, LB_GLUE, 0, 0, 0);
	x->stretch = LB_FIL;
	x = S_push(it, LB_PENALTY, 0, 0, 0);
	x->penalty = LB_FORCE;
}

/* ---- drawing the lines -------------------------------------------------- */

/* A run being gathered on a line. */
struct run {
	size_t		 span;		/* style of the run */
	double		 x;
	struct buf	 text;
	int		 open;
};

/* A link area being gathered on a line. */
struct linkrun {
	size_t		 span;
	double		 x0, x1;
	int		 open;
};

/*
 * The Link element of span si (a link), made on first use under the
 * current element; 0 when it is no link.  Every line of a link goes in
 * one element with its annotations.
 */
static unsigned int
S_link_tag(struct lay *l, const struct para *p, unsigned int *ltag, size_t si)
{
	unsigned int	 saved;

	if (ltag == NULL || (p->v[si].uri == NULL && p->v[si].dest == 0))
		return 0;
	if (ltag[si] == 0 && l->tag != 0) {
		saved = lay_tag_open(l, "Link");
		ltag[si] = l->tag;
		lay_tag_close(l, saved);
	}
	return ltag[si];
}

static void
S_run_flush(struct lay *l, const struct para *p, struct vbox *b,
    struct run *r, double base, unsigned int *ltag)
{
	const struct span *s;
	unsigned int	 saved = l->tag, lt;

	if (!r->open)
		return;
	s = &p->v[r->span];
	if ((lt = S_link_tag(l, p, ltag, r->span)) != 0)
		l->tag = lt;
	else if (s->tag != 0 && l->tag != 0)
		l->tag = s->tag;
	if (r->text.len > 0)
		lay_text(l, b, r->x, base, s->face, s->size, s->rgb,
		    r->text.data, r->text.len, &s->src);
	l->tag = saved;
	buf_reset(&r->text);
	r->open = 0;
}

static void
S_link_flush(struct lay *l, const struct para *p, struct vbox *b,
    struct linkrun *k, double base, unsigned int *ltag)
{
	const struct span *s;
	struct pdf_item	*it;

	if (!k->open)
		return;
	k->open = 0;
	s = &p->v[k->span];
	if (k->x1 <= k->x0)
		return;
	it = vbox_add(b);
	it->node = S_link_tag(l, p, ltag, k->span);
	it->type = s->uri != NULL ? ITEM_LINK_URI : ITEM_LINK_PAGE;
	it->x = k->x0;
	it->y = base - s->size * 0.3;
	it->w = k->x1 - k->x0;
	it->h = s->size * 1.3;
	if (s->uri != NULL)
		it->uri = xstrdup(s->uri);
	else
		it->dest_page = s->dest - 1;
	if (s->flags & SPAN_UNDERLINE) {
		it = vbox_add(b);
		it->type = ITEM_LINE;
		it->x = k->x0;
		it->x2 = k->x1;
		it->y = it->y2 = base - s->size * 0.14;
		it->stroke_w = s->size * 0.05;
		it->rgb = s->rgb;
	}
}

/* Whether two spans draw alike (one text item may hold both). */
static int
S_same_look(const struct span *a, const struct span *b)
{
	return a->face == b->face && a->size == b->size && a->rgb == b->rgb &&
	    (a->src.file == b->src.file) && a->src.pos.line == b->src.pos.line &&
	    a->src.pos.col == b->src.pos.col;
}

static void
S_line(struct lay *l, const struct para *p, const struct items *it,
    const struct lb_line *ln, int justify, struct vbox *b, unsigned int *ltag)
{
	const struct lb_item *x;
	const struct atom *a;
	const struct span *s;
	struct run	 r;
	struct linkrun	 k;
	double		 ratio = justify ? ln->ratio : 0, xpos, natural = 0,
			 base, gw, shift = 0;
	size_t		 i, end = ln->end;
	int		 gap = 0, forced;

	base = -(p->leading / 2 + p->size * 0.3);
	forced = end < it->n && it->v[end].type == LB_PENALTY &&
	    it->v[end].penalty <= LB_FORCE;
	if (forced && ratio > 0)
		ratio = 0;
	if (ratio > 3 * TEXT_TOLERANCE)
		ratio = 3 * TEXT_TOLERANCE;	/* never absurd word spaces */
	if (ratio < -1)
		ratio = -1;
	/* Alignment: natural width of the line. */
	for (i = ln->start; i < end; i++) {
		x = &it->v[i];
		if (x->type == LB_BOX || x->type == LB_GLUE)
			natural += x->width;
	}
	if (end < it->n && it->v[end].type == LB_PENALTY)
		natural += it->v[end].width;
	if (p->align == ALIGN_RIGHT)
		shift = p->width - natural;
	else if (p->align == ALIGN_CENTER)
		shift = (p->width - natural) / 2;

	memset(&r, 0, sizeof(r));
	memset(&k, 0, sizeof(k));
	buf_init(&r.text);
	xpos = p->indent + shift;
	for (i = ln->start; i < end; i++) {
		x = &it->v[i];
		a = &it->a[i];
		s = &p->v[a->span];
		if (x->type == LB_GLUE) {
			gw = x->width + (ratio > 0 ? ratio * x->stretch :
			    ratio * x->shrink);
			if (x->stretch >= LB_FIL)
				gw = x->width;
			xpos += gw;
			gap = 1;
			continue;
		}
		if (x->type == LB_PENALTY)
			continue;
		/* A box: continue the run or start one. */
		if (r.open && (!S_same_look(&p->v[r.span],
		    s) || (gap && justify)))
			S_run_flush(l, p, b, &r, base, ltag);
		if (r.open && gap)
			buf_putc(&r.text, ' ');
		if (!r.open) {
			r.open = 1;
			r.span = a->span;
			r.x = xpos;
		}
		buf_put(&r.text, s->text + a->off, a->len);
		if (k.open && (k.span != a->span))
			S_link_flush(l, p, b, &k, base, ltag);
		if (s->uri != NULL || s->dest != 0) {
			if (!k.open) {
				k.open = 1;
				k.span = a->span;
				k.x0 = xpos;
			}
			k.x1 = xpos + x->width;
		}
		xpos += x->width;
		gap = 0;
	}
	/* A hyphen at a flagged break. */
	if (end < it->n && it->v[end].type == LB_PENALTY &&
	    it->v[end].width > 0 && r.open)
		buf_putc(&r.text, '-');
	S_run_flush(l, p, b, &r, base, ltag);
	S_link_flush(l, p, b, &k, base, ltag);
	buf_free(&r.text);
}

void
para_set(struct lay *l, const struct para *p, struct vlist *out)
{
	struct items	 it;
	struct lb_line	*lines = NULL;
	struct vbox	*b;
	size_t		 n, i, first = out->n;
	int		 justify;
	double		 mw;
	unsigned int	*ltag, saved = l->tag, t;

	if (para_empty(p))
		return;
	ltag = xcalloc(p->n ? p->n : 1, sizeof(*ltag));
	memset(&it, 0, sizeof(it));
	S_items(l, p, &it);
	justify = p->align == ALIGN_THEME && l->theme.justify;
	if (justify)
		n = typo_break(it.v, it.n, p->width, TEXT_TOLERANCE, &lines);
	else
		n = typo_break_ragged(it.v, it.n, p->width, 3 * p->size,
		    &lines);
	for (i = 0; i < n; i++) {
		b = vlist_add(out, p->leading, i == 0 ? p->before : 0);
		/* A list item's marker (Lbl), read before its text (LBody). */
		if (i == 0 && p->marker != NULL) {
			mw = lay_width(l, FACE_REGULAR, p->size, p->marker,
			    strlen(p->marker));
			t = lay_tag_open(l, "Lbl");
			lay_text(l, b, p->indent - mw - p->size * 0.45,
			    -(p->leading / 2 + p->size * 0.3), FACE_REGULAR,
			    p->size, p->marker_rgb, p->marker,
			    strlen(p->marker), NULL);
			lay_tag_close(l, t);
			if (l->tag != 0)
				(void)lay_tag_open(l, "LBody");
		}
		S_line(l, p, &it, &lines[i], justify, b, ltag);
	}
	lay_tag_close(l, saved);
	free(ltag);
	/* No orphan (first line alone at a foot), no widow (last alone at a head). */
	if (n >= 2) {
		out->v[first].keep = 1;
		out->v[first + n - 2].keep = 1;
	}
	if (n > 0)
		out->v[first + n - 1].keep = p->keep_last;
	free(lines);
	free(it.v);
	free(it.a);
}

struct vbox *
para_line(struct lay *l, struct vlist *out, const char *text,
    enum pdf_face face, double size, double leading, unsigned int rgb,
    double before, const struct src *src)
{
	struct vbox	*b;
	char		*t, *e;

	b = vlist_add(out, leading, before);
	t = typo_fr(text);
	e = lay_ellipsis(l, face, size, t, l->tw);
	lay_text(l, b, 0, -(leading / 2 + size * 0.3), face, size, rgb, e,
	    strlen(e), src);
	free(e);
	free(t);
	return b;
}
