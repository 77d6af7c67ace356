/*
 * booklet.c — the printed booklet, end to end: layout (pdf_layout*.c),
 * the optional text dump of the layout, then the emitter (pdf_emit*.c)
 * in reading order and imposed.
 */
#include <errno.h>
#include <string.h>

#include "booklet.h"
#include "glyphs.h"
#include "pdf.h"
#include "pdf_layout.h"
#include "spawn.h"

/* The imposed or the print-shop PDF, in a child process (spawn_fn). */
struct S_emit {
	struct pdf_doc	*doc;
	const char	*path;
};

static int
S_imposed(void *arg, struct diags *d)
{
	const struct S_emit *j = arg;

	return emit_imposed(j->doc, j->path, d);
}

static int
S_bleed(void *arg, struct diags *d)
{
	const struct S_emit *j = arg;

	/* The same pages: full-bleed items already reach BLEED_MAX. */
	j->doc->bleed = BLEED_MAX;
	return emit_pdf(j->doc, j->path, d);
}

/*
 * The files of one layout, the imposed one and the print-shop one
 * written by child processes meanwhile: the same files, diagnostics in
 * the same order and the same result as one after the other (a failure
 * stops the files after it, and drops what they said).  Returns -1
 * when no child process could be started (nothing written yet).
 */
static int
S_emit_parallel(struct pdf_doc *doc, const struct booklet_opts *o,
    const char *pdf_path, const char *imposed_path, struct diags *d)
{
	struct spawn	 sp, spb;
	struct S_emit	 imp = { doc, imposed_path },
			 bl = { doc, o->bleed_path };
	struct diags	 dimp, dbleed;
	int		 ok, okb = 1, r, child_b = 0;

	if (!spawn_start(&sp, S_imposed, &imp))
		return -1;
	if (o->bleed_path != NULL)
		child_b = spawn_start(&spb, S_bleed, &bl);
	diags_init(&dimp);
	diags_init(&dbleed);
	ok = emit_pdf(doc, pdf_path, d);
	if (child_b)
		okb = spawn_wait(&spb, &dbleed) > 0;
	else if (ok && o->bleed_path != NULL)
		okb = S_bleed(&bl, &dbleed);
	r = spawn_wait(&sp, &dimp);
	if (ok) {
		diags_append(d, &dimp);
		if ((ok = r > 0)) {
			diags_append(d, &dbleed);
			ok = okb;
		}
	}
	diags_free(&dimp);
	diags_free(&dbleed);
	return ok;
}

int
booklet_build(const struct site *s, const struct booklet_opts *o,
    const char *pdf_path, const char *imposed_path, struct diags *d)
{
	struct pdf_doc	*doc;
	struct buf	 b;
	int		 ok = 1, r;

	doc = layout_booklet(s, o, d);
	if (o->last)
		fonts_close(o->fonts);
	if (doc == NULL)
		return 0;
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
	if (ok && pdf_path != NULL && imposed_path != NULL && o->jobs > 1 &&
	    (r = S_emit_parallel(doc, o, pdf_path, imposed_path, d)) >= 0) {
		layout_free(doc);
		return r;
	}
	if (ok && pdf_path != NULL)
		ok = emit_pdf(doc, pdf_path, d);
	if (ok && imposed_path != NULL)
		ok = emit_imposed(doc, imposed_path, d);
	if (ok && o->bleed_path != NULL) {
		struct S_emit bl = { doc, o->bleed_path };

		ok = S_bleed(&bl, d);
	}
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
