/*
 * export.c — vCard, CSV and JSON exports of the directory (export.h).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "export.h"
#include "model.h"
#include "util.h"

/* ---- SHA-1 (FIPS 180-4), for name-based UUIDs only ------------------- */

struct S_sha1 {
	uint32_t	 h[5];
	unsigned char	 blk[64];
	size_t		 nblk;	/* bytes in blk */
	uint64_t	 len;	/* total bytes */
};

static uint32_t
S_rol(uint32_t x, int n)
{
	return (x << n) | (x >> (32 - n));
}

static void
S_sha1_block(struct S_sha1 *c, const unsigned char *p)
{
	uint32_t	 w[80], a, b, d, e, f, k, t, cc;
	int		 i;

	for (i = 0; i < 16; i++)
		w[i] = (uint32_t)p[4 * i] << 24 | (uint32_t)p[4 * i + 1] << 16 |
		    (uint32_t)p[4 * i + 2] << 8 | (uint32_t)p[4 * i + 3];
	for (; i < 80; i++)
		w[i] = S_rol(w[i - 3] ^ w[i - 8] ^ w[i - 14] ^ w[i - 16], 1);
	a = c->h[0], b = c->h[1], cc = c->h[2], d = c->h[3], e = c->h[4];
	for (i = 0; i < 80; i++) {
		if (i < 20)
			f = (b & cc) | (~b & d), k = 0x5A827999;
		else if (i < 40)
			f = b ^ cc ^ d, k = 0x6ED9EBA1;
		else if (i < 60)
			f = (b & cc) | (b & d) | (cc & d), k = 0x8F1BBCDC;
		else
			f = b ^ cc ^ d, k = 0xCA62C1D6;
		t = S_rol(a, 5) + f + e + k + w[i];
		e = d, d = cc, cc = S_rol(b, 30), b = a, a = t;
	}
	c->h[0] += a, c->h[1] += b, c->h[2] += cc, c->h[3] += d, c->h[4] += e;
}

static void
S_sha1_init(struct S_sha1 *c)
{
	static const uint32_t h0[5] = {
		0x67452301, 0xEFCDAB89, 0x98BADCFE, 0x10325476, 0xC3D2E1F0
	};

	memcpy(c->h, h0, sizeof(h0));
	c->nblk = 0;
	c->len = 0;
}

static void
S_sha1_update(struct S_sha1 *c, const void *data, size_t n)
{
	const unsigned char *p = data;

	c->len += n;
	while (n > 0) {
		size_t k = 64 - c->nblk < n ? 64 - c->nblk : n;
		memcpy(c->blk + c->nblk, p, k);
		c->nblk += k, p += k, n -= k;
		if (c->nblk == 64) {
			S_sha1_block(c, c->blk);
			c->nblk = 0;
		}
	}
}

static void
S_sha1_final(struct S_sha1 *c, unsigned char out[20])
{
	uint64_t	 bits = c->len * 8;
	unsigned char	 pad = 0x80, zero = 0, lenb[8];
	int		 i;

	S_sha1_update(c, &pad, 1);
	while (c->nblk != 56)
		S_sha1_update(c, &zero, 1);
	for (i = 0; i < 8; i++)
		lenb[i] = (unsigned char)(bits >> (56 - 8 * i));
	S_sha1_update(c, lenb, 8);
	for (i = 0; i < 20; i++)
		out[i] = (unsigned char)(c->h[i / 4] >> (24 - 8 * (i % 4)));
}

void
export_uuid5(const unsigned char ns[16], const char *name, char out[37])
{
	static const char hex[] = "0123456789abcdef";
	struct S_sha1	 c;
	unsigned char	 md[20];
	int		 i, j;

	S_sha1_init(&c);
	S_sha1_update(&c, ns, 16);
	S_sha1_update(&c, name, strlen(name));
	S_sha1_final(&c, md);
	md[6] = (unsigned char)((md[6] & 0x0F) | 0x50);	/* version 5 */
	md[8] = (unsigned char)((md[8] & 0x3F) | 0x80);	/* RFC 4122 variant */
	for (i = j = 0; i < 16; i++) {
		if (i == 4 || i == 6 || i == 8 || i == 10)
			out[j++] = '-';
		out[j++] = hex[md[i] >> 4];
		out[j++] = hex[md[i] & 0x0F];
	}
	out[j] = '\0';
}

