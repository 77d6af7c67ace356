/*
 * pdf_emit_tag.c — the reading-order file as a tagged PDF (PDF/UA-1):
 * the structure tree of the display list (pdf.h: pdf_doc.nodes,
 * pdf_item.node), its parent tree, the link annotations tied to their
 * Link elements, /MarkInfo, /StructParents and /Tabs on the pages, and
 * the XMP metadata (dc:title, pdfuaid:part).
 *
 * The content streams mark their items already (pdf_emit_content.c:
 * emit_mark()) and record the marks and links of each page as they
 * draw it (emit_shared.ev: the items may be freed since); this file
 * walks those to learn which element each MCID belongs to.  An element's children are its
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
	unsigned int	 page;		/* MCR, OBJR */
	unsigned int	 val;		/* node number, MCID, annotation index */
};

/*
 * The structure tree, held compactly until libharu saves the file: the
 * elements are not libharu objects (a dictionary, its names and the
 * references of its /K cost about 1.4 kB an element in libharu) but
 * entries of its cross-reference table sharing one dictionary, whose
 * write function writes each element in turn, in the bytes libharu
 * would have written.
 */
struct tagger {
	struct emit	*e;
	const struct pdf_doc *doc;
	struct kid	*kid;		/* walk order, then grouped by owner */
	size_t		 nkid, capkid;
	size_t		*start;		/* owner o's kids: [start[o - 1]...
					   start[o]) (o = 0: from 0) */
	unsigned int	*id;		/* object number of node (1 + index)
					   and root (0); 0: left out */
	unsigned int	*pid;		/* object number of each page */
	unsigned int	*aid;		/* of each annotation (0: none) */
	unsigned int	*objr;		/* owner of annotation a, or 0 */
	/* The element of each MCID, page by page: mc[mc0[i]...mc0[i+1]). */
	unsigned int	*mc;
	size_t		 nmc, capmc;
	size_t		*mc0;
	size_t		 entry0, nentry; /* the elements' xref entries */
	unsigned int	 next;		/* the element written next */
	struct buf	 b;		/* one element's bytes */
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
	k->page = (unsigned int)page;
	k->val = (unsigned int)val;
}

/* Node n holds content: it and its ancestors not seen yet become
 * children of their parents, top down (first seen, first read). */
static void
S_see(struct tagger *t, unsigned int n)
{
	unsigned int	 chain[64], top = 0, p;

	while (n != 0 && t->id[n] == 0 && top < 64) {
		chain[top++] = n;
		n = t->doc->nodes[n - 1].parent;
	}
	while (top > 0) {
		n = chain[--top];
		t->id[n] = 1;	/* seen; numbered by S_tree() */
		p = t->doc->nodes[n - 1].parent;
		S_kid(t, p <= t->doc->nnodes ? p : 0, KID_NODE, 0, n);
	}
}

/* The pages' marks in order (emit_shared.ev, as the content streams
 * number their MCIDs), annotations in add_links() order. */
