/*
 * lay_dump.c — a laid-out document as text (--layout-dump, the golden
 * files of tests/golden/): one line per item, fixed precision.
 */
#include <math.h>
#include <string.h>

#include "pdf.h"
#include "util.h"

static const char *const S_faces[FACE__COUNT] = {
	"regular", "bold", "italic", "bolditalic", "icon"
};

/* Quote s: backslash, double quote and non-printing bytes escaped. */
static void
S_quote(struct buf *b, const char *s)
{
	buf_putc(b, '"');
	for (; s != NULL && *s != '\0'; s++) {
		if (*s == '"' || *s == '\\')
			buf_printf(b, "\\%c", *s);
		else if ((unsigned char)*s < 0x20)
			buf_printf(b, "\\x%02x", (unsigned char)*s);
		else
			buf_putc(b, *s);
	}
	buf_putc(b, '"');
}

/* Fixed precision, and no "-0.00". */
static void
S_num(struct buf *b, const char *name, double v)
{
	if (fabs(v) < 0.005)
		v = 0;
	buf_printf(b, " %s=%.2f", name, v);
}

/* Font files by base name: the dump does not depend on the install. */
static const char *
S_base(const char *p)
{
	const char	*s;

	if (p == NULL)
		return "(none)";
	return (s = strrchr(p, '/')) != NULL ? s + 1 : p;
}

/*
 * One item on one line: its kind, the box every kind shares (a text has
 * no height, a line has its end point instead), then what is its own.
 */
static void
S_dump_item(struct buf *b, const struct pdf_item *it)
{
	static const char *const kind[] = {
		[ITEM_TEXT] = "text", [ITEM_RECT] = "rect",
		[ITEM_LINE] = "line", [ITEM_IMAGE] = "image",
		[ITEM_LINK_URI] = "link", [ITEM_LINK_PAGE] = "goto"
	};

	buf_printf(b, "  %s", kind[it->type]);
	S_num(b, "x", it->x);
	S_num(b, "y", it->y);
	if (it->type == ITEM_LINE) {
		S_num(b, "x2", it->x2);
		S_num(b, "y2", it->y2);
	} else
		S_num(b, "w", it->w);
	if (it->type != ITEM_TEXT && it->type != ITEM_LINE)
		S_num(b, "h", it->h);
	switch (it->type) {
	case ITEM_TEXT:
		buf_printf(b, " %s", S_faces[it->face]);
		S_num(b, "size", it->size);
		buf_printf(b, " #%06x ", it->rgb);
		S_quote(b, it->text);
		break;
	case ITEM_RECT:
		if (it->fill)
			buf_printf(b, " fill=#%06x", it->rgb);
		if (it->stroke_w > 0) {
			buf_printf(b, " stroke=#%06x", it->stroke_rgb);
			S_num(b, "sw", it->stroke_w);
		}
		break;
	case ITEM_LINE:
		S_num(b, "sw", it->stroke_w);
		buf_printf(b, " #%06x", it->rgb);
		break;
	case ITEM_IMAGE:
		buf_putc(b, ' ');
		S_quote(b, it->path);
		break;
	case ITEM_LINK_URI:
		buf_putc(b, ' ');
		S_quote(b, it->uri);
		break;
	case ITEM_LINK_PAGE:
		buf_printf(b, " page=%zu", it->dest_page);
		S_num(b, "dest_y", it->dest_y);
		break;
	}
	buf_putc(b, '\n');
}

void
layout_dump(const struct pdf_doc *d, struct buf *b)
{
	size_t		 i, j;

	buf_printf(b, "doc");
	S_num(b, "w", d->page_w);
	S_num(b, "h", d->page_h);
	S_num(b, "bleed", d->bleed);
	buf_printf(b, " pages=%zu\n", d->npages);
	buf_printf(b, "meta title=");
	S_quote(b, d->title);
	buf_printf(b, " author=");
	S_quote(b, d->author);
	buf_printf(b, " subject=");
	S_quote(b, d->subject);
	buf_printf(b, " lang=");
	S_quote(b, d->lang);
	buf_printf(b, " date=%lld\n", d->date);
	buf_printf(b, "meta keywords=");
	S_quote(b, d->keywords);
	buf_putc(b, '\n');
	for (i = 0; i < FACE__COUNT; i++)
		buf_printf(b, "font %s %s\n", S_faces[i], S_base(d->font_path[i]));
	for (i = 0; i < d->nlabels; i++) {
		buf_printf(b, "label start=%zu style=%d first=%d prefix=",
		    d->labels[i].start, d->labels[i].style, d->labels[i].first);
		S_quote(b, d->labels[i].prefix);
		buf_putc(b, '\n');
	}
	for (i = 0; i < d->noutlines; i++) {
		buf_printf(b, "outline level=%d page=%zu", d->outlines[i].level,
		    d->outlines[i].page);
		S_num(b, "y", d->outlines[i].y);
		buf_printf(b, " ");
		S_quote(b, d->outlines[i].title);
		buf_putc(b, '\n');
	}
	for (i = 0; i < d->npages; i++) {
		buf_printf(b, "page %zu folio=%d%s head=", i, d->pages[i].folio,
		    d->pages[i].blank ? " blank" : "");
		S_quote(b, d->pages[i].running_head);
		buf_putc(b, '\n');
		for (j = 0; j < d->pages[i].nitems; j++)
			S_dump_item(b, &d->pages[i].items[j]);
	}
}