/* ---- vCard ------------------------------------------------------------ */

/* RFC 4122 appendix C: the URL namespace. */
static const unsigned char S_ns_url[16] = {
	0x6b, 0xa7, 0xb8, 0x11, 0x9d, 0xad, 0x11, 0xd1,
	0x80, 0xb4, 0x00, 0xc0, 0x4f, 0xd4, 0x30, 0xc8
};

char *
export_vcard_path(const struct partner *p)
{
	return xasprintf("partenaires/%s.vcf", p->slug);
}

/* Escape a TEXT value (or one component of a structured value). */
static void
S_vc_text(struct buf *b, const char *s)
{
	if (s == NULL)
		return;
	for (; *s != '\0'; s++) {
		switch (*s) {
		case '\\':
			buf_puts(b, "\\\\");
			break;
		case ',':
			buf_puts(b, "\\,");
			break;
		case ';':
			buf_puts(b, "\\;");
			break;
		case '\n':
			buf_puts(b, "\\n");
			break;
		default:
			if ((unsigned char)*s >= 0x20 && *s != 0x7F)
				buf_putc(b, *s);
			break;
		}
	}
}

/*
 * Append the logical line l as folded physical lines: at most 75
 * octets each (the leading space of a continuation line included),
 * never inside a UTF-8 sequence, each ended by CRLF.
 */
static void
S_vc_fold(struct buf *b, const struct buf *l)
{
	const unsigned char *s = (const unsigned char *)buf_cstr(l);
	size_t		 n = l->len, max = 75, k;

	for (;;) {
		if (n <= max) {
			buf_put(b, s, n);
			break;
		}
		k = max;
		/* Back off to the start of a UTF-8 sequence. */
		while (k > 0 && (s[k] & 0xC0) == 0x80)
			k--;
		if (k == 0)
			k = max;	/* not UTF-8; cannot happen in the model */
		buf_put(b, s, k);
		buf_puts(b, "\r\n ");
		s += k, n -= k;
		max = 74;
	}
	buf_puts(b, "\r\n");
}

/* NAME[;params]:escaped-text, when text is set. */
static void
S_vc_prop(struct buf *b, struct buf *l, const char *name, const char *text)
{
	if (text == NULL)
		return;
	buf_reset(l);
	buf_puts(l, name);
	buf_putc(l, ':');
	S_vc_text(l, text);
	S_vc_fold(b, l);
}

/* NAME:raw (a URI or a value of our own making: no escaping). */
static void
S_vc_raw(struct buf *b, struct buf *l, const char *name, const char *raw)
{
	if (raw == NULL)
		return;
	buf_reset(l);
	buf_puts(l, name);
	buf_putc(l, ':');
	buf_puts(l, raw);
	S_vc_fold(b, l);
}

