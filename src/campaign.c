/*
 * campaign.c — `annuaire campaign`; see campaign.h.
 */
#include <sys/stat.h>

#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "campaign.h"
#include "campaign_state.h"
#include "diag.h"
#include "export.h"
#include "form.h"
#include "mail.h"
#include "model.h"
#include "page_write.h"
#include "report.h"
#include "template.h"
#include "typo.h"
#include "util.h"
#include "validate.h"

#define	CAMP_MAX_TEMPLATE	(256 * 1024)
#define	CAMP_DEFAULT_DAYS	30
#define	CAMP_ONGOING_DAYS	183	/* see S_ongoing() */

/* What one run works with. */
struct camp {
	const struct site	  *site;
	const struct campaign_opts *o;
	struct campaign		   st;
	struct diags		  *d;
	char			  *dir;		/* OUT/campagne */
	struct date		   today;
	struct tpl		  *tpl[2];	/* courriel, relance */
	char			  *tplfile[2];
	struct form_index	  *forms;	/* made once for every form */
};

static const char S_readme[] =
"Campagne de mise à jour des fiches — fichiers de travail\r\n"
"==========================================================\r\n"
"\r\n"
"Ce dossier a été écrit par « annuaire campaign ». Il n'est pas publié :\r\n"
"ne le copiez pas sur le site, il contient les contacts nominatifs de\r\n"
"chaque partenaire.\r\n"
"\r\n"
"- <fiche>.html : le formulaire d'un partenaire, pré-rempli avec sa fiche.\r\n"
"  Il s'ouvre dans un navigateur, sans connexion, et télécharge la fiche\r\n"
"  corrigée (<fiche>.md).\r\n"
"- <fiche>.eml : le courriel prêt à envoyer à ce partenaire, formulaire\r\n"
"  joint. Double-cliquez : Outlook ou Thunderbird l'ouvre comme un\r\n"
"  brouillon ; relisez-le, puis envoyez-le.\r\n"
"- campagne.csv : qui a été sollicité, quand, à quelle adresse (pour un\r\n"
"  publipostage).\r\n"
"\r\n"
"Déposez les fiches renvoyées par les partenaires dans un dossier (par\r\n"
"exemple « retours/ »), puis :\r\n"
"\r\n"
"  annuaire import retours/            ce qui changerait, fiche par fiche\r\n"
"  annuaire import retours/ --apply    pour l'appliquer\r\n"
"  annuaire report                     où en est chaque partenaire\r\n";

int
campaign_parse_only(const char *s, unsigned int *bits, char **bad)
{
	static const struct { const char *w; unsigned int bit; } words[] = {
		{ "relancer", CAMP_ONLY_RELANCER },
		{ "en_attente", CAMP_ONLY_EN_ATTENTE },
		{ "en-attente", CAMP_ONLY_EN_ATTENTE },
		{ "stale", CAMP_ONLY_STALE },
		{ "ancienne", CAMP_ONLY_STALE },
		{ "sans_reponse", CAMP_ONLY_SANS_REPONSE },
		{ "sans-reponse", CAMP_ONLY_SANS_REPONSE },
	};
	char	*dup = xstrdup(s), *w, *save = NULL;
	size_t	 i;

	*bits = 0;
	*bad = NULL;
	for (w = strtok_r(dup, ",", &save); w != NULL;
	    w = strtok_r(NULL, ",", &save)) {
		for (i = 0; i < sizeof(words) / sizeof(words[0]); i++)
			if (strcmp(w, words[i].w) == 0)
				break;
		if (i == sizeof(words) / sizeof(words[0])) {
			*bad = xstrdup(w);
			free(dup);
			return 0;
		}
		*bits |= words[i].bit;
	}
	free(dup);
	if (*bits == 0)
		*bad = xstrdup(s);
	return *bits != 0;
}

/* The theme's campagne/NAME, or the default theme's; parsed. */
static struct tpl *
S_camp_template(struct camp *c, const char *name, char **file)
{
	const char	*dirs[2] = { c->o->theme_dir, c->o->default_theme_dir };
	char		*rel = xasprintf("campagne/%s", name), *path, *src;
	struct tpl	*t = NULL;
	size_t		 i, len;

	*file = NULL;
	for (i = 0; i < 2; i++) {
		if (dirs[i] == NULL)
			continue;
		path = path_join(dirs[i], rel);
		if (file_read(path, CAMP_MAX_TEMPLATE, &src, &len)) {
			t = tpl_parse(src, path, c->d);
			free(src);
			*file = path;
			break;
		}
		if (i == 1 || dirs[1] == NULL)
			diag_error(c->d, path, 0, 0, "cannot read the "
			    "template: %s", strerror(errno));
		free(path);
	}
	free(rel);
	return t;
}

