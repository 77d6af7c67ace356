/*
 * serve_page.c — the live script, the error overlay and the
 * coordinator's home of `annuaire serve` (serve_page.h).
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "serve_page.h"
#include "util.h"

/*
 * Loaded by every HTML page served, with the build generation the
 * page comes from in data-gen: reloads the page when the server
 * announces another one (also after the server restarted, as the
 * EventSource reconnects by itself).  The overlay's button hides it.
 */
const char sp_live_js[] =
"// annuaire serve: reloads the page when a build changed it.\n"
"(function () {\n"
"\t'use strict';\n"
"\tvar me = document.currentScript;\n"
"\tvar gen = me ? me.getAttribute('data-gen') : null;\n"
"\tvar es = new EventSource('/_annuaire/events');\n"
"\tes.addEventListener('build', function (e) {\n"
"\t\tif (gen === null) gen = e.data;\n"
"\t\telse if (e.data !== gen) { es.close(); location.reload(); }\n"
"\t});\n"
"\tfunction hide() {\n"
"\t\tvar o = document.getElementById('annuaire-overlay');\n"
"\t\tif (o) o.hidden = true;\n"
"\t}\n"
"\tvar b = document.getElementById('annuaire-overlay-masquer');\n"
"\tif (b) b.addEventListener('click', hide);\n"
"})();\n";

/* The texts of the pages, French then English. */
enum { T_ERRORS, T_HELP, T_HIDE, T_ERROR, T_WARNING, T_NOTE, T_HOME_TITLE,
    T_PROBLEMS, T_NONE, T_CAMPAIGN, T_PARTNER, T_STATE, T_ASKED,
    T_REMINDED, T_ANSWERED, T_UPDATED, T_LINKS, T_PAGE, T_FORM, T_BOOKLET,
    T_SITE, T_BOOKLET_PUB, T_BOOKLET_PRIV, T_SUIVI,
    T_BUILDING, T_WATCH, T_NOREPORT, T_FAILED, T_OK, T_NTEXTS };

static const char *const S_text[T_NTEXTS][2] = {
	{ "Le contenu a des erreurs", "The content has errors" },
	{ "La dernière version correcte reste affichée dessous. Corrigez "
	  "les fichiers : la page se recharge seule.",
	  "The last good build stays underneath. Fix the files: the page "
	  "reloads by itself." },
	{ "Masquer", "Hide" },
	{ "erreur", "error" },
	{ "avertissement", "warning" },
	{ "remarque", "note" },
	{ "Aperçu de l’annuaire", "Preview of the directory" },
	{ "Erreurs et avertissements", "Errors and warnings" },
	{ "Aucun problème dans le contenu.", "No problem in the content." },
	{ "Campagne : où en est chaque partenaire",
	  "Campaign: where every partner stands" },
	{ "Partenaire", "Partner" },
	{ "État", "State" },
	{ "Demandé", "Asked" },
	{ "Relancé", "Reminded" },
	{ "Répondu", "Answered" },
	{ "Mise à jour", "Updated" },
	{ "Liens", "Links" },
	{ "page", "page" },
	{ "formulaire", "form" },
	{ "livret p. ", "booklet p. " },
	{ "Le site", "The site" },
	{ "Le livret", "The booklet" },
	{ "Le livret des partenaires (privé : noms des contacts)",
	  "The partners’ booklet (private: contacts’ names)" },
	{ "Le suivi imprimable", "The printable follow-up" },
	{ "Construction en cours…", "Building…" },
	{ "Surveillance des fichiers : ", "Watching the files: " },
	{ "Le suivi de la campagne n’a pas pu être calculé.",
	  "The campaign's follow-up could not be computed." },
	{ "La dernière construction a échoué : le site affiché est la "
	  "dernière version correcte.",
	  "The last build failed: the site shown is the last good one." },
	{ "La dernière construction a réussi.", "The last build succeeded." },
};

/* The states of report.h, as report's text says them. */
static const char *const S_states[][3] = {
	{ "erreurs", "erreurs", "errors" },
	{ "relancer", "à relancer", "to remind" },
	{ "sans_reponse", "sans réponse", "no answer" },
	{ "en_attente", "en attente", "waiting" },
	{ "ancienne", "ancienne", "old" },
	{ "a_jour", "à jour", "up to date" },
};

#define	T(fr, k)	S_text[(k)][(fr) ? 0 : 1]

