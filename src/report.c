/*
 * report.c — `annuaire report`; see report.h.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "campaign_state.h"
#include "diag.h"
#include "export.h"
#include "model.h"
#include "report.h"
#include "typo.h"
#include "util.h"

enum rstate {
	RS_ERREURS, RS_RELANCER, RS_INUTILISABLE, RS_SANS_REPONSE,
	RS_EN_ATTENTE,
	RS_ANCIENNE, RS_A_JOUR, RS__COUNT
};

static const char *const S_labels[RS__COUNT] = {
	"erreurs", "à relancer", "reçu, inutilisable", "sans réponse", "en attente", "ancienne",
	"à jour"
};

static const char *const S_keys[RS__COUNT] = {
	"erreurs", "relancer", "recu_inutilisable", "sans_reponse", "en_attente", "ancienne",
	"a_jour"
};

struct row {
	const char		*slug;
	char			*name;	/* S_row_name(), for people */
	char			*key;	/* name folded, the sort key */
	const struct partner	*p;	/* NULL for a page with errors */
	enum rstate		 st;
	size_t			 errors, warnings;
	const struct camp_partner *cp;
};

/*
 * The partner as readers know it: its name as the site prints it
 * ("Croix-Rouge française", "Association … (ARAL)"); a page that does
 * not load has no name, its file stands for it.  Allocated.
 */
static char *
S_row_name(const struct row *r)
{
	char	*n, *t;

	if (r->p == NULL)
		return xasprintf("partenaires/%s.md", r->slug);
	n = model_display_name(r->p);
	t = typo_fr(n);
	free(n);
	return t;
}

static int
S_cmp(const void *a, const void *b)
{
	const struct row *x = a, *y = b;

	int	 r;

	if (x->st != y->st)
		return x->st < y->st ? -1 : 1;
	if ((r = strcmp(x->key, y->key)) != 0)
		return r;
	return strcmp(x->slug, y->slug);
}

/* "content/partenaires/x.md" -> "x" (into s, static size). */
static int
S_page_slug(const char *content_dir, const char *file, char *out, size_t sz)
{
	char		*dir = path_join(content_dir, "partenaires");
	size_t		 n = strlen(dir), len;
	const char	*base;
	int		 ok = 0;

	if (strncmp(file, dir, n) == 0 && file[n] == '/') {
		base = file + n + 1;
		len = strlen(base);
		if (strchr(base, '/') == NULL && len > 3 && len - 3 < sz &&
		    strcasecmp(base + len - 3, ".md") == 0) {
			memcpy(out, base, len - 3);
			out[len - 3] = '\0';
			ok = 1;
		}
	}
	free(dir);
	return ok;
}

/* The rows, sorted. */
static struct row *
S_rows(const struct site *s, const struct diags *loaded, struct campaign *c,
    size_t *nrows)
{
	struct row	*v;
	size_t		 n = 0, i, j, first;
	char		 slug[256];
	int		 pass;

	v = xcalloc(s->npartners + loaded->n + 1, sizeof(*v));
	first = s->npartners;
	for (i = 0; i < s->npartners; i++) {
		const struct partner *p = &s->partners[i];
		struct row *r = &v[n++];
		int asked, answered;

		r->slug = p->slug;
		r->p = p;
		r->cp = campaign_state_get(c, p->slug, 0);
		asked = r->cp && campaign_date_set(&r->cp->demande);
		answered = r->cp && campaign_date_set(&r->cp->reponse);
		if (p->suivi == SUIVI_RELANCER)
			r->st = RS_RELANCER;
		else if (p->suivi == SUIVI_EN_ATTENTE)
			r->st = RS_EN_ATTENTE;
		else if (answered)
			r->st = RS_A_JOUR;
		else if (r->cp && campaign_date_set(&r->cp->recu))
			r->st = RS_INUTILISABLE;
		else if (asked)
			r->st = RS_SANS_REPONSE;
		else if (p->mise_a_jour.y < s->edition)
			r->st = RS_ANCIENNE;
		else
			r->st = RS_A_JOUR;
	}
	/*
	 * Pages with errors, from the loader's diagnostics: a row for each
	 * page with an error (first pass), then its counts.
	 */
	for (pass = 0; pass < 2; pass++)
		for (i = 0; i < loaded->n; i++) {
			const struct diag *dg = &loaded->v[i];

			if (dg->file == NULL || !S_page_slug(s->content_dir,
			    dg->file, slug, sizeof(slug)) ||
			    model_partner(s, slug) != NULL)
				continue;
			for (j = first; j < n; j++)
				if (strcmp(v[j].slug, slug) == 0)
					break;
			if (pass == 0) {
				if (j == n && dg->sev == DIAG_ERROR) {
					v[n].slug = xstrdup(slug);
					v[n].st = RS_ERREURS;
					v[n].cp = campaign_state_get(c, slug, 0);
					n++;
				}
			} else if (j < n && dg->sev == DIAG_ERROR)
				v[j].errors++;
			else if (j < n && dg->sev == DIAG_WARNING)
				v[j].warnings++;
		}
	for (i = 0; i < n; i++) {
		v[i].name = S_row_name(&v[i]);
		v[i].key = str_fold_words(v[i].name);
	}
	qsort(v, n, sizeof(*v), S_cmp);
	*nrows = n;
	return v;
}