/* Whether the partner is chosen by the options. */
static int
S_chosen(struct camp *c, const struct partner *p)
{
	const struct campaign_opts *o = c->o;
	struct camp_partner *cp = campaign_state_get(&c->st, p->slug, 0);
	int	 asked = cp && campaign_date_set(&cp->demande);
	int	 answered = cp && campaign_date_set(&cp->reponse);
	size_t	 i;

	if (o->nslugs > 0) {
		for (i = 0; i < o->nslugs; i++)
			if (strcmp(o->slugs[i], p->slug) == 0)
				return 1;
		return 0;
	}
	if (answered)
		return 0;
	if (o->relance && !asked)
		return 0;
	if (o->only == 0)
		return 1;
	return ((o->only & CAMP_ONLY_RELANCER) && p->suivi == SUIVI_RELANCER) ||
	    ((o->only & CAMP_ONLY_EN_ATTENTE) && p->suivi == SUIVI_EN_ATTENTE) ||
	    ((o->only & CAMP_ONLY_STALE) && p->mise_a_jour.y <
	    c->site->edition) ||
	    ((o->only & CAMP_ONLY_SANS_REPONSE) && asked);
}

/*
 * Whether the request to cp is a reminder: asked before today and not
 * answered.  Asked today, it is the same request again.
 */
static int
S_reminder(const struct camp *c, const struct camp_partner *cp)
{
	return cp != NULL && campaign_date_set(&cp->demande) &&
	    !campaign_date_set(&cp->reponse) &&
	    campaign_date_cmp(&cp->demande, &c->today) != 0;
}

/*
 * --relance: OUT/campagne/ keeps only what this run prepared; the
 * form and draft of every other partner of the campaign go (a
 * symbolic link or another file of that name is left alone).
 */
static int
S_prune(struct camp *c, const unsigned char *done)
{
	static const char *const ext[] = { "html", "eml" };
	struct stat	 st;
	char		*path;
	size_t		 i, j;
	int		 ok = 1;

	for (i = 0; i < c->site->npartners; i++) {
		if (done[i])
			continue;
		for (j = 0; j < 2; j++) {
			path = xasprintf("%s/%s.%s", c->dir,
			    c->site->partners[i].slug, ext[j]);
			if (lstat(path, &st) == 0 && S_ISREG(st.st_mode) &&
			    unlink(path) == -1) {
				diag_error(c->d, path, 0, 0, "cannot remove: %s",
				    strerror(errno));
				ok = 0;
			}
			free(path);
		}
	}
	return ok;
}

/* Recipients: the partner's courriel, then its referents' (no repeats). */
static size_t
S_recipients(const struct partner *p, struct mail_addr *to, char **dispname)
{
	size_t	 n = 0, i, j;
	const char *a;

	*dispname = model_display_name(p);
	if (p->courriel.s != NULL) {
		to[n].name = *dispname;
		to[n++].addr = p->courriel.s;
	}
	for (i = 0; i < p->ncontacts; i++) {
		if ((a = p->contacts[i].courriel.s) == NULL)
			continue;
		for (j = 0; j < n; j++)
			if (strcasecmp(to[j].addr, a) == 0)
				break;
		if (j < n)
			continue;
		to[n].name = p->contacts[i].nom.s;
		to[n++].addr = a;
	}
	return n;
}

/* The form for p (form.h). */
static int
S_form(struct camp *c, const struct partner *p, struct buf *out)
{
	if (c->forms == NULL)
		c->forms = form_index_new(c->site);
	return form_render(c->site, p, c->forms, c->st.edition,
	    c->o->theme_dir, c->o->default_theme_dir, out, c->d);
}

/*
 * Write OUT/campagne/NAME atomically, not flushed: S_sync_folders() flushes
 * them all at once before campagne.yaml is written (a flush per file
 * made most of a large campaign's time).
 */
static int
S_camp_write(struct camp *c, const char *name, const void *data, size_t len)
{
	char	*path = path_join(c->dir, name);
	int	 ok;

	if (!(ok = file_write_replace(path, data, len)))
		diag_error(c->d, path, 0, 0, "cannot write: %s",
		    strerror(errno));
	free(path);
	return ok;
}