static void
S_serve_page_esc(struct buf *b, const char *s)
{
	for (; s != NULL && *s != '\0'; s++)
		switch (*s) {
		case '&': buf_puts(b, "&amp;"); break;
		case '<': buf_puts(b, "&lt;"); break;
		case '>': buf_puts(b, "&gt;"); break;
		case '"': buf_puts(b, "&quot;"); break;
		case '\'': buf_puts(b, "&#39;"); break;
		default: buf_putc(b, *s); break;
		}
}

/* A slug in a URL: only the characters slugs are made of. */
static void
S_slug(struct buf *b, const char *s)
{
	for (; *s != '\0'; s++)
		if ((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') ||
		    *s == '-' || *s == '_')
			buf_putc(b, *s);
}

int
sp_lang_fr(const char *al)
{
	double	 best_fr = -1, best_en = -1, q;
	const char *p = al, *end, *sc;
	char	 tag[16];
	size_t	 n;

	if (al == NULL)
		return 1;
	while (*p != '\0') {
		while (*p == ' ' || *p == ',')
			p++;
		end = p + strcspn(p, ",");
		n = strcspn(p, ";, ");
		if (n >= sizeof(tag))
			n = sizeof(tag) - 1;
		memcpy(tag, p, n);
		tag[n] = '\0';
		q = 1;
		if ((sc = memchr(p, ';', (size_t)(end - p))) != NULL &&
		    (sc = strstr(sc, "q=")) != NULL && sc < end)
			q = strtod(sc + 2, NULL);
		if (strncasecmp(tag, "fr", 2) == 0 && (tag[2] == '\0' ||
		    tag[2] == '-') && q > best_fr)
			best_fr = q;
		if (strncasecmp(tag, "en", 2) == 0 && (tag[2] == '\0' ||
		    tag[2] == '-') && q > best_en)
			best_en = q;
		p = end;
	}
	return !(best_en > best_fr);
}

/* The style of the overlay and of the list of diagnostics. */
static const char S_style[] =
"#annuaire-overlay{position:fixed;z-index:2147483647;left:0;right:0;top:0;"
"max-height:85vh;overflow:auto;margin:0;padding:1rem 1.25rem;"
"background:#fff;color:#1a1a1a;border-bottom:6px solid #a4001d;"
"box-shadow:0 4px 24px rgba(0,0,0,.45);font:16px/1.45 system-ui,"
"sans-serif;text-align:left}"
"#annuaire-overlay h2{margin:0 0 .5rem;font-size:1.3rem;color:#a4001d}"
".annuaire-diags{margin:.5rem 0;padding:0;list-style:none}"
".annuaire-diags li{margin:0 0 .9rem}"
".annuaire-diags p{margin:0}"
".annuaire-pos{font-family:ui-monospace,monospace;font-weight:700;"
"overflow-wrap:anywhere}"
".annuaire-error{color:#a4001d;font-weight:700}"
".annuaire-warning{color:#7a4a00;font-weight:700}"
".annuaire-diags pre{margin:.3rem 0 0;padding:.4rem .6rem;background:#f3f3f3;"
"color:#1a1a1a;overflow-x:auto;font:14px/1.4 ui-monospace,monospace;"
"white-space:pre}"
"#annuaire-overlay button{font:inherit;padding:.4rem 1rem;"
"background:#a4001d;color:#fff;border:0;border-radius:4px;cursor:pointer;"
"min-height:44px}"
"#annuaire-overlay button:focus-visible{outline:3px solid #1a1a1a;"
"outline-offset:2px}";

/* One diagnostic as a list item. */
static void
S_diag(struct buf *b, const struct sb_diag *g, int fr)
{
	const char	*msg = fr && g->msg[1] ? g->msg[1] : g->msg[0];
	int		 k = g->sev == SB_ERROR ? T_ERROR : g->sev == SB_WARNING ?
			    T_WARNING : T_NOTE;
	const char	*p;
	int		 c;
	char		 num[16];

	buf_puts(b, "<li><p>");
	if (g->file != NULL) {
		buf_puts(b, "<span class=\"annuaire-pos\">");
		S_serve_page_esc(b, g->file);
		if (g->line > 0)
			buf_printf(b, ":%d:%d", g->line, g->col > 0 ? g->col : 1);
		buf_puts(b, "</span> ");
	}
	buf_printf(b, "<span class=\"annuaire-%s\">%s</span>%s",
	    g->sev == SB_ERROR ? "error" : "warning", T(fr, k),
	    fr ? "\xc2\xa0: " : ": ");
	S_serve_page_esc(b, msg);
	buf_puts(b, "</p>");
	if (g->quote != NULL) {
		/* The line, then a caret under the column (in characters). */
		snprintf(num, sizeof(num), "%d", g->line);
		buf_printf(b, "<pre>%s | ", num);
		S_serve_page_esc(b, g->quote);
		buf_putc(b, '\n');
		for (p = num; *p != '\0'; p++)
			buf_putc(b, ' ');
		buf_puts(b, " | ");
		for (c = 1, p = g->quote; c < g->col && *p != '\0'; p++) {
			if (((unsigned char)*p & 0xc0) == 0x80)
				continue;
			buf_putc(b, *p == '\t' ? '\t' : ' ');
			c++;
		}
		buf_puts(b, "^</pre>");
	}
	buf_puts(b, "</li>\n");
}

static void
S_diag_list(struct buf *b, const struct sb_diags *d, int fr)
{
	size_t	 i;

	buf_puts(b, "<ul class=\"annuaire-diags\">\n");
	for (i = 0; i < d->n; i++)
		S_diag(b, &d->v[i], fr);
	buf_puts(b, "</ul>\n");
}

void
sp_overlay(struct buf *b, const struct sb_diags *d, int fr)
{
	if (d == NULL || d->errors == 0)
		return;
	buf_printf(b, "<style>%s</style>\n", S_style);
	buf_printf(b, "<aside id=\"annuaire-overlay\" lang=\"%s\" "
	    "aria-labelledby=\"annuaire-overlay-titre\" tabindex=\"-1\">\n"
	    "<h2 id=\"annuaire-overlay-titre\">%s (%zu)</h2>\n<p>%s</p>\n",
	    fr ? "fr" : "en", T(fr, T_ERRORS), d->errors, T(fr, T_HELP));
	S_diag_list(b, d, fr);
	buf_printf(b, "<button type=\"button\" id=\"annuaire-overlay-masquer\">"
	    "%s</button>\n</aside>\n", T(fr, T_HIDE));
}

void
sp_inject(struct buf *b, const char *html, size_t len, const char *extra)
{
	size_t	 at = len, i;

	for (i = len; i >= 7; i--)
		if (strncasecmp(html + i - 7, "</body>", 7) == 0) {
			at = i - 7;
			break;
		}
	buf_put(b, html, at);
	if (extra != NULL)
		buf_puts(b, extra);
	buf_put(b, html + at, len - at);
}

static const char *
S_state(const char *id, int fr)
{
	size_t	 i;

	for (i = 0; i < sizeof(S_states) / sizeof(S_states[0]); i++)
		if (strcmp(S_states[i][0], id) == 0)
			return S_states[i][fr ? 1 : 2];
	return id;
}

void
sp_home(struct buf *b, const struct sp_home *h, int fr)
{
	const struct sb_partner *p;
	size_t		 i;

	buf_printf(b, "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n"
	    "<meta charset=\"utf-8\">\n<meta name=\"viewport\" "
	    "content=\"width=device-width, initial-scale=1\">\n"
	    "<meta name=\"robots\" content=\"noindex\">\n<title>%s</title>\n"
	    "<style>%s"
	    "body{margin:0;font:16px/1.5 system-ui,sans-serif;color:#1a1a1a;"
	    "background:#fff}main{max-width:72rem;margin:0 auto;padding:1rem}"
	    "h1{font-size:1.6rem;margin:.5rem 0 1rem}h2{font-size:1.25rem;"
	    "margin:1.5rem 0 .5rem}a{color:#0b4f9c}"
	    ".annuaire-table{overflow-x:auto}"
	    "table{border-collapse:collapse;width:100%%}th,td{text-align:left;"
	    "padding:.35rem .5rem;border-bottom:1px solid #ccc;"
	    "vertical-align:top}th{background:#f3f3f3}"
	    ".annuaire-state{font-weight:700}"
	    ".annuaire-links a{display:inline-block;margin-right:.6rem;"
	    "padding:.2rem 0}.annuaire-sr{position:absolute;width:1px;height:1px;"
	    "overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}</style>\n</head>\n<body>\n<main>\n"
	    "<h1>%s</h1>\n<p>%s</p>\n<ul>\n", fr ? "fr" : "en",
	    T(fr, T_HOME_TITLE), S_style, T(fr, T_HOME_TITLE),
	    h->building ? T(fr, T_BUILDING) : h->failed ? T(fr, T_FAILED) :
	    T(fr, T_OK));
	buf_printf(b, "<li><a href=\"/\">%s</a></li>\n", T(fr, T_SITE));
	if (h->booklet)
		buf_printf(b, "<li><a href=\"/livret.pdf\">%s</a></li>\n",
		    T(fr, T_BOOKLET_PUB));
	if (h->private_booklet != NULL)
		buf_printf(b, "<li><a href=\"%s\">%s</a></li>\n",
		    h->private_booklet, T(fr, T_BOOKLET_PRIV));
	if (h->suivi)
		buf_printf(b, "<li><a href=\"/suivi.html\">%s</a></li>\n",
		    T(fr, T_SUIVI));
	buf_puts(b, "</ul>\n<p>");
	buf_puts(b, T(fr, T_WATCH));
	S_serve_page_esc(b, h->content);
	buf_printf(b, " (%s)</p>\n", h->method);

	buf_printf(b, "<h2>%s (%zu, %zu)</h2>\n", T(fr, T_PROBLEMS),
	    h->diags ? h->diags->errors : 0, h->diags ? h->diags->warnings : 0);
	if (h->diags == NULL || h->diags->n == 0)
		buf_printf(b, "<p>%s</p>\n", T(fr, T_NONE));
	else
		S_diag_list(b, h->diags, fr);

	buf_printf(b, "<h2 id=\"campagne\">%s</h2>\n", T(fr, T_CAMPAIGN));
	if (h->partners == NULL || h->partners->n == 0) {
		buf_printf(b, "<p>%s</p>\n", T(fr, T_NOREPORT));
		goto end;
	}
	buf_printf(b, "<div class=\"annuaire-table\" tabindex=\"0\" "
	    "role=\"region\" aria-labelledby=\"campagne\">\n<table>\n"
	    "<thead><tr><th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
	    "<th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
	    "<th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
	    "<th scope=\"col\">%s</th></tr></thead>\n<tbody>\n",
	    T(fr, T_PARTNER), T(fr, T_STATE), T(fr, T_ASKED),
	    T(fr, T_REMINDED), T(fr, T_ANSWERED), T(fr, T_UPDATED),
	    T(fr, T_LINKS));
	for (i = 0; i < h->partners->n; i++) {
		p = &h->partners->v[i];
		buf_puts(b, "<tr><th scope=\"row\">");
		S_serve_page_esc(b, p->nom);
		buf_puts(b, "</th><td class=\"annuaire-state\">");
		S_serve_page_esc(b, S_state(p->etat, fr));
		buf_puts(b, "</td><td>");
		S_serve_page_esc(b, p->demande);
		buf_puts(b, "</td><td>");
		S_serve_page_esc(b, p->relance);
		buf_puts(b, "</td><td>");
		S_serve_page_esc(b, p->reponse);
		buf_puts(b, "</td><td>");
		S_serve_page_esc(b, p->maj);
		buf_puts(b, "</td><td class=\"annuaire-links\">");
		if (h->has_page != NULL && h->has_page[i]) {
			buf_puts(b, "<a href=\"/partenaires/");
			S_slug(b, p->slug);
			buf_printf(b, ".html\">%s<span class=\"annuaire-sr\"> ",
			    T(fr, T_PAGE));
			S_serve_page_esc(b, p->nom);
			buf_puts(b, "</span></a>");
		}
		if (h->has_form != NULL && h->has_form[i]) {
			buf_puts(b, "<a href=\"/campagne/");
			S_slug(b, p->slug);
			buf_printf(b, ".html\">%s<span class=\"annuaire-sr\"> ",
			    T(fr, T_FORM));
			S_serve_page_esc(b, p->nom);
			buf_puts(b, "</span></a>");
		}
		if (h->booklet && p->page > 0) {
			buf_printf(b, "<a href=\"/livret.pdf#page=%d\">%s%d"
			    "<span class=\"annuaire-sr\"> ", p->page,
			    T(fr, T_BOOKLET), p->page);
			S_serve_page_esc(b, p->nom);
			buf_puts(b, "</span></a>");
		}
		buf_puts(b, "</td></tr>\n");
	}
	buf_puts(b, "</tbody>\n</table>\n</div>\n");
end:
	buf_puts(b, "</main>\n</body>\n</html>\n");
}
