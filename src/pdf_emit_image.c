/*
 * pdf_emit_image.c — images for the emitter: PNG decoded (image.c),
 * JPEG passed through once image.c has decoded it in full, each file
 * loaded once per output file.
 *
 * libharu 2.3.0 reads 16-bit and interlaced PNGs wrongly, so PNGs are
 * decoded to 8-bit gray or RGB samples, handed to libharu as a raw
 * image, and their alpha channel (when not fully opaque) as a gray soft
 * mask.  The loader has already refused every logo that does not
 * decode; decoding again here keeps a file changed since (or an image
 * that is no logo) from putting a corrupt stream into the PDF.
 */
#include <errno.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <hpdf.h>

#include "image.h"
#include "pdf_emit.h"
#include "i18n.h"
#include "util.h"

/*
 * Load a PNG into libharu: the colour samples as a raw image, the alpha
 * channel (unless fully opaque) as its soft mask.  NULL on error with
 * the reason in msgbuf.
 */
static HPDF_Image
png_load(struct emit *e, const unsigned char *data, size_t len,
    char *msgbuf, size_t msgsz)
{
	struct image	 px;
	unsigned char	*color, *alpha = NULL;
	HPDF_Image	 img, mask;
	size_t		 i, npix, ncolor;
	int		 has_alpha, opaque = 1;

	if (!image_decode(data, len, 1, &px, msgbuf, msgsz))
		return NULL;
	ncolor = px.channels <= 2 ? 1 : 3;
	has_alpha = px.channels == 2 || px.channels == 4;
	npix = (size_t)px.w * px.h;
	color = xreallocarray(NULL, npix, ncolor);
	if (has_alpha)
		alpha = xmalloc(npix ? npix : 1);
	for (i = 0; i < npix; i++) {
		const unsigned char *s = px.pix + i * px.channels;

		memcpy(color + i * ncolor, s, ncolor);
		if (has_alpha && (alpha[i] = s[ncolor]) != 0xFF)
			opaque = 0;
	}
	img = HPDF_LoadRawImageFromMem(e->pdf, color, px.w, px.h,
	    ncolor == 1 ? HPDF_CS_DEVICE_GRAY : HPDF_CS_DEVICE_RGB, 8);
	if (img != NULL && has_alpha && !opaque) {
		mask = HPDF_LoadRawImageFromMem(e->pdf, alpha, px.w, px.h,
		    HPDF_CS_DEVICE_GRAY, 8);
		if (mask == NULL || HPDF_Image_AddSMask(img, mask) != HPDF_OK)
			img = NULL;
	}
	if (img == NULL)
		snprintf(msgbuf, msgsz, _("the PDF library refused the PNG image"));
	free(px.pix);
	free(color);
	free(alpha);
	return img;
}

/*
 * The image of an ITEM_IMAGE, loaded on first use: its index in e->img.
 * -1 on error, with one diagnostic per file.
 */
int
emit_image_index(struct emit *e, const struct pdf_item *it)
{
	struct emit_image *im;
	char		*data = NULL;
	size_t		 len = 0, i, nerr = e->nerr;
	const char	*why = NULL;
	char		 msg[192];

	for (i = 0; i < e->nimg; i++)
		if (strcmp(e->img[i].path, it->path) == 0)
			return e->img[i].image != NULL ? (int)i : -1;
	e->img = xreallocarray(e->img, e->nimg + 1, sizeof(*e->img));
	im = &e->img[e->nimg++];
	im->path = xstrdup(it->path);
	im->image = NULL;

	if (!file_read(it->path, IMAGE_MAX_BYTES, &data, &len)) {
		snprintf(msg, sizeof(msg), _("cannot read the image: %s"),
		    errno == EFBIG ? _("the file is too large") : strerror(errno));
		why = msg;
	} else if (image_type(data, len) == IMAGE_PNG) {
		if ((im->image = png_load(e, (unsigned char *)data, len,
		    msg, sizeof(msg))) == NULL)
			why = msg;
	} else if (image_type(data, len) == IMAGE_JPEG) {
		struct image	 px;

		/* Decoded in full first: no corrupt stream in the PDF. */
		if (!image_decode(data, len, 0, &px, msg, sizeof(msg)))
			why = msg;
		else if ((im->image = HPDF_LoadJpegImageFromMem(e->pdf,
		    (const HPDF_BYTE *)data, (HPDF_UINT)len)) == NULL)
			why = _("the PDF library refused the JPEG image");
	} else
		why = _("not a PNG or JPEG image");
	free(data);
	if (im->image == NULL) {
		if (why == NULL)
			why = _("cannot read the image");
		if (it->src_file)
			diag_error(e->d, it->src_file, it->src_pos.line,
			    it->src_pos.col, "%s: %s", it->path, why);
		else
			diag_error(e->d, it->path, 0, 0, "%s", why);
		/* Reported here: not again as a generic libharu error. */
		e->nerr = nerr;
		HPDF_ResetError(e->pdf);
		return -1;
	}
	return (int)(e->nimg - 1);
}

void
emit_image_free(struct emit *e)
{
	size_t	 i;

	for (i = 0; i < e->nimg; i++)
		free(e->img[i].path);
	free(e->img);
	e->img = NULL;
	e->nimg = 0;
}
