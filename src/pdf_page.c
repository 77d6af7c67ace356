/*
 * pdf_page.c — building the pages of a struct pdf_doc (pdf.h), shared
 * by the layout and by the emitter's tests.
 */
#include <string.h>

#include "pdf.h"
#include "util.h"

/* Append a zeroed item to the page; never NULL (out of memory exits). */
struct pdf_item *
pdf_page_add(struct pdf_page *p)
{
	struct pdf_item *it;

	if (p->nitems == p->cap) {
		p->cap = p->cap ? p->cap * 2 : 32;
		p->items = xreallocarray(p->items, p->cap, sizeof(*p->items));
	}
	it = &p->items[p->nitems++];
	memset(it, 0, sizeof(*it));
	return it;
}
