/*
 * pdf_page.c — building the pages of a struct pdf_doc (pdf.h), shared
 * by the layout and by the emitter's tests.
 */
#include <stdlib.h>
#include <string.h>

#include "pdf.h"
#include "util.h"

/* Append a zeroed item to the array *v of *n items (room for *cap). */
struct pdf_item *
pdf_items_add(struct pdf_item **v, size_t *n, size_t *cap)
{
	if (*n == *cap) {
		*cap = *cap ? *cap + *cap / 2 : 32;
		*v = xreallocarray(*v, *cap, sizeof(**v));
	}
	memset(&(*v)[*n], 0, sizeof(**v));
	return &(*v)[(*n)++];
}

struct pdf_item *
pdf_page_add(struct pdf_page *p)
{
	return pdf_items_add(&p->items, &p->nitems, &p->cap);
}

void
pdf_pages_trim(struct pdf_page *v, size_t n)
{
	size_t	 i;

	for (i = 0; i < n; i++)
		if (v[i].cap > v[i].nitems) {
			v[i].cap = v[i].nitems;
			v[i].items = xreallocarray(v[i].items,
			    v[i].cap ? v[i].cap : 1, sizeof(*v[i].items));
		}
}

void
pdf_pages_keep_links(struct pdf_page *v, size_t n)
{
	struct pdf_item	*it;
	size_t		 i, j, k;

	for (i = 0; i < n; i++) {
		for (j = k = 0; j < v[i].nitems; j++) {
			it = &v[i].items[j];
			if (it->type == ITEM_LINK_URI ||
			    it->type == ITEM_LINK_PAGE) {
				v[i].items[k++] = *it;
				continue;
			}
			free(it->text);
			free(it->path);
			free(it->uri);
		}
		v[i].nitems = k;
		if (k == 0) {
			free(v[i].items);
			v[i].items = NULL;
			v[i].cap = 0;
		} else if (k < v[i].cap) {
			v[i].cap = k;
			v[i].items = xreallocarray(v[i].items, k,
			    sizeof(*v[i].items));
		}
	}
}

unsigned int
pdf_node_add(struct pdf_doc *d, const char *role, unsigned int parent)
{
	struct pdf_node	*n;

	if ((d->nnodes & (d->nnodes - 1)) == 0)	/* 0, 1, 2, 4...: grow */
		d->nodes = xreallocarray(d->nodes, d->nnodes ? 2 * d->nnodes :
		    1, sizeof(*d->nodes));
	n = &d->nodes[d->nnodes++];
	memset(n, 0, sizeof(*n));
	n->role = role;
	n->parent = parent;
	return (unsigned int)d->nnodes;
}
