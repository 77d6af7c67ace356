/*
 * stubs.c — TEMPORARY weak definitions so that the program links while
 * the renderers land; a real (strong) definition replaces each one.
 * To be deleted once html.c and booklet.c are complete.
 */
#include "booklet.h"
#include "html.h"

__attribute__((weak)) int
booklet_build(const struct site *site, const struct booklet_opts *o,
    const char *pdf_path, const char *imposed_path, struct diags *d)
{
	(void)site; (void)o; (void)pdf_path; (void)imposed_path; (void)d;
	return 1;
}

__attribute__((weak)) int
html_build(const struct site *site, const struct html_opts *o,
    const char *outdir, struct diags *d)
{
	(void)site; (void)o; (void)outdir; (void)d;
	return 1;
}
