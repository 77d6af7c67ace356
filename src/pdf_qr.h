/*
 * pdf_qr.h — the QR codes of the booklet (pdf_qr.c): drawn as
 * rectangles into a box of the layout engine (lay.h).
 */
#ifndef PDF_QR_H
#define PDF_QR_H

#include "lay.h"

/*
 * Draw the QR code of url (non-ASCII bytes percent-encoded first) as
 * merged module runs, quiet zone included, in a square of side size
 * whose top-left corner is (x, y) of box.  Returns 0 when the URL
 * cannot be encoded.
 */
int	 qr_draw(struct vbox *, const char *url, double x, double y,
	    double size);

#endif /* PDF_QR_H */