void
export_vcard(const struct site *s, const struct partner *p, struct buf *b)
{
	struct buf	 l;
	const struct address *a = &p->adresse;
	char		 uuid[37], *name, *path;
	size_t		 i;

	buf_init(&l);
	buf_puts(b, "BEGIN:VCARD\r\nVERSION:4.0\r\nKIND:org\r\n");
	S_vc_prop(b, &l, "FN", p->nom.s);
	S_vc_prop(b, &l, "ORG", p->nom.s);
	S_vc_prop(b, &l, "NICKNAME", p->sigle.s);
	if (p->telephone.uri != NULL)
		S_vc_raw(b, &l, "TEL;VALUE=uri;TYPE=work,voice",
		    p->telephone.uri);
	S_vc_prop(b, &l, "EMAIL;TYPE=work", p->courriel.s);
	S_vc_raw(b, &l, "URL", p->site.s);
	if (a->rue.s != NULL || a->ville.s != NULL) {
		/* pobox;ext;street;locality;region;code;country */
		buf_reset(&l);
		buf_puts(&l, "ADR;TYPE=work:;");
		S_vc_text(&l, a->complement.s);
		buf_putc(&l, ';');
		S_vc_text(&l, a->rue.s);
		buf_putc(&l, ';');
		S_vc_text(&l, a->ville.s);
		buf_puts(&l, ";;");
		S_vc_text(&l, a->code_postal.s);
		buf_puts(&l, ";France");
		S_vc_fold(b, &l);
	}
	S_vc_prop(b, &l, "NOTE", p->resume.s);
	if (p->nthematiques > 0) {
		buf_reset(&l);
		buf_puts(&l, "CATEGORIES:");
		for (i = 0; i < p->nthematiques; i++) {
			if (i > 0)
				buf_putc(&l, ',');
			S_vc_text(&l, p->thematiques[i]->label);
		}
		S_vc_fold(b, &l);
	}
	if (p->mise_a_jour.y > 0) {
		buf_reset(&l);
		buf_printf(&l, "REV:%04d%02d%02dT000000Z", p->mise_a_jour.y,
		    p->mise_a_jour.m, p->mise_a_jour.d);
		S_vc_fold(b, &l);
	}
	if (s->url.s != NULL) {
		path = export_vcard_path(p);
		buf_reset(&l);
		buf_printf(&l, "SOURCE:%s%s", s->url.s, path);
		S_vc_fold(b, &l);
		free(path);
	}
	name = xasprintf("%s%s", s->url.s != NULL ? s->url.s : "urn:annuaire:",
	    p->slug);
	export_uuid5(S_ns_url, name, uuid);
	free(name);
	buf_reset(&l);
	buf_printf(&l, "UID:urn:uuid:%s", uuid);
	S_vc_fold(b, &l);
	buf_puts(b, "END:VCARD\r\n");
	buf_free(&l);
}

void
export_vcards_all(const struct site *s, struct buf *b)
{
	size_t	 i;

	for (i = 0; i < s->npartners; i++)
		export_vcard(s, &s->partners[i], b);
}

/* d as ISO 8601 (2018-03-15) into out; NULL when the date is unset. */
static const char *
S_iso_date(char out[16], const struct date *d)
{
	date_iso(d, out);
	return out[0] != '\0' ? out : NULL;
}

/* ---- CSV -------------------------------------------------------------- */

/*
 * One field: quoted when it holds the separator, a quote, CR or LF, or
 * when it starts like a formula (then also prefixed by an apostrophe).
 * With ';' also when it holds a comma or a tab: LibreOffice's text
 * import, the dialog a double click opens, splits on tab, comma and
 * semicolon by default.
 */
void
export_csv_field(struct buf *b, int sep, const char *s)
{
	int	 formula, quote;

	if (s == NULL)
		s = "";
	formula = s[0] == '=' || s[0] == '+' || s[0] == '-' || s[0] == '@' ||
	    s[0] == '\t' || s[0] == '\r';
	quote = formula || strchr(s, sep) != NULL || strpbrk(s, "\"\r\n") !=
	    NULL || (sep == ';' && strpbrk(s, ",\t") != NULL);
	if (!quote) {
		buf_puts(b, s);
		return;
	}
	buf_putc(b, '"');
	if (formula)
		buf_putc(b, '\'');
	for (; *s != '\0'; s++) {
		if (*s == '"')
			buf_putc(b, '"');
		buf_putc(b, *s);
	}
	buf_putc(b, '"');
}

