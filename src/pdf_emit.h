/*
 * pdf_emit.h — shared only by the emitter's files (pdf_emit*.c).
 *
 * The emitter owns one libharu document per output file.  Errors of
 * libharu arrive through an error handler that records them here
 * (never printed); the caller turns them into one diagnostic.
 */
#ifndef PDF_EMIT_H
#define PDF_EMIT_H

#include <stddef.h>

#include <hpdf.h>

#include "pdf.h"
#include "util.h"

/* One font face as used in one output file. */
struct emit_font {
	HPDF_Font	 font;		/* NULL until first used */
	int		 failed;	/* loading failed once: do not retry */
};

/* The content of one page, compressed (zlib format, /FlateDecode). */
struct emit_body {
	unsigned char	*z;		/* NULL: blank page, nothing drawn */
	size_t		 len;
};

/* Number of fonts of an output file: the faces, then the fallback of
 * each text face (EMIT_FB). */
#define	EMIT_NFONTS	(FACE__COUNT + 4)

/*
 * What the output files of one document share: the content of every
 * page, drawn and compressed once (pdf_emit_content.c), the code points
 * each font draws, the images by name (/I<k>).
 */
struct emit_shared {
	int		 built;		/* body[] and img[] are set */
	struct emit_body *body;		/* one per page of the document */
	size_t		 npages;
	size_t		 raw;		/* bytes of content before compression */
	char		**img;		/* paths of the images /I0, /I1... */
	size_t		 nimg;
	unsigned char	 used[EMIT_NFONTS][65536 / 8]; /* BMP code points drawn */
	/*
	 * A tagged document's marks, page by page, in item order, for its
	 * structure tree (pdf_emit_tag.c), which the items may no longer
	 * be there to give: page i's are ev[ev0[i]...ev0[i+1]), each the
	 * element (1 + index) of a marked-content sequence opened (its
	 * MCID the next of the page), or EMIT_EV_LINK | the element of a
	 * link item (0: none).  ev0 NULL: not recorded.
	 */
	unsigned int	*ev;
	size_t		 nev, capev;
	size_t		*ev0;
	/* Set: each page's items but the links are freed once drawn
	 * (pdf_pages_keep_links()); the document's owner allows it. */
	struct pdf_doc	*drop;
};
#define	EMIT_EV_LINK	0x80000000u

/* A decoded image, loaded once per output file. */
struct emit_image {
	char		*path;
	HPDF_Image	 image;		/* NULL if the file could not be read */
};

struct emit {
	HPDF_Doc	 pdf;
	HPDF_Encoder	 utf8;
	const struct pdf_doc *doc;
	const char	*out;		/* output path, for diagnostics */
	struct diags	*d;
	size_t		 errors0;	/* d->errors when the file was begun */
	/* libharu errors, recorded by the error handler. */
	size_t		 nerr;
	HPDF_STATUS	 err;		/* first error code */
	HPDF_STATUS	 err_detail;	/* its detail code */
	HPDF_STATUS	 last_err;	/* latest error code */
	HPDF_STATUS	 last_detail;	/* its detail code */
	/* The faces, then the fallback of each text face (EMIT_FB). */
	struct emit_font font[EMIT_NFONTS];
	struct emit_image *img;
	size_t		 nimg;
	struct emit_shared *sh;		/* page contents, shared by the files */
	HPDF_Dict	 res;		/* resources of the forms (fonts, images) */
	/* Streams libharu reads from our memory when it saves (no copy):
	 * the forms from sh->body, the output pages' content from wrap. */
	struct emit_reader *rd;
	size_t		 nrd, caprd;
	struct buf	 wrap;		/* the output pages' content, all */
	/* A tagged file (pdf_emit_tag.c): the annotation of every link
	   item, in page and item order (NULL: none made). */
	int		 tagged;
	HPDF_Annotation	*annot;
	size_t		 nannot, capannot;
	struct tagger	*tag;		/* the structure tree until saved */
};

/* One stream's bytes: at off in *base (which may move while wrap
 * grows), len bytes; pos: where libharu reads next. */
struct emit_reader {
	char *const	*base;
	size_t		 off, len, pos;
};

/* Index in struct emit.font of the fallback of text face f (0..3). */
#define	EMIT_FB(f)	(FACE__COUNT + (int)(f))

/* pdf_emit_font.c */
/* The font of index i (a face, or EMIT_FB(face)), loaded on first use. */
HPDF_Font	 emit_font_get(struct emit *, int i);
/* Mark the code points of s as used by font i; returns s cleaned
 * (invalid UTF-8 and characters beyond U+FFFF dropped), allocated. */
char		*emit_font_text(struct emit *, int i, const char *s);
/*
 * Split the text of a face into runs of one font each: a character the
 * face lacks goes to the face's fallback (the layout measured it so).
 * Calls run(arg, font index, bytes, length) for each run in order.
 */
void		 emit_font_runs(struct emit *, enum pdf_face, const char *s,
		    void (*run)(void *, int, const char *, size_t), void *arg);
/* Replace libharu's ToUnicode CMap, /W and CIDToGIDMap of every used
 * face by ones covering exactly the characters drawn.  Returns 0 on
 * error. */
int		 emit_font_finish(struct emit *);

/* Mark the glyphs of the code points drawn with every loaded font
 * for embedding (libharu subsets the fonts to them). */
void		 emit_font_mark(struct emit *);

/* pdf_emit_tag.c */
/*
 * Make the file a tagged PDF: the structure tree of e->doc's elements
 * over its output pages page[0..npages-1] (each page's content being
 * its own, MCIDs as emit_mark() numbers them), e->annot tied to their
 * Link elements, /MarkInfo, the XMP metadata.  Nothing when the
 * document has no element.  Returns 0 on error.
 */
int		 emit_tag(struct emit *, HPDF_Page *page);
/* Forget what emit_tag() kept for the save; before HPDF_Free(). */
void		 emit_tag_free(struct emit *);

/* pdf_emit_image.c */
/* The index in e->img of the image of an ITEM_IMAGE, loaded on first
 * use; -1 on error (one diagnostic per file). */
int		 emit_image_index(struct emit *, const struct pdf_item *);
void		 emit_image_free(struct emit *);

/* pdf_emit_content.c */
/*
 * Draw and compress the content of every page of e->doc into sh, with
 * the fonts and images of e (loaded on the way).  Returns 0 on error.
 */
int		 emit_content_build(struct emit *, struct emit_shared *sh);
/*
 * Whether item it draws something, and then in which marked-content
 * sequence: *node is its structure element (1 + index) or 0 (an
 * artifact).  A tagged page's content opens a sequence at every item
 * whose *node differs from the previous drawing item's, numbering the
 * elements' ones (MCID) from 0 on each page.
 */
int		 emit_mark(const struct pdf_doc *, const struct pdf_item *,
		    unsigned int *node);
/* emit_mark()'s *node for an item drawn outside any sequence (tests). */
#define	EMIT_UNMARKED	0xFFFFFFFFu
/* Append v as a PDF number (thousandths, no trailing zero), then c. */
void		 emit_num(struct buf *, double v, int c);
void		 emit_shared_free(struct emit_shared *);

#endif /* PDF_EMIT_H */
