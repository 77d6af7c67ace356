/*
 * form_tool.c — test helper for the partner form (tests/suites/form.sh).
 *
 *   form_tool render CONTENT THEME OUTDIR [DEFAULT_THEME]
 *                                           every partner's form into
 *                                           OUTDIR/<slug>.html (stops at
 *                                           the first that fails)
 *   form_tool dump CONTENT                  the whole model as text, for
 *                                           round-trip comparisons
 *
 * The dump is the site's JSON export (docs/annuaire-json.md) followed,
 * for each partner, by what that export leaves out: the phone as
 * written, the named contacts, the logo, suivi and note_suivi.  It
 * prints no position, so two pages that load to the same model dump
 * the same.  Diagnostics go to stderr; exit 1 when there is an error.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "export.h"
#include "form.h"
#include "load.h"
#include "model.h"
#include "util.h"

static void
S_str(struct buf *b, const char *k, const char *v)
{
	buf_printf(b, "  %s: ", k);
	export_json_str(b, v);
	buf_putc(b, '\n');
}

static void
S_dump(const struct site *s, struct buf *b)
{
	const struct partner *p;
	const struct contact *c;
	size_t		 i, j;

	export_json(s, b);
	buf_putc(b, '\n');
	for (i = 0; i < s->npartners; i++) {
		p = &s->partners[i];
		buf_printf(b, "%s\n", p->slug);
		S_str(b, "telephone", p->telephone.raw.s);
		S_str(b, "logo", p->logo.s);
		S_str(b, "suivi", model_suivi_label(p->suivi));
		S_str(b, "note_suivi", p->note_suivi.s);
		S_str(b, "horaires.present", p->horaires.present ? "1" : "0");
		for (j = 0; j < p->ncontacts; j++) {
			c = &p->contacts[j];
			buf_printf(b, "  contact %zu\n", j + 1);
			S_str(b, "  nom", c->nom.s);
			S_str(b, "  fonction", c->fonction.s);
			S_str(b, "  telephone", c->telephone.raw.s);
			S_str(b, "  courriel", c->courriel.s);
		}
	}
}

int
main(int argc, char *argv[])
{
	struct diags	 d;
	struct site	*s = NULL;
	struct buf	 b;
	struct form_index *ix;
	char		*path;
	size_t		 i;
	int		 rc = 1;

	diags_init(&d);
	buf_init(&b);
	if (argc < 3 || (strcmp(argv[1], "render") == 0 && argc != 5 && argc != 6) ||
	    (strcmp(argv[1], "dump") == 0 && argc != 3)) {
		fprintf(stderr, "usage: form_tool render CONTENT THEME OUTDIR [DEFAULT_THEME]\n"
		    "       form_tool dump CONTENT\n");
		return 2;
	}
	if ((s = load_content(argv[2], &d)) == NULL || d.errors > 0)
		goto out;
	if (strcmp(argv[1], "dump") == 0) {
		S_dump(s, &b);
		fwrite(buf_cstr(&b), 1, b.len, stdout);
		rc = 0;
		goto out;
	}
	if (!mkdir_p(argv[4])) {
		perror(argv[4]);
		goto out;
	}
	rc = 0;
	ix = form_index_new(s);
	for (i = 0; i < s->npartners; i++) {
		buf_reset(&b);
		if (!form_render(s, &s->partners[i], ix, 0, argv[3],
		    argc == 6 ? argv[5] : argv[3], &b, &d)) {
			rc = 1;
			break;
		}
		path = xasprintf("%s/%s.html", argv[4], s->partners[i].slug);
		if (!file_write(path, buf_cstr(&b), b.len)) {
			perror(path);
			rc = 1;
		}
		free(path);
	}
	form_index_free(ix);
out:
	diags_sort(&d);
	diags_print(&d, stderr);
	if (d.errors > 0)
		rc = 1;
	diags_free(&d);
	buf_free(&b);
	model_free(s);
	return rc;
}
