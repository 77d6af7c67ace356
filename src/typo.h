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
 * hyphens (U+00AD) removed; "..." (exactly three dots) becomes "…".
 * Idempotent.  Allocated.
 *
 * Details the callers may rely on:
 *  - existing spaces before ; ! ? : » % € (ASCII, U+00A0, U+202F, tabs)
 *    are replaced by the right one, even at the start of the text (so a
 *    text fragment " : lundi" following a bold label still comes out
 *    right); a missing one is inserted, except at the start of the
 *    text, after a line break, after an opening bracket or quote, or
 *    after another ; ! ? : (so "?!" keeps one space);
 *  - ; ! ? : followed directly by a letter or digit are left alone
 *    (12:30, 3:1, page?id=2, a::b, !important), as are runs of colons;
 *  - % and € get a no-break space only after a number ("50%", "5 €");
 *  - runs of spaces are collapsed to one, which is a no-break space if
 *    the run held one; runs at the start of a line (after "\n") and
 *    before a line break are kept as they are (indentation, Markdown
 *    hard breaks);
 *  - protected, copied verbatim: `code` spans (any number of
 *    backticks), http://, https://, ftp://, mailto: and www. addresses
 *    (up to a space, minus trailing punctuation), e-mail addresses;
 *  - rules never look across calls: apply it to whole texts (with
 *    cmark, consolidate adjacent text nodes first: cmark makes "!" a
 *    text node of its own).
 */
char	*typo_fr(const char *);

/* Whether a code point is a letter of the Latin, Greek or Cyrillic script. */
int	 typo_is_letter(unsigned int cp);

/* Hyphenation dictionary (opaque). */
struct typo_hyph;

/* Open a libhyphen dictionary (UTF-8, e.g. /usr/share/hyphen/hyph_fr.dic);
 * NULL when it cannot be read. */
struct typo_hyph *typo_hyph_open(const char *path);
void	 typo_hyph_close(struct typo_hyph *);
/*
 * Hyphenation points of one word: stores up to max BYTE offsets into
 * word, ascending, where "-" may be inserted (a break before the byte
 * at that offset), respecting the French minima: at least 2 characters
 * before and 3 after, counted within the part of a compound or the
 * part after an elision.  Returns how many (0 with a NULL dictionary).
 *
 *  - case does not matter (the dictionary is lowercase; É is looked up
 *    as é); whether to hyphenate a capitalised word is the caller's
 *    choice, see typo_can_hyphenate();
 *  - leading and trailing punctuation ("(accompagnement)," « » …) is
 *    skipped, offsets stay relative to word;
 *  - l’accompagnement, d'insertion: only the part after the last
 *    apostrophe is hyphenated;
 *  - compounds (socio-éducatif): each part is hyphenated on its own;
 *    the existing hyphen is a break point too, but nothing is inserted
 *    there, so it is not reported here (see typo_hyphenate_ex());
 *  - a word with a digit, @, /, :, or any other character that is not
 *    a letter, hyphen or apostrophe inside it gets no point at all; so
 *    does an invalid UTF-8 string or a part longer than 64 characters.
 */
size_t	 typo_hyphenate(struct typo_hyph *, const char *word, size_t *offs,
	    size_t max);

/* A break point of a word: typo_hyphenate_ex(). */
struct typo_hpoint {
	size_t		 off;		/* byte offset: the break is before it */
	int		 inserted;	/* 1: a "-" is drawn at the end of the
					   line; 0: after an existing hyphen */
};

/*
 * As typo_hyphenate(), also reporting the breaks after the existing
 * hyphens of a compound (inserted == 0, offset just after the "-"),
 * all in ascending order.  An existing hyphen at the very start or end
 * of the word is not a break point.
 */
size_t	 typo_hyphenate_ex(struct typo_hyph *, const char *word,
	    struct typo_hpoint *pts, size_t max);

/*
 * Whether the booklet should hyphenate word at all: 0 for a word with
 * an initial capital (names, acronyms, and also the first word of a
 * sentence: the caller decides), for one holding anything but letters,
 * hyphens and apostrophes (digits of phone numbers, dates and 9h30,
 * the @ of e-mails, the / : . of URLs and times), and for fewer than 5
 * letters; 1 otherwise.  Punctuation around the word is skipped as in
 * typo_hyphenate().
 */
