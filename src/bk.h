/*
 * bk.h — the booklet's sections, shared by the files that lay them
 * out: bk_book.c (layout_booklet(): the order of it all, furniture,
 * labels, metadata), bk_util.c (what the sections share), bk_cover.c
 * (cover, back cover, notes pages), bk_front.c (édito, "Mode
 * d'emploi", contents), bk_network.c (the partners' network), bk_news.c, bk_partner.c (category dividers,
 * partner pages) and bk_index.c (the two indexes).  Each section lays
 * itself out with the engine (lay.h: boxes, pagination, paragraphs,
 * page references), which knows none of them.  The entry point,
 * layout_booklet(), is declared in pdf.h.
 */
#ifndef BK_H
#define BK_H

#include "lay.h"

/* Sizes of the booklet, relative to the theme's body size. */
#define	SZ_SMALL(l)	((l)->theme.body_size * 0.8)
#define	SZ_H2(l)	((l)->theme.body_size + 1.5)
#define	SZ_TITLE(l)	((l)->theme.body_size * 2.1)

/* ---- page references (lay_ref()) ------------------------------------- */

/* The targets: the partners, the categories' dividers, the sections. */
#define	REF_PARTNER(l, i)	(i)
#define	REF_CATEGORY(l, i)	((l)->site->npartners + (i))
#define	REF_SEC(l, s)		((l)->site->npartners + (l)->site->ncategories + (s))
#define	REF__COUNT(l)		REF_SEC(l, SEC__COUNT)

/* The sections a reference may point at. */
enum bk_sec {
	SEC_EDITO, SEC_GUIDE, SEC_NETWORK, SEC_CONTENTS, SEC_THEMATIC_INDEX, SEC_ALPHA,
	SEC_BACK,
	SEC_NEWS,	/* "Nouveautés de l'édition", when there is one */
	SEC__COUNT
};

/* ---- helpers (bk_util.c) --------------------------------------------- */

/* The printed number of a page index into out, "00" while unknown. */
void		 bk_pageno(size_t idx, char *out, size_t sz);
/* Index of a partner or category in the site's arrays. */
size_t		 bk_partner_index(const struct lay *,
		    const struct partner *);
size_t		 bk_category_index(const struct lay *,
		    const struct category *);
/* Source position of a partner's field, or of a text of file. */
struct src	 bk_psrc(const struct partner *, enum partner_field);
struct src	 bk_tsrc(const char *file, const struct text *);
/* A filled band of page pg, full width and into the bleed both sides. */
void		 bk_band(struct lay *, size_t pg, double y, double h,
		    unsigned int rgb);
/* Height of a list of boxes set on one page. */
double		 bk_vheight(const struct vlist *);
/*
 * A section title: large, bold, in rgb; with outline, an outline
 * entry.  Returns its box.
 */
struct vbox	*bk_title(struct lay *, struct vlist *out, const char *title,
		    unsigned int rgb, int outline);
/*
 * A line of a contents or an index, linked to page dest, with dot
 * leaders and the page number; see not NULL makes it "text, voir see".
 * Returns its last box, or NULL.
 */
struct vbox	*bk_leader(struct lay *, struct vlist *out, const char *text,
		    const char *see, enum pdf_face, double size,
		    unsigned int rgb, size_t dest, double indent,
		    double before, const struct src *);
/* A thématique's pictogram as UTF-8 into out, "" if none. */
void		 bk_picto(struct lay *, const struct thematique *,
		    char out[8]);
/* s with its first letter lowercased (A-Z, À), appended to b. */
void		 bk_lcfirst(struct buf *b, const char *s);
/* Capitals of a French label (ASCII, Latin-1 letters, œ); allocated. */
char		*bk_upper(const char *s);

/* A heading inside a section: never ends a page.  Returns its box. */
struct vbox	*bk_heading(struct lay *, struct vlist *out, const char *text,
		    unsigned int rgb, double before);
/* A body paragraph of plain text, the theme's size and leading. */
void		 bk_body_text(struct lay *, struct vlist *out, const char *text,
		    enum pdf_face, unsigned int rgb, double before,
		    const struct src *);

/* ---- sections, in reading order ------------------------------------------ */

/* The cover (bk_cover.c). */
void		 bk_cover(struct lay *);
/* Édito, "Mode d'emploi", contents (bk_front.c). */
void		 bk_edito(struct lay *);
void		 bk_guide(struct lay *);
void		 bk_contents(struct lay *);
/*
 * "Le réseau des partenaires", when some partner names another: a
 * page, or one per category in a large edition (bk_network.c).
 */
void		 bk_network(struct lay *);
/* An edition without partners: one page that says so (bk_front.c). */
void		 bk_no_partner(struct lay *);
/* A category's divider page (bk_partner.c). */
void		 bk_divider(struct lay *, const struct category *);
/* A partner's page or pages (bk_partner.c). */
void		 bk_partner(struct lay *, const struct partner *);
/* The thématique index, by need, and the index by name (bk_index.c). */
void		 bk_thematic_index(struct lay *);
void		 bk_alpha(struct lay *);
/* "Nouveautés de l'édition", when opts->news has any (bk_news.c). */
void		 bk_news(struct lay *);

/* Ruled notes pages until the back cover ends a multiple of four pages,
   and the back cover (bk_cover.c). */
void		 bk_notes(struct lay *);
void		 bk_back(struct lay *);

#endif /* BK_H */
