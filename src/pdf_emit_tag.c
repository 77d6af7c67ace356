/*
 * pdf_emit_tag.c — the reading-order file as a tagged PDF (PDF/UA-1):
 * the structure tree of the display list (pdf.h: pdf_doc.nodes,
 * pdf_item.node), its parent tree, the link annotations tied to their
 * Link elements, /MarkInfo, /StructParents and /Tabs on the pages, and
 * the XMP metadata (dc:title, pdfuaid:part).
 *
 * The content streams mark their items already (pdf_emit_content.c:
 * emit_mark()); this file walks the pages in the same order to learn
 * which element each MCID belongs to.  An element's children are its
 * elements, MCIDs and annotations in the order they first appear (page,
 * then item), which is the reading order; elements that hold nothing
 * are left out.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <hpdf.h>
#include <hpdf_doc.h>
#include <hpdf_objects.h>
#include <hpdf_pages.h>

#include "fault.h"
#include "pdf_emit.h"
#include "util.h"

enum kid_kind { KID_NODE, KID_MCR, KID_OBJR };

/* A child of an element (owner 0: the structure tree root). */
struct kid {
	unsigned int	 owner;
	unsigned int	 kind;		/* enum kid_kind */
	size_t		 page;		/* MCR, OBJR */
	size_t		 val;		/* node number, MCID, annotation index */
};

struct tagger {
	struct emit	*e;
	const struct pdf_doc *doc;
	struct kid	*kid;
	size_t		 nkid, capkid;
	unsigned char	*seen;		/* per node (1 + index) */
	/* The element of each MCID, page by page: mc[mc0[i]...mc0[i+1]). */
	unsigned int	*mc;
	size_t		 nmc, capmc;
	size_t		*mc0;
	int		 dropped;	/* ANNUAIRE_FAULT=untag: an /Alt left out */
};

static void
S_kid(struct tagger *t, unsigned int owner, unsigned int kind, size_t page,
    size_t val)
{
	struct kid	*k;

	if (t->nkid == t->capkid) {
		t->capkid = t->capkid ? 2 * t->capkid : 1024;
		t->kid = xreallocarray(t->kid, t->capkid, sizeof(*t->kid));
	}
	k = &t->kid[t->nkid++];
	k->owner = owner;
	k->kind = kind;
	k->page = page;
	k->val = val;
}

/* Node n holds content: it and its ancestors not seen yet become
 * children of their parents, top down (first seen, first read). */
static void
S_see(struct tagger *t, unsigned int n)
{
	unsigned int	 chain[64], top = 0, p;

	while (n != 0 && !t->seen[n] && top < 64) {
		chain[top++] = n;
		n = t->doc->nodes[n - 1].parent;
	}
	while (top > 0) {
		n = chain[--top];
		t->seen[n] = 1;
		p = t->doc->nodes[n - 1].parent;
		S_kid(t, p <= t->doc->nnodes ? p : 0, KID_NODE, 0, n);
	}
}

/* The pages' items in order: MCIDs as the content streams number them
 * (emit_mark()), annotations in add_links() order. */
static void
S_walk_pages(struct tagger *t)
{
	const struct pdf_doc *doc = t->doc;
	const struct pdf_item *it;
	unsigned int	 node, mark = 0;
	size_t		 i, j, a = 0, mcid;
	int		 marked;

	t->mc0 = xcalloc(doc->npages + 1, sizeof(*t->mc0));
	for (i = 0; i < doc->npages; i++) {
		t->mc0[i] = t->nmc;
		marked = 0;
		mcid = 0;
		if (doc->pages[i].blank)
			continue;
		for (j = 0; j < doc->pages[i].nitems; j++) {
			it = &doc->pages[i].items[j];
			if (it->type == ITEM_LINK_URI ||
			    it->type == ITEM_LINK_PAGE) {
				node = it->node <= doc->nnodes ? it->node : 0;
				if (node != 0 && a < t->e->nannot &&
				    t->e->annot[a] != NULL) {
					S_see(t, node);
					S_kid(t, node, KID_OBJR, i, a);
				}
				a++;
				continue;
			}
			if (!emit_mark(doc, it, &node) ||
			    (marked && node == mark))
				continue;
			if (node == EMIT_UNMARKED) {
				marked = 0;
				continue;
			}
			marked = 1;
			mark = node;
			if (node == 0)
				continue;
			S_see(t, node);
			S_kid(t, node, KID_MCR, i, mcid++);
			if (t->nmc == t->capmc) {
				t->capmc = t->capmc ? 2 * t->capmc : 1024;
				t->mc = xreallocarray(t->mc, t->capmc,
				    sizeof(*t->mc));
			}
			t->mc[t->nmc++] = node;
		}
	}
	t->mc0[doc->npages] = t->nmc;
}

