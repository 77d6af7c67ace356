/*
 * pdf_layout.h — the former name of the layout engine's header, kept
 * for the files that still include it (booklet.c, pdf_qr.c): the
 * engine is lay.h, the QR codes pdf_qr.h.
 */
#ifndef PDF_LAYOUT_H
#define PDF_LAYOUT_H

#include "lay.h"
#include "pdf_qr.h"

#endif /* PDF_LAYOUT_H */
