/*
 * lay.h — the layout engine: model-free machinery that turns vertical
 * lists of boxes into pages of items (the display list, pdf.h), with
 * no knowledge of the booklet's sections (bk.h) nor of libharu (the
 * emitter, pdf_emit*.c).  lay_box.c: boxes, text items, pages,
 * pagination, outline; lay_run.c: chunks laid out once and page
 * references; lay_para.c: paragraphs (Knuth–Plass, hyphenation);
 * lay_md.c: Markdown; lay_verify.c: the geometry check; lay_dump.c:
 * the text dump.  The theme and the fonts: lay_theme.h, lay_font.h.
 *
 * Coordinates: the layout first builds vertical lists of boxes
 * (struct vbox) whose items are relative to the box: x from the left
 * edge of the text block, y from the top of the box (so mostly
 * negative).  Pagination then places the boxes on pages and turns the
 * items into page coordinates (origin bottom-left of the trim box).
 */
#ifndef LAY_H
#define LAY_H

#include <stddef.h>

#include "colour.h"
#include "lay_font.h"
#include "lay_theme.h"
#include "pdf.h"

/* ---- the layout context ------------------------------------------------ */

/* Where a text comes from (file and position), kept on its items. */
struct src {
	const char	*file;
	struct pos	 pos;
};

/* A vertical box: one line of text, a rule, a tinted block, a space. */
struct vbox {
	struct pdf_item	*items;	/* relative: x from the text block, y from the top */
	size_t		 nitems;
	size_t		 cap;
	double		 h;		/* height */
	double		 before;	/* space above; dropped at the top of a page */
	int		 keep;		/* never break between this box and the next */
	int		 newpage;	/* always start a new page with this box
					   (not the first of a list) */
	int		 outline;	/* 1 + index into the pending outline entries, or 0 */
	struct vbox	*cont;		/* owned, or NULL: the heading to repeat,
					   "(suite)", above this box when a page
					   starts with it (indexes) */
};

struct vlist {
	struct vbox	*v;
	size_t		 n;
	size_t		 cap;
};

/*
 * References to pages: what the contents, the indexes and the
 * cross-references print ("p. 12") is the page a target lands on, often
 * laid out later.  A target is a number the caller chooses (0 to
 * ntargets - 1); lay_ref() gives the page it is known or expected to
 * land on (SIZE_MAX: not known, printed as a placeholder) and records
 * that the chunk being laid out printed it; lay_ref_here() says where
 * it landed.  lay_run() lays the chunks out once, then lays out again,
 * in place, only the chunks that printed a number that turned out wrong.
 */
struct lay;
typedef void	 lay_chunk_fn(struct lay *, size_t arg);

/* A part of the document laid out by one call: a section, one partner. */
struct lay_chunk {
	lay_chunk_fn	*fn;
	size_t		 arg;
	size_t		 page0, page1;	/* its pages: [page0, page1) */
	size_t		 out0, out1;	/* its outline entries */
	struct lay_dep	*deps;		/* the references it printed */
	size_t		 ndeps, capdeps;
	int		 unsure;	/* it printed a target not laid out yet */
	/* The structure element its items go in (lay_tag_open()), set by
	   the caller before lay_run(), or 0: the current one. */
	unsigned int	 tag;
	/* Its completion, deferred until its targets are laid out. */
	void		(*defer)(struct lay *, void *);
	void		*defer_arg;
	unsigned int	 defer_tag;	/* l->tag when it was deferred */
};

/* A reference a chunk printed: target, and the page it printed. */
struct lay_dep {
	size_t		 target;
	size_t		 page;
};

/* Per-page facts kept aside for the page furniture. */
struct pageinfo {
	int		 thumb;		/* the caller's thumb tab (1 + category), or 0 */
	int		 furniture;	/* running head and folio wanted */
};

struct lay {
	/* What the caller lays out (the engine itself never reads them). */
	const struct site	*site;
	const struct booklet_opts *opts;
	struct picto		*picto;

	struct diags		*diags;
	struct theme		 theme;
	struct fonts		*fonts;
	struct typo_hyph	*hyph;

	/* Grid. */
	double		 inner, outer, top, bottom;	/* margins */
	double		 tw;		/* text block width */
	double		 text_h;		/* text block height */

	/* The document being laid out. */
	struct pdf_doc	*doc;
	struct pageinfo	*info;		/* one per page of doc */
	size_t		 infocap;

	/* References (lay_ref()) and the chunk being laid out. */
	size_t		*got;		/* page of each target, SIZE_MAX unknown */
	size_t		*guess;		/* expected page while got is unknown */
	size_t		 ntargets;
	struct lay_chunk *chunk;	/* or NULL */