static void
S_free_rows(struct row *v, size_t n)
{
	size_t	 i;

	for (i = 0; i < n; i++) {
		if (v[i].p == NULL)
			free((char *)v[i].slug);
		free(v[i].name);
		free(v[i].key);
	}
	free(v);
}

/* Pad s (UTF-8) to w columns, cutting with "…" when longer. */
static void
S_cell(struct buf *b, const char *s, size_t w)
{
	size_t	 n = utf8_len(s ? s : ""), i, k;
	unsigned int cp;
	const char *p = s ? s : "";

	if (n <= w) {
		buf_puts(b, p);
		for (i = n; i < w; i++)
			buf_putc(b, ' ');
		return;
	}
	for (i = 0; i + 1 < w; i++) {
		k = utf8_decode(p, strlen(p), &cp);
		if (k == 0)
			k = 1;
		buf_put(b, p, k);
		p += k;
	}
	buf_puts(b, "…");
}

static void
S_report_date(char out[11], const struct camp_partner *cp, int which)
{
	out[0] = '\0';
	if (cp == NULL)
		return;
	date_iso(which == 0 ? &cp->demande : which == 1 ?
	    &cp->relance : &cp->reponse, out);
}

static char *
S_state_label(const struct row *r)
{
	if (r->st == RS_ERREURS)
		return xasprintf("erreurs (%zu)", r->errors);
	return xstrdup(S_labels[r->st]);
}

/* Link count: each liens entry; reciprocal pairs counted too. */
static void
S_report_links(const struct site *s, size_t *links, size_t *mutual)
{
	size_t	 i, j, k;

	*links = *mutual = 0;
	for (i = 0; i < s->npartners; i++) {
		const struct partner *p = &s->partners[i];

		*links += p->nliens;
		for (j = 0; j < p->nliens; j++)
			for (k = 0; k < p->liens[j]->nliens; k++)
				if (p->liens[j]->liens[k] == p && p < p->liens[j])
					(*mutual)++;
	}
}

/* The partners lacking what readers rely on; which: 0 hours, 1 public, 2 site. */
static int
S_lacks(const struct partner *p, int which)
{
	switch (which) {
	case 0:
		return !p->horaires.present;
	case 1:
		return p->public_.s == NULL;
	default:
		return p->site.s == NULL;
	}
}

static const char *const S_lack_labels[3] = {
	"sans horaires", "sans public", "sans site web"
};

/*
 * text (names joined by ", ") wrapped at 78 columns between words,
 * continuation lines after indent spaces; col: the column it starts at.
 */
static void
S_wrap(struct buf *b, const char *text, size_t col, size_t indent)
{
	const char	*p = text, *sp;
	size_t		 len, first = 1;

	while (*p != '\0') {
		sp = strchr(p, ' ');
		len = sp ? (size_t)(sp - p) : strlen(p);
		{
			char *w = xstrndup(p, len);

			if (!first && col + 1 + utf8_len(w) > 78) {
				buf_printf(b, "\n%*s", (int)indent, "");
				col = indent;
			} else if (!first) {
				buf_putc(b, ' ');
				col++;
			}
			buf_puts(b, w);
			col += utf8_len(w);
			free(w);
		}
		first = 0;
		p += len;
		while (*p == ' ')
			p++;
	}
	buf_putc(b, '\n');
}

