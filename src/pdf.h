/*
 * pdf.h — shared by the booklet's layout (lay_*.c, bk_*.c) and emitter
 * (pdf_emit*.c) only.  The public contract is booklet.h.
 *
 * The layout turns the model into a document of pages of positioned
 * items (text runs, rectangles, lines, images, links) without libharu;
 * it can be dumped as text for golden tests.  The emitter turns the
 * items into PDF with libharu, once in reading order and once imposed
 * (each page replayed under a transformation).
 *
 * Units are PostScript points (1/72 in); the origin is the bottom-left
 * corner of the TRIM box of a page, y going up, as in PDF.  Items may
 * extend beyond the trim box into the bleed (full-bleed bands); the
 * emitter clips to the media box it chooses.
 */
#ifndef PDF_H
#define PDF_H

#include <stddef.h>

#include "booklet.h"
#include "diag.h"
#include "model.h"

/* Font faces of the theme, plus the pictogram font. */
enum pdf_face {
	FACE_REGULAR,
	FACE_BOLD,
	FACE_ITALIC,
	FACE_BOLDITALIC,
	FACE_ICON,	/* Fork Awesome */
	FACE__COUNT
};

enum pdf_item_type {
	ITEM_TEXT,	/* one run of glyphs on a baseline */
	ITEM_RECT,	/* filled (and/or stroked) rectangle */
	ITEM_LINE,	/* stroked segment (x,y) -> (x2,y2) */
	ITEM_IMAGE,	/* a PNG or JPEG file scaled into (x,y,w,h) */
	ITEM_LINK_URI,	/* clickable area (x,y,w,h) -> uri (http, mailto, tel) */
	ITEM_LINK_PAGE	/* clickable area (x,y,w,h) -> page dest_page at dest_y */
};

/*
 * Packed for memory (a booklet of 10 000 partners holds millions of
 * items): the small fields are bytes, and the fields of LINE and
 * LINK_PAGE, never both used by one item, share their bytes.
 */
struct pdf_item {
	unsigned char	 type;		/* enum pdf_item_type */
	/* TEXT */
	unsigned char	 face;		/* enum pdf_face */
	/* RECT */
	unsigned char	 fill;		/* non-zero: fill with rgb */
	/* TEXT: drawn in the margins on purpose (running head, folio, thumb
	   tab, update date, back cover band); see lay_verify(). */
	unsigned char	 margin;
	unsigned int	 rgb;		/* fill colour 0xRRGGBB (TEXT, RECT, LINE) */
	double		 x, y;		/* TEXT: start of baseline; others: bottom-left */
	double		 w, h;		/* TEXT: advance width (w), h unused */
	/* TEXT */
	double		 size;		/* font size in points */
	char		*text;		/* UTF-8, no control characters, no U+00AD */
	/* RECT */
	double		 stroke_w;	/* 0: no stroke (RECT); LINE width */
	union {
		/* LINE */
		struct {
			double	 x2, y2;
		};
		/* LINK_PAGE */
		struct {
			size_t	 dest_page;	/* 0-based page index */
			double	 dest_y;	/* top of destination, in points */
		};
	};
	/* IMAGE */
	char		*path;		/* absolute or relative to cwd */
	/* LINK_URI */
	char		*uri;
	/* Source of this item's text, for warnings (may be NULL/0). */
	const char	*src_file;
	struct pos	 src_pos;
	/* RECT */
	unsigned int	 stroke_rgb;
	/* TEXT, IMAGE, LINK_*: the structure element it belongs to (1 +
	   index into pdf_doc.nodes), or 0: an artifact (page furniture,
	   decoration).  Rectangles and lines are always artifacts. */
	unsigned int	 node;
};

/*
 * A structure element of the tagged PDF (Document, Sect, H2, P, L, LI,
 * Lbl, LBody, Table, TR, TH, TD, TOC, TOCI, Link, Figure, Span...).
 * The emitter orders the children of an element by where their
 * content first appears (page, then item order), and leaves out the
 * elements that hold no content (a chunk laid out again leaves its
 * first elements empty).
 */
struct pdf_node {
	const char	*role;		/* a standard structure type, static */
	unsigned int	 parent;	/* 1 + index, or 0: the root */
	char		*alt;		/* owned: /Alt (Figure), or NULL */
	char		*lang;		/* owned: /Lang, or NULL (the document's) */
};

struct pdf_page {
	struct pdf_item	*items;
	size_t		 nitems;
	size_t		 cap;
	int		 blank;		/* padding page: nothing printed */
	char		*running_head;	/* for the dump and checks; may be NULL */
	int		 folio;		/* printed page number, 0 if none */
};

/* An entry of the bookmarks (outline) tree, in document order. */
struct pdf_outline {
	char		*title;		/* UTF-8 */
	int		 level;		/* 0 = top */
	size_t		 page;		/* 0-based */
	double		 y;		/* top of destination */
};

