/*
 * fuzz_layout.c — libFuzzer harness of the booklet's layout
 * (bk_book.c and the sections it calls, above the engine lay_*.c), on a small edition built in
 * memory from the input.
 *
 * The input is read line by line; a line "key=value" sets a field (a
 * literal "\n" in a value is a line break; other lines are ignored):
 *
 *	cat=LABEL        a category (at most 4; colour from the label)
 *	them=LABEL       a thématique (at most 4)
 *	nom=NAME         starts a partner (at most 8)
 *	copies=N         N copies of the partner so far (a long category
 *	                 list: up to 64 partners in all), named "NAME 2"...
 *	in=N             the partner's category (a digit; default: by turn)
 *	th=DIGITS        its thématiques (indexes; default: one by turn)
 *	sigle= resume= mission= action= action-desc= public= transports=
 *	acces= (digits: modalités bits, then coût) langues=CODES (digits)
 *	access= rue= complement= cp= ville= tel= courriel= site=
 *	horaires=BYTES   3 bytes a range: day, start, length (valid ranges)
 *	precisions= lien=N contact= fonction= body= date=YYYY-MM-DD
 *	titre= soustitre= edito= signature= editeur= options=DIGITS
 *
 * Values pass the loader's rules (valid UTF-8 without control
 * characters, trimmed, e-mails, URLs, phones, postal codes and dates
 * that validate.c accepts, a résumé of at most 160 characters, a way to
 * reach every partner): what the loader refuses never reaches a layout,
 * so such a value is dropped (a required one gets a default).  The
 * options digits choose the partners' edition and the bleed.
 *
 * The promises checked on the display list of layout_booklet() (pdf.h;
 * nothing is emitted):
 *  - the layout succeeds, without "did not settle" (no error on a valid
 *    model; its own lay_verify() check of the geometry — every text
 *    inside its page's text block, or the page for margin furniture, no
 *    two texts over each other — is one of those errors, and the
 *    harness calls lay_verify() again itself);
 *  - folios: every printed folio is the page's place (index + 1);
 *  - bookmarks: one per non-empty category, on its divider, then one per
 *    partner in the model's order, each on a page of its category,
 *    under its category's running head;
 *  - every entry of a contents or an index whose line ends with a page
 *    number links to a page, and the number printed is that page's
 *    folio;
 *  - every partner is in its category's divider list (once), in the
 *    contents (once), in the thématique index once per thématique, in
 *    the A-Z index once, twice with a sigle (the cross-reference);
 *    every non-empty category is in the contents;
 *  - the tag tree covers every text item (S_check_tags()).
 * Any breach prints the page and the item, then aborts.
 *
 * Calls: layout_booklet(), layout_free() (pdf.h), lay_verify()
 * (lay.h), model_sort(), model_display_name(), typo_fr(), validate_*().
 * Run from the top of the repository (themes/default).
 */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "booklet.h"
#include "diag.h"
#include "model.h"
#include "network.h"
#include "pdf.h"
#include "lay.h"
#include "typo.h"
#include "util.h"
#include "validate.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

#define	MAXCATS		4
#define	MAXTHEMS	4
#define	MAXPARTNERS	8	/* named by nom= lines */
#define	MAXCOPIES	64	/* with the copies of copies= */
#define	MAXLIST		6	/* missions, actions, langues, contacts, liens */
#define	MAXRANGES	4	/* per day */
#define	MAXVALUE	600	/* bytes of a value (body: 4 times) */

/* Every string of the edition, freed at the end of the input. */
struct pool {
	char		**v;
	size_t		  n, cap;
};

static char *
S_keep(struct pool *pl, char *s)
{
	if (pl->n == pl->cap) {
		pl->cap = pl->cap ? pl->cap * 2 : 64;
		pl->v = xreallocarray(pl->v, pl->cap, sizeof(*pl->v));
	}
	pl->v[pl->n++] = s;
	return s;
}

static void
S_pool_free(struct pool *pl)
{
	size_t	 i;

	for (i = 0; i < pl->n; i++)
		free(pl->v[i]);
	free(pl->v);
}

/*
 * A value as the loader would hand it on: "\n" unescaped, bytes that
 * are not UTF-8 and control characters dropped (the loader refuses the
 * file: dropping keeps the rest of the input useful), trimmed; NULL
 * when empty.
 */
static char *
S_value(struct pool *pl, const char *s, size_t n, size_t max)
{
	struct buf	 b;
	size_t		 i, k;
	unsigned int	 cp;
	char		*t;

	buf_init(&b);
	for (i = 0; i < n && b.len < max; i += k) {
		if (s[i] == '\\' && i + 1 < n && s[i + 1] == 'n') {
			buf_putc(&b, '\n');
			k = 2;
			continue;
		}
		if ((k = utf8_decode(s + i, n - i, &cp)) == 0) {
			k = 1;
			continue;
		}
		if ((cp < 0x20 && cp != '\t') || cp == 0x7f ||
		    (cp >= 0x80 && cp < 0xa0) || cp == 0x2028 ||
		    cp == 0x2029 || cp == 0xfeff)
			continue;
		buf_put(&b, s + i, k);
	}
	t = str_trim(buf_cstr(&b));
	buf_free(&b);
	if (*t == '\0') {
		free(t);
		return NULL;
	}
	return S_keep(pl, t);
}