static void
S_walk_pages(struct tagger *t)
{
	const struct emit_shared *sh = t->e->sh;
	const struct pdf_doc *doc = t->doc;
	unsigned int	 node;
	size_t		 i, j, a = 0, mcid;

	t->mc0 = xcalloc(doc->npages + 1, sizeof(*t->mc0));
	for (i = 0; i < doc->npages; i++) {
		t->mc0[i] = t->nmc;
		mcid = 0;
		for (j = sh->ev0[i]; j < sh->ev0[i + 1]; j++) {
			node = sh->ev[j] & ~EMIT_EV_LINK;
			if (sh->ev[j] & EMIT_EV_LINK) {
				if (node != 0 && a < t->e->nannot &&
				    t->e->annot[a] != NULL) {
					S_see(t, node);
					S_kid(t, node, KID_OBJR, i, a);
					t->objr[a] = node;
				}
				a++;
				continue;
			}
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

/* The object number of a libharu object (its generation is 0). */
static unsigned int
S_objnum(const void *obj)
{
	return ((const HPDF_Obj_Header *)obj)->obj_id & 0x00FFFFFF;
}

/* /Pg and /K of element (or root) o, as libharu writes a dictionary's
 * entries: /Pg the page of its first MCR, where MCIDs are plain
 * numbers. */
static void
S_fill(struct tagger *t, unsigned int o)
{
	struct buf	*b = &t->b;
	const struct kid *k;
	size_t		 from = o == 0 ? 0 : t->start[o - 1], to = t->start[o],
			 i;
	unsigned int	 pg = UINT32_MAX;

	for (i = from; i < to && pg == UINT32_MAX; i++)
		if (t->kid[i].kind == KID_MCR)
			pg = t->kid[i].page;
	if (pg != UINT32_MAX)
		buf_printf(b, "/Pg %u 0 R\n", t->pid[pg]);
	buf_puts(b, "/K [ ");
	for (i = from; i < to; i++) {
		k = &t->kid[i];
		switch (k->kind) {
		case KID_NODE:
			buf_printf(b, "%u 0 R ", t->id[k->val]);
			break;
		case KID_MCR:
			if (k->page == pg)
				buf_printf(b, "%u ", k->val);
			else
				buf_printf(b, "<<\n/Type /MCR\n/Pg %u 0 R\n"
				    "/MCID %u\n>> ", t->pid[k->page], k->val);
			break;
		default:
			buf_printf(b, "<<\n/Type /OBJR\n/Obj %u 0 R\n/Pg %u 0 R"
			    "\n>> ", t->aid[k->val], t->pid[k->page]);
			break;
		}
	}
	buf_puts(b, "]\n");
}

/* Write a libharu object (a string) into b, as libharu would. */
static HPDF_STATUS
S_tag_flush(struct tagger *t, HPDF_Stream st)
{
	HPDF_STATUS	 r = HPDF_OK;

	if (t->b.len > 0)
		r = HPDF_Stream_Write(st, (const HPDF_BYTE *)t->b.data,
		    (HPDF_UINT)t->b.len);
	t->b.len = 0;
	return r;
}

/* /Key (string s, in encoder enc or NULL) as libharu writes it. */
static HPDF_STATUS
S_tag_string(struct tagger *t, HPDF_Stream st, const char *key, const char *s,
    HPDF_Encoder enc)
{
	HPDF_String	 str;
	HPDF_STATUS	 r;

	buf_printf(&t->b, "/%s ", key);
	if ((r = S_tag_flush(t, st)) != HPDF_OK)
		return r;
	if ((str = HPDF_String_New(t->e->pdf->mmgr, s, enc)) == NULL)
		return HPDF_Error_GetCode(&t->e->pdf->error);
	r = HPDF_Obj_Write(str, st, NULL);
	HPDF_Obj_Free(t->e->pdf->mmgr, str);
	if (r == HPDF_OK)
		r = HPDF_Stream_WriteStr(st, "\n");
	return r;
}

/*
 * The write function of the elements' shared dictionary: the next
 * element's own keys (/S, /P, /Alt, /Lang, a header's scope) then /Pg
 * and /K.
 */
static HPDF_STATUS
S_write_elem(HPDF_Dict dict, HPDF_Stream st)
{
	struct tagger	*t = dict->attr;
	const struct pdf_node *n;
	unsigned int	 i, p, nn = (unsigned int)t->doc->nnodes;
	HPDF_STATUS	 r;

	for (i = t->next; i <= nn && t->id[i] == 0; i++)
		;
	if (i > nn)
		return HPDF_SetError(&t->e->pdf->error, HPDF_INVALID_OBJECT, 0);
	t->next = i + 1;
	n = &t->doc->nodes[i - 1];
	p = n->parent;
	p = p <= nn && (p == 0 || t->id[p] != 0) ? p : 0;
	t->b.len = 0;
	buf_printf(&t->b, "/S /%s\n/P %u 0 R\n", n->role, t->id[p]);
	if (n->alt != NULL && fault_untag() && !t->dropped)
		t->dropped = 1;	/* tests: a Figure without /Alt */
	else {
		if (n->alt != NULL && (r = S_tag_string(t, st, "Alt", n->alt,
		    t->e->utf8)) != HPDF_OK)
			return r;
		if (n->lang != NULL && (r = S_tag_string(t, st, "Lang", n->lang,
		    NULL)) != HPDF_OK)
			return r;
		if (strcmp(n->role, "TH") == 0)
			buf_puts(&t->b, "/A <<\n/O /Table\n/Scope /Row\n>>\n");
	}
	S_fill(t, i);
	return S_tag_flush(t, st);
}

/* The root's keys after its /Type: /K, the parent tree (page i's
 * MCIDs under key i, annotation a under npages + a), its next key. */
static HPDF_STATUS
S_write_root(HPDF_Dict dict, HPDF_Stream st)
{
	struct tagger	*t = dict->attr;
	const struct pdf_doc *doc = t->doc;
	size_t		 i, j;
	HPDF_STATUS	 r;

	t->next = 1;
	t->b.len = 0;
	S_fill(t, 0);
	buf_puts(&t->b, "/ParentTree <<\n/Nums [ ");
	for (i = 0; i < doc->npages; i++) {
		buf_printf(&t->b, "%zu [ ", i);
		for (j = t->mc0[i]; j < t->mc0[i + 1]; j++)
			buf_printf(&t->b, "%u 0 R ", t->id[t->mc[j]]);
		buf_puts(&t->b, "] ");
		if (t->b.len > 65536 && (r = S_tag_flush(t, st)) != HPDF_OK)
			return r;
	}
	for (i = 0; i < t->e->nannot; i++)
		if (t->objr[i] != 0)
			buf_printf(&t->b, "%zu %u 0 R ", doc->npages + i,
			    t->id[t->objr[i]]);
	buf_printf(&t->b, "]\n>>\n/ParentTreeNextKey %zu\n",
	    doc->npages + t->e->nannot);
	return S_tag_flush(t, st);
}

/*
 * The tree: the root, then the elements (one cross-reference entry
 * each, numbered in node order), the page and annotation keys, the
 * marking.  What the elements write stays in t until emit_tag_free().
 */
static int
S_tree(struct tagger *t, HPDF_Page *page)
{
	struct emit	*e = t->e;
	const struct pdf_doc *doc = t->doc;
	HPDF_Xref	 xref = e->pdf->xref;
	HPDF_Dict	 root, w = NULL, mark;
	HPDF_XrefEntry	 x;
	struct kid	*sorted;
	size_t		 i, n = doc->nnodes, nseen = 0;
	int		 ok = 1;

	/* The kids grouped by owner, in order (a stable counting sort). */
	t->start = xcalloc(n + 2, sizeof(*t->start));
	for (i = 0; i < t->nkid; i++)
		t->start[t->kid[i].owner + 1]++;
	for (i = 1; i <= n + 1; i++)
		t->start[i] += t->start[i - 1];
	sorted = xreallocarray(NULL, t->nkid ? t->nkid : 1, sizeof(*sorted));
	for (i = 0; i < t->nkid; i++)
		sorted[t->start[t->kid[i].owner]++] = t->kid[i];
	/* start[o] is now the end of owner o's kids. */
	free(t->kid);
	t->kid = sorted;
	t->capkid = t->nkid;
	for (i = 1; i <= n; i++)
		nseen += t->id[i] != 0;
	if (xref->entries->count + 1 + nseen >= HPDF_LIMIT_MAX_XREF_ELEMENT)
		return 0;
	t->pid = xcalloc(doc->npages ? doc->npages : 1, sizeof(*t->pid));
	for (i = 0; i < doc->npages; i++)
		t->pid[i] = S_objnum(page[i]);
	t->aid = xcalloc(e->nannot ? e->nannot : 1, sizeof(*t->aid));
	for (i = 0; i < e->nannot; i++)
		if (e->annot[i] != NULL)
			t->aid[i] = S_objnum(e->annot[i]);
	ok = (root = S_indirect(e, "StructTreeRoot")) != NULL &&
	    HPDF_Dict_Add(e->pdf->catalog, "StructTreeRoot", root) == HPDF_OK;
	if (!ok)
		return 0;
	root->attr = t;
	root->write_fn = S_write_root;
	t->id[0] = S_objnum(root);
	/* The elements, numbered after the root in node order. */
	nseen = 0;
	for (i = 1; ok && i <= n; i++) {
		if (t->id[i] == 0)
			continue;
		if (nseen++ == 0) {
			ok = (w = HPDF_Dict_New(e->pdf->mmgr)) != NULL &&
			    HPDF_Xref_Add(xref, w) == HPDF_OK;
			if (!ok)
				break;
			w->attr = t;
			w->write_fn = S_write_elem;
			t->entry0 = xref->entries->count;
			t->id[i] = S_objnum(w);
			continue;
		}
		x = HPDF_GetMem(e->pdf->mmgr, sizeof(*x));
		if (x == NULL || HPDF_List_Add(xref->entries, x) != HPDF_OK) {
			if (x != NULL)
				HPDF_FreeMem(e->pdf->mmgr, x);
			ok = 0;
			break;
		}
		x->entry_typ = HPDF_IN_USE_ENTRY;
		x->byte_offset = 0;
		x->gen_no = 0;
		x->obj = w;
		t->nentry++;
		t->id[i] = (unsigned int)(xref->start_offset +
		    xref->entries->count - 1);
	}
	for (i = 0; ok && i < doc->npages; i++)
		ok = HPDF_Dict_AddNumber(page[i], "StructParents",
		    (HPDF_INT32)i) == HPDF_OK &&
		    HPDF_Dict_AddName(page[i], "Tabs", "S") == HPDF_OK;
	for (i = 0; ok && i < t->nkid; i++) {
		const struct kid *k = &t->kid[i];

		if (k->kind == KID_OBJR)
			ok = HPDF_Dict_AddNumber(e->annot[k->val],
			    "StructParent", (HPDF_INT32)(doc->npages +
			    k->val)) == HPDF_OK;
	}
	ok = ok && (mark = S_dict(e, NULL)) != NULL &&
	    HPDF_Dict_Add(e->pdf->catalog, "MarkInfo", mark) == HPDF_OK &&
	    HPDF_Dict_AddBoolean(mark, "Marked", HPDF_TRUE) == HPDF_OK;
	return ok;
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

int
emit_tag(struct emit *e, HPDF_Page *page)
{
	struct tagger	*t;

	if (e->doc->nnodes == 0)
		return 1;
	if (e->sh->ev0 == NULL)
		return 0;	/* not drawn by this file's emitter */
	t = xcalloc(1, sizeof(*t));
	e->tag = t;
	t->e = e;
	t->doc = e->doc;
	t->id = xcalloc(e->doc->nnodes + 1, sizeof(*t->id));
	t->objr = xcalloc(e->nannot ? e->nannot : 1, sizeof(*t->objr));
	buf_init(&t->b);
	S_walk_pages(t);
	return S_tree(t, page) && S_xmp(e);
}

void
emit_tag_free(struct emit *e)
{
	struct tagger	*t = e->tag;
	HPDF_XrefEntry	 x;
	size_t		 i;

	if (t == NULL)
		return;
	/* The elements' entries share one dictionary: freed once. */
	for (i = 0; e->pdf != NULL && i < t->nentry; i++) {
		x = HPDF_Xref_GetEntry(e->pdf->xref,
		    (HPDF_UINT)(t->entry0 + i));
		if (x != NULL)
			x->obj = NULL;
	}
	free(t->kid);
	free(t->start);
	free(t->id);
	free(t->pid);
	free(t->aid);
	free(t->objr);
	free(t->mc);
	free(t->mc0);
	buf_free(&t->b);
	free(t);
	e->tag = NULL;
}
