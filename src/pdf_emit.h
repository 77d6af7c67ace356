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

/* One font face as used in one output file. */
struct emit_font {
	HPDF_Font	 font;		/* NULL until first used */
	int		 failed;	/* loading failed once: do not retry */
	unsigned char	 used[65536 / 8]; /* BMP code points drawn */
};

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
	struct emit_font font[FACE__COUNT + 4];
	struct emit_image *img;
	size_t		 nimg;
};

/* Index in struct emit.font of the fallback of text face f (0..3). */
#define	EMIT_FB(f)	(FACE__COUNT + (int)(f))
#define	EMIT_NFONTS	(FACE__COUNT + 4)

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

/* pdf_emit_image.c */
HPDF_Image	 emit_image_get(struct emit *, const struct pdf_item *);
void		 emit_image_free(struct emit *);

#endif /* PDF_EMIT_H */