	/* The structure element the items made now belong to (1 + index
	   into doc->nodes), or 0: they are artifacts.  See lay_tag_open(). */
	unsigned int	 tag;
	/* The role of md_set()'s headings ("H3"...), NULL: "H2". */
	const char	*md_heading;
};

/* Greys of the booklet. */
#define	RGB_TEXT	0x1a1a1a
#define	RGB_MUTED	0x595959	/* 7:1 on white */
#define	RGB_RULE	0xb3b3b3
#define	RGB_WHITE	0xffffff

/* Append an item to a box or a page. */
struct pdf_item	*vbox_add(struct vbox *);
/* Append a new empty box to a list. */
struct vbox	*vlist_add(struct vlist *, double h, double before);
void		 vlist_free(struct vlist *);
/* Detach the last box of a list as an allocated box (for vbox.cont). */
struct vbox	*vlist_pop(struct vlist *);
/* An allocated copy of a box's height and items (for vbox.cont). */
struct vbox	*vbox_dup(const struct vbox *);
/* Free the items and running heads of n pages (not the array). */
void		 lay_pages_free(struct pdf_page *, size_t n);
/* Free an allocated box (vlist_pop(), vbox_dup()); NULL is a no-op. */
void		 vbox_free(struct vbox *);
/* Move the boxes of src to the end of dst; src is left empty. */
void		 vlist_cat(struct vlist *dst, struct vlist *src);

/*
 * Text item of s (len bytes) in face/size/colour at (x, y) of box:
 * substitutes the spaces and hyphens a font lacks (U+202F, U+2011),
 * leaves out the characters the booklet cannot print (glyphs.h: the
 * checker has warned at their value), measures the advance (with the
 * fallback face where the face lacks a glyph) and records src on the
 * item.  Returns the item.
 */
struct pdf_item	*lay_text(struct lay *, struct vbox *, double x, double y,
		    enum pdf_face, double size, unsigned int rgb,
		    const char *s, size_t len, const struct src *);
/* The same on a page, in page coordinates. */
struct pdf_item	*lay_page_text(struct lay *, size_t page, double x, double y,
		    enum pdf_face, double size, unsigned int rgb,
		    const char *s, const struct src *);
/* Width of s as lay_text() would set it. */
double		 lay_width(struct lay *, enum pdf_face, double size,
		    const char *s, size_t len);
/*
 * s as one line at most width wide: itself, or shortened at a word
 * boundary with "…" (typo_ellipsis()); allocated.  For the single-line
 * items: running heads, badges, the covers' lines.
 */
char		*lay_ellipsis(struct lay *, enum pdf_face, double size,
		    const char *s, double width);
/* Filled rectangle in a box. */
struct pdf_item	*lay_rect(struct vbox *, double x, double y, double w,
		    double h, unsigned int rgb);

/* Start a new page; returns its index.  furniture: running head and folio. */
size_t		 lay_newpage(struct lay *, const char *head, int thumb,
		    int furniture);
/* Left edge of the text block on page i (inner margin on the binding side). */
double		 lay_left(const struct lay *, size_t page);
/* Top of the text block (page coordinates). */
double		 lay_top(const struct lay *);

/*
 * Pour the boxes onto pages: starts a new page, breaks only between
 * boxes whose first has keep == 0 (widows, orphans, headings, the
 * contact box) and always before a box with newpage set, drops
 * `before' at the top of a page.  Continuation
 * pages carry head_next as running head, and start with a copy of the
 * `cont' heading of their first box, if any.  Outline entries of boxes get
 * their page.  Returns the index of the first page.
 */
size_t		 lay_flow(struct lay *, struct vlist *, const char *head,
		    const char *head_next, int thumb);

/*
 * The same from y down on page pg, already started (a divider's list
 * under its band); continuation pages as lay_flow().  Returns the
 * index of the last page.
 */
size_t		 lay_flow_at(struct lay *, struct vlist *, size_t pg, double y,
		    const char *head_next, int thumb);

/*
 * lay_flow() without placing anything: the pages are added (running
 * head, thumb, folio), empty, for lay_flow_fill() to fill with the
 * same list (the same boxes' heights, spaces, keeps) later.  Returns
 * the index of the first page.
 */
size_t		 lay_flow_reserve(struct lay *, struct vlist *, const char *head,
		    const char *head_next, int thumb);
/* Place the list on the pages lay_flow_reserve() added from first on;
   returns the index of the last page. */
size_t		 lay_flow_fill(struct lay *, struct vlist *, size_t first);

/*
 * Where lay_flow() ends the page that starts with box i of list, avail
 * points tall: the index of the first box that goes overleaf (list->n
 * when the rest fits).  At least one box is taken.
 */