static struct text
S_text(char *s, int line)
{
	struct text	 t;

	t.s = s;
	t.pos.line = s != NULL ? line : 0;
	t.pos.col = s != NULL ? 1 : 0;
	return t;
}

/* The edition being built: fixed arrays, so that pointers stay put. */
struct ed {
	struct pool	 pool;
	struct site	 site;
	struct category	*cats;
	struct thematique *thems;
	struct partner	*parts;
	int		 in[MAXCOPIES];	/* chosen category, or -1 */
	char		 th[MAXCOPIES][MAXTHEMS]; /* chosen thématiques */
	int		 nth[MAXCOPIES];
	int		 lien[MAXCOPIES][MAXLIST];
	int		 nlien[MAXCOPIES];
	struct timerange ranges[MAXCOPIES][7][MAXRANGES];
	int		 partners_edition;
	int		 bleed;
	int		 named;		/* partners started by nom= */
};

static void *
S_dup(const void *v, size_t n, size_t size)
{
	void	*d;

	if (v == NULL)
		return NULL;
	d = xcalloc(n, size);
	memcpy(d, v, n * size);
	return d;
}

/* n copies of partner pi, each with its own arrays, "NAME 2", ... */
static void
S_copies(struct ed *e, size_t pi, int n, int line)
{
	struct partner	*p = &e->parts[pi], *q;
	size_t		 qi;
	int		 k, day;

	for (k = 0; k < n && e->site.npartners < MAXCOPIES; k++) {
		qi = e->site.npartners++;
		q = &e->parts[qi];
		*q = *p;
		q->slug = S_keep(&e->pool, xasprintf("p%zu", qi));
		q->path = S_keep(&e->pool, xasprintf(
		    "content/partenaires/p%zu.md", qi));
		q->nom = S_text(S_keep(&e->pool, xasprintf("%s %d", p->nom.s,
		    k + 2)), line);
		q->missions.v = S_dup(p->missions.v, MAXLIST,
		    sizeof(*p->missions.v));
		q->langues.v = S_dup(p->langues.v, MAXLIST,
		    sizeof(*p->langues.v));
		q->actions = S_dup(p->actions, MAXLIST, sizeof(*p->actions));
		q->contacts = S_dup(p->contacts, MAXLIST, sizeof(*p->contacts));
		e->in[qi] = e->in[pi];
		memcpy(e->th[qi], e->th[pi], sizeof(e->th[qi]));
		e->nth[qi] = e->nth[pi];
		memcpy(e->lien[qi], e->lien[pi], sizeof(e->lien[qi]));
		e->nlien[qi] = e->nlien[pi];
		memcpy(e->ranges[qi], e->ranges[pi], sizeof(e->ranges[qi]));
		for (day = 0; day < 7; day++)
			if (q->horaires.days[day].v != NULL)
				q->horaires.days[day].v = e->ranges[qi][day];
	}
}

static unsigned int
S_hash_rgb(const char *s)
{
	unsigned int	 h = 2166136261u;

	for (; *s != '\0'; s++)
		h = (h ^ (unsigned char)*s) * 16777619u;
	return h & 0xffffff;
}

static void
S_cat(struct ed *e, char *label, int line)
{
	struct category	*c;
	char		*key;

	if (label == NULL || e->site.ncategories == MAXCATS)
		return;
	c = &e->cats[e->site.ncategories];
	key = S_keep(&e->pool, xasprintf("cat%zu", e->site.ncategories));
	c->key = key;
	c->label = label;
	c->rgb = S_hash_rgb(label);
	c->color = S_keep(&e->pool, xasprintf("#%06x", c->rgb));
	c->pos.line = line;
	c->pos.col = 1;
	e->site.ncategories++;
}

static void
S_them(struct ed *e, char *label, int line)
{
	static const char *const icons[] = { "home", "cutlery", "euro", NULL };
	struct thematique *t;

	if (label == NULL || e->site.nthematiques == MAXTHEMS)
		return;
	t = &e->thems[e->site.nthematiques];
	t->key = S_keep(&e->pool, xasprintf("them%zu", e->site.nthematiques));
	t->label = label;
	t->icon = (char *)icons[e->site.nthematiques % 4];
	t->pos.line = line;
	t->pos.col = 1;
	e->site.nthematiques++;
}