/* The commands for the work to do (the slugs are for them: the CSV). */
static void
S_commands(struct buf *b, const size_t cnt[RS__COUNT])
{
	if (cnt[RS_SANS_REPONSE] + cnt[RS_RELANCER] + cnt[RS_ERREURS] == 0)
		return;
	buf_puts(b, "\nÀ faire :\n");
	if (cnt[RS_ERREURS])
		buf_printf(b, "  annuaire check                    les erreurs "
		    "des %zu fiche%s en erreur\n", cnt[RS_ERREURS],
		    cnt[RS_ERREURS] > 1 ? "s" : "");
	if (cnt[RS_SANS_REPONSE])
		buf_printf(b, "  annuaire campaign --relance       relancer "
		    "%s sans réponse\n", cnt[RS_SANS_REPONSE] > 1 ?
		    "les partenaires" : "le partenaire");
	if (cnt[RS_RELANCER])
		buf_printf(b, "  annuaire campaign --only relancer solliciter "
		    "%s à relancer\n", cnt[RS_RELANCER] > 1 ?
		    "les partenaires" : "le partenaire");
	buf_puts(b, "  (un seul : annuaire campaign SLUG ; les slugs sont "
	    "dans report --format csv)\n");
}

static void
S_report_text(const struct site *s, const struct campaign *c, const struct row *v,
    size_t n, struct buf *b)
{
	size_t	 i, j, k, cnt[RS__COUNT] = { 0 }, links, mutual, m;
	char	 d[3][11], *e, *lbl;

	buf_printf(b, "%s %d", s->titre.s, s->edition);
	if (c->edition > 0) {
		char *prep = date_fr(&c->preparee);

		e = date_fr(&c->echeance);
		buf_printf(b, "\nCampagne %d préparée le %s, échéance le %s",
		    c->edition, prep, e);
		free(e);
		free(prep);
	}
	buf_puts(b, "\n\n");
	S_cell(b, "État", 14);
	S_cell(b, "Partenaire", 33);
	buf_puts(b, " Demandé    Relancé    Répondu\n");
	for (i = 0; i < n; i++) {
		cnt[v[i].st]++;
		lbl = v[i].st == RS_INUTILISABLE ? xstrdup("inutilisable") :
		    S_state_label(&v[i]);
		S_cell(b, lbl, 14);
		free(lbl);
		S_cell(b, v[i].name, 33);
		for (k = 0; k < 3; k++) {
			S_report_date(d[k], v[i].cp, (int)k);
			buf_putc(b, ' ');
			S_cell(b, d[k][0] ? d[k] : "-", 10);
		}
		while (b->len > 0 && b->data[b->len - 1] == ' ')
			b->data[--b->len] = '\0';
		buf_putc(b, '\n');
		if (v[i].st == RS_INUTILISABLE) {
			char iso[11];

			date_iso(&v[i].cp->recu, iso);
			buf_printf(b, "               reçu le %s, inutilisable "
			    ": %s\n", iso, v[i].cp->inutilisable ?
			    v[i].cp->inutilisable : "?");
		}
		if (v[i].p != NULL && v[i].p->note_suivi.s != NULL &&
		    v[i].st != RS_A_JOUR) {
			char *one = xstrdup(v[i].p->note_suivi.s), *q;

			for (q = one; *q; q++)
				if (*q == '\n' || *q == '\t')
					*q = ' ';
			buf_puts(b, "              ");
			S_cell(b, one, 64);
			while (b->len > 0 && b->data[b->len - 1] == ' ')
				b->data[--b->len] = '\0';
			buf_putc(b, '\n');
			free(one);
		}
	}
	buf_puts(b, "\nPar état :");
	for (k = 0, j = 0; k < RS__COUNT; k++)
		if (cnt[k])
			buf_printf(b, "%s %s %zu", j++ ? "," : "", S_labels[k],
			    cnt[k]);
	buf_printf(b, " (%zu fiche%s)\n", n, n > 1 ? "s" : "");
	S_commands(b, cnt);
	buf_puts(b, "\nPar catégorie :\n");
	for (k = 0; k < s->ncategories; k++) {
		buf_puts(b, "  ");
		S_cell(b, s->categories[k].label, 40);
		buf_printf(b, " %3zu\n", s->categories[k].npartners);
	}
	buf_puts(b, "\nPar thématique :\n");
	for (k = 0; k < s->nthematiques; k++) {
		buf_puts(b, "  ");
		S_cell(b, s->thematiques[k].label, 40);
		buf_printf(b, " %3zu\n", s->thematiques[k].npartners);
	}
	S_report_links(s, &links, &mutual);
	buf_printf(b, "\nLiens entre partenaires : %zu (dont %zu paire%s "
	    "réciproque%s)\n", links, mutual, mutual > 1 ? "s" : "",
	    mutual > 1 ? "s" : "");
	buf_puts(b, "\nCe qui manque aux lecteurs :\n");
	for (k = 0; k < 3; k++) {
		struct buf	 names;

		buf_init(&names);
		for (i = 0, m = 0; i < s->npartners; i++)
			if (S_lacks(&s->partners[i], (int)k)) {
				struct row r = { .slug = s->partners[i].slug,
				    .p = &s->partners[i] };
				char *nm = S_row_name(&r);

				buf_printf(&names, "%s%s", m++ ? ", " : "", nm);
				free(nm);
			}
		e = xasprintf("  %s (%zu)%s", S_lack_labels[k], m,
		    m ? " :" : "");
		buf_puts(b, e);
		if (m) {
			buf_putc(b, ' ');
			S_wrap(b, buf_cstr(&names), utf8_len(e) + 1, 4);
		} else
			buf_putc(b, '\n');
		free(e);
		buf_free(&names);
	}
}

