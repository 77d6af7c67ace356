/*
 * page_write.c — a partner's model back to a page file; see page_write.h.
 */

#include <stdlib.h>
#include <string.h>

#include "model.h"
#include "page_write.h"
#include "util.h"
#include "validate.h"

void
page_write_quoted(struct buf *b, const char *s)
{
	const unsigned char *u = (const unsigned char *)s;
	unsigned int	 cp;
	size_t		 n, len = strlen(s);

	buf_putc(b, '"');
	while (*u != '\0') {
		if (*u == '"' || *u == '\\') {
			buf_putc(b, '\\');
			buf_putc(b, *u++);
			continue;
		}
		if (*u == '\n') {
			buf_puts(b, "\\n");
			u++;
			continue;
		}
		if (*u == '\t') {
			buf_puts(b, "\\t");
			u++;
			continue;
		}
		if (*u < 0x20 || *u == 0x7f) {
			buf_printf(b, "\\x%02X", *u++);
			continue;
		}
		n = utf8_decode((const char *)u,
		    len - (size_t)(u - (const unsigned char *)s), &cp);
		if (n == 0) {	/* never in a loaded model; keep the byte */
			buf_putc(b, *u++);
			continue;
		}
		/* Characters YAML would read as a line break or a BOM. */
		if (cp == 0x85 || cp == 0x2028 || cp == 0x2029 ||
		    cp == 0xfeff || (cp >= 0x80 && cp < 0xa0))
			buf_printf(b, "\\u%04X", cp);
		else
			buf_put(b, u, n);
		u += n;
	}
	buf_putc(b, '"');
}

/* key: "value" at the given indent, when value is present. */
static void
S_kv(struct buf *b, int indent, const char *key, const char *v)
{
	if (v == NULL)
		return;
	buf_printf(b, "%*s%s: ", indent, "", key);
	page_write_quoted(b, v);
	buf_putc(b, '\n');
}

static void
S_put_list(struct buf *b, int indent, const char *key, const struct texts *ts)
{
	size_t	 i;

	if (ts->n == 0)
		return;
	buf_printf(b, "%*s%s:\n", indent, "", key);
	for (i = 0; i < ts->n; i++) {
		buf_printf(b, "%*s  - ", indent, "");
		page_write_quoted(b, ts->v[i].s);
		buf_putc(b, '\n');
	}
}

static void
S_put_address(struct buf *b, const struct address *a)
{
	if (a->rue.s == NULL && a->complement.s == NULL &&
	    a->code_postal.s == NULL && a->ville.s == NULL)
		return;
	buf_puts(b, "adresse:\n");
	S_kv(b, 2, "rue", a->rue.s);
	S_kv(b, 2, "complement", a->complement.s);
	S_kv(b, 2, "code_postal", a->code_postal.s);
	S_kv(b, 2, "ville", a->ville.s);
}

static void
S_range(struct buf *b, const struct timerange *r)
{
	char	 s[6], e[6];

	validate_hhmm(r->start, s);
	validate_hhmm(r->end, e);
	buf_printf(b, "\"%s-%s\"", s, e);
}

static void
S_put_horaires(struct buf *b, const struct horaires *h)
{
	size_t	 i;
	int	 d, any = 0;

	if (!h->present)
		return;
	for (d = 0; d < 7; d++)
		any |= h->days[d].n > 0;
	if (!any && h->precisions.s == NULL) {
		buf_puts(b, "horaires: {}\n");
		return;
	}
	buf_puts(b, "horaires:\n");
	for (d = 0; d < 7; d++) {
		const struct day_hours *dh = &h->days[d];

		if (dh->n == 0)
			continue;
		buf_printf(b, "  %s: ", model_days[d].word);
		if (dh->n == 1)
			S_range(b, &dh->v[0]);
		else {
			buf_putc(b, '[');
			for (i = 0; i < dh->n; i++) {
				if (i > 0)
					buf_puts(b, ", ");
				S_range(b, &dh->v[i]);
			}
			buf_putc(b, ']');
		}
		buf_putc(b, '\n');
	}
	S_kv(b, 2, "precisions", h->precisions.s);
}

static void
S_put_acces(struct buf *b, const struct partner *p)
{
	int	 k, first = 1;

	if (p->modalites == 0 && p->cout == COUT_NONE &&
	    p->acces_precisions.s == NULL)
		return;
	buf_puts(b, "acces:\n");
	if (p->modalites != 0) {
		buf_puts(b, "  modalites: [");
		for (k = 0; k < MOD__COUNT; k++) {
			if (!(p->modalites & (1u << k)))
				continue;
			if (!first)
				buf_puts(b, ", ");
			buf_puts(b, model_modalites[k].word);
			first = 0;
		}
		buf_puts(b, "]\n");
	}
	if (p->cout != COUT_NONE)
		buf_printf(b, "  cout: %s\n",
		    model_vocab_word(model_couts, MODEL_NCOUTS, (int)p->cout));
	S_kv(b, 2, "precisions", p->acces_precisions.s);
}