static struct partner *
S_cur(struct ed *e)
{
	return e->site.npartners > 0 ? &e->parts[e->site.npartners - 1] : NULL;
}

static void
S_push_text(struct pool *pl, struct texts *ts, char *s, int line)
{
	(void)pl;
	if (s == NULL || ts->n == MAXLIST)
		return;
	if (ts->v == NULL)
		ts->v = xcalloc(MAXLIST, sizeof(*ts->v));
	ts->v[ts->n++] = S_text(s, line);
}

/* Opening hours: 3 bytes a range (day, start, length), valid ones kept. */
static void
S_hours(struct ed *e, size_t pi, struct partner *p, const char *s, size_t n)
{
	struct timerange r;
	struct day_hours *dh;
	size_t		 i;
	int		 day;

	p->horaires.present = 1;
	for (i = 0; i + 3 <= n; i += 3) {
		day = (unsigned char)s[i] % 7;
		dh = &p->horaires.days[day];
		r.start = (unsigned char)s[i + 1] * 1440 / 256 / 5 * 5;
		r.end = r.start + 5 + (unsigned char)s[i + 2] * 5;
		if (r.end > 1440)
			r.end = 1440;
		if (dh->n == MAXRANGES || r.start >= r.end)
			continue;
		dh->v = e->ranges[pi][day];
		dh->v[dh->n] = r;
		if (validate_ranges(dh->v, dh->n + 1, NULL, NULL))
			dh->n++;
		dh->pos.line = 1;
		dh->pos.col = 1;
	}
}

/* A value valid by fn, or NULL. */
static char *
S_valid(char *v, int (*fn)(const char *, char **))
{
	return v != NULL && fn(v, NULL) ? v : NULL;
}

