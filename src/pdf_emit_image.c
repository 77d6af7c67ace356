/*
 * pdf_emit_image.c — images for the emitter: PNG decoded with libpng,
 * JPEG passed through, each file loaded once per output file.
 *
 * libharu 2.3.0 reads 16-bit and interlaced PNGs wrongly, so PNGs are
 * decoded here to 8-bit gray or RGB samples, handed to libharu as a raw
 * image, and their alpha channel (when not fully opaque) as a gray soft
 * mask.  The format is told by the file's signature, not its name.
 */
#include <errno.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <hpdf.h>
#include <png.h>

#include "pdf_emit.h"
#include "i18n.h"
#include "util.h"

/* Limits against hostile or mistaken files (a logo is far smaller). */
#define IMAGE_MAX_BYTES	(16u * 1024 * 1024)
#define IMAGE_MAX_SIDE	8000u
#define IMAGE_MAX_PIXELS (24u * 1000 * 1000)

struct png_src {
	const unsigned char *p;
	size_t		 len;
	size_t		 off;
	char		 msg[128];	/* libpng's error message */
};

static void
png_read_mem(png_structp png, png_bytep out, png_size_t n)
{
	struct png_src *src = png_get_io_ptr(png);

	if (n > src->len - src->off)
		png_error(png, "fichier tronqué");
	memcpy(out, src->p + src->off, n);
	src->off += n;
}

static void
png_on_error(png_structp png, png_const_charp msg)
{
	struct png_src *src = png_get_error_ptr(png);

	snprintf(src->msg, sizeof(src->msg), "%s", msg);
	png_longjmp(png, 1);
}

static void
png_on_warning(png_structp png, png_const_charp msg)
{
	/* libpng would print warnings; they do not stop decoding. */
	(void)png;
	(void)msg;
}

/* A PNG decoded to 8-bit samples: gray, gray+alpha, RGB or RGBA. */
struct png_pixels {
	png_uint_32	 w, h;
	int		 channels;	/* 1 to 4 */
	unsigned char	*pix;		/* h rows of w * channels bytes */
};

/*
 * Decode a PNG (libpng jumps back here on error: no local variable
 * changes after setjmp but the volatile ones).  Returns 0 on error with
 * the reason in msgbuf.
 */
static int
png_decode(const unsigned char *data, size_t len, struct png_pixels *out,
    char *msgbuf, size_t msgsz)
{
	struct png_src	 src = { data, len, 0, "" };
	png_structp	 png = NULL;
	png_infop	 info = NULL;
	unsigned char *volatile pix = NULL;
	png_bytep *volatile rows = NULL;
	png_uint_32	 w, h, y;
	int		 type, channels;
	size_t		 rowbytes;

	png = png_create_read_struct(PNG_LIBPNG_VER_STRING, &src,
	    png_on_error, png_on_warning);
	if (png == NULL || (info = png_create_info_struct(png)) == NULL) {
		png_destroy_read_struct(png ? &png : NULL, NULL, NULL);
		snprintf(msgbuf, msgsz, "%s",
		    _("not enough memory for libpng"));
		return 0;
	}
	if (setjmp(png_jmpbuf(png))) {
		snprintf(msgbuf, msgsz, _("invalid PNG: %s"), src.msg);
		png_destroy_read_struct(&png, &info, NULL);
		free(rows);
		free(pix);
		return 0;
	}
	png_set_read_fn(png, &src, png_read_mem);
	png_set_user_limits(png, IMAGE_MAX_SIDE, IMAGE_MAX_SIDE);
	png_read_info(png, info);
	w = png_get_image_width(png, info);
	h = png_get_image_height(png, info);
	if ((size_t)w * h > IMAGE_MAX_PIXELS)
		png_error(png, "image trop grande");
	type = png_get_color_type(png, info);
	/* Normalise to 8-bit gray, gray+alpha, RGB or RGBA. */
	png_set_strip_16(png);
	png_set_packing(png);
	if (type == PNG_COLOR_TYPE_PALETTE)
		png_set_palette_to_rgb(png);
	if (type == PNG_COLOR_TYPE_GRAY)
		png_set_expand_gray_1_2_4_to_8(png);
	if (png_get_valid(png, info, PNG_INFO_tRNS))
		png_set_tRNS_to_alpha(png);
	png_set_interlace_handling(png);
	png_read_update_info(png, info);

	channels = png_get_channels(png, info);
	rowbytes = png_get_rowbytes(png, info);
	if (channels < 1 || channels > 4 || rowbytes != (size_t)w * channels)
		png_error(png, "format non pris en charge");
	pix = xreallocarray(NULL, h, rowbytes);
	rows = xreallocarray(NULL, h, sizeof(*rows));
	for (y = 0; y < h; y++)
		rows[y] = pix + (size_t)y * rowbytes;
	png_read_image(png, rows);
	png_read_end(png, NULL);
	png_destroy_read_struct(&png, &info, NULL);
	free(rows);
	out->w = w;
	out->h = h;
	out->channels = channels;
	out->pix = pix;
	return 1;
}