/*
 * Flush what the run wrote (OUT/campagne/ and the pages kept in
 * content/campagne-envois/, two file systems perhaps) to disk, so that
 * campagne.yaml, written after, never names forms or kept pages a
 * power cut lost.
 */
static int
S_sync_folders(struct camp *c)
{
	char		*sent = path_join(c->site->content_dir, CAMPAIGN_SENT_DIR);
	const char	*dirs[2] = { c->dir, sent };
	struct stat	 st[2];
	int		 i, n = 1, ok = 1;

	/* One syncfs() flushes a whole file system: the second folder
	   only when it is on another one. */
	if (stat(sent, &st[1]) == 0 && S_ISDIR(st[1].st_mode) &&
	    (stat(c->dir, &st[0]) == -1 || st[0].st_dev != st[1].st_dev))
		n = 2;
	for (i = 0; ok && i < n; i++)
		if (!fs_sync(dirs[i])) {
			diag_error(c->d, dirs[i], 0, 0,
			    "cannot flush to disk: %s", strerror(errno));
			ok = 0;
		}
	free(sent);
	return ok;
}

/* s with its spaces no-break (a phone number is not cut); NULL stays. */
static char *
S_no_break_copy(const char *s)
{
	struct buf	 b;

	if (s == NULL)
		return NULL;
	buf_init(&b);
	for (; *s != '\0'; s++)
		if (*s == ' ')
			buf_puts(&b, "\xc2\xa0");
		else
			buf_putc(&b, *s);
	return buf_detach(&b);
}

/*
 * The text of the e-mail: the template's first line "Objet : ..." is
 * the subject, the rest after one blank line the body.
 */
static int
S_mail_text(struct camp *c, const struct partner *p, int reminder,
    const struct camp_partner *cp, char **subject, char **text)
{
	const struct site *s = c->site;
	struct tval	*ctx = tval_map();
	struct buf	 out;
	char		*nom = model_display_name(p), *e, *nl, *sub, *fr;
	int		 ok;

	tval_set_str(ctx, "titre", s->titre.s);
	tval_set_num(ctx, "edition", c->st.edition);
	tval_set_str(ctx, "nom", nom);
	tval_set_str(ctx, "slug", p->slug);
	tval_set(ctx, "formulaire", tval_str_own(xasprintf("%s.html",
	    p->slug)));
	tval_set(ctx, "fiche", tval_str_own(xasprintf("%s.md", p->slug)));
	tval_set(ctx, "echeance", tval_str_own(date_fr(&c->st.echeance)));
	tval_set(ctx, "demande", tval_str_own(date_fr(&cp->demande)));
	if (campaign_date_set(&cp->recu)) {
		/* What came back that is not a page (import_inbox.h). */
		tval_set(ctx, "recu", tval_str_own(date_fr(&cp->recu)));
		tval_set(ctx, "inutilisable", tval_str_own(mail_unusable_text(
		    cp->inutilisable)));
	}
	tval_set_str(ctx, "coordination_nom", s->coordination.nom.s);
	tval_set_str(ctx, "coordination_courriel", s->coordination.courriel.s);
	tval_set(ctx, "coordination_telephone", tval_str_own(S_no_break_copy(
	    s->coordination.telephone.display)));
	tval_set_str(ctx, "editeur", s->editeur.nom.s);
	/* Names as they read in a sentence (model_org_phrase()). */
	tval_set(ctx, "editeur_le_nom", tval_str_own(model_org_phrase(
	    &s->editeur, ORG_NOM)));
	tval_set(ctx, "coordination_le_nom", tval_str_own(model_org_phrase(
	    &s->coordination, ORG_NOM)));
	tval_set(ctx, "coordination_au_nom", tval_str_own(model_org_phrase(
	    &s->coordination, ORG_A)));
	free(nom);
	buf_init(&out);
	ok = tpl_render(c->tpl[reminder], ctx, NULL, NULL, &out, c->d);
	tval_free(ctx);
	if (!ok) {
		buf_free(&out);
		return 0;
	}
	e = buf_detach(&out);
	sub = NULL;
	if (strncmp(e, "Objet", 5) == 0 && (nl = strchr(e, '\n')) != NULL) {
		const char *v = strchr(e, ':');

		if (v != NULL && v < nl) {
			*nl = '\0';
			sub = str_trim(v + 1);
			nl++;
			while (*nl == '\n')
				nl++;
			/* French rules first: no-break spaces bind
			 * « » : ; ? ! to their words, then wrapping
			 * never separates them. */
			fr = typo_fr(nl);
			*text = mail_wrap(fr, 72);
			free(fr);
		}
	}
	if (sub == NULL) {
		diag_error(c->d, c->tplfile[reminder], 1, 1, "the template must "
		    "start with a line \"Objet : ...\" (the subject), then a "
		    "blank line and the text");
		free(e);
		return 0;
	}
	*subject = sub;
	free(e);
	return 1;
}