static HPDF_Dict
S_dict(struct emit *e, const char *type)
{
	HPDF_Dict	 d;

	if ((d = HPDF_Dict_New(e->pdf->mmgr)) == NULL)
		return NULL;
	if (type != NULL && HPDF_Dict_AddName(d, "Type", type) != HPDF_OK)
		return NULL;
	return d;
}

static HPDF_Dict
S_indirect(struct emit *e, const char *type)
{
	HPDF_Dict	 d;

	if ((d = S_dict(e, type)) == NULL ||
	    HPDF_Xref_Add(e->pdf->xref, d) != HPDF_OK)
		return NULL;
	return d;
}

/* /K of element owner: its kids[0..n-1]; /Pg: the page of its first
 * MCR, where MCIDs are plain numbers. */
static int
S_fill(struct tagger *t, HPDF_Dict el, const struct kid *k, size_t n,
    HPDF_Dict *elem, HPDF_Page *page)
{
	struct emit	*e = t->e;
	HPDF_Array	 arr;
	HPDF_Dict	 d;
	size_t		 i, pg = SIZE_MAX;
	int		 ok = 1;

	for (i = 0; i < n && pg == SIZE_MAX; i++)
		if (k[i].kind == KID_MCR)
			pg = k[i].page;
	if (pg != SIZE_MAX && HPDF_Dict_Add(el, "Pg", page[pg]) != HPDF_OK)
		return 0;
	if ((arr = HPDF_Array_New(e->pdf->mmgr)) == NULL ||
	    HPDF_Dict_Add(el, "K", arr) != HPDF_OK)
		return 0;
	for (i = 0; ok && i < n; i++) {
		switch (k[i].kind) {
		case KID_NODE:
			ok = HPDF_Array_Add(arr, elem[k[i].val]) == HPDF_OK;
			break;
		case KID_MCR:
			if (k[i].page == pg) {
				ok = HPDF_Array_AddNumber(arr,
				    (HPDF_INT32)k[i].val) == HPDF_OK;
				break;
			}
			ok = (d = S_dict(e, "MCR")) != NULL &&
			    HPDF_Array_Add(arr, d) == HPDF_OK &&
			    HPDF_Dict_Add(d, "Pg", page[k[i].page]) ==
			    HPDF_OK && HPDF_Dict_AddNumber(d, "MCID",
			    (HPDF_INT32)k[i].val) == HPDF_OK;
			break;
		default:
			ok = (d = S_dict(e, "OBJR")) != NULL &&
			    HPDF_Array_Add(arr, d) == HPDF_OK &&
			    HPDF_Dict_Add(d, "Obj", e->annot[k[i].val]) ==
			    HPDF_OK && HPDF_Dict_Add(d, "Pg",
			    page[k[i].page]) == HPDF_OK;
			break;
		}
	}
	return ok;
}

/* An element's own keys: /S, /P, /Alt, /Lang, a header's scope. */
static int
S_elem(struct tagger *t, HPDF_Dict el, const struct pdf_node *n,
    HPDF_Dict parent)
{
	struct emit	*e = t->e;
	HPDF_Dict	 a;

	if (HPDF_Dict_AddName(el, "S", n->role) != HPDF_OK ||
	    HPDF_Dict_Add(el, "P", parent) != HPDF_OK)
		return 0;
	if (n->alt != NULL && fault_untag() && !t->dropped) {
		t->dropped = 1;	/* tests: a Figure without /Alt */
		return 1;
	}
	if (n->alt != NULL && HPDF_Dict_Add(el, "Alt",
	    HPDF_String_New(e->pdf->mmgr, n->alt, e->utf8)) != HPDF_OK)
		return 0;
	if (n->lang != NULL && HPDF_Dict_Add(el, "Lang",
	    HPDF_String_New(e->pdf->mmgr, n->lang, NULL)) != HPDF_OK)
		return 0;
	if (strcmp(n->role, "TH") == 0 &&
	    ((a = S_dict(e, NULL)) == NULL ||
	    HPDF_Dict_Add(el, "A", a) != HPDF_OK ||
	    HPDF_Dict_AddName(a, "O", "Table") != HPDF_OK ||
	    HPDF_Dict_AddName(a, "Scope", "Row") != HPDF_OK))
		return 0;
	return 1;
}

