/*
 * unit.h — what the unit tests of the emitter share (test_emit,
 * test_pages): the fonts a display list names, an empty document with
 * them, and a shell command run for a real reader (qpdf, pdfinfo,
 * pdftotext, convert).  Include after <cmocka.h>, "pdf.h" and "util.h".
 */
#ifndef UNIT_H
#define UNIT_H

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

#define	UNIT_FONT_DIR	"/usr/share/fonts/truetype/"
/* DejaVu (fontconfig's default, has U+202F) for the accented runs. */
static const char *const unit_fonts[FACE__COUNT] = {
	UNIT_FONT_DIR "dejavu/DejaVuSerif.ttf",
	UNIT_FONT_DIR "open-sans/OpenSans-Bold.ttf",
	UNIT_FONT_DIR "open-sans/OpenSans-Italic.ttf",
	UNIT_FONT_DIR "open-sans/OpenSans-BoldItalic.ttf",
	UNIT_FONT_DIR "fork-awesome/forkawesome-webfont.ttf",
};

/* Whether every font of unit_fonts can be read (else: skip). */
static inline int
unit_have_fonts(void)
{
	size_t	 i;

	for (i = 0; i < FACE__COUNT; i++)
		if (access(unit_fonts[i], R_OK) != 0)
			return 0;
	return 1;
}

/* A document of npages empty w x h pages set in unit_fonts (layout_free()). */
static inline struct pdf_doc *
unit_doc(double w, double h, size_t npages)
{
	struct pdf_doc	*doc = xcalloc(1, sizeof(*doc));
	size_t		 i;

	doc->page_w = w;
	doc->page_h = h;
	for (i = 0; i < FACE__COUNT; i++)
		doc->font_path[i] = xstrdup(unit_fonts[i]);
	doc->npages = npages;
	doc->pages = xcalloc(npages, sizeof(*doc->pages));
	return doc;
}

/*
 * Run the printf-formatted shell command; returns its standard output
 * (allocated) and, with status not NULL, its exit status (-1 when it
 * did not exit).  A command that cannot be started fails the test.
 */
static inline char *
unit_run(int *status, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static inline char *
unit_run(int *status, const char *fmt, ...)
{
	va_list		 ap;
	char		*cmd, chunk[4096];
	struct buf	 b;
	FILE		*f;
	size_t		 n;
	int		 st;

	va_start(ap, fmt);
	cmd = xvasprintf(fmt, ap);
	va_end(ap);
	buf_init(&b);
	if ((f = popen(cmd, "r")) == NULL)
		fail_msg("popen %s", cmd);
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0)
		buf_put(&b, chunk, n);
	st = pclose(f);
	if (status != NULL)
		*status = WIFEXITED(st) ? WEXITSTATUS(st) : -1;
	free(cmd);
	return buf_detach(&b);
}

#endif /* UNIT_H */
