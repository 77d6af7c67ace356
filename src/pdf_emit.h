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
	struct emit_font font[FACE__COUNT];
	struct emit_image *img;
	size_t		 nimg;
};

/* pdf_emit_font.c */
HPDF_Font	 emit_font_get(struct emit *, enum pdf_face);
/* Mark the code points of s as used by the face; returns s cleaned
 * (invalid UTF-8 and characters beyond U+FFFF dropped), allocated. */
char		*emit_font_text(struct emit *, enum pdf_face, const char *s);
/* Replace libharu's ToUnicode CMap, /W and CIDToGIDMap of every used
 * face by ones covering exactly the characters drawn.  Returns 0 on
 * error. */
int		 emit_font_finish(struct emit *);

/* pdf_emit_image.c */
HPDF_Image	 emit_image_get(struct emit *, const struct pdf_item *);
void		 emit_image_free(struct emit *);

#endif /* PDF_EMIT_H */