static void
S_field(struct ed *e, const char *key, size_t klen, const char *val,
    size_t vlen, int line)
{
	struct site	*s = &e->site;
	struct partner	*p = S_cur(e);
	size_t		 pi = s->npartners ? s->npartners - 1 : 0, i;
	char		*v;

#define	K(x)	(klen == sizeof(x) - 1 && memcmp(key, x, klen) == 0)
	v = S_value(&e->pool, val, vlen, K("body") || K("edito") ?
	    4 * MAXVALUE : MAXVALUE);
	if (K("cat"))
		S_cat(e, v, line);
	else if (K("them"))
		S_them(e, v, line);
	else if (K("nom")) {
		if (v == NULL || e->named == MAXPARTNERS ||
		    s->npartners == MAXCOPIES)
			return;
		e->named++;
		p = &e->parts[s->npartners++];
		pi = s->npartners - 1;
		p->slug = S_keep(&e->pool, xasprintf("p%zu", pi));
		p->path = S_keep(&e->pool, xasprintf(
		    "content/partenaires/p%zu.md", pi));
		p->nom = S_text(v, line);
		p->fpos[PF_NOM] = p->nom.pos;
		e->in[pi] = -1;
		p->mise_a_jour.y = 2018;
		p->mise_a_jour.m = 1 + (int)(pi % 12);
		p->mise_a_jour.d = 1 + (int)pi;
		p->mise_a_jour_pos.line = line;
		p->mise_a_jour_pos.col = 1;
	} else if (K("titre"))
		s->titre = S_text(v != NULL ? v : s->titre.s, line);
	else if (K("soustitre"))
		s->sous_titre = S_text(v, line);
	else if (K("edito"))
		s->edito = S_text(v, line);
	else if (K("signature"))
		s->edito_signature = S_text(v, line);
	else if (K("editeur"))
		s->editeur.nom = S_text(v != NULL ? v : s->editeur.nom.s, line);
	else if (K("options")) {
		for (i = 0; i < vlen; i++) {
			e->partners_edition ^= val[i] == '1';
			e->bleed ^= val[i] == '2';
		}
	} else if (p == NULL)
		return;			/* a partner's field before any partner */
	else if (K("copies"))
		S_copies(e, pi, (int)strtol(v != NULL ? v : "0", NULL, 10) %
		    MAXCOPIES, line);
	else if (K("in"))
		e->in[pi] = vlen > 0 ? (unsigned char)val[0] % MAXCATS : -1;
	else if (K("th")) {
		for (i = 0; i < vlen && e->nth[pi] < MAXTHEMS; i++)
			e->th[pi][e->nth[pi]++] = (char)((unsigned char)val[i] %
			    MAXTHEMS);
	} else if (K("sigle"))
		p->sigle = S_text(v, line);
	else if (K("resume")) {
		if (v != NULL && utf8_len(v) <= 160)
			p->resume = S_text(v, line);
	} else if (K("mission"))
		S_push_text(&e->pool, &p->missions, v, line);
	else if (K("action")) {
		if (v != NULL && p->nactions < MAXLIST) {
			if (p->actions == NULL)
				p->actions = xcalloc(MAXLIST, sizeof(*p->actions));
			p->actions[p->nactions++].titre = S_text(v, line);
		}
	} else if (K("action-desc")) {
		if (p->nactions > 0)
			p->actions[p->nactions - 1].description = S_text(v, line);
	} else if (K("public"))
		p->public_ = S_text(v, line);
	else if (K("transports"))
		p->transports = S_text(v, line);
	else if (K("acces")) {
		if (vlen > 0)
			p->modalites = (unsigned char)val[0] % (1 << MOD__COUNT);
		if (vlen > 1)
			p->cout = (enum cout)((unsigned char)val[1] % 4);
		if (vlen > 2)
			p->acces_precisions = S_text(S_value(&e->pool, val + 2,
			    vlen - 2, MAXVALUE), line);
	} else if (K("access")) {
		if (vlen > 0)
			p->accessibilite = (enum accessibilite)
			    ((unsigned char)val[0] % 4);
		if (vlen > 1)
			p->accessibilite_precisions = S_text(S_value(&e->pool,
			    val + 1, vlen - 1, MAXVALUE), line);
	} else if (K("langues")) {
		size_t	 ncodes = 0;

		while (model_langue_code(ncodes) != NULL)
			ncodes++;
		for (i = 0; i < vlen && ncodes > 0; i++) {
			const char *code = model_langue_code(
			    (unsigned char)val[i] % ncodes);
			size_t	 j;

			for (j = 0; j < p->langues.n; j++)
				if (strcmp(p->langues.v[j].s, code) == 0)
					break;
			if (j == p->langues.n)
				S_push_text(&e->pool, &p->langues,
				    S_keep(&e->pool, xstrdup(code)), line);
		}
	} else if (K("rue"))
		p->adresse.rue = S_text(v, line);
	else if (K("complement"))
		p->adresse.complement = S_text(v, line);
	else if (K("cp"))
		p->adresse.code_postal = S_text(S_valid(v,
		    validate_code_postal), line);
	else if (K("ville"))
		p->adresse.ville = S_text(v, line);
	else if (K("tel")) {
		char	*disp, *uri;

		if (v != NULL && validate_phone(v, &disp, &uri, NULL)) {
			p->telephone.raw = S_text(v, line);
			p->telephone.display = S_keep(&e->pool, disp);
			p->telephone.uri = S_keep(&e->pool, uri);
		}
	} else if (K("courriel"))
		p->courriel = S_text(S_valid(v, validate_email), line);
	else if (K("site"))
		p->site = S_text(S_valid(v, validate_url), line);
	else if (K("horaires"))
		S_hours(e, pi, p, val, vlen);
	else if (K("precisions")) {
		p->horaires.present = 1;
		p->horaires.precisions = S_text(v, line);
	} else if (K("lien")) {
		if (vlen > 0 && e->nlien[pi] < MAXLIST)
			e->lien[pi][e->nlien[pi]++] = (unsigned char)val[0] %
			    MAXPARTNERS;
	} else if (K("contact")) {
		if (v != NULL && p->ncontacts < MAXLIST) {
			if (p->contacts == NULL)
				p->contacts = xcalloc(MAXLIST,
				    sizeof(*p->contacts));
			p->contacts[p->ncontacts++].nom = S_text(v, line);
		}
	} else if (K("fonction")) {
		if (p->ncontacts > 0)
			p->contacts[p->ncontacts - 1].fonction = S_text(v, line);
	} else if (K("body")) {
		p->body = v;
		p->body_line = line;
	} else if (K("date")) {
		struct date	 d;

		if (v != NULL && validate_date(v, &d, NULL) && d.y <= 2026)
			p->mise_a_jour = d;
	}
#undef K
}

