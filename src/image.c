/*
 * image.c — PNG and JPEG decoding for the loader and the emitter.
 * See image.h.
 *
 * Both libraries report errors by longjmp(): no local variable changes
 * between setjmp() and the jump but the volatile ones.  Their warnings
 * (an ancillary chunk with a bad CRC, JPEG data that ends early) are
 * turned into errors: a logo the decoder had to guess at is refused.
 */
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jpeglib.h>
#include <png.h>

#include "i18n.h"
#include "image.h"
#include "util.h"

enum image_type
image_type(const void *data, size_t len)
{
	static const unsigned char png_sig[8] = {
		0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'
	};

	if (len >= 8 && memcmp(data, png_sig, 8) == 0)
		return IMAGE_PNG;
	if (len >= 3 && memcmp(data, "\xff\xd8\xff", 3) == 0)
		return IMAGE_JPEG;
	return IMAGE_UNKNOWN;
}

void
image_free(struct image *img)
{
	free(img->pix);
	img->pix = NULL;
}

/* ---- PNG ---------------------------------------------------------------- */

struct png_src {
	const unsigned char *p;
	size_t		 len;
	size_t		 off;
	char		 msg[160];	/* the first problem */
};

/*
 * Whether a w x h image is beyond what is decoded (IMAGE_MAX_SIDE a
 * side, IMAGE_MAX_PIXELS in all); then says so into msg (size bytes).
 */
static int
S_too_large(unsigned long w, unsigned long h, char *msg, size_t size)
{
	if (w <= IMAGE_MAX_SIDE && h <= IMAGE_MAX_SIDE &&
	    (size_t)w * h <= IMAGE_MAX_PIXELS)
		return 0;
	snprintf(msg, size, _("the image is %u x %u pixels, more than %d x %d"),
	    (unsigned)w, (unsigned)h, IMAGE_MAX_SIDE, IMAGE_MAX_SIDE);
	return 1;
}

static void
S_png_read(png_structp png, png_bytep out, png_size_t n)
{
	struct png_src *src = png_get_io_ptr(png);

	if (n > src->len - src->off) {
		snprintf(src->msg, sizeof(src->msg), _("the file is truncated "
		    "(was it copied or downloaded in full?)"));
		png_longjmp(png, 1);
	}
	memcpy(out, src->p + src->off, n);
	src->off += n;
}

static void
S_png_error(png_structp png, png_const_charp msg)
{
	struct png_src *src = png_get_error_ptr(png);

	if (src->msg[0] == '\0')
		snprintf(src->msg, sizeof(src->msg), _("the file is damaged "
		    "(libpng: %s)"), msg);
	png_longjmp(png, 1);
}

static void
S_png_warning(png_structp png, png_const_charp msg)
{
	/* A damaged chunk libpng would skip: refused as well. */
	S_png_error(png, msg);
}

static int
S_png(const unsigned char *data, size_t len, int pixels, struct image *img,
    char *why, size_t whysz)
{
	struct png_src	 src = { data, len, 0, "" };
	png_structp	 png = NULL;
	png_infop	 info = NULL;
	unsigned char *volatile pix = NULL;
	png_bytep *volatile rows = NULL;
	png_uint_32	 w, h, y;
	int		 type, channels, pass, npass;
	size_t		 rowbytes;

	png = png_create_read_struct(PNG_LIBPNG_VER_STRING, &src,
	    S_png_error, S_png_warning);
	if (png == NULL || (info = png_create_info_struct(png)) == NULL) {
		png_destroy_read_struct(png ? &png : NULL, NULL, NULL);
		snprintf(why, whysz, _("out of memory in libpng"));
		return 0;
	}
	if (setjmp(png_jmpbuf(png))) {
		snprintf(why, whysz, "%s", src.msg);
		png_destroy_read_struct(&png, &info, NULL);
		free(rows);
		free(pix);
		return 0;
	}
	png_set_read_fn(png, &src, S_png_read);
	/* Every CRC is checked: a bad one is an error, never a guess. */
	png_set_crc_action(png, PNG_CRC_ERROR_QUIT, PNG_CRC_ERROR_QUIT);
	png_read_info(png, info);
	w = png_get_image_width(png, info);
	h = png_get_image_height(png, info);
	img->type = IMAGE_PNG;
	img->w = w;
	img->h = h;
	if (S_too_large(w, h, src.msg, sizeof(src.msg)))
		png_longjmp(png, 1);
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
	npass = png_set_interlace_handling(png);
	png_read_update_info(png, info);
	channels = png_get_channels(png, info);
	rowbytes = png_get_rowbytes(png, info);
	if (channels < 1 || channels > 4 || rowbytes != (size_t)w * channels) {
		snprintf(src.msg, sizeof(src.msg), _("this kind of PNG is not "
		    "supported"));
		png_longjmp(png, 1);
	}
	if (pixels || npass > 1) {
		pix = xreallocarray(NULL, h ? h : 1, rowbytes);
		rows = xreallocarray(NULL, h ? h : 1, sizeof(*rows));
		for (y = 0; y < h; y++)
			rows[y] = pix + (size_t)y * rowbytes;
		png_read_image(png, rows);
	} else {
		/* Checking only: one row at a time. */
		pix = xmalloc(rowbytes ? rowbytes : 1);
		for (pass = 0; pass < npass; pass++)
			for (y = 0; y < h; y++)
				png_read_row(png, pix, NULL);
	}
	png_read_end(png, info);
	png_destroy_read_struct(&png, &info, NULL);
	free(rows);
	img->channels = channels;
	if (pixels)
		img->pix = pix;
	else
		free(pix);
	return 1;
}