void
export_csv_sep(const struct site *s, int sep, struct buf *b)
{
	static const char *const head[] = {
		"slug", "nom", "sigle", "categorie", "thematiques", "resume",
		"telephone", "courriel", "site", "rue", "complement",
		"code_postal", "ville", "modalites", "cout", "langues",
		"mise_a_jour",
	};
	const size_t	 nhead = sizeof(head) / sizeof(head[0]);
	const struct partner *p;
	struct buf	 f;
	const char	*v[sizeof(head) / sizeof(head[0])], *lab;
	char		*them, *mods, *langs, date[16];
	size_t		 i, j;
	int		 m;

	buf_init(&f);
	buf_puts(b, "\xEF\xBB\xBF");		/* BOM, see export.h */
	for (i = 0; i < nhead; i++) {
		if (i > 0)
			buf_putc(b, sep);
		export_csv_field(b, sep, head[i]);
	}
	buf_puts(b, "\r\n");
	for (i = 0; i < s->npartners; i++) {
		p = &s->partners[i];
		for (j = 0; j < p->nthematiques; j++) {
			if (j > 0)
				buf_puts(&f, "; ");
			buf_puts(&f, p->thematiques[j]->label);
		}
		them = buf_detach(&f);
		for (m = 0; m < MOD__COUNT; m++) {
			if (!(p->modalites & (1u << m)))
				continue;
			if (f.len > 0)
				buf_puts(&f, "; ");
			buf_puts(&f, model_modalite_label((enum modalite)(1u << m)));
		}
		mods = buf_detach(&f);
		for (j = 0; j < p->langues.n; j++) {
			if (j > 0)
				buf_puts(&f, "; ");
			lab = model_langue_label(p->langues.v[j].s);
			buf_puts(&f, lab != NULL ? lab : p->langues.v[j].s);
		}
		langs = buf_detach(&f);
		j = 0;
		v[j++] = p->slug;
		v[j++] = p->nom.s;
		v[j++] = p->sigle.s;
		v[j++] = p->category != NULL ? p->category->label : NULL;
		v[j++] = them;
		v[j++] = p->resume.s;
		v[j++] = p->telephone.display;
		v[j++] = p->courriel.s;
		v[j++] = p->site.s;
		v[j++] = p->adresse.rue.s;
		v[j++] = p->adresse.complement.s;
		v[j++] = p->adresse.code_postal.s;
		v[j++] = p->adresse.ville.s;
		v[j++] = mods;
		v[j++] = model_cout_label(p->cout);
		v[j++] = langs;
		v[j++] = S_iso_date(date, &p->mise_a_jour);
		for (j = 0; j < nhead; j++) {
			if (j > 0)
				buf_putc(b, sep);
			export_csv_field(b, sep, v[j]);
		}
		buf_puts(b, "\r\n");
		free(them);
		free(mods);
		free(langs);
	}
	buf_free(&f);
}

void
export_csv(const struct site *s, struct buf *b)
{
	export_csv_sep(s, ',', b);
}

/* ---- JSON ------------------------------------------------------------- */

void
export_json_str(struct buf *b, const char *s)
{
	static const char hex[] = "0123456789abcdef";
	unsigned int	 cp;
	size_t		 n, k;

	if (s == NULL) {
		buf_puts(b, "null");
		return;
	}
	n = strlen(s);
	buf_putc(b, '"');
	while (n > 0) {
		unsigned char c = (unsigned char)*s;
		if (c < 0x80) {
			switch (c) {
			case '"':  buf_puts(b, "\\\""); break;
			case '\\': buf_puts(b, "\\\\"); break;
			case '\b': buf_puts(b, "\\b"); break;
			case '\f': buf_puts(b, "\\f"); break;
			case '\n': buf_puts(b, "\\n"); break;
			case '\r': buf_puts(b, "\\r"); break;
			case '\t': buf_puts(b, "\\t"); break;
			default:
				if (c < 0x20 || c == '<' || c == '>' ||
				    c == '&') {
					buf_puts(b, "\\u00");
					buf_putc(b, hex[c >> 4]);
					buf_putc(b, hex[c & 0x0F]);
				} else
					buf_putc(b, c);
				break;
			}
			s++, n--;
			continue;
		}
		if ((k = utf8_decode(s, n, &cp)) == 0) {
			buf_puts(b, "\xEF\xBF\xBD");	/* U+FFFD */
			s++, n--;
			continue;
		}
		if (cp == 0x2028 || cp == 0x2029)
			buf_printf(b, "\\u%04x", cp);
		else
			buf_put(b, s, k);
		s += k, n -= k;
	}
	buf_putc(b, '"');
}