/* The domain of the coordination's address, for Message-ID. */
static const char *
S_domain(const struct site *s)
{
	const char *at = s->coordination.courriel.s ?
	    strrchr(s->coordination.courriel.s, '@') : NULL;

	return at ? at + 1 : "annuaire.invalid";
}

/*
 * The Message-ID, "<campagne-EDITION-SLUG-DATE[-relance]@DOMAIN>", at
 * most 77 characters when the domain allows: its header line, folded,
 * then holds in 78 columns (RFC 5322 2.1.1).  A slug too long for it is
 * cut and followed by 8 hex digits of its FNV-1a hash, so that two long
 * slugs alike in their start still get two identifiers; allocated.
 */
static char *
S_message_id(const struct camp *c, const char *slug, const char *iso,
    int reminder)
{
	const char	*dom = S_domain(c->site), *rel = reminder ? "-relance" : "";
	uint32_t	 h = 2166136261u;
	size_t		 len = strlen(slug), fixed;
	char		*mid;
	const char	*q;

	mid = xasprintf("<campagne-%d-%s-%s%s@%s>", c->st.edition, slug, iso,
	    rel, dom);
	if (strlen(mid) <= 77)
		return mid;
	fixed = strlen(mid) - len + 9;		/* "-" and 8 hex digits */
	if (fixed >= 77)
		return mid;			/* the domain is too long */
	free(mid);
	for (q = slug; *q != '\0'; q++)
		h = (h ^ (unsigned char)*q) * 16777619u;
	len = 77 - fixed;
	while (len > 0 && slug[len - 1] == '-')
		len--;
	return xasprintf("<campagne-%d-%.*s-%08x-%s%s@%s>", c->st.edition,
	    (int)len, slug, (unsigned int)h, iso, rel, dom);
}

static int
S_ask_partner(struct camp *c, const struct partner *p, struct buf *summary)
{
	struct mail_addr to[64];
	struct camp_partner *cp;
	struct buf	 form, eml, addrs;
	struct mail	 m;
	char		*dispname = NULL, *subject = NULL, *text = NULL,
			*name = NULL, *mid = NULL, iso[11];
	size_t		 nto, i;
	int		 reminder, ok = 0;

	buf_init(&form);
	buf_init(&eml);
	buf_init(&addrs);
	nto = p->ncontacts + 1 < 64 ? S_recipients(p, to, &dispname) : 0;
	cp = campaign_state_get(&c->st, p->slug, 1);
	reminder = S_reminder(c, cp);
	if (reminder)
		cp->relance = c->today;
	else {
		cp->demande = c->today;
		memset(&cp->relance, 0, sizeof(cp->relance));
		memset(&cp->reponse, 0, sizeof(cp->reponse));
		free(cp->empreinte);
		cp->empreinte = campaign_fingerprint(p->path);
		/* The page as sent, for import's three-way merge. */
		if (!campaign_keep_sent(c->site->content_dir, p->slug, p->path,
		    c->d))
			goto out;
	}
	for (i = 0; i < nto; i++)
		buf_printf(&addrs, "%s%s", i ? ", " : "", to[i].addr);
	free(cp->adresses);
	cp->adresses = nto ? xstrdup(buf_cstr(&addrs)) : NULL;
	if (nto == 0)
		diag_warn(c->d, p->path, p->fpos[PF_COURRIEL].line ?
		    p->fpos[PF_COURRIEL].line : 1, 1, "no e-mail address "
		    "(courriel, or a contact's): the draft %s/%s.eml has no "
		    "recipient; send the form by hand", c->dir, p->slug);

	if (!S_form(c, p, &form))
		goto out;
	name = xasprintf("%s.html", p->slug);
	if (!S_camp_write(c, name, form.data, form.len))
		goto out;
	if (!S_mail_text(c, p, reminder, cp, &subject, &text))
		goto out;
	date_iso(&c->today, iso);
	mid = S_message_id(c, p->slug, iso, reminder);
	memset(&m, 0, sizeof(m));
	m.from.name = c->site->coordination.nom.s;
	m.from.addr = c->site->coordination.courriel.s;
	m.to = to;
	m.nto = nto;
	m.subject = subject;
	m.text = text;
	m.date = c->o->now;
	m.message_id = mid;
	m.attach_name = name;
	m.attach_type = "text/html; charset=UTF-8";
	m.attach = form.data ? form.data : "";
	m.attach_len = form.len;
	mail_write(&m, &eml);
	free(name);
	name = xasprintf("%s.eml", p->slug);
	if (!S_camp_write(c, name, eml.data, eml.len))
		goto out;
	buf_printf(summary, "%-32s %-8s %s\n", p->slug, reminder ?
	    "relance" : "demande", nto ? buf_cstr(&addrs) :
	    "(aucune adresse)");
	ok = 1;
out:
	free(dispname);
	free(subject);
	free(text);
	free(name);
	free(mid);
	buf_free(&form);
	buf_free(&eml);
	buf_free(&addrs);
	return ok;
}