size_t		 lay_fit(const struct vlist *, size_t i, double avail);
/* Height of the text block of a page (what lay_fit() may fill). */
double		 lay_avail(const struct lay *);

/*
 * Place the boxes on page pg from y down (no page break; `before' of
 * the first box dropped); returns the y below the last box.
 */
double		 lay_put(struct lay *, struct vlist *, size_t pg, double y);

/* Add an outline entry; returns its index + 1 (for struct vbox.outline). */
int		 lay_outline(struct lay *, const char *title, int level,
		    size_t page, double y);

/*
 * The page target lands on, as far as is known now (SIZE_MAX: unknown,
 * print a placeholder); the chunk being laid out depends on it.
 */
size_t		 lay_ref(struct lay *, size_t target);
/* Target lands on page pg. */
void		 lay_ref_here(struct lay *, size_t target, size_t pg);
/* Whether the chunk being laid out printed a target not laid out yet. */
int		 lay_unsure(const struct lay *);
/*
 * Finish the chunk being laid out later, once the chunks after it have
 * been laid out (and their targets are known): fn(l, arg) is called
 * with the chunk current again and fills the pages the chunk reserved
 * (lay_flow_reserve(), lay_flow_fill()).  What the chunk printed is
 * still recorded: to print it again with the pages now known, forget
 * it first (lay_deps_save()); what was printed and stays is recorded
 * back with lay_deps_restore().  fn's items go in the structure
 * element current at this call (l->tag).
 */
void		 lay_defer(struct lay *, void (*fn)(struct lay *, void *),
		    void *arg);
/*
 * Forget the references the chunk being laid out printed, into an
 * allocated array (returns their count); record them again (and free
 * the array).
 */
size_t		 lay_deps_save(struct lay *, struct lay_dep **);
void		 lay_deps_restore(struct lay *, struct lay_dep *, size_t);

/*
 * Lay out the chunks in order into l->doc (which must be empty), with
 * ntargets reference targets.  Each chunk is laid out once; then a
 * chunk that printed a page number that is not where its target landed
 * is laid out again in place with the right numbers; when that changes
 * its page count, the chunks after it are laid out again (their targets
 * expected shifted by the difference).  Gives up after maxrounds rounds
 * of that; returns 0 then (the numbers did not settle), else 1.  guess,
 * when not NULL, is where each target is expected before it is laid
 * out (for the width of the numbers; SIZE_MAX prints a placeholder).
 */
#define	LAY_MAX_ROUNDS	6
int		 lay_run(struct lay *, struct lay_chunk *, size_t nchunks,
		    size_t ntargets, const size_t *guess, int maxrounds);

/* ---- the structure tree: tagged PDF (lay_box.c) ------------------------ */

/*
 * Every text item made by lay_text()/lay_page_text() belongs to the
 * current structure element, l->tag (0: an artifact: running heads,
 * folios, thumb tabs, decorations).  Rectangles and lines are always
 * artifacts.  An item made with vbox_add()/pdf_page_add() (an image,
 * a link) takes it with lay_tag_item().  The emitter turns the
 * elements into the PDF's structure tree in reading order (the order
 * their content appears on the pages), with one marked-content
 * sequence per run of items of one element.
 *
 * To tag what a section places, with a standard role (pdf.h):
 *
 *	unsigned int t = lay_tag_open(l, "P");
 *	... lay_text(), para_set(), md_set() ...
 *	lay_tag_close(l, t);
 *
 * and to place decorations that a screen reader skips:
 *
 *	unsigned int t = lay_tag_artifact(l);
 *	... lay_text() ...
 *	lay_tag_close(l, t);
 *
 * Elements nest: lay_tag_open() adds one under the current one (none
 * inside an artifact: what it holds stays an artifact).  The root, a
 * Document, is made by layout_booklet() with pdf_node_add().
 * Elements that end up holding nothing are left out of the PDF.
 */
/* Open a new element of role (static string) under the current one;
   returns what lay_tag_close() restores. */
unsigned int	 lay_tag_open(struct lay *, const char *role);
/* Make the items made from now on artifacts; returns the same. */
unsigned int	 lay_tag_artifact(struct lay *);
/* Go back to the element current before the matching call. */
void		 lay_tag_close(struct lay *, unsigned int saved);
/* The current element's /Alt (a Figure's text), /Lang (a span in another
   language); copied. */
void		 lay_tag_alt(struct lay *, const char *alt);
void		 lay_tag_lang(struct lay *, const char *lang);
/* Put an item made with vbox_add()/pdf_page_add() in the current element;
   returns it. */
struct pdf_item	*lay_tag_item(struct lay *, struct pdf_item *);