/* ---- JPEG --------------------------------------------------------------- */

struct jpeg_err {
	struct jpeg_error_mgr	 mgr;
	jmp_buf			 jmp;
	char			 msg[JMSG_LENGTH_MAX];
	int			 own;	/* msg is ours, not libjpeg's */
};

static void
S_jpeg_error(j_common_ptr ci)
{
	struct jpeg_err	*e = (struct jpeg_err *)ci->err;

	if (e->msg[0] == '\0')
		(*ci->err->format_message)(ci, e->msg);
	longjmp(e->jmp, 1);
}

static void
S_jpeg_message(j_common_ptr ci, int level)
{
	/* level -1: a warning (data ends early, corrupt data): refused. */
	if (level < 0)
		S_jpeg_error(ci);
}

static int
S_jpeg(const unsigned char *data, size_t len, struct image *img, char *why,
    size_t whysz)
{
	struct jpeg_decompress_struct ci;
	struct jpeg_err	 err;
	JSAMPROW volatile row = NULL;
	JDIMENSION	 w, h;

	memset(&ci, 0, sizeof(ci));
	memset(&err, 0, sizeof(err));
	ci.err = jpeg_std_error(&err.mgr);
	err.mgr.error_exit = S_jpeg_error;
	err.mgr.emit_message = S_jpeg_message;
	if (setjmp(err.jmp)) {
		if (err.own)
			snprintf(why, whysz, "%s", err.msg);
		else if (strstr(err.msg, "Premature end") != NULL)
			snprintf(why, whysz, _("the file is truncated (was it "
			    "copied or downloaded in full?)"));
		else
			snprintf(why, whysz, _("the file is damaged (libjpeg: "
			    "%s)"), err.msg);
		jpeg_destroy_decompress(&ci);
		free(row);
		return 0;
	}
	jpeg_create_decompress(&ci);
	jpeg_mem_src(&ci, (unsigned char *)(uintptr_t)data,
	    (unsigned long)len);
	jpeg_read_header(&ci, TRUE);
	w = ci.image_width;
	h = ci.image_height;
	img->type = IMAGE_JPEG;
	img->w = w;
	img->h = h;
	if (S_too_large(w, h, err.msg, sizeof(err.msg))) {
		err.own = 1;
		longjmp(err.jmp, 1);
	}
	jpeg_start_decompress(&ci);
	img->channels = ci.output_components;
	row = xreallocarray(NULL, ci.output_width ? ci.output_width : 1,
	    (size_t)ci.output_components);
	while (ci.output_scanline < ci.output_height) {
		JSAMPROW r = row;

		jpeg_read_scanlines(&ci, &r, 1);
	}
	jpeg_finish_decompress(&ci);
	jpeg_destroy_decompress(&ci);
	free(row);
	return 1;
}

int
image_decode(const void *data, size_t len, int pixels, struct image *img,
    char *why, size_t whysz)
{
	memset(img, 0, sizeof(*img));
	img->type = image_type(data, len);
	if (len > IMAGE_MAX_BYTES) {
		snprintf(why, whysz, _("the file is %.1f MiB, more than %d MiB"),
		    (double)len / (1024 * 1024), IMAGE_MAX_BYTES / (1024 * 1024));
		return 0;
	}
	switch (image_type(data, len)) {
	case IMAGE_PNG:
		return S_png(data, len, pixels, img, why, whysz);
	case IMAGE_JPEG:
		return S_jpeg(data, len, img, why, whysz);
	default:
		snprintf(why, whysz, _("not a PNG or JPEG image"));
		return 0;
	}
}