/* Defaults for what the loader requires, then the model's own order. */
static int
S_finish(struct ed *e)
{
	struct site	*s = &e->site;
	struct partner	*p;
	size_t		 i, j, k;

	if (s->ncategories == 0)
		S_cat(e, S_keep(&e->pool, xstrdup("Institutionnels")), 0);
	if (s->nthematiques == 0)
		S_them(e, S_keep(&e->pool, xstrdup("Logement")), 0);
	for (i = 0; i < s->npartners; i++) {
		p = &e->parts[i];
		p->category = &e->cats[(e->in[i] >= 0 ? (size_t)e->in[i] : i) %
		    s->ncategories];
		p->thematiques = xcalloc(MAXTHEMS, sizeof(*p->thematiques));
		if (e->nth[i] == 0)
			e->th[i][e->nth[i]++] = (char)(i % s->nthematiques);
		for (j = 0; j < (size_t)e->nth[i]; j++) {
			struct thematique *t = &e->thems[(size_t)e->th[i][j] %
			    s->nthematiques];

			for (k = 0; k < p->nthematiques; k++)
				if (p->thematiques[k] == t)
					break;
			if (k == p->nthematiques)
				p->thematiques[p->nthematiques++] = t;
		}
		if (p->resume.s == NULL)
			p->resume = S_text(S_keep(&e->pool, xstrdup(
			    "Une phrase qui dit ce que fait le partenaire.")), 0);
		if (p->missions.n == 0)
			S_push_text(&e->pool, &p->missions, S_keep(&e->pool,
			    xstrdup("Accueillir et orienter.")), 0);
		if (p->adresse.rue.s == NULL && p->adresse.code_postal.s == NULL &&
		    p->adresse.ville.s == NULL) {
			p->adresse.rue = S_text(S_keep(&e->pool,
			    xstrdup("1 rue de l'Exemple")), 0);
			p->adresse.code_postal = S_text(S_keep(&e->pool,
			    xstrdup("78000")), 0);
			p->adresse.ville = S_text(S_keep(&e->pool,
			    xstrdup("Versailles")), 0);
		}
		if (p->telephone.raw.s == NULL && p->courriel.s == NULL)
			p->courriel = S_text(S_keep(&e->pool,
			    xstrdup("contact@example.org")), 0);
		if (e->nlien[i] > 0) {
			p->liens = xcalloc(MAXLIST, sizeof(*p->liens));
			for (j = 0; j < (size_t)e->nlien[i]; j++) {
				struct partner *q = &e->parts[(size_t)e->lien[i][j] %
				    s->npartners];

				for (k = 0; k < p->nliens; k++)
					if (p->liens[k] == q)
						break;
				if (q != p && k == p->nliens)
					p->liens[p->nliens++] = q;
			}
		}
		if (p->nliens == 0) {
			free(p->liens);
			p->liens = NULL;
		}
	}
	/* model_sort() sorts (a new array) and fixes the links. */
	s->partners = e->parts;
	e->parts = NULL;
	model_sort(s);
	return 1;
}

static void
S_free(struct ed *e)
{
	struct site	*s = &e->site;
	size_t		 i;

	for (i = 0; i < s->npartners; i++) {
		struct partner *p = &s->partners[i];

		free(p->thematiques);
		free(p->missions.v);
		free(p->langues.v);
		free(p->actions);
		free(p->contacts);
		free(p->liens);
	}
	free(s->partners);
	free(s->byslug);	/* model_sort()'s slug index */
	free(e->parts);
	free(e->cats);
	free(e->thems);
	S_pool_free(&e->pool);
}

/* ---- the checks ------------------------------------------------------ */

static const struct pdf_doc *S_doc;

static void
S_item_print(const struct pdf_item *it)
{
	static const char *const kind[] = {
		"text", "rect", "line", "image", "link", "goto"
	};

	fprintf(stderr, "  item: %s x %.2f y %.2f w %.2f h %.2f",
	    kind[it->type], it->x, it->y, it->w, it->h);
	if (it->type == ITEM_TEXT)
		fprintf(stderr, " size %.2f \"%s\"", it->size, it->text);
	if (it->type == ITEM_LINK_PAGE)
		fprintf(stderr, " -> page %zu", it->dest_page + 1);
	fputc('\n', stderr);
}

