/*
 * test_image.c — logos decoded in full (image.c): what `check` refuses
 * and what the emitter embeds.  Images are made here: PNG chunks by
 * hand (zlib), JPEG with libjpeg.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <jpeglib.h>
#include <zlib.h>

#include "image.h"
#include "util.h"

static void
S_be32(struct buf *b, uint32_t v)
{
	buf_putc(b, (int)(v >> 24));
	buf_putc(b, (int)(v >> 16 & 0xff));
	buf_putc(b, (int)(v >> 8 & 0xff));
	buf_putc(b, (int)(v & 0xff));
}

static void
S_chunk(struct buf *b, const char *type, const void *data, size_t len)
{
	uLong	 crc = crc32(0, (const Bytef *)type, 4);

	crc = crc32(crc, data, (uInt)len);
	S_be32(b, (uint32_t)len);
	buf_put(b, type, 4);
	buf_put(b, data, len);
	S_be32(b, (uint32_t)crc);
}

/*
 * An RGB PNG of w x h, depth 8 or 16, with a tEXt chunk
 * "Title\0x" when text is 1, a tRNS chunk (black is transparent) when
 * text is 2.
 */
static char *
S_png(uint32_t w, uint32_t h, int depth, int text, size_t *len)
{
	struct buf	 b, raw;
	unsigned char	 ihdr[13], *z;
	uLongf		 zlen;
	uint32_t	 x, y;
	int		 k, bpp = depth / 8 * 3;

	buf_init(&b);
	buf_init(&raw);
	buf_put(&b, "\x89PNG\r\n\x1a\n", 8);
	for (k = 0; k < 4; k++) {
		ihdr[k] = (unsigned char)(w >> (24 - 8 * k));
		ihdr[4 + k] = (unsigned char)(h >> (24 - 8 * k));
	}
	ihdr[8] = (unsigned char)depth;
	ihdr[9] = 2;
	ihdr[10] = ihdr[11] = ihdr[12] = 0;
	S_chunk(&b, "IHDR", ihdr, 13);
	if (text == 2)
		S_chunk(&b, "tRNS", "\0\0\0\0\0\0", 6);
	else if (text)
		S_chunk(&b, "tEXt", "Title\0x", 7);
	for (y = 0; y < h; y++) {
		buf_putc(&raw, 0);
		for (x = 0; x < w * (uint32_t)bpp; x++)
			buf_putc(&raw, (int)((x * 7 + y * 3) & 0xff));
	}
	zlen = compressBound(raw.len);
	z = xmalloc(zlen);
	assert_int_equal(compress(z, &zlen, (const Bytef *)raw.data, raw.len),
	    Z_OK);
	S_chunk(&b, "IDAT", z, zlen);
	S_chunk(&b, "IEND", "", 0);
	free(z);
	buf_free(&raw);
	*len = b.len;
	return buf_detach(&b);
}

/* A JPEG of w x h made by libjpeg. */
static unsigned char *
S_jpeg(unsigned int w, unsigned int h, size_t *len)
{
	struct jpeg_compress_struct ci;
	struct jpeg_error_mgr	 err;
	unsigned char		*out = NULL, *row;
	unsigned long		 n = 0;
	unsigned int		 x;

	ci.err = jpeg_std_error(&err);
	jpeg_create_compress(&ci);
	jpeg_mem_dest(&ci, &out, &n);
	ci.image_width = w;
	ci.image_height = h;
	ci.input_components = 3;
	ci.in_color_space = JCS_RGB;
	jpeg_set_defaults(&ci);
	jpeg_start_compress(&ci, TRUE);
	row = xmalloc((size_t)w * 3);
	while (ci.next_scanline < h) {
		for (x = 0; x < w * 3; x++)
			row[x] = (unsigned char)((x * 5 + ci.next_scanline) & 0xff);
		jpeg_write_scanlines(&ci, &row, 1);
	}
	jpeg_finish_compress(&ci);
	jpeg_destroy_compress(&ci);
	free(row);
	*len = n;
	return out;
}

