/*
 * typo.h — French typography for the booklet (and the site's generated
 * text): typographic rules, hyphenation (libhyphen + hyph_fr.dic) and a
 * paragraph line breaker (Knuth–Plass total fit).  No libharu, no I/O
 * except opening the dictionary.
 */
#ifndef TYPO_H
#define TYPO_H

#include <stddef.h>

#define	NBSP	"\xc2\xa0"		/* U+00A0 no-break space */
#define	NNBSP	"\xe2\x80\xaf"		/* U+202F narrow no-break space */

/*
 * Apply French rules to a UTF-8 text, outside URLs, e-mail addresses,
 * times (12:30) and `code`: narrow no-break space before ; ! ?,
 * no-break space before : and before % and €, inside « » ; typographic
 * apostrophe ’ for ' between letters; doubled spaces collapsed; soft
 * hyphens (U+00AD) removed.  Idempotent.  Allocated.
 */
char	*typo_fr(const char *);

/* Hyphenation dictionary (opaque). */
struct typo_hyph;

/* Open a libhyphen dictionary (UTF-8, e.g. /usr/share/hyphen/hyph_fr.dic);
 * NULL when it cannot be read. */
struct typo_hyph *typo_hyph_open(const char *path);
void	 typo_hyph_close(struct typo_hyph *);
/*
 * Hyphenation points of one word (letters only; the caller never passes
 * names, e-mails, URLs or phone numbers): stores up to max BYTE offsets
 * into word where "-" may be inserted (respecting French minima: at
 * least 2 characters before and 3 after), returns how many.
 */
size_t	 typo_hyphenate(struct typo_hyph *, const char *word, size_t *offs,
	    size_t max);

/* ---- line breaking ---------------------------------------------------- */

enum lb_type {
	LB_BOX,		/* unbreakable material of a fixed width */
	LB_GLUE,	/* a space: may stretch, shrink, or break */
	LB_PENALTY	/* a possible break (hyphen: flagged, width of "-") */
};

struct lb_item {
	enum lb_type	 type;
	double		 width;
	double		 stretch;	/* GLUE */
	double		 shrink;	/* GLUE */
	int		 penalty;	/* PENALTY: <= -10000 forces, >= 10000 forbids */
	int		 flagged;	/* PENALTY: a hyphen (consecutive ones cost more) */
};

struct lb_line {
	size_t		 start;		/* first item of the line */
	size_t		 end;		/* the break item (exclusive end of content) */
	double		 ratio;		/* adjustment ratio: >0 stretch, <0 shrink */
	int		 hyphenated;	/* ends at a flagged penalty */
};

/*
 * Break items into lines of width line_width (ragged: stretch is added
 * to the glue by the caller and ratio ignored).  The item list must end
 * with a forced break (glue with infinite stretch + penalty -10000).
 * Falls back to a first-fit break (never fails) when no feasible
 * solution exists within tolerance.  Returns the number of lines,
 * *lines allocated (caller frees).
 */
size_t	 typo_break(const struct lb_item *, size_t n, double line_width,
	    double tolerance, struct lb_line **lines);

#endif /* TYPO_H */