/*
 * Load a PNG into libharu: the colour samples as a raw image, the alpha
 * channel (unless fully opaque) as its soft mask.  NULL on error with
 * the reason in msgbuf.
 */
static HPDF_Image
png_load(struct emit *e, const unsigned char *data, size_t len,
    char *msgbuf, size_t msgsz)
{
	struct png_pixels px;
	unsigned char	*color, *alpha = NULL;
	HPDF_Image	 img, mask;
	size_t		 i, npix, ncolor;
	int		 has_alpha, opaque = 1;

	if (!png_decode(data, len, &px, msgbuf, msgsz))
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
		snprintf(msgbuf, msgsz, "%s", _("PNG refused by libharu"));
	free(px.pix);
	free(color);
	free(alpha);
	return img;
}

/*
 * The image of an ITEM_IMAGE, loaded on first use.  NULL on error, with
 * one diagnostic per file.
 */
HPDF_Image
emit_image_get(struct emit *e, const struct pdf_item *it)
{
	static const unsigned char png_sig[8] = {
		0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'
	};
	struct emit_image *im;
	char		*data = NULL;
	size_t		 len = 0, i, nerr = e->nerr;
	const char	*why = NULL;
	char		 msg[192];

	for (i = 0; i < e->nimg; i++)
		if (strcmp(e->img[i].path, it->path) == 0)
			return e->img[i].image;
	e->img = xreallocarray(e->img, e->nimg + 1, sizeof(*e->img));
	im = &e->img[e->nimg++];
	im->path = xstrdup(it->path);
	im->image = NULL;

	if (!file_read(it->path, IMAGE_MAX_BYTES, &data, &len)) {
		snprintf(msg, sizeof(msg), _("unreadable image: %s"),
		    errno == EFBIG ? _("file too large") : strerror(errno));
		why = msg;
	} else if (len >= 8 && memcmp(data, png_sig, 8) == 0) {
		if ((im->image = png_load(e, (unsigned char *)data, len,
		    msg, sizeof(msg))) == NULL)
			why = msg;
	} else if (len >= 3 && memcmp(data, "\xFF\xD8\xFF", 3) == 0) {
		im->image = HPDF_LoadJpegImageFromMem(e->pdf,
		    (const HPDF_BYTE *)data, (HPDF_UINT)len);
		if (im->image == NULL)
			why = _("JPEG refused by libharu");
	} else
		why = _("unsupported image format (PNG or JPEG expected)");
	free(data);
	if (im->image == NULL) {
		if (why == NULL)
			why = _("unreadable image");
		if (it->src_file != NULL)
			diag_error(e->d, it->src_file, it->src_pos.line,
			    it->src_pos.col, "%s: %s", it->path, why);
		else
			diag_error(e->d, it->path, 0, 0, "%s", why);
		/* Reported here: not again as a generic libharu error. */
		e->nerr = nerr;
		HPDF_ResetError(e->pdf);
	}
	return im->image;
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