static void
S_csv(const struct site *s, const struct row *v, size_t n, struct buf *b)
{
	static const char *const head[] = {
		"nom", "slug", "etat", "erreurs", "avertissements", "demande",
		"relance", "reponse", "mise_a_jour", "suivi", "note_suivi",
		"categorie"
	};
	size_t	 i, k;
	char	 d[3][11], maj[11], ne[24], nw[24], *nom;

	/* For a person: a French spreadsheet opens it in columns (";",
	 * BOM); dates ISO 8601, which every spreadsheet reads as dates. */
	(void)s;
	buf_puts(b, "\xef\xbb\xbf");
	for (k = 0; k < sizeof(head) / sizeof(head[0]); k++)
		buf_printf(b, "%s%s", k ? ";" : "", head[k]);
	buf_puts(b, "\r\n");
	for (i = 0; i < n; i++) {
		const struct partner *p = v[i].p;

		for (k = 0; k < 3; k++)
			S_report_date(d[k], v[i].cp, (int)k);
		maj[0] = '\0';
		if (p != NULL)
			date_iso(&p->mise_a_jour, maj);
		snprintf(ne, sizeof(ne), "%zu", v[i].errors);
		snprintf(nw, sizeof(nw), "%zu", v[i].warnings);
		nom = xstrdup(p ? v[i].name : "");
		{
			const char *f[] = { nom, v[i].slug, S_keys[v[i].st],
			    ne, nw, d[0], d[1], d[2], maj,
			    p && p->suivi != SUIVI_NONE ?
			    model_suivi_key(p->suivi) : "",
			    p ? p->note_suivi.s : "",
			    p && p->category ? p->category->key : "" };

			for (k = 0; k < sizeof(f) / sizeof(f[0]); k++) {
				if (k)
					buf_putc(b, ';');
				export_csv_field(b, ';', f[k]);
			}
		}
		buf_puts(b, "\r\n");
		free(nom);
	}
}

static void
S_esc(struct buf *b, const char *s)
{
	for (; s && *s; s++) {
		switch (*s) {
		case '<': buf_puts(b, "&lt;"); break;
		case '>': buf_puts(b, "&gt;"); break;
		case '&': buf_puts(b, "&amp;"); break;
		case '"': buf_puts(b, "&quot;"); break;
		default: buf_putc(b, *s);
		}
	}
}

/* A date for people: <time datetime="2025-11-30">30 nov. 2025</time>. */
static void
S_html_date(struct buf *b, const struct date *d)
{
	char	 iso[11], *fr;

	date_iso(d, iso);
	if (iso[0] == '\0')
		return;
	fr = date_fr_short(d);
	buf_printf(b, "<time datetime=\"%s\">", iso);
	S_esc(b, fr);
	buf_puts(b, "</time>");
	free(fr);
}

