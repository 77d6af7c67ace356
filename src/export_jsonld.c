/*
 * export_jsonld.c — schema.org JSON-LD of the site's pages
 * (export_jsonld.h).
 */
#include <stdlib.h>
#include <string.h>

#include "export.h"
#include "export_di.h"
#include "export_jsonld.h"
#include "model.h"
#include "util.h"
#include "validate.h"

/* "key": "value" after a comma when not the first member; NULL: none. */
static void
S_ld_str(struct buf *b, int *first, const char *key, const char *s)
{
	if (s == NULL)
		return;
	buf_printf(b, "%s\"%s\":", *first ? "" : ",", key);
	export_json_str(b, s);
	*first = 0;
}

static void
S_ld_key(struct buf *b, int *first, const char *key)
{
	buf_printf(b, "%s\"%s\":", *first ? "" : ",", key);
	*first = 0;
}

static void
S_ld_address(struct buf *b, const struct address *a)
{
	char	*street;
	int	 first = 1;

	street = a->complement.s ? xasprintf("%s, %s", a->rue.s ? a->rue.s :
	    "", a->complement.s) : a->rue.s ? xstrdup(a->rue.s) : NULL;
	buf_puts(b, "{");
	S_ld_str(b, &first, "@type", "PostalAddress");
	S_ld_str(b, &first, "streetAddress", street);
	S_ld_str(b, &first, "postalCode", a->code_postal.s);
	S_ld_str(b, &first, "addressLocality", a->ville.s);
	S_ld_str(b, &first, "addressCountry", "FR");
	buf_puts(b, "}");
	free(street);
}

static int
S_has_address(const struct address *a)
{
	return a->rue.s || a->code_postal.s || a->ville.s;
}

/* The ranges of day i as a comparable key. */
static int
S_same_day(const struct day_hours *x, const struct day_hours *y)
{
	size_t	 i;

	if (x->n != y->n)
		return 0;
	for (i = 0; i < x->n; i++)
		if (x->v[i].start != y->v[i].start ||
		    x->v[i].end != y->v[i].end)
			return 0;
	return 1;
}

static void
S_hours(struct buf *b, const struct horaires *h)
{
	static const char *const days[7] = {
		"Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
		"Saturday", "Sunday"
	};
	int		 done[7] = { 0 }, i, j, first = 1;
	size_t		 r;
	char		 t0[6], t1[6];

	buf_puts(b, "[");
	for (i = 0; i < 7; i++) {
		const struct day_hours *dh = &h->days[i];

		if (done[i] || dh->n == 0)
			continue;
		for (r = 0; r < dh->n; r++) {
			buf_puts(b, first ? "{" : ",{");
			first = 0;
			buf_puts(b, "\"@type\":\"OpeningHoursSpecification\","
			    "\"dayOfWeek\":[");
			for (j = i; j < 7; j++)
				if (S_same_day(dh, &h->days[j]))
					buf_printf(b, "%s\"https://schema.org/%s\"",
					    j == i ? "" : ",", days[j]);
			validate_hhmm(dh->v[r].start, t0);
			if (dh->v[r].end >= 24 * 60)
				strcpy(t1, "23:59");
			else
				validate_hhmm(dh->v[r].end, t1);
			buf_printf(b, "],\"opens\":\"%s\",\"closes\":\"%s\"}",
			    t0, t1);
		}
		for (j = i; j < 7; j++)
			if (S_same_day(dh, &h->days[j]))
				done[j] = 1;
	}
	buf_puts(b, "]");
}

static int
S_has_hours(const struct horaires *h)
{
	int	 i;

	for (i = 0; h->present && i < 7; i++)
		if (h->days[i].n > 0)
			return 1;
	return 0;
}

void
export_jsonld_partner(const struct site *s, const struct partner *p,
    struct buf *b)
{
	char	*page = s->url.s ? xasprintf("%spartenaires/%s.html", s->url.s,
		    p->slug) : NULL, *id = NULL, *tel;
	int	 first = 1, lf;
	size_t	 i;

	buf_puts(b, "{");
	S_ld_str(b, &first, "@context", "https://schema.org");
	S_ld_str(b, &first, "@type", "Organization");
	if (page != NULL) {
		id = xasprintf("%s#organisation", page);
		S_ld_str(b, &first, "@id", id);
	}
	S_ld_str(b, &first, "name", p->nom.s);
	S_ld_str(b, &first, "alternateName", p->sigle.s);
	S_ld_str(b, &first, "description", p->resume.s);
	S_ld_str(b, &first, "url", p->site.s);
	S_ld_str(b, &first, "mainEntityOfPage", page);
	tel = export_di_phone(&p->telephone);
	S_ld_str(b, &first, "telephone", tel);
	free(tel);
	S_ld_str(b, &first, "email", p->courriel.s);
	if (p->langues.n > 0) {
		S_ld_key(b, &first, "knowsLanguage");
		buf_puts(b, "[");
		for (i = 0; i < p->langues.n; i++) {
			if (i)
				buf_puts(b, ",");
			export_json_str(b, p->langues.v[i].s);
		}
		buf_puts(b, "]");
	}
	if (S_has_address(&p->adresse)) {
		S_ld_key(b, &first, "address");
		S_ld_address(b, &p->adresse);
	}
	if (S_has_address(&p->adresse) || S_has_hours(&p->horaires)) {
		S_ld_key(b, &first, "location");
		buf_puts(b, "{");
		lf = 1;
		S_ld_str(b, &lf, "@type", "Place");
		if (S_has_address(&p->adresse)) {
			S_ld_key(b, &lf, "address");
			S_ld_address(b, &p->adresse);
		}
		if (S_has_hours(&p->horaires)) {
			S_ld_key(b, &lf, "openingHoursSpecification");
			S_hours(b, &p->horaires);
		}
		buf_puts(b, "}");
	}
	buf_puts(b, "}");
	free(page);
	free(id);
}

static void
S_ld_organisation(struct buf *b, const struct organisation *o)
{
	char	*tel = export_di_phone(&o->telephone);
	int	 first = 1;

	buf_puts(b, "{");
	S_ld_str(b, &first, "@type", "Organization");
	S_ld_str(b, &first, "name", o->nom.s);
	S_ld_str(b, &first, "url", o->site.s);
	S_ld_str(b, &first, "telephone", tel);
	S_ld_str(b, &first, "email", o->courriel.s);
	if (S_has_address(&o->adresse)) {
		S_ld_key(b, &first, "address");
		S_ld_address(b, &o->adresse);
	}
	buf_puts(b, "}");
	free(tel);
}

void
export_jsonld_site(const struct site *s, struct buf *b)
{
	const struct organisation *pub = s->editeur.nom.s ? &s->editeur :
	    &s->coordination;
	int	 first = 1;

	buf_puts(b, "{");
	S_ld_str(b, &first, "@context", "https://schema.org");
	S_ld_str(b, &first, "@type", "WebSite");
	S_ld_str(b, &first, "name", s->titre.s);
	S_ld_str(b, &first, "description", s->sous_titre.s);
	S_ld_str(b, &first, "url", s->url.s);
	S_ld_str(b, &first, "inLanguage", "fr");
	if (pub->nom.s != NULL) {
		S_ld_key(b, &first, "publisher");
		S_ld_organisation(b, pub);
	}
	buf_puts(b, "}");
}