static const char *
S_niveau_word(const struct partner *p)
{
	return model_vocab_word(model_accessibilites, MODEL_NACCESSIBILITES,
	    (int)p->accessibilite);
}

static void
S_put_accessibilite(struct buf *b, const struct partner *p)
{
	if (p->accessibilite == ACCESS_NONE &&
	    p->accessibilite_precisions.s == NULL)
		return;
	if (p->accessibilite_precisions.s == NULL) {
		buf_printf(b, "accessibilite: %s\n", S_niveau_word(p));
		return;
	}
	buf_puts(b, "accessibilite:\n");
	if (p->accessibilite != ACCESS_NONE)
		buf_printf(b, "  niveau: %s\n", S_niveau_word(p));
	S_kv(b, 2, "precisions", p->accessibilite_precisions.s);
}

void
page_write(const struct partner *p, struct buf *b)
{
	size_t	 i;
	char	 iso[11];

	buf_puts(b, "---\n");
	S_kv(b, 0, "nom", p->nom.s);
	S_kv(b, 0, "sigle", p->sigle.s);
	if (p->category != NULL)
		buf_printf(b, "categorie: %s\n", p->category->key);
	if (p->nthematiques > 0) {
		buf_puts(b, "thematiques: [");
		for (i = 0; i < p->nthematiques; i++)
			buf_printf(b, "%s%s", i ? ", " : "",
			    p->thematiques[i]->key);
		buf_puts(b, "]\n");
	}
	S_kv(b, 0, "resume", p->resume.s);
	S_put_list(b, 0, "missions", &p->missions);
	if (p->nactions > 0) {
		buf_puts(b, "actions:\n");
		for (i = 0; i < p->nactions; i++) {
			const struct action *a = &p->actions[i];

			if (a->description.s == NULL) {
				buf_puts(b, "  - ");
				page_write_quoted(b, a->titre.s);
				buf_putc(b, '\n');
				continue;
			}
			buf_puts(b, "  - titre: ");
			page_write_quoted(b, a->titre.s);
			buf_puts(b, "\n    description: ");
			page_write_quoted(b, a->description.s);
			buf_putc(b, '\n');
		}
	}
	S_kv(b, 0, "public", p->public_.s);
	S_put_acces(b, p);
	if (p->langues.n > 0) {
		buf_puts(b, "langues: [");
		for (i = 0; i < p->langues.n; i++) {
			const char *l = p->langues.v[i].s;

			if (i > 0)
				buf_puts(b, ", ");
			/* Codes as usually written: [fr, en]. */
			if (*l != '\0' && strspn(l, "abcdefghijklmnopqrstuvwxyz")
			    == strlen(l) && strcmp(l, "no") != 0 &&
			    strcmp(l, "on") != 0 && strcmp(l, "y") != 0 &&
			    strcmp(l, "n") != 0)
				buf_puts(b, l);
			else
				page_write_quoted(b, l);
		}
		buf_puts(b, "]\n");
	}
	S_put_accessibilite(b, p);
	S_put_address(b, &p->adresse);
	S_kv(b, 0, "transports", p->transports.s);
	S_put_horaires(b, &p->horaires);
	S_kv(b, 0, "telephone", p->telephone.raw.s);
	S_kv(b, 0, "courriel", p->courriel.s);
	S_kv(b, 0, "site", p->site.s);
	if (p->ncontacts > 0) {
		buf_puts(b, "contacts:\n");
		for (i = 0; i < p->ncontacts; i++) {
			const struct contact *c = &p->contacts[i];

			buf_puts(b, "  - nom: ");
			page_write_quoted(b, c->nom.s ? c->nom.s : "");
			buf_putc(b, '\n');
			S_kv(b, 4, "fonction", c->fonction.s);
			S_kv(b, 4, "telephone", c->telephone.raw.s);
			S_kv(b, 4, "courriel", c->courriel.s);
		}
	}
	S_kv(b, 0, "logo", p->logo.s);
	if (p->nliens > 0) {
		buf_puts(b, "liens: [");
		for (i = 0; i < p->nliens; i++)
			buf_printf(b, "%s%s", i ? ", " : "", p->liens[i]->slug);
		buf_puts(b, "]\n");
	}
	date_iso(&p->mise_a_jour, iso);
	if (iso[0] != '\0')
		buf_printf(b, "mise_a_jour: %s\n", iso);
	if (p->suivi != SUIVI_NONE)
		buf_printf(b, "suivi: %s\n", model_vocab_word(model_suivis,
		    MODEL_NSUIVIS, (int)p->suivi));
	S_kv(b, 0, "note_suivi", p->note_suivi.s);
	buf_puts(b, "---\n");
	if (p->body != NULL)
		buf_puts(b, p->body);
}
