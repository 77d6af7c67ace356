/*
 * booklet.c — the printed booklet, end to end: layout (bk_book.c's
 * layout_booklet(), above the engine lay_*.c), the optional text dump of
 * the layout, then the emitter (pdf_emit*.c): reading order, imposed and
 * print-shop files from one drawing of each page.
 */
#include <errno.h>
#include <string.h>

#include "booklet.h"
#include "glyphs.h"
#include "lay.h"
#include "pdf.h"
#include "timing.h"

int
booklet_build(const struct site *s, const struct booklet_opts *o,
    const char *pdf_path, const char *imposed_path, struct diags *d)
{
	struct pdf_doc	*doc;
	struct buf	 b;
	int		 ok = 1;

	doc = layout_booklet(s, o, d);
	if (o->last)
		fonts_close(o->fonts);
	if (doc == NULL)
		return 0;
	timing_mark_file("layout", pdf_path ? pdf_path :
	    imposed_path ? imposed_path : "booklet");
	if (o->layout_dump != NULL) {
		buf_init(&b);
		layout_dump(doc, &b);
		if (!file_write(o->layout_dump, b.data, b.len)) {
			diag_error(d, o->layout_dump, 0, 0, "cannot write: %s",
			    strerror(errno));
			ok = 0;
		}
		buf_free(&b);
	}
	/* The same pages: full-bleed items already reach BLEED_MAX. */
	if (ok)
		ok = emit_files(doc, pdf_path, imposed_path, o->bleed_path,
		    BLEED_MAX, d);
	layout_free(doc);
	return ok;
}

struct fonts *
booklet_check(const struct site *s, const struct booklet_opts *o,
    struct diags *d)
{
	struct theme	 th;
	struct fonts	*fs = NULL;
	struct diags	 quiet;

	size_t		 i;

	/* What the layout of the Markdown texts would refuse. */
	if (s->edito.s != NULL)
		(void)md_check(s->edito.s, s->path, s->edito.pos.line + 1,
		    s->edito.pos.col + 2, d);
	for (i = 0; i < s->npartners; i++)
		if (s->partners[i].body != NULL)
			(void)md_check(s->partners[i].body,
			    s->partners[i].path, s->partners[i].body_line, 1,
			    d);
	/*
	 * An error of the theme or its fonts (a family not installed)
	 * would stop the build: said here too, so that check says it.
	 * Their warnings are the layout's to print, once.
	 */
	diags_init(&quiet);
	memset(&th, 0, sizeof(th));
	if (theme_load(&th, o, &quiet) && quiet.errors == 0 &&
	    (fs = fonts_open(&th, &quiet)) != NULL)
		glyphs_check_site(fonts_glyphs(fs), s, d);
	for (i = 0; i < quiet.n; i++)
		if (quiet.v[i].sev == DIAG_ERROR)
			diag_add(d, DIAG_ERROR, quiet.v[i].file,
			    quiet.v[i].line, quiet.v[i].col, "%s",
			    quiet.v[i].msg);
	if (quiet.errors != 0) {
		fonts_close(fs);
		fs = NULL;
	}
	theme_free(&th);
	diags_free(&quiet);
	return fs;
}

void
booklet_fonts_close(struct fonts *fs)
{
	fonts_close(fs);
}