/* The partner's name as the site prints it (typo_fr()); allocated. */
static char *
S_people_name(const struct partner *p)
{
	char	*n = model_display_name(p), *t = typo_fr(n);

	free(n);
	return t;
}

/* campagne.csv: every partner asked in this campaign. */
static int
S_campagne_csv(struct camp *c)
{
	/* For the coordinator's spreadsheet: ";" and a BOM, as a French
	 * Excel or LibreOffice opens it in columns; dates ISO 8601. */
	static const char *const head[] = {
		"nom", "slug", "courriel", "demande", "relance", "reponse",
		"echeance", "formulaire", "brouillon"
	};
	struct buf	 b;
	size_t		 i, j;
	char		 d1[11], d2[11], d3[11], e[11], *f, *g, *nom;
	int		 ok;

	buf_init(&b);
	buf_puts(&b, "\xef\xbb\xbf");
	for (i = 0; i < sizeof(head) / sizeof(head[0]); i++) {
		if (i)
			buf_putc(&b, ';');
		buf_puts(&b, head[i]);
	}
	buf_puts(&b, "\r\n");
	date_iso(&c->st.echeance, e);
	for (i = 0; i < c->st.n; i++) {
		const struct camp_partner *cp = &c->st.v[i];
		const struct partner *p = model_partner(c->site, cp->slug);

		if (!campaign_date_set(&cp->demande))
			continue;
		date_iso(&cp->demande, d1);
		date_iso(&cp->relance, d2);
		date_iso(&cp->reponse, d3);
		f = xasprintf("%s.html", cp->slug);
		g = xasprintf("%s.eml", cp->slug);
		nom = p ? S_people_name(p) : xstrdup("");
		{
			const char *v[] = { nom, cp->slug, cp->adresses, d1,
			    d2, d3, e, f, g };

			for (j = 0; j < sizeof(v) / sizeof(v[0]); j++) {
				if (j)
					buf_putc(&b, ';');
				export_csv_field(&b, ';', v[j]);
			}
		}
		buf_puts(&b, "\r\n");
		free(f);
		free(g);
		free(nom);
	}
	ok = S_camp_write(c, "campagne.csv", b.data, b.len);
	buf_free(&b);
	return ok;
}

/*
 * Whether the campaign of st goes on: it prepares an edition later than
 * site.yaml's, or site.yaml already has its edition (the coordinator
 * set it before building) and it was prepared less than half a year
 * ago — a late answer or reminder after the build.  Otherwise a new
 * campaign starts, for the edition after site.yaml's.
 */
static int
S_ongoing(const struct campaign *st, const struct site *s, long long now)
{
	struct date	 limit;

	if (st->edition > s->edition)
		return 1;
	if (st->edition != s->edition || !campaign_date_set(&st->preparee))
		return 0;
	date_from_epoch(now - CAMP_ONGOING_DAYS * 86400LL, &limit);
	return campaign_date_cmp(&st->preparee, &limit) > 0;
}

int
campaign_prepare(const struct site *s, const struct campaign_opts *o,
    struct buf *summary, struct diags *d)
{
	struct camp	 c;
	size_t		 i, asked = 0, reminded = 0, before = d->errors;
	size_t		 nchosen = 0;
	unsigned char	*done = NULL, *pick = NULL;
	const char	**chosen = NULL;
	char		 e1[11], e2[11];
	int		 ok = 0;