static void
S_fail(size_t page, const struct pdf_item *it, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void
S_fail(size_t page, const struct pdf_item *it, const char *fmt, ...)
{
	va_list	 ap;

	fprintf(stderr, "fuzz_layout: page %zu: ", page + 1);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	if (it != NULL)
		S_item_print(it);
	if (S_doc != NULL && page < S_doc->npages) {
		const struct pdf_page *p = &S_doc->pages[page];
		size_t	 i;

		fprintf(stderr, "  its texts and links (head \"%s\", folio %d):\n",
		    p->running_head ? p->running_head : "", p->folio);
		for (i = 0; i < p->nitems; i++)
			if (p->items[i].type == ITEM_TEXT ||
			    p->items[i].type == ITEM_LINK_PAGE)
				S_item_print(&p->items[i]);
	}
	abort();
}

/* A page number as the layout prints it: digits only. */
static int
S_number(const char *s, long *v)
{
	char	*end;

	if (s == NULL || *s < '0' || *s > '9')
		return 0;
	*v = strtol(s, &end, 10);
	return *end == '\0';
}

/*
 * The page number printed on the line of link `lk' of page pg: the
 * text flush with the right end of the link whose baseline is inside
 * it, or NULL when the line has none (a wrapped entry's first lines).
 * A text that is the whole link is no entry's number: it is a name's
 * last word alone on its line ("Travaille avec" links each name, and a
 * name may end with digits: found by fuzz_layout, "… à gauche 3").
 */
static const struct pdf_item *
S_entry_number(const struct pdf_page *p, const struct pdf_item *lk)
{
	const struct pdf_item *it, *best = NULL;
	size_t		 i;

	for (i = 0; i < p->nitems; i++) {
		it = &p->items[i];
		if (it->type != ITEM_TEXT || it->margin ||
		    it->y < lk->y - 0.01 || it->y > lk->y + lk->h + 0.01 ||
		    it->x + it->w < lk->x + lk->w - 0.5 ||
		    it->x + it->w > lk->x + lk->w + 0.5 ||
		    it->x < lk->x + 0.5)
			continue;
		if (best == NULL || it->x > best->x)
			best = it;
	}
	return best;
}

/*
 * The numbered entries of pages [from, to) that point at page dest
 * (counted), each number checked against the folio of its target.
 */
static size_t
S_entries(const struct pdf_doc *d, size_t from, size_t to, size_t dest)
{
	const struct pdf_page *p;
	const struct pdf_item *lk, *num;
	size_t		 pg, i, n = 0;
	long		 v;

	for (pg = from; pg < to && pg < d->npages; pg++) {
		p = &d->pages[pg];
		for (i = 0; i < p->nitems; i++) {
			lk = &p->items[i];
			if (lk->type != ITEM_LINK_PAGE || lk->dest_page != dest)
				continue;
			if ((num = S_entry_number(p, lk)) == NULL)
				continue;
			if (S_number(num->text, &v))
				n++;
		}
	}
	return n;
}

/* Every numbered entry of the document prints its target's folio. */
static void
S_check_numbers(const struct pdf_doc *d)
{
	const struct pdf_page *p;
	const struct pdf_item *lk, *num;
	size_t		 pg, i;
	long		 v;

	for (pg = 0; pg < d->npages; pg++) {
		p = &d->pages[pg];
		for (i = 0; i < p->nitems; i++) {
			lk = &p->items[i];
			if (lk->type != ITEM_LINK_PAGE)
				continue;
			if (lk->dest_page >= d->npages)
				S_fail(pg, lk, "a link to page %zu of %zu",
				    lk->dest_page + 1, d->npages);
			if ((num = S_entry_number(p, lk)) == NULL ||
			    !S_number(num->text, &v))
				continue;
			if (v != (long)lk->dest_page + 1 ||
			    d->pages[lk->dest_page].folio != (int)v)
				S_fail(pg, num, "the entry prints %ld for page "
				    "%zu (folio %d)", v, lk->dest_page + 1,
				    d->pages[lk->dest_page].folio);
		}
	}
}

/* Index of the n-th level-0 bookmark (SIZE_MAX if none). */
static size_t
S_top(const struct pdf_doc *d, size_t n)
{
	size_t	 i, k = 0;

	for (i = 0; i < d->noutlines; i++)
		if (d->outlines[i].level == 0 && k++ == n)
			return i;
	return SIZE_MAX;
}

/* The first page after the section of top-level bookmark i. */
static size_t
S_section_end(const struct pdf_doc *d, size_t i)
{
	for (i++; i < d->noutlines; i++)
		if (d->outlines[i].level == 0)
			return d->outlines[i].page;
	return d->npages;
}

/*
 * The tag tree covers every text item: each text of a page body has a
 * structure element whose ancestors lead to the Document, without a
 * loop; only the page furniture (margin items), the leaders' dots and
 * a heading repeated overleaf ("(suite)") are artifacts.
 */
/*
 * Whether it belongs to a heading repeated overleaf (vbox.cont, an
 * artifact): at the top of its page, above the first tagged text.
 */
static int
S_repeated(const struct pdf_page *p, const struct pdf_item *it)
{
	size_t	 k;

	for (k = 0; k < p->nitems; k++)
		if (p->items[k].type == ITEM_TEXT && !p->items[k].margin &&
		    p->items[k].node != 0 && p->items[k].y > it->y)
			return 0;
	return 1;
}

static void
S_check_tags(const struct pdf_doc *d)
{
	const struct pdf_item *it;
	size_t		 i, j, k;
	unsigned int	 n;
	const char	*c;

	for (i = 0; i < d->npages; i++)
		for (j = 0; j < d->pages[i].nitems; j++) {
			it = &d->pages[i].items[j];
			if (it->type != ITEM_TEXT || it->text == NULL ||
			    it->text[0] == '\0')
				continue;
			if (it->node == 0) {
				for (c = it->text; *c == '.' || *c == ' '; c++)
					;
				if (!it->margin && *c != '\0' &&
				    !S_repeated(&d->pages[i], it))
					S_fail(i, it, "a text outside the "
					    "structure tree");
				continue;
			}
			for (n = it->node, k = 0; n != 0 && n <= d->nnodes &&
			    k <= d->nnodes; k++) {
				if (d->nodes[n - 1].parent == 0)
					break;
				n = d->nodes[n - 1].parent;
			}
			if (n == 0 || n > d->nnodes || k > d->nnodes ||
			    strcmp(d->nodes[n - 1].role, "Document") != 0)
				S_fail(i, it, "a text whose element does not "
				    "lead to the Document");
		}
}

static void
S_check(const struct site *s, const struct pdf_doc *d)
{
	size_t		 i, j, k, ntop = 0, ncat = 0, o, pg, want, got, first;
	size_t		*ppage, *cpage, *cout, contents, them, alpha;
	const struct pdf_outline *ol;
	char		*name, *t;

	for (i = 0; i < d->npages; i++)
		if (d->pages[i].folio != 0 && d->pages[i].folio != (int)i + 1)
			S_fail(i, NULL, "folio %d", d->pages[i].folio);
	S_check_numbers(d);
	S_check_tags(d);
	if (s->npartners == 0)
		return;

	/* Bookmarks: the sections, then the categories and their partners. */
	for (i = 0; i < d->noutlines; i++) {
		if (d->outlines[i].page >= d->npages)
			S_fail(0, NULL, "bookmark \"%s\" on page %zu of %zu",
			    d->outlines[i].title, d->outlines[i].page + 1,
			    d->npages);
		if (i > 0 && d->outlines[i].page < d->outlines[i - 1].page)
			S_fail(d->outlines[i].page, NULL, "bookmark \"%s\" "
			    "before the previous one", d->outlines[i].title);
		ntop += d->outlines[i].level == 0;
	}
	for (i = 0; i < s->ncategories; i++)
		ncat += s->categories[i].npartners > 0;
	/* [Édito], Mode d'emploi, [Le réseau des partenaires, when some
	 * partner names another], Sommaire, categories, two indexes. */
	if (ntop != ncat + 4 + (s->edito.s != NULL) + (network_any(s) != 0))
		S_fail(0, NULL, "%zu top-level bookmarks for %zu categories",
		    ntop, ncat);
	contents = S_top(d, ntop - ncat - 3);
	them = S_top(d, ntop - 2);
	alpha = S_top(d, ntop - 1);
	if (strcmp(d->outlines[contents].title, "Sommaire") != 0 ||
	    strncmp(d->outlines[them].title, "Je cherche de l", 15) != 0 ||
	    strcmp(d->outlines[alpha].title, "Index alphabétique") != 0)
		S_fail(0, NULL, "bookmarks \"%s\", \"%s\", \"%s\"",
		    d->outlines[contents].title, d->outlines[them].title,
		    d->outlines[alpha].title);

	ppage = xcalloc(s->npartners, sizeof(*ppage));
	cpage = xcalloc(s->ncategories, sizeof(*cpage));
	cout = xcalloc(s->ncategories, sizeof(*cout));
	o = contents + 1;
	for (i = j = 0; i < s->ncategories; i++) {
		const struct category *c = &s->categories[i];

		if (c->npartners == 0)
			continue;
		ol = &d->outlines[o];
		name = typo_fr(c->label);
		if (ol->level != 0 || strcmp(ol->title, name) != 0)
			S_fail(ol->page, NULL, "bookmark \"%s\" (level %d) "
			    "where the category \"%s\" was due", ol->title,
			    ol->level, c->label);
		free(name);
		cpage[i] = ol->page;
		cout[i] = o;
		o++;
		for (k = 0; k < c->npartners; k++, j++, o++) {
			const struct partner *p = &s->partners[j];

			ol = &d->outlines[o];
			name = model_display_name(p);
			t = typo_fr(name);
			free(name);
			name = t;
			if (p->category != c || ol->level != 1 ||
			    strcmp(ol->title, name) != 0)
				S_fail(ol->page, NULL, "bookmark \"%s\" "
				    "(level %d) where the partner \"%s\" was "
				    "due", ol->title, ol->level, name);
			free(name);
			ppage[j] = pg = ol->page;
			if (pg <= cpage[i])
				S_fail(pg, NULL, "partner \"%s\" on or before "
				    "its divider (page %zu)", p->nom.s,
				    cpage[i] + 1);
			t = typo_fr(c->label);
			if (d->pages[pg].running_head == NULL ||
			    strcmp(d->pages[pg].running_head, t) != 0)
				S_fail(pg, NULL, "partner \"%s\" starts under "
				    "the head \"%s\"", p->nom.s,
				    d->pages[pg].running_head ?
				    d->pages[pg].running_head : "");
			free(t);
			if (j > 0 && ppage[j - 1] >= pg)
				S_fail(pg, NULL, "partner \"%s\" on the page "
				    "of the one before", p->nom.s);
		}
	}
	if (o != them || j != s->npartners)
		S_fail(0, NULL, "%zu bookmarks of partners for %zu partners",
		    j, s->npartners);

	/* The contents: each non-empty category and each partner, once. */
	first = d->outlines[contents].page;
	for (i = 0; i < s->ncategories; i++)
		if (s->categories[i].npartners > 0 &&
		    (got = S_entries(d, first, S_section_end(d, contents),
		    cpage[i])) != 1)
			S_fail(first, NULL, "the contents list the category "
			    "\"%s\" (page %zu) %zu times", s->categories[i].label,
			    cpage[i] + 1, got);
	for (j = 0; j < s->npartners; j++) {
		const struct partner *p = &s->partners[j];
		size_t	 ci = (size_t)(p->category - s->categories);

		if ((got = S_entries(d, first, S_section_end(d, contents),
		    ppage[j])) != 1)
			S_fail(first, NULL, "the contents list \"%s\" (page "
			    "%zu) %zu times", p->nom.s, ppage[j] + 1, got);
		/* Its divider's list: from the divider to its first partner. */
		if ((got = S_entries(d, cpage[ci], d->outlines[cout[ci] + 1].page,
		    ppage[j])) != 1)
			S_fail(cpage[ci], NULL, "the divider of \"%s\" lists "
			    "\"%s\" (page %zu) %zu times", p->category->label,
			    p->nom.s, ppage[j] + 1, got);
		want = p->nthematiques;
		if ((got = S_entries(d, d->outlines[them].page,
		    S_section_end(d, them), ppage[j])) != want)
			S_fail(d->outlines[them].page, NULL, "the thématique "
			    "index lists \"%s\" (page %zu) %zu times, not %zu",
			    p->nom.s, ppage[j] + 1, got, want);
		want = 1 + (p->sigle.s != NULL && strcmp(p->sigle.s,
		    p->nom.s) != 0);
		if ((got = S_entries(d, d->outlines[alpha].page,
		    S_section_end(d, alpha), ppage[j])) != want)
			S_fail(d->outlines[alpha].page, NULL, "the A-Z index "
			    "lists \"%s\" (page %zu) %zu times, not %zu",
			    p->nom.s, ppage[j] + 1, got, want);
	}
	free(ppage);
	free(cpage);
	free(cout);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char	*in = (const char *)data, *end = in + size, *nl, *eq;
	struct ed	 e;
	struct booklet_opts o;
	struct diags	 d;
	struct pdf_doc	*doc;
	size_t		 i;
	int		 line = 0;
	double		 inner, outer, top, bottom;

	memset(&e, 0, sizeof(e));
	e.cats = xcalloc(MAXCATS, sizeof(*e.cats));
	e.thems = xcalloc(MAXTHEMS, sizeof(*e.thems));
	e.parts = xcalloc(MAXCOPIES, sizeof(*e.parts));
	e.site.content_dir = (char *)"content";
	e.site.path = (char *)"content/site.yaml";
	e.site.titre = S_text((char *)"Outil Partenaires", 1);
	e.site.edition = 2018;
	e.site.url = S_text((char *)"https://example.org/outil/", 3);
	e.site.editeur.nom = S_text((char *)"Maison de Quartier", 5);
	e.site.coordination.nom = S_text((char *)"Coordination", 8);
	e.site.coordination.courriel = S_text((char *)"c@example.org", 9);
	e.site.categories = e.cats;
	e.site.thematiques = e.thems;
	while (in < end) {
		line++;
		if ((nl = memchr(in, '\n', (size_t)(end - in))) == NULL)
			nl = end;
		if ((eq = memchr(in, '=', (size_t)(nl - in))) != NULL)
			S_field(&e, in, (size_t)(eq - in), eq + 1,
			    (size_t)(nl - eq - 1), line);
		in = nl + 1;
	}
	S_finish(&e);

	memset(&o, 0, sizeof(o));
	o.theme_dir = "themes/default";
	o.default_theme_dir = "themes/default";
	o.partners_edition = e.partners_edition;
	o.bleed = e.bleed;
	diags_init(&d);
	doc = layout_booklet(&e.site, &o, &d);
	for (i = 0; i < d.n; i++)
		if (d.v[i].sev == DIAG_ERROR ||
		    strstr(d.v[i].msg, "did not settle") != NULL) {
			diags_print(&d, stderr);
			S_fail(0, NULL, "the layout of a valid edition %s",
			    doc == NULL ? "failed" : "did not settle");
		}
	if (doc == NULL)
		S_fail(0, NULL, "the layout failed without a word");
	S_doc = doc;
	/* The grid of bk_book.c (DESIGN.md), A5 or A4. */
	inner = MM(doc->page_w > 500 ? 20 : 15);
	outer = MM(doc->page_w > 500 ? 16 : 12);
	top = MM(doc->page_w > 500 ? 18 : 14);
	bottom = MM(doc->page_w > 500 ? 22 : 18);
	if (!lay_verify(doc, inner, outer, top, bottom, &d)) {
		diags_print(&d, stderr);
		S_fail(0, NULL, "lay_verify() finds breaches");
	}
	S_check(&e.site, doc);
	S_doc = NULL;
	layout_free(doc);
	diags_free(&d);
	S_free(&e);
	return 0;
}
