/*
 * booklet.c — the printed booklet, end to end: layout (pdf_layout*.c),
 * the optional text dump of the layout, then the emitter (pdf_emit*.c)
 * in reading order and imposed.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "booklet.h"
#include "glyphs.h"
#include "pdf.h"
#include "pdf_layout.h"
#include "timing.h"

/* The mark of a phase for --timings: what, then the file's own name. */
static void
S_timing_mark(const char *what, const char *path)
{
	const char	*base = strrchr(path, '/');
	char		 name[64];

	snprintf(name, sizeof(name), "%s:%s", what, base ? base + 1 : path);
	timing_mark(name);
}

int
booklet_build(const struct site *s, const struct booklet_opts *o,
    const char *pdf_path, const char *imposed_path, struct diags *d)
{
	struct pdf_doc	*doc;
	struct buf	 b;
	int		 ok = 1;

	if ((doc = layout_booklet(s, o, d)) == NULL)
		return 0;
	S_timing_mark("layout", pdf_path ? pdf_path :
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
	if (ok && pdf_path != NULL) {
		ok = emit_pdf(doc, pdf_path, d);
		S_timing_mark("write", pdf_path);
	}
	if (ok && imposed_path != NULL) {
		ok = emit_imposed(doc, imposed_path, d);
		S_timing_mark("write", imposed_path);
	}
	if (ok && o->bleed_path != NULL) {
		/* The same pages: full-bleed items already reach BLEED_MAX. */
		doc->bleed = BLEED_MAX;
		ok = emit_pdf(doc, o->bleed_path, d);
		S_timing_mark("write", o->bleed_path);
	}
	layout_free(doc);
	return ok;
}

void
booklet_check(const struct site *s, const struct booklet_opts *o,
    struct diags *d)
{
	struct theme	 th;
	struct fonts	*fs = NULL;
	struct diags	 quiet;

	size_t		 i;

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
	fonts_close(fs);
	theme_free(&th);
	diags_free(&quiet);
}
