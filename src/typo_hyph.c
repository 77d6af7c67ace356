/*
 * typo_hyph.c — hyphenation points of French words with libhyphen and
 * hyph_fr.dic (UTF-8).  See typo.h.
 *
 * What libhyphen 2.8.8 does, as read in its source and checked on
 * "intégration", "développement", "œuvre" (see tests/unit/test_typo.c):
 *  - word and word_size are in bytes, the hyphens buffer must hold
 *    word_size + 5 bytes;
 *  - with a UTF-8 dictionary the result is renumbered at the end
 *    (hnj_hyphen_norm): hyphens[k] is about the k-th CHARACTER, not
 *    byte, and an odd digit means a break after that character;
 *  - NOHYPHEN handling in hnj_hyphen_hyphenate3() writes NUL bytes
 *    into hyphens, so its length is never taken with strlen here;
 *  - the compound (NEXTLEVEL) code dereferences rep without checking
 *    it, so rep, pos and cut must be valid pointers (to NULL), and what
 *    it allocates is ours to free;
 *  - the patterns are lowercase: "Intégration" and "INTÉGRATION" find
 *    nothing, words are lowercased first;
 *  - the dictionary's own minima (2 and 2) are weaker than French
 *    usage (2 and 3): hnj_hyphen_hyphenate3() is given 2 and 3 and the
 *    result is checked again here.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <hyphen.h>

#include "typo.h"
#include "util.h"

#define	LEFTMIN		2	/* characters before a break */
#define	RIGHTMIN	3	/* characters after a break */
#define	MAXPART		64	/* longest part hyphenated, in characters */

struct typo_hyph {
	HyphenDict	*dict;
};

struct typo_hyph *
typo_hyph_open(const char *path)
{
	struct typo_hyph	*h;
	HyphenDict		*dict;

	if (path == NULL || (dict = hnj_hyphen_load(path)) == NULL)
		return NULL;
	if (!dict->utf8) {
		/* Offsets would be in a legacy charset: refuse. */
		hnj_hyphen_free(dict);
		return NULL;
	}
	h = xcalloc(1, sizeof(*h));
	h->dict = dict;
	return h;
}

void
typo_hyph_close(struct typo_hyph *h)
{

	if (h == NULL)
		return;
	hnj_hyphen_free(h->dict);
	free(h);
}

static int
S_is_upper(unsigned int cp)
{

	return (cp >= 'A' && cp <= 'Z') ||
	    (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7) ||
	    (cp >= 0x100 && cp <= 0x17E && cp != 0x138 && cp != 0x149 &&
	    ((cp < 0x139 || (cp > 0x148 && cp < 0x179)) ?
	    cp % 2 == 0 : cp % 2 == 1)) ||
	    (cp >= 0x391 && cp <= 0x3AB) || (cp >= 0x400 && cp <= 0x42F);
}

/* Lowercase of the letters French uses (and their Latin neighbours). */
static unsigned int
S_lower(unsigned int cp)
{

	if (!S_is_upper(cp))
		return cp;
	if (cp == 0x178)			/* Ÿ */
		return 0xFF;
	if (cp < 0x100 || (cp >= 0x391 && cp <= 0x3AB) ||
	    (cp >= 0x410 && cp <= 0x42F))
		return cp + 0x20;
	if (cp >= 0x400 && cp < 0x410)
		return cp + 0x50;
	return cp + 1;				/* Latin Extended-A pairs */
}

static int
S_is_hyphen(unsigned int cp)
{

	return cp == '-' || cp == 0x2010;
}

static int
S_is_apos(unsigned int cp)
{

	return cp == '\'' || cp == 0x2019;
}

/* Punctuation that may stick to a word without being part of it. */
static int
S_is_edge(unsigned int cp)
{

	return cp == ',' || cp == '.' || cp == ';' || cp == ':' ||
	    cp == '!' || cp == '?' || cp == '(' || cp == ')' || cp == '[' ||
	    cp == ']' || cp == '"' || cp == '\'' || cp == 0xAB || cp == 0xBB ||
	    cp == 0x2018 || cp == 0x2019 || cp == 0x201C || cp == 0x201D ||
	    cp == 0x2026 || cp == 0xA0 || cp == 0x202F || cp == 0xBF ||
	    cp == 0xA1 || cp == '*' || cp == '_';
}

/* Decoded word: code points and their byte offsets (one more at the end). */
struct word {
	unsigned int	*cp;
	size_t		*off;
	size_t		 n;
};

static int
S_decode(const char *s, struct word *w)
{
	size_t		 len = strlen(s), i, l;
	unsigned int	 cp;

	w->cp = xreallocarray(NULL, len + 1, sizeof(*w->cp));
	w->off = xreallocarray(NULL, len + 1, sizeof(*w->off));
	w->n = 0;
	for (i = 0; i < len; i += l) {
		if ((l = utf8_decode(s + i, len - i, &cp)) == 0)
			return 0;
		w->cp[w->n] = cp;
		w->off[w->n++] = i;
	}
	w->off[w->n] = len;
	return 1;
}