	memset(&c, 0, sizeof(c));
	c.site = s;
	c.o = o;
	c.d = d;
	date_from_epoch(o->now, &c.today);
	if (s->coordination.courriel.s == NULL) {
		diag_error(d, s->path, 0, 0, "coordination: a courriel is "
		    "needed to send the requests from");
		return 0;
	}
	for (i = 0; i < o->nslugs; i++)
		if (model_partner(s, o->slugs[i]) == NULL)
			diag_error(d, NULL, 0, 0, "no partner \"%s\" (a slug is "
			    "the name of a page without .md)", o->slugs[i]);
	if (d->errors != before)
		return 0;
	if (!campaign_state_read(s->content_dir, &c.st, d))
		return 0;
	if (!S_ongoing(&c.st, s, o->now)) {
		/* A new year: start again. */
		campaign_state_free(&c.st);
		c.st.edition = s->edition + 1;
		c.st.preparee = c.today;
	}
	if (campaign_date_set(&o->echeance))
		c.st.echeance = o->echeance;
	else if (!campaign_date_set(&c.st.echeance))
		date_from_epoch(o->now + CAMP_DEFAULT_DAYS * 86400LL,
		    &c.st.echeance);
	if (campaign_date_cmp(&c.st.echeance, &c.today) < 0 && !o->force) {
		date_iso(&c.st.echeance, e1);
		date_iso(&c.today, e2);
		diag_error(d, NULL, 0, 0, "the deadline %s is past (today is "
		    "%s): give a later one with --echeance YYYY-MM-DD, or "
		    "keep it with --force", e1, e2);
		goto out;
	}
	c.tpl[0] = S_camp_template(&c, "courriel.mustache", &c.tplfile[0]);
	c.tpl[1] = S_camp_template(&c, "relance.mustache", &c.tplfile[1]);
	if (c.tpl[0] == NULL || c.tpl[1] == NULL)
		goto out;
	c.dir = path_join(o->out_dir, "campagne");
	if (!mkdir_p(c.dir)) {
		diag_error(d, c.dir, 0, 0, "cannot create: %s", strerror(errno));
		goto out;
	}
	if (!S_camp_write(&c, "README.txt", S_readme, sizeof(S_readme) - 1))
		goto out;
	done = xcalloc(s->npartners ? s->npartners : 1, 1);
	/*
	 * Who is asked, then their entries added in one sort (one at a
	 * time, a campaign of n partners moved n * n / 2 entries).
	 */
	chosen = xcalloc(s->npartners ? s->npartners : 1, sizeof(*chosen));
	pick = xcalloc(s->npartners ? s->npartners : 1, 1);
	for (i = 0; i < s->npartners; i++)
		if (S_chosen(&c, &s->partners[i])) {
			chosen[nchosen++] = s->partners[i].slug;
			pick[i] = 1;
		}
	campaign_state_add(&c.st, chosen, nchosen);
	for (i = 0; i < s->npartners; i++) {
		const struct partner *p = &s->partners[i];
		struct camp_partner *cp;
		int was;

		if (!pick[i])
			continue;
		cp = campaign_state_get(&c.st, p->slug, 0);
		was = S_reminder(&c, cp);
		if (!S_ask_partner(&c, p, summary))
			goto out;
		done[i] = 1;
		if (was)
			reminded++;
		else
			asked++;
	}
	if (o->relance && !S_prune(&c, done))
		goto out;
	if (!S_campagne_csv(&c))
		goto out;
	if (!S_sync_folders(&c))
		goto out;
	if (!campaign_state_write(s->content_dir, &c.st, d))
		goto out;
	buf_printf(summary, "%zu demande%s, %zu relance%s ; échéance ",
	    asked, asked > 1 ? "s" : "", reminded, reminded > 1 ? "s" : "");
	{
		char *e = date_fr(&c.st.echeance);

		buf_printf(summary, "%s ; campagne %d\n", e, c.st.edition);
		free(e);
	}
	ok = 1;
out:
	tpl_free(c.tpl[0]);
	tpl_free(c.tpl[1]);
	free(c.tplfile[0]);
	free(c.tplfile[1]);
	free(c.dir);
	form_index_free(c.forms);
	free(done);
	free(chosen);
	free(pick);
	campaign_state_free(&c.st);
	return ok;
}