/* A page label range: from page `start` on, labels are prefix + n. */
struct pdf_label {
	size_t		 start;		/* 0-based page index */
	int		 style;		/* 0 none, 1 decimal, 2 lower roman */
	int		 first;		/* number of the first page of the range */
	char		*prefix;	/* ASCII only (libharu 2.3), may be NULL */
};

struct pdf_doc {
	double		 page_w, page_h; /* trim size (A5: 419.53 x 595.28) */
	double		 bleed;		/* 0, or 8.504 (3 mm) for the print shop */
	char		*font_path[FACE__COUNT]; /* TrueType files, absolute */
	/* Fallback of the four text faces (DejaVu Sans, glyphs.h) for the
	 * characters they lack, or NULL. */
	char		*fallback_path[4];
	struct pdf_page	*pages;
	size_t		 npages;
	struct pdf_outline *outlines;
	size_t		 noutlines;
	struct pdf_label *labels;
	size_t		 nlabels;
	/* The structure tree (pdf_item.node); none: an untagged file. */
	struct pdf_node	*nodes;
	size_t		 nnodes;
	/* Metadata, UTF-8. */
	char		*title;
	char		*author;
	char		*subject;
	char		*keywords;
	char		*lang;		/* "fr-FR" */
	long long	 date;		/* epoch seconds (SOURCE_DATE_EPOCH or content) */
};

/* ---- layout (bk_book.c, lay_*.c) ------------------------------------ */

/*
 * Lay out the booklet of the site.  Resolves the theme's fonts through
 * fontconfig and reads its settings (page size A5/A4, justification,
 * colours).  Returns NULL on error (diagnostics appended).  A
 * character the theme's face lacks is set with the style's fallback
 * face (doc->fallback_path); one no face prints is left out silently:
 * booklet_check() warns at its value.
 */
struct pdf_doc	*layout_booklet(const struct site *, const struct booklet_opts *,
		    struct diags *);
/* Write a text dump (one line per item, fixed precision) to b. */
void		 layout_dump(const struct pdf_doc *, struct buf *b);
void		 layout_free(struct pdf_doc *);

/*
 * Append a zeroed item to a page, or to any array of items with its
 * count and capacity (a layout box); never NULL (out of memory exits).
 * Used by the layout and by the emitter's tests.
 */
struct pdf_item	*pdf_page_add(struct pdf_page *);
struct pdf_item	*pdf_items_add(struct pdf_item **, size_t *n, size_t *cap);
/*
 * Add a structure element of role (static) under parent (1 + index, or
 * 0 for the root); returns its number (1 + index).
 */
unsigned int	 pdf_node_add(struct pdf_doc *, const char *role,
		    unsigned int parent);
/*
 * Give back the room the items of pages v[0..n-1] do not use (the array
 * doubles as it grows); an item added later grows it again.  Pointers
 * to their items may move.
 */
void		 pdf_pages_trim(struct pdf_page *v, size_t n);
/*
 * Free every item of pages v[0..n-1] but the links (ITEM_LINK_*), kept
 * in their order: what the emitter still needs once the pages are drawn.
 */
void		 pdf_pages_keep_links(struct pdf_page *v, size_t n);

/* ---- emitter (pdf_emit*.c) ------------------------------------------ */

/*
 * Write doc as a PDF in reading order.  With doc->bleed > 0 the media
 * box grows by the bleed on every side, TrimBox and BleedBox are set
 * and crop marks drawn.  Output is byte-identical for identical input.
 * Returns 0 on error (diagnostics appended).
 */
int		 emit_pdf(const struct pdf_doc *, const char *path, struct diags *);
/*
 * Write the saddle-stitch imposition: two pages per A4 landscape sheet
 * side, page count padded with blanks to a multiple of 4; for N pages,
 * sheet s from 0: front N-2s | 2s+1, back 2s+2 | N-2s-1 (1-based page
 * numbers).  Links move with their pages.
 */
int		 emit_imposed(const struct pdf_doc *, const char *path, struct diags *);
/*
 * The booklet's files from one drawing of its pages (each page's content
 * is written and compressed once, then placed as a form in every file),
 * each skipped when its path is NULL: the reading-order file (pdf), the
 * imposition, and the reading-order file with a bleed of `bleed` points
 * (bleed_path; doc->bleed is not used).  Stops at the first file that
 * fails; returns 0 then (diagnostics appended).  Each page's items but
 * its links are freed once drawn (pdf_pages_keep_links(): the other
 * files need the links only): the document is then good for
 * layout_free() only.
 */
int		 emit_files(struct pdf_doc *, const char *pdf,
		    const char *imposed, const char *bleed_path, double bleed,
		    struct diags *);

#endif /* PDF_H */