static void
test_png(void **state)
{
	struct image	 img;
	char		 why[200], *p;
	size_t		 len;

	(void)state;
	/* 16-bit samples (libharu reads them wrongly): 8 bits each here. */
	p = S_png(30, 20, 16, 1, &len);
	assert_true(image_decode(p, len, 1, &img, why, sizeof(why)));
	assert_int_equal(img.type, IMAGE_PNG);
	assert_int_equal(img.w, 30);
	assert_int_equal(img.h, 20);
	assert_int_equal(img.channels, 3);
	assert_non_null(img.pix);
	image_free(&img);
	/* Checking only: no samples kept. */
	assert_true(image_decode(p, len, 0, &img, why, sizeof(why)));
	assert_null(img.pix);

	/* Truncated anywhere: refused, "truncated". */
	assert_false(image_decode(p, len - 20, 0, &img, why, sizeof(why)));
	assert_non_null(strstr(why, "truncated"));
	assert_false(image_decode(p, 20, 0, &img, why, sizeof(why)));
	assert_non_null(strstr(why, "truncated"));
	free(p);

	/* A bad CRC, even of an ancillary chunk libpng would skip. */
	p = S_png(8, 8, 8, 1, &len);
	p[8 + 25 + 8 + 7 + 1] ^= 0x55;	/* the CRC of tEXt */
	assert_false(image_decode(p, len, 0, &img, why, sizeof(why)));
	assert_non_null(strstr(why, "CRC"));
	free(p);
}

static void
test_limits(void **state)
{
	struct image	 img;
	char		 why[200], *p;
	size_t		 len;

	(void)state;
	/* Refused from the header: the pixels are never decoded. */
	p = S_png(6000, 1, 8, 0, &len);
	assert_false(image_decode(p, len, 0, &img, why, sizeof(why)));
	assert_string_equal(why, "the image is 6000 x 1 pixels, more than "
	    "4000 x 4000");
	assert_int_equal(img.w, 6000);
	free(p);
	p = S_png(IMAGE_MAX_SIDE, 1, 8, 0, &len);
	assert_true(image_decode(p, len, 0, &img, why, sizeof(why)));
	free(p);
	/* Bytes. */
	p = xcalloc(IMAGE_MAX_BYTES + 1, 1);
	memcpy(p, "\x89PNG\r\n\x1a\n", 8);
	assert_false(image_decode(p, IMAGE_MAX_BYTES + 1, 0, &img, why,
	    sizeof(why)));
	assert_non_null(strstr(why, "MiB"));
	free(p);
	/* Neither PNG nor JPEG. */
	assert_false(image_decode("GIF89a......", 12, 0, &img, why,
	    sizeof(why)));
	assert_int_equal(img.type, IMAGE_UNKNOWN);
}

static void
test_jpeg(void **state)
{
	struct image	 img;
	char		 why[200];
	unsigned char	*j;
	size_t		 len;

	(void)state;
	j = S_jpeg(64, 48, &len);
	assert_true(image_decode(j, len, 0, &img, why, sizeof(why)));
	assert_int_equal(img.type, IMAGE_JPEG);
	assert_int_equal(img.w, 64);
	assert_int_equal(img.h, 48);
	/* libjpeg only warns about data that ends early: refused. */
	assert_false(image_decode(j, len * 2 / 3, 0, &img, why, sizeof(why)));
	assert_non_null(strstr(why, "truncated"));
	/* Only the header: refused too. */
	assert_false(image_decode(j, 11, 0, &img, why, sizeof(why)));
	free(j);
	j = S_jpeg(4001, 2, &len);
	assert_false(image_decode(j, len, 0, &img, why, sizeof(why)));
	assert_string_equal(why, "the image is 4001 x 2 pixels, more than "
	    "4000 x 4000");
	free(j);
}

/* The magic numbers: PNG's eight bytes, JPEG's SOI and a marker. */
static void
test_magic(void **state)
{
	(void)state;
	assert_int_equal(image_type("\x89PNG\r\n\x1a\n", 8), IMAGE_PNG);
	assert_int_equal(image_type("\x89PNG\r\n\x1a", 7), IMAGE_UNKNOWN);
	assert_int_equal(image_type("\xff\xd8\xff", 3), IMAGE_JPEG);
	assert_int_equal(image_type("\xff\xd8\x00", 3), IMAGE_UNKNOWN);
	assert_int_equal(image_type("\xff\xd8", 2), IMAGE_UNKNOWN);
}

/* A PNG's tRNS chunk becomes an alpha channel (RGB -> RGBA). */
static void
test_png_trns(void **state)
{
	struct image	 img;
	char		 why[200], *p;
	size_t		 len;

	(void)state;
	p = S_png(4, 3, 8, 2, &len);
	assert_true(image_decode(p, len, 1, &img, why, sizeof(why)));
	assert_int_equal(img.channels, 4);
	image_free(&img);
	free(p);
	p = S_png(4, 3, 8, 0, &len);
	assert_true(image_decode(p, len, 1, &img, why, sizeof(why)));
	assert_int_equal(img.channels, 3);
	image_free(&img);
	free(p);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_png),
		cmocka_unit_test(test_magic),
		cmocka_unit_test(test_png_trns),
		cmocka_unit_test(test_limits),
		cmocka_unit_test(test_jpeg),
	};

	return cmocka_run_group_tests_name("image", tests, NULL, NULL);
}