/*
 * How to reach the partner from a phone: its number (tel:) and its
 * e-mail address (mailto:), or the addresses the request went to.
 */
static void
S_html_contact(struct buf *b, const struct partner *p,
    const struct camp_partner *cp)
{
	const char	*mail = p && p->courriel.s ? p->courriel.s : NULL;
	char		*first = NULL, *comma;
	int		 any = 0;

	if (p != NULL && p->telephone.uri != NULL) {
		buf_puts(b, "<a href=\"");
		S_esc(b, p->telephone.uri);
		buf_puts(b, "\">");
		S_esc(b, p->telephone.display);
		buf_puts(b, "</a>");
		any = 1;
	}
	if (mail == NULL && cp != NULL && cp->adresses != NULL) {
		first = xstrdup(cp->adresses);
		if ((comma = strchr(first, ',')) != NULL)
			*comma = '\0';
		mail = first;
	}
	if (mail != NULL && *mail != '\0') {
		buf_puts(b, any ? "<br><a href=\"mailto:" : "<a href=\"mailto:");
		S_esc(b, mail);
		buf_puts(b, "\">");
		S_esc(b, mail);
		buf_puts(b, "</a>");
	}
	free(first);
}

static void
S_html(const struct site *s, const struct campaign *c, const struct row *v,
    size_t n, const struct date *today, struct buf *b)
{
	/* The date columns; on a phone each date is shown with its label. */
	static const char *const when[] = {
		"Demandé", "Relancé", "Répondu", "Mise à jour"
	};
	size_t	 i, k, cnt[RS__COUNT] = { 0 }, links, mutual, m;
	char	 *e, *nom;

	buf_puts(b, "<!doctype html>\n<html lang=\"fr\">\n<head>\n"
	    "<meta charset=\"utf-8\">\n<meta name=\"viewport\" "
	    "content=\"width=device-width, initial-scale=1\">\n"
	    "<meta name=\"robots\" content=\"noindex\">\n<title>Suivi — ");
	S_esc(b, s->titre.s);
	buf_puts(b, "</title>\n<style>\n"
	    "body{font:14px/1.4 system-ui,sans-serif;margin:1.5em;color:#111;"
	    "overflow-wrap:anywhere}\n"
	    "table{border-collapse:collapse;width:100%}\n"
	    "th,td{border-bottom:1px solid #ccc;padding:.3em .5em;"
	    "text-align:left;vertical-align:top}\n"
	    "td.etat{white-space:nowrap;font-weight:bold}\n"
	    "td:nth-child(n+4){white-space:nowrap}\n"
	    "td.contact a{display:inline-block;padding:.2em 0}\n"
	    ".erreurs,.relancer,.sans_reponse{color:#8a1c1c}\n"
	    ".note{color:#444;font-style:italic}\n"
	    /* A phone: a card per partner, each date with its label. */
	    "@media screen and (max-width:40em){"
	    "body{margin:1em}"
	    "table,tbody,tr,td{display:block}"
	    "thead{display:block;position:absolute;width:1px;height:1px;"
	    "overflow:hidden;clip:rect(0 0 0 0);clip-path:inset(50%)}"
	    "tr{border-bottom:1px solid #ccc;padding:.4em 0}"
	    "td{border:0;padding:.1em 0;white-space:normal}"
	    "td:nth-child(n+4){white-space:normal}"
	    "td:nth-child(n+4)::before{content:attr(data-label) \"\\a0: \";"
	    "color:#555}"
	    "td:nth-child(n+3):empty{display:none}}\n"
	    "@media print{body{margin:0;font-size:10pt}a{color:inherit}}\n"
	    "</style>\n</head>\n<body>\n<h1>Suivi des fiches — ");
	S_esc(b, s->titre.s);
	buf_printf(b, " %d</h1>\n<p>", s->edition);
	e = date_fr(today);
	buf_printf(b, "État au %s.", e);
	free(e);
	if (c->edition > 0) {
		e = date_fr(&c->echeance);
		buf_printf(b, " Campagne %d, échéance le %s.", c->edition, e);
		free(e);
	}
	buf_puts(b, " Document de travail de la coordination : ne pas "
	    "publier.</p>\n<table>\n<thead><tr><th>État</th><th>Partenaire"
	    "</th><th>Contact</th>");
	for (k = 0; k < 4; k++)
		buf_printf(b, "<th>%s</th>", when[k]);
	buf_puts(b, "</tr></thead>\n<tbody>\n");
	for (i = 0; i < n; i++) {
		const struct partner *p = v[i].p;
		char *lbl = S_state_label(&v[i]);

		cnt[v[i].st]++;
		buf_printf(b, "<tr><td class=\"etat %s\">", S_keys[v[i].st]);
		S_esc(b, lbl);
		free(lbl);
		if (v[i].st == RS_INUTILISABLE && v[i].cp->inutilisable) {
			buf_puts(b, " (");
			S_esc(b, v[i].cp->inutilisable);
			buf_putc(b, ')');
		}
		buf_puts(b, "</td><td>");
		S_esc(b, v[i].name);
		if (p && p->note_suivi.s) {
			buf_puts(b, "<br><span class=\"note\">");
			S_esc(b, p->note_suivi.s);
			buf_puts(b, "</span>");
		}
		buf_puts(b, "</td><td class=\"contact\">");
		S_html_contact(b, p, v[i].cp);
		buf_puts(b, "</td>");
		for (k = 0; k < 3; k++) {
			buf_printf(b, "<td data-label=\"%s\">", when[k]);
			if (v[i].cp != NULL)
				S_html_date(b, k == 0 ? &v[i].cp->demande :
				    k == 1 ? &v[i].cp->relance :
				    &v[i].cp->reponse);
			buf_puts(b, "</td>");
		}
		buf_printf(b, "<td data-label=\"%s\">", when[3]);
		if (p)
			S_html_date(b, &p->mise_a_jour);
		buf_puts(b, "</td></tr>\n");
	}
	buf_puts(b, "</tbody>\n</table>\n<h2>En chiffres</h2>\n<ul>\n");
	for (k = 0; k < RS__COUNT; k++)
		if (cnt[k])
			buf_printf(b, "<li>%s : %zu</li>\n", S_labels[k], cnt[k]);
	S_report_links(s, &links, &mutual);
	buf_printf(b, "<li>liens entre partenaires : %zu (dont %zu paires "
	    "réciproques)</li>\n</ul>\n<h2>Par catégorie</h2>\n<ul>\n",
	    links, mutual);
	for (k = 0; k < s->ncategories; k++) {
		buf_puts(b, "<li>");
		S_esc(b, s->categories[k].label);
		buf_printf(b, " : %zu</li>\n", s->categories[k].npartners);
	}
	buf_puts(b, "</ul>\n<h2>Par thématique</h2>\n<ul>\n");
	for (k = 0; k < s->nthematiques; k++) {
		buf_puts(b, "<li>");
		S_esc(b, s->thematiques[k].label);
		buf_printf(b, " : %zu</li>\n", s->thematiques[k].npartners);
	}
	buf_puts(b, "</ul>\n<h2>Ce qui manque aux lecteurs</h2>\n<ul>\n");
	for (k = 0; k < 3; k++) {
		buf_printf(b, "<li>%s", S_lack_labels[k]);
		for (i = 0, m = 0; i < s->npartners; i++)
			if (S_lacks(&s->partners[i], (int)k)) {
				struct row r = { .slug = s->partners[i].slug,
				    .p = &s->partners[i] };

				buf_puts(b, m++ ? ", " : " : ");
				nom = S_row_name(&r);
				S_esc(b, nom);
				free(nom);
			}
		buf_printf(b, " (%zu)</li>\n", m);
	}
	buf_puts(b, "</ul>\n</body>\n</html>\n");
}

int
report_render(const struct site *s, const struct diags *loaded,
    enum report_format f, const struct date *today, struct buf *out,
    struct diags *d)
{
	struct campaign	 c;
	struct row	*v;
	size_t		 n;

	if (!campaign_state_read(s->content_dir, &c, d))
		return 0;
	v = S_rows(s, loaded, &c, &n);
	switch (f) {
	case REPORT_TEXT:
		S_report_text(s, &c, v, n, out);
		break;
	case REPORT_CSV:
		S_csv(s, v, n, out);
		break;
	case REPORT_HTML:
		S_html(s, &c, v, n, today, out);
		break;
	}
	S_free_rows(v, n);
	campaign_state_free(&c);
	return 1;
}