int	 typo_can_hyphenate(const char *word);

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
 * Glue whose stretch is INFINITY or at least LB_FIL stretches
 * infinitely (TeX's "fil"): use it for the glue that ends a paragraph.
 */
#define	LB_FIL		1e9
#define	LB_FORCE	(-10000)	/* penalty: forced break */
#define	LB_FORBID	10000		/* penalty: no break here */

/*
 * Break items into lines of width line_width with the Knuth–Plass
 * total-fit algorithm.  tolerance is the largest adjustment ratio of a
 * line (how far its glue may stretch, in units of its stretchability;
 * 1 to 3 is usual); shrinking never goes beyond the shrinkability.
 *
 * Legal breaks: a glue right after a box, a penalty below LB_FORBID.
 * Demerits as in TeX: line penalty 10, 10000 for two hyphenated lines
 * in a row, 10000 between lines of far apart tightness (fitness
 * classes), 5000 when the last full line ends with a hyphen.
 *
 * The item list must end with a forced break (glue with infinite
 * stretch + penalty LB_FORCE); a missing one is assumed after the last
 * item (the last line then has end == n).  When no solution exists
 * within tolerance, a second pass accepts any looseness (with an
 * emergency stretch of a quarter of the line width on every line, as
 * TeX's \emergencystretch) and, where a box is wider than the line (a
 * long URL), makes an overfull line of it; a first-fit break is the
 * last resort.  It never fails nor loops,
 * and runs in time linear in n times the number of breaks that fit in
 * one line.
 *
 * Returns the number of lines (0 for n == 0, *lines NULL); *lines is
 * allocated (caller frees).  A line holds the items start .. end - 1,
 * where start skips the glue and penalties discarded after the
 * previous break; end is the break item (a penalty's width, e.g. the
 * hyphen, is drawn at the end of the line; a glue break is not drawn).
 */
size_t	 typo_break(const struct lb_item *, size_t n, double line_width,
	    double tolerance, struct lb_line **lines);

/*
 * Ragged right (unjustified) setting, Knuth's recipe without the
 * caller having to build it: the same item list as for typo_break(),
 * but the glue between words keeps its natural width (its stretch and
 * shrink are ignored, except an infinite stretch ending the paragraph)
 * and each line is given `stretch` of invisible stretch at its end (3
 * ems is usual: the smaller, the more even the right edge, the more
 * hyphens).  Every line, the last excepted, is then as close to full as
 * the whole paragraph allows, without the greedy ragged edge.  ratio is
 * the white at the end of the line divided by stretch.
 */
size_t	 typo_break_ragged(const struct lb_item *, size_t n,
	    double line_width, double stretch, struct lb_line **lines);

/*
 * First fit (the greedy break of word processors): each line takes as
 * much as fits, shrinking glue if need be; a box wider than the line is
 * set alone on an overfull line.  The fallback of typo_break(), public
 * for comparisons and tests.  Same results as typo_break().
 */
size_t	 typo_break_firstfit(const struct lb_item *, size_t n,
	    double line_width, struct lb_line **lines);

/* ---- breaking what does not break ------------------------------------ */

/* A break point inside a word, for the line breaker. */
struct typo_wbreak {
	size_t		 off;		/* byte offset: the break is before it */
	int		 kind;		/* enum typo_wkind */
};

enum typo_wkind {
	TYPO_BRK_URL = 1,	/* in a URL or e-mail address: nothing drawn */
	TYPO_BRK_HYPHEN,	/* after an existing hyphen: nothing added */
	TYPO_BRK_SPACE,		/* after a no-break space (last resorts only) */
	TYPO_BRK_ANY		/* between two characters: the very last resort */
};

/*
 * Whether word (len bytes) reads as a URL, a host or an e-mail address:
 * it holds "://", starts with "www.", has an "@" with a "." after it,
 * or a "/" after a "." ("example.org/page").
 */
int	 typo_url_like(const char *word, size_t len);

/*
 * Break points of a URL or an e-mail address, the usual places (as the
 * Chicago Manual sets them): after a "/" (not inside "//" nor right
 * after ":"), before ".", "@", "?", "#", "&" and "-"; never within the
 * first two or last two characters, nor before a run of punctuation
 * ending the word ("…/page." keeps its full stop).  Stores up to max
 * points, ascending; returns how many.  Nothing is drawn at such a
 * break.
 */
size_t	 typo_url_breaks(const char *word, size_t len, struct typo_wbreak *,
	    size_t max);

/*
 * Break points after the existing hyphens of word ("Sainte-|Élisabeth",
 * "AB-|12"), whatever the letters around them (digits, capitals): a
 * hyphen that starts or ends the word, or follows or precedes another
 * one, is not one.  U+2011 (no-break hyphen) never breaks.
 */
size_t	 typo_hyphen_breaks(const char *word, size_t len, struct typo_wbreak *,
	    size_t max);

/*
 * The last resorts for a piece of a word wider than its line: after
 * each no-break space (U+00A0, U+202F; TYPO_BRK_SPACE) and between any
 * two characters (TYPO_BRK_ANY) except before a combining mark, a
 * zero-width joiner, a variation selector or an emoji modifier, and
 * after a zero-width joiner, so that no character is cut in two.
 * Offsets 0 and len are not break points.
 */
size_t	 typo_any_breaks(const char *word, size_t len, struct typo_wbreak *,
	    size_t max);

/*
 * s shortened to fit width, for a single-line item (a running head, a
 * badge): the longest prefix ending at a word boundary whose width
 * with "…" appended fits, else the longest prefix of whole characters;
 * measure(s, len, arg) gives widths.  Returns an allocated copy, s
 * itself when it fits.
 */
char	*typo_ellipsis(const char *s, double width,
	    double (*measure)(const char *, size_t, void *), void *arg);

/*
 * Widows and orphans are the caller's business (pagination): keep at
 * least two lines of a paragraph at the foot and at the head of a page.
 */

#endif /* TYPO_H */
