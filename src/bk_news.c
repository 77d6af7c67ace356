/*
 * bk_news.c — the booklet's "Nouveautés de l'édition" page: the
 * partners that are new (with their page), those renamed ("SOS Accueil
 * devient …"), those whose details changed, with what they changed to
 * (with their page), and those that left.  The
 * changes come from news.c, which the site's page reads too.  Nothing
 * is laid out when there is no previous edition to compare with.
 */
#include <stdlib.h>
#include <string.h>

#include "bk.h"
#include "colour.h"
#include "model.h"
#include "news.h"
#include "util.h"

void
bk_news(struct lay *l)
{
	const struct news *n = l->opts->news;
	struct vlist	 v = { 0 };
	struct para	 p;
	struct vbox	*b;
	struct buf	 t;
	unsigned int	 h = colour_dark(l->theme.lead_rgb);
	size_t		 i;
	char		*name, *title;

	if (n == NULL || !news_any(n))
		return;
	title = xasprintf("Nouveautés de l'édition %d", l->site->edition);
	bk_title(l, &v, title, h, 1);
	buf_init(&t);
	buf_printf(&t, "Ce qui a changé depuis l'édition %d : les nouveaux "
	    "partenaires, ceux qui ont changé de nom, ceux dont le téléphone, "
	    "l'adresse, les horaires, l'accès, le courriel, le site ou les "
	    "actions ont changé (avec leurs nouvelles coordonnées), et ceux "
	    "qui ne figurent plus dans le livret.", n->edition);
	para_init(&p, l->theme.body_size, l->theme.body_leading, l->tw);
	para_add(&p, buf_cstr(&t), FACE_REGULAR, RGB_TEXT, 0, NULL);
	para_set(l, &p, &v);
	para_free(&p);
	if (n->nadded > 0) {
		b = para_line(l, &v, "Nouveaux partenaires", FACE_BOLD,
		    SZ_H2(l), SZ_H2(l) * 1.35, h, l->theme.body_leading, NULL);
		b->keep = 1;
		for (i = 0; i < n->nadded; i++) {
			name = model_display_name(n->added[i]);
			bk_leader(l, &v, name, NULL, FACE_REGULAR,
			    l->theme.body_size, RGB_TEXT, lay_ref(l,
			    REF_PARTNER(l, bk_partner_index(l, n->added[i]))),
			    0, 2, NULL);
			free(name);
		}
	}
	if (n->nrenamed > 0) {
		b = para_line(l, &v, "Nouveaux noms", FACE_BOLD,
		    SZ_H2(l), SZ_H2(l) * 1.35, h, l->theme.body_leading, NULL);
		b->keep = 1;
		for (i = 0; i < n->nrenamed; i++) {
			name = model_display_name(n->renamed[i].p);
			buf_reset(&t);
			buf_printf(&t, "%s devient %s", n->renamed[i].before,
			    name);
			bk_leader(l, &v, buf_cstr(&t), NULL, FACE_REGULAR,
			    l->theme.body_size, RGB_TEXT, lay_ref(l,
			    REF_PARTNER(l, bk_partner_index(l,
			    n->renamed[i].p))), 0, 2, NULL);
			free(name);
		}
	}
	if (n->nchanged > 0) {
		b = para_line(l, &v, "Ce qui a changé", FACE_BOLD,
		    SZ_H2(l), SZ_H2(l) * 1.35, h, l->theme.body_leading, NULL);
		b->keep = 1;
		for (i = 0; i < n->nchanged; i++) {
			/* The name, to its page; then what changed to. */
			name = model_display_name(n->changed[i].p);
			bk_leader(l, &v, name, NULL, FACE_BOLD,
			    l->theme.body_size, RGB_TEXT, lay_ref(l,
			    REF_PARTNER(l, bk_partner_index(l,
			    n->changed[i].p))), 0, 2, NULL);
			free(name);
			buf_reset(&t);
			buf_puts(&t, n->changed[i].what);
			para_init(&p, l->theme.body_size, l->theme.body_leading,
			    l->tw);
			para_add(&p, buf_cstr(&t), FACE_REGULAR, RGB_TEXT, 0,
			    NULL);
			para_set(l, &p, &v);
			para_free(&p);
		}
	}
	if (n->nleft > 0) {
		b = para_line(l, &v, "Ne figurent plus dans le livret",
		    FACE_BOLD, SZ_H2(l), SZ_H2(l) * 1.35, h,
		    l->theme.body_leading, NULL);
		b->keep = 1;
		buf_reset(&t);
		for (i = 0; i < n->nleft; i++)
			buf_printf(&t, "%s%s", i ? " ; " : "", n->left[i]);
		buf_putc(&t, '.');
		para_init(&p, l->theme.body_size, l->theme.body_leading, l->tw);
		para_add(&p, buf_cstr(&t), FACE_REGULAR, RGB_TEXT, 0, NULL);
		para_set(l, &p, &v);
		para_free(&p);
	}
	lay_ref_here(l, REF_SEC(l, SEC_NEWS),
	    lay_flow(l, &v, "Nouveautés", "Nouveautés", 0));
	vlist_free(&v);
	buf_free(&t);
	free(title);
}