/* XML text of s into b. */
static void
S_xml(struct buf *b, const char *s)
{
	for (; s != NULL && *s != '\0'; s++)
		switch (*s) {
		case '&':
			buf_puts(b, "&amp;");
			break;
		case '<':
			buf_puts(b, "&lt;");
			break;
		case '>':
			buf_puts(b, "&gt;");
			break;
		default:
			buf_putc(b, *s);
		}
}

/* The XMP metadata stream (uncompressed, as PDF/A and PDF/UA want). */
static int
S_xmp(struct emit *e)
{
	const struct pdf_doc *doc = e->doc;
	struct date	 d;
	struct buf	 b;
	HPDF_Dict	 m;
	long long	 sec;
	int		 ok;

	buf_init(&b);
	buf_puts(&b, "<?xpacket begin=\"\xEF\xBB\xBF\" "
	    "id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
	    "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n"
	    "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/"
	    "22-rdf-syntax-ns#\">\n"
	    "<rdf:Description rdf:about=\"\"\n"
	    " xmlns:dc=\"http://purl.org/dc/elements/1.1/\"\n"
	    " xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\"\n"
	    " xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\"\n"
	    " xmlns:pdfuaid=\"http://www.aiim.org/pdfua/ns/id/\">\n"
	    "<dc:format>application/pdf</dc:format>\n"
	    "<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">");
	S_xml(&b, doc->title);
	buf_puts(&b, "</rdf:li></rdf:Alt></dc:title>\n");
	if (doc->author != NULL) {
		buf_puts(&b, "<dc:creator><rdf:Seq><rdf:li>");
		S_xml(&b, doc->author);
		buf_puts(&b, "</rdf:li></rdf:Seq></dc:creator>\n");
	}
	if (doc->subject != NULL) {
		buf_puts(&b, "<dc:description><rdf:Alt><rdf:li "
		    "xml:lang=\"x-default\">");
		S_xml(&b, doc->subject);
		buf_puts(&b, "</rdf:li></rdf:Alt></dc:description>\n");
	}
	if (doc->lang != NULL) {
		buf_puts(&b, "<dc:language><rdf:Bag><rdf:li>");
		S_xml(&b, doc->lang);
		buf_puts(&b, "</rdf:li></rdf:Bag></dc:language>\n");
	}
	if (doc->keywords != NULL) {
		buf_puts(&b, "<pdf:Keywords>");
		S_xml(&b, doc->keywords);
		buf_puts(&b, "</pdf:Keywords>\n");
	}
	buf_puts(&b, "<xmp:CreatorTool>annuaire</xmp:CreatorTool>\n");
	if (doc->date > 0) {
		date_from_epoch(doc->date, &d);
		sec = doc->date % 86400;
		buf_printf(&b, "<xmp:CreateDate>%04d-%02d-%02dT%02lld:%02lld:"
		    "%02lldZ</xmp:CreateDate>\n", d.y, d.m, d.d, sec / 3600,
		    sec / 60 % 60, sec % 60);
	}
	buf_puts(&b, "<pdfuaid:part>1</pdfuaid:part>\n"
	    "</rdf:Description>\n</rdf:RDF>\n</x:xmpmeta>\n"
	    "<?xpacket end=\"r\"?>");
	ok = (m = HPDF_DictStream_New(e->pdf->mmgr, e->pdf->xref)) != NULL &&
	    HPDF_Dict_AddName(m, "Type", "Metadata") == HPDF_OK &&
	    HPDF_Dict_AddName(m, "Subtype", "XML") == HPDF_OK &&
	    HPDF_Stream_Write(m->stream, (HPDF_BYTE *)b.data,
	    (HPDF_UINT)b.len) == HPDF_OK &&
	    HPDF_Dict_Add(e->pdf->catalog, "Metadata", m) == HPDF_OK;
	if (m != NULL)
		m->filter = HPDF_STREAM_FILTER_NONE;
	buf_free(&b);
	return ok;
}

/* The tree: elements, their kids, the root and the parent tree. */
static int
S_tree(struct tagger *t, HPDF_Page *page)
{
	struct emit	*e = t->e;
	const struct pdf_doc *doc = t->doc;
	HPDF_Dict	*elem, root, ptree, mark;
	HPDF_Array	 nums, arr;
	struct kid	*sorted;
	size_t		*start, i, j, n = doc->nnodes;
	int		 ok = 1;

	/* The kids grouped by owner, in order (a stable counting sort). */
	start = xcalloc(n + 2, sizeof(*start));
	for (i = 0; i < t->nkid; i++)
		start[t->kid[i].owner + 1]++;
	for (i = 1; i <= n + 1; i++)
		start[i] += start[i - 1];
	sorted = xreallocarray(NULL, t->nkid ? t->nkid : 1, sizeof(*sorted));
	for (i = 0; i < t->nkid; i++)
		sorted[start[t->kid[i].owner]++] = t->kid[i];
	/* start[o] is now the end of owner o's kids: the start of o + 1's. */
	elem = xcalloc(n + 1, sizeof(*elem));
	ok = (root = S_indirect(e, "StructTreeRoot")) != NULL &&
	    HPDF_Dict_Add(e->pdf->catalog, "StructTreeRoot", root) == HPDF_OK;
	elem[0] = root;
	for (i = 1; ok && i <= n; i++)
		if (t->seen[i])
			ok = (elem[i] = S_indirect(e, NULL)) != NULL;
	for (i = 0; ok && i <= n; i++) {
		size_t	 from = i == 0 ? 0 : start[i - 1];

		if (i > 0 && !t->seen[i])
			continue;
		if (i > 0) {
			unsigned int p = doc->nodes[i - 1].parent;

			ok = S_elem(t, elem[i], &doc->nodes[i - 1],
			    elem[p <= n && (p == 0 || t->seen[p]) ? p : 0]);
		}
		ok = ok && S_fill(t, elem[i], sorted + from, start[i] - from,
		    elem, page);
	}
	/* The parent tree: page i's MCIDs under key i, annotation a
	   under npages + a. */
	ok = ok && (ptree = S_dict(e, NULL)) != NULL &&
	    HPDF_Dict_Add(root, "ParentTree", ptree) == HPDF_OK &&
	    (nums = HPDF_Array_New(e->pdf->mmgr)) != NULL &&
	    HPDF_Dict_Add(ptree, "Nums", nums) == HPDF_OK;
	for (i = 0; ok && i < doc->npages; i++) {
		ok = HPDF_Array_AddNumber(nums, (HPDF_INT32)i) == HPDF_OK &&
		    (arr = HPDF_Array_New(e->pdf->mmgr)) != NULL &&
		    HPDF_Array_Add(nums, arr) == HPDF_OK &&
		    HPDF_Dict_AddNumber(page[i], "StructParents",
		    (HPDF_INT32)i) == HPDF_OK &&
		    HPDF_Dict_AddName(page[i], "Tabs", "S") == HPDF_OK;
		for (j = t->mc0[i]; ok && j < t->mc0[i + 1]; j++)
			ok = HPDF_Array_Add(arr, elem[t->mc[j]]) == HPDF_OK;
	}
	for (i = 0; ok && i < t->nkid; i++) {
		const struct kid *k = &t->kid[i];
		HPDF_INT32 key = (HPDF_INT32)(doc->npages + k->val);

		if (k->kind != KID_OBJR)
			continue;
		ok = HPDF_Array_AddNumber(nums, key) == HPDF_OK &&
		    HPDF_Array_Add(nums, elem[k->owner]) == HPDF_OK &&
		    HPDF_Dict_AddNumber(e->annot[k->val], "StructParent",
		    key) == HPDF_OK;
	}
	ok = ok && HPDF_Dict_AddNumber(root, "ParentTreeNextKey",
	    (HPDF_INT32)(doc->npages + e->nannot)) == HPDF_OK &&
	    (mark = S_dict(e, NULL)) != NULL &&
	    HPDF_Dict_Add(e->pdf->catalog, "MarkInfo", mark) == HPDF_OK &&
	    HPDF_Dict_AddBoolean(mark, "Marked", HPDF_TRUE) == HPDF_OK;
	free(elem);
	free(sorted);
	free(start);
	return ok;
}

int
emit_tag(struct emit *e, HPDF_Page *page)
{
	struct tagger	 t;
	int		 ok;

	if (e->doc->nnodes == 0)
		return 1;
	memset(&t, 0, sizeof(t));
	t.e = e;
	t.doc = e->doc;
	t.seen = xcalloc(e->doc->nnodes + 1, 1);
	S_walk_pages(&t);
	ok = S_tree(&t, page) && S_xmp(e);
	free(t.seen);
	free(t.kid);
	free(t.mc);
	free(t.mc0);
	return ok;
}