/* ---- the layout's own check (lay_verify.c) ---------------------------- */

/*
 * Check the geometry of a laid-out document before it is emitted:
 * every text item lies inside the text block of its page (margins
 * inner, outer, top, bottom; the inner one on the binding side, page
 * index 0 being a recto), or, when marked margin, inside the trim box;
 * no two text items of a page are drawn over each other (their ink:
 * from a fifth of the size below the baseline to seven tenths above,
 * less 0.1 pt each side).  Every breach is an internal error naming
 * the page, the item's text and, when known, the content file it comes
 * from (at most VERIFY_MAX of them, then their count).  Returns 1 when
 * all is well, 0 otherwise.
 */
#define	VERIFY_MAX	20
int		 lay_verify(const struct pdf_doc *, double inner, double outer,
		    double top, double bottom, struct diags *);

/* ---- paragraphs (lay_para.c) ------------------------------------------ */

enum span_flags {
	SPAN_NOHYPH	= 1 << 0,	/* a name, e-mail, URL or phone: never hyphenated */
	SPAN_RAW	= 1 << 1,	/* no French rules (already applied, code) */
	SPAN_URL	= 1 << 2,	/* may break after '/' (no hyphen drawn) */
	SPAN_UNDERLINE	= 1 << 3,	/* links */
	SPAN_BREAK	= 1 << 4	/* a forced line break (text ignored) */
};

/* An inline run of a paragraph. */
struct span {
	char		*text;		/* owned, French rules applied */
	enum pdf_face	 face;
	double		 size;
	unsigned int	 rgb;
	unsigned int	 flags;		/* enum span_flags */
	char		*uri;		/* owned: link target, or NULL */
	size_t		 dest;		/* 1 + page index of an internal link, or 0 */
	struct src	 src;
	unsigned int	 tag;		/* its own structure element (a Figure),
					   or 0: the paragraph's */
};

enum para_align {
	ALIGN_THEME,	/* justified or ragged as the theme says */
	ALIGN_LEFT,
	ALIGN_RIGHT,
	ALIGN_CENTER
};

struct para {
	struct span	*v;
	size_t		 n;
	size_t		 cap;
	double		 size;		/* of the body of the paragraph */
	double		 leading;
	double		 indent;	/* left indent of every line */
	double		 width;		/* line width (from indent) */
	double		 before;	/* space above the first line */
	enum para_align	 align;
	int		 keep_last;	/* keep the last line with the next box */
	int		 nohyph;	/* no hyphenation at all */
	/* A marker hung left of the first line ("•", "1."), or NULL. */
	const char	*marker;
	unsigned int	 marker_rgb;
};

void	 para_init(struct para *, double size, double leading, double width);
void	 para_free(struct para *);
/* Append a run of text (French rules applied unless SPAN_RAW). */
struct span *para_add(struct para *, const char *text, enum pdf_face,
	    unsigned int rgb, unsigned int flags, const struct src *);
/* Whether the paragraph has any visible text. */
int	 para_empty(const struct para *);
/*
 * Set the paragraph: Knuth–Plass lines (typo_break), French
 * hyphenation of the words that allow it, justified words placed one
 * by one or ragged lines in one run; one box per line, with widow and
 * orphan control.  Appends to out.
 */
void	 para_set(struct lay *, const struct para *, struct vlist *out);
/* One unbreakable line of text (headings, labels): returns its box. */
struct vbox *para_line(struct lay *, struct vlist *, const char *text,
	    enum pdf_face, double size, double leading, unsigned int rgb,
	    double before, const struct src *);

/* ---- Markdown (lay_md.c) ---------------------------------------------- */

/*
 * Set a Markdown text (a partner's presentation, the édito) with
 * cmark: paragraphs, emphasis, lists, links, headings, quotes.  line0
 * is the file line of the text's first line (for warnings); heading
 * colour hrgb; leading, the body text's (the theme's, or a partner
 * page's tightened one).
 */
void	 md_set(struct lay *, const char *md, const char *file, int line0,
	    int col0, unsigned int hrgb, double leading, struct vlist *out);
/*
 * What md_set() refuses, as errors at their position (file, line0,
 * col0 as md_set()): block quotes and list items nested more than
 * MD_MAX_NEST deep (each indents the text: deeper, it would run out
 * of the text block), emphasis and links more than MD_MAX_INLINE deep.
 * md_set() leaves out what is deeper.  Returns 1 when all is well.
 */
#define	MD_MAX_NEST	12
#define	MD_MAX_INLINE	32
int	 md_check(const char *md, const char *file, int line0, int col0,
	    struct diags *);

#endif /* LAY_H */
