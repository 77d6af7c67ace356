/*
 * image.h — logos: PNG (libpng) and JPEG (libjpeg) decoded in full.
 *
 * The loader decodes every logo with image_decode() so that `check`
 * refuses what the booklet could not embed (a truncated file, a bad
 * CRC, an image too large); the booklet's emitter decodes PNGs with the
 * same function.  The format is told by the file's first bytes, never
 * by its name.
 */
#ifndef IMAGE_H
#define IMAGE_H

#include <stddef.h>

/* Limits, documented in annuaire(5) and the partner guide. */
#define	IMAGE_MAX_BYTES		(1024 * 1024)	/* bytes of a logo file */
#define	IMAGE_MAX_SIDE		4000		/* pixels, width or height */
#define	IMAGE_MAX_PIXELS	(4000 * 4000)	/* width x height */

enum image_type {
	IMAGE_UNKNOWN,
	IMAGE_PNG,
	IMAGE_JPEG
};

/* A decoded image. */
struct image {
	enum image_type	 type;
	unsigned int	 w, h;		/* pixels */
	int		 channels;	/* of pix: 1 gray, 2 gray+alpha,
					   3 RGB, 4 RGBA */
	unsigned char	*pix;		/* h rows of w * channels bytes, 8 bits
					   each; NULL unless asked for */
};

/* The type told by the first bytes of data (IMAGE_UNKNOWN if neither). */
enum image_type image_type(const void *data, size_t len);

/*
 * Decode the PNG or JPEG in data entirely, checking every chunk's CRC
 * (PNG) and every marker (JPEG); a warning of the decoder (truncated
 * data, corrupt entropy data) is an error too.  With pixels non-zero,
 * keeps the samples in img->pix (a PNG is expanded to 8-bit gray or
 * RGB, with alpha when it has transparency; a JPEG's samples are not
 * kept: it is embedded as is).  Returns non-zero on success; else 0
 * with an English reason in why (a phrase such as "the file is
 * truncated"), NUL-terminated within whysz bytes.
 */
int	 image_decode(const void *data, size_t len, int pixels,
	    struct image *img, char *why, size_t whysz);

/* Free img->pix; the struct may be reused. */
void	 image_free(struct image *);

#endif /* IMAGE_H */