/*
 * A small pretty-printer: objects and arrays of objects one member a
 * line, arrays of scalars on one line.  first[] tracks whether the
 * container at each depth already has a member.
 */
#define	JW_MAXDEPTH	16

struct jw {
	struct buf	*b;
	int		 depth;
	int		 first[JW_MAXDEPTH];
};

/* Separator, new line and indentation before a member; then its key. */
static void
S_member(struct jw *w, const char *key)
{
	int	 i;

	if (!w->first[w->depth])
		buf_putc(w->b, ',');
	w->first[w->depth] = 0;
	buf_putc(w->b, '\n');
	for (i = 0; i < w->depth; i++)
		buf_puts(w->b, "  ");
	if (key != NULL) {
		export_json_str(w->b, key);
		buf_puts(w->b, ": ");
	}
}

static void
S_open(struct jw *w, const char *key, int c)
{
	S_member(w, key);
	buf_putc(w->b, c);
	if (w->depth + 1 >= JW_MAXDEPTH)
		abort();	/* our own structure: a programming error */
	w->first[++w->depth] = 1;
}

static void
S_close(struct jw *w, int c)
{
	int	 i, empty = w->first[w->depth];

	w->depth--;
	if (!empty) {
		buf_putc(w->b, '\n');
		for (i = 0; i < w->depth; i++)
			buf_puts(w->b, "  ");
	}
	buf_putc(w->b, c);
}

static void
S_str(struct jw *w, const char *key, const char *s)
{
	S_member(w, key);
	export_json_str(w->b, s);
}

static void
S_int(struct jw *w, const char *key, long long v)
{
	S_member(w, key);
	buf_printf(w->b, "%lld", v);
}

/*
 * An array of strings on one line, "key": ["a", "b"]: S_member() and
 * '[', then S_item() for the i-th string, then ']'.
 */
static void
S_item(struct buf *b, size_t i, const char *s)
{
	if (i > 0)
		buf_puts(b, ", ");
	export_json_str(b, s);
}

static void
S_export_texts(struct jw *w, const char *key, const struct texts *t)
{
	size_t	 i;

	S_member(w, key);
	buf_putc(w->b, '[');
	for (i = 0; i < t->n; i++)
		S_item(w->b, i, t->v[i].s);
	buf_putc(w->b, ']');
}

static void
S_hhmm(struct buf *b, int min)
{
	char	 s[8];

	snprintf(s, sizeof(s), "%02d:%02d", (min / 60) % 100, min % 60);
	export_json_str(b, s);
}

