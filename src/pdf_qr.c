/*
 * pdf_qr.c — QR codes of the booklet (libqrencode), drawn as filled
 * rectangles: one per horizontal run of dark modules, on a white square
 * that includes the 4-module quiet zone readers need.
 *
 * The URL is percent-encoded first: a reader that assumes ISO 8859-1
 * or Shift JIS for byte mode would garble "é", while "%C3%A9" is read
 * the same by all of them and by every browser.
 */
#include <stdlib.h>
#include <string.h>

#include <qrencode.h>

#include "lay.h"
#include "pdf_qr.h"

#define	QR_QUIET	4

int
qr_draw(struct vbox *b, const char *url, double x, double y, double size)
{
	QRcode		*qr;
	char		*enc;
	double		 m;
	int		 row, col, start, w;

	enc = uri_ascii(url);
	qr = QRcode_encodeString(enc, 0, QR_ECLEVEL_M, QR_MODE_8, 1);
	free(enc);
	if (qr == NULL)
		return 0;
	w = qr->width;
	m = size / (w + 2 * QR_QUIET);
	lay_rect(b, x, y - size, size, size, RGB_WHITE);
	for (row = 0; row < w; row++) {
		for (col = 0; col < w; col++) {
			if (!(qr->data[row * w + col] & 1))
				continue;
			for (start = col; col < w && (qr->data[row * w + col] & 1);
			    col++)
				;
			lay_rect(b, x + (QR_QUIET + start) * m,
			    y - (QR_QUIET + row + 1) * m, (col - start) * m, m,
			    0x000000);
		}
	}
	QRcode_free(qr);
	return 1;
}