static void
S_word_free(struct word *w)
{

	free(w->cp);
	free(w->off);
}

/* Frees what libhyphen allocated for non-standard hyphenation. */
static void
S_free_rep(char **rep, int *pos, int *cut, size_t n)
{
	size_t	 i, j;

	if (rep != NULL)
		for (i = 0; i < n; i++) {
			/* 2.8.8's renumbering may leave copies behind. */
			for (j = 0; j < i && rep[j] != rep[i]; j++)
				continue;
			if (j == i)
				free(rep[i]);
		}
	free(rep);
	free(pos);
	free(cut);
}

/*
 * Hyphenates the letters w->cp[a .. b), storing inserted points.
 * Returns the new count.
 */
static size_t
S_part(struct typo_hyph *h, const struct word *w, size_t a, size_t b,
    struct typo_hpoint *pts, size_t np, size_t max)
{
	struct buf	 low;
	char		*hy, **rep = NULL;
	int		*pos = NULL, *cut = NULL;
	size_t		 k, len;

	if (b - a < LEFTMIN + RIGHTMIN || b - a > MAXPART)
		return np;
	buf_init(&low);
	for (k = a; k < b; k++)
		utf8_encode(&low, S_lower(w->cp[k]));
	len = low.len;
	hy = xcalloc(len + 5, 1);
	if (hnj_hyphen_hyphenate3(h->dict, low.data, (int)len, hy, NULL,
	    &rep, &pos, &cut, LEFTMIN, RIGHTMIN, LEFTMIN, RIGHTMIN) == 0) {
		/* hy[k - a]: after character k (per character, see above). */
		for (k = a + LEFTMIN - 1; k + RIGHTMIN < b && np < max; k++) {
			if ((hy[k - a] & 1) == 0)
				continue;
			if (rep != NULL && rep[k - a] != NULL)
				continue;	/* non-standard: not French */
			pts[np].off = w->off[k + 1];
			pts[np++].inserted = 1;
		}
	}
	S_free_rep(rep, pos, cut, len);
	free(hy);
	buf_free(&low);
	return np;
}

/*
 * The core of a decoded word: without the punctuation around it, and
 * made of letters, hyphens and apostrophes only.  Returns 0 otherwise.
 */
static int
S_core(const struct word *w, size_t *pa, size_t *pb)
{
	size_t	 a, b, i;

	for (a = 0; a < w->n && S_is_edge(w->cp[a]); a++)
		continue;
	for (b = w->n; b > a && S_is_edge(w->cp[b - 1]); b--)
		continue;
	for (i = a; i < b; i++)
		if (!typo_is_letter(w->cp[i]) && !S_is_hyphen(w->cp[i]) &&
		    !S_is_apos(w->cp[i]))
			return 0;
	*pa = a;
	*pb = b;
	return a < b;
}

size_t
typo_hyphenate_ex(struct typo_hyph *h, const char *word,
    struct typo_hpoint *pts, size_t max)
{
	struct word	 w;
	size_t		 a, b, i, k, start, letters, np = 0;

	if (h == NULL || word == NULL || max == 0)
		return 0;
	if (!S_decode(word, &w) || !S_core(&w, &a, &b))
		goto out;

	/* Each part between hyphens; within it, what follows an elision. */
	for (start = i = a; i <= b && np < max; i++) {
		if (i < b && !S_is_hyphen(w.cp[i]))
			continue;
		for (letters = k = start; k < i; k++)
			if (S_is_apos(w.cp[k]))
				letters = k + 1;
		np = S_part(h, &w, letters, i, pts, np, max);
		/* After the hyphen itself, if both sides are long enough. */
		if (i < b && np < max && i >= start + LEFTMIN) {
			for (k = i + 1; k < b && !S_is_hyphen(w.cp[k]); k++)
				continue;
			if (k >= i + 1 + RIGHTMIN) {
				pts[np].off = w.off[i + 1];
				pts[np++].inserted = 0;
			}
		}
		start = i + 1;
	}
out:
	S_word_free(&w);
	return np;
}

size_t
typo_hyphenate(struct typo_hyph *h, const char *word, size_t *offs,
    size_t max)
{
	struct typo_hpoint	*pts;
	size_t			 n, i, k = 0;

	if (word == NULL)
		return 0;
	pts = xreallocarray(NULL, strlen(word) + 1, sizeof(*pts));
	n = typo_hyphenate_ex(h, word, pts, strlen(word) + 1);
	for (i = 0; i < n && k < max; i++)
		if (pts[i].inserted)
			offs[k++] = pts[i].off;
	free(pts);
	return k;
}

int
typo_can_hyphenate(const char *word)
{
	struct word	 w;
	size_t		 a, b, i, letters = 0;
	int		 ok = 0;

	if (word == NULL)
		return 0;
	if (S_decode(word, &w) && S_core(&w, &a, &b) && !S_is_upper(w.cp[a])) {
		for (i = a; i < b; i++)
			letters += typo_is_letter(w.cp[i]);
		ok = letters >= LEFTMIN + RIGHTMIN;
	}
	S_word_free(&w);
	return ok;
}