static void
S_export_partner(struct jw *w, const struct partner *p)
{
	struct buf	*b = w->b;
	const struct day_hours *dh;
	size_t		 i, j;
	int		 m, d;
	char		 date[16];

	S_open(w, NULL, '{');
	S_str(w, "slug", p->slug);
	S_str(w, "nom", p->nom.s);
	S_str(w, "sigle", p->sigle.s);
	S_str(w, "categorie", p->category != NULL ? p->category->key : NULL);
	S_member(w, "thematiques");
	buf_putc(b, '[');
	for (i = 0; i < p->nthematiques; i++)
		S_item(b, i, p->thematiques[i]->key);
	buf_putc(b, ']');
	S_str(w, "resume", p->resume.s);
	S_open(w, "missions", '[');
	for (i = 0; i < p->missions.n; i++)
		S_str(w, NULL, p->missions.v[i].s);
	S_close(w, ']');
	S_open(w, "actions", '[');
	for (i = 0; i < p->nactions; i++) {
		S_open(w, NULL, '{');
		S_str(w, "titre", p->actions[i].titre.s);
		S_str(w, "description", p->actions[i].description.s);
		S_close(w, '}');
	}
	S_close(w, ']');
	S_str(w, "public", p->public_.s);

	S_open(w, "acces", '{');
	S_member(w, "modalites");
	buf_putc(b, '[');
	for (m = 0, j = 0; m < MOD__COUNT; m++)
		if (p->modalites & (1u << m))
			S_item(b, j++, model_modalite_key((enum modalite)(1u << m)));
	buf_putc(b, ']');
	S_str(w, "cout", model_cout_key(p->cout));
	S_str(w, "precisions", p->acces_precisions.s);
	S_close(w, '}');

	S_export_texts(w, "langues", &p->langues);
	S_open(w, "accessibilite", '{');
	S_str(w, "niveau", model_accessibilite_key(p->accessibilite));
	S_str(w, "precisions", p->accessibilite_precisions.s);
	S_close(w, '}');

	S_open(w, "adresse", '{');
	S_str(w, "rue", p->adresse.rue.s);
	S_str(w, "complement", p->adresse.complement.s);
	S_str(w, "code_postal", p->adresse.code_postal.s);
	S_str(w, "ville", p->adresse.ville.s);
	S_close(w, '}');
	S_str(w, "transports", p->transports.s);

	if (!p->horaires.present) {
		S_member(w, "horaires");
		buf_puts(b, "null");
	} else {
		S_open(w, "horaires", '{');
		for (d = 0; d < 7; d++) {
			dh = &p->horaires.days[d];
			S_member(w, model_day_key(d));
			buf_putc(b, '[');
			for (i = 0; i < dh->n; i++) {
				buf_puts(b, i > 0 ? ", [" : "[");
				S_hhmm(b, dh->v[i].start);
				buf_puts(b, ", ");
				S_hhmm(b, dh->v[i].end);
				buf_putc(b, ']');
			}
			buf_putc(b, ']');
		}
		S_str(w, "precisions", p->horaires.precisions.s);
		S_close(w, '}');
	}

	if (p->telephone.raw.s == NULL && p->telephone.uri == NULL) {
		S_member(w, "telephone");
		buf_puts(b, "null");
	} else {
		S_open(w, "telephone", '{');
		S_str(w, "affichage", p->telephone.display);
		S_str(w, "uri", p->telephone.uri);
		S_close(w, '}');
	}
	S_str(w, "courriel", p->courriel.s);
	S_str(w, "site", p->site.s);
	S_member(w, "liens");
	buf_putc(b, '[');
	for (i = 0; i < p->nliens; i++)
		S_item(b, i, p->liens[i]->slug);
	buf_putc(b, ']');
	S_str(w, "mise_a_jour", S_iso_date(date, &p->mise_a_jour));
	S_str(w, "presentation", p->body);
	S_close(w, '}');
}

void
export_json(const struct site *s, struct buf *b)
{
	struct jw	 w;
	size_t		 i;

	memset(&w, 0, sizeof(w));
	w.b = b;
	buf_putc(b, '{');
	w.depth = 1;			/* inside the root object */
	w.first[1] = 1;
	S_int(&w, "edition", s->edition);
	S_str(&w, "titre", s->titre.s);
	S_str(&w, "sous_titre", s->sous_titre.s);
	S_str(&w, "url", s->url.s);
	S_open(&w, "categories", '[');
	for (i = 0; i < s->ncategories; i++) {
		S_open(&w, NULL, '{');
		S_str(&w, "cle", s->categories[i].key);
		S_str(&w, "libelle", s->categories[i].label);
		S_str(&w, "couleur", s->categories[i].color);
		S_close(&w, '}');
	}
	S_close(&w, ']');
	S_open(&w, "thematiques", '[');
	for (i = 0; i < s->nthematiques; i++) {
		S_open(&w, NULL, '{');
		S_str(&w, "cle", s->thematiques[i].key);
		S_str(&w, "libelle", s->thematiques[i].label);
		S_str(&w, "picto", s->thematiques[i].icon);
		S_close(&w, '}');
	}
	S_close(&w, ']');
	S_open(&w, "partenaires", '[');
	for (i = 0; i < s->npartners; i++)
		S_export_partner(&w, &s->partners[i]);
	S_close(&w, ']');
	buf_puts(b, "\n}\n");
}
