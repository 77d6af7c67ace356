/*
 * pdf_pages.h — shared only by the files that lay out the booklet's
 * sections: pdf_pages.c (helpers, cover, front matter, back cover, the
 * order of it all), pdf_partner.c (category dividers, partner pages)
 * and pdf_index.c (the two indexes).  Machinery (boxes, pagination,
 * paragraphs) is in pdf_layout.h.
 */
#ifndef BK_H
#define BK_H

#include "lay.h"

/* Sizes of the booklet, relative to the theme's body size. */
#define	SZ_SMALL(l)	((l)->theme.body_size * 0.8)
#define	SZ_H2(l)	((l)->theme.body_size + 1.5)
#define	SZ_TITLE(l)	((l)->theme.body_size * 2.1)

/* ---- page references (lay_ref()) ------------------------------------- */

/* The targets: the partners, then the categories' dividers, then the sections. */
#define	REF_PARTNER(l, i)	(i)
#define	REF_CATEGORY(l, i)	((l)->site->npartners + (i))
#define	REF_SEC(l, s)		((l)->site->npartners + (l)->site->ncategories + (s))
#define	REF__COUNT(l)		REF_SEC(l, SEC__COUNT)

/* The sections a reference may point at. */
enum lay_sec {
	SEC_EDITO, SEC_GUIDE, SEC_CONTENTS, SEC_THEMATIC_INDEX, SEC_ALPHA, SEC_BACK,
	SEC__COUNT
};

/* ---- helpers (pdf_pages.c) ------------------------------------------- */

/* The printed number of a page index into out, "00" while unknown. */
void		 pages_pageno(size_t idx, char *out, size_t sz);
/* Index of a partner or category in the site's arrays. */
size_t		 pages_partner_index(const struct lay *,
		    const struct partner *);
size_t		 pages_category_index(const struct lay *,
		    const struct category *);
/* Source position of a partner's field, or of a text of file. */
struct src	 pages_psrc(const struct partner *, enum partner_field);
struct src	 pages_tsrc(const char *file, const struct text *);
/* A filled band of page pg, full width and into the bleed both sides. */
void		 pages_band(struct lay *, size_t pg, double y, double h,
		    unsigned int rgb);
/* Height of a list of boxes set on one page. */
double		 pages_vheight(const struct vlist *);
/*
 * A section title: large, bold, in rgb; with outline, an outline
 * entry.  Returns its box.
 */
struct vbox	*pages_title(struct lay *, struct vlist *out, const char *title,
		    unsigned int rgb, int outline);
/*
 * A line of a contents or an index, linked to page dest, with dot
 * leaders and the page number; see not NULL makes it "text, voir see".
 * Returns its last box, or NULL.
 */
struct vbox	*pages_leader(struct lay *, struct vlist *out, const char *text,
		    const char *see, enum pdf_face, double size,
		    unsigned int rgb, size_t dest, double indent,
		    double before, const struct src *);
/* A thématique's pictogram as UTF-8 into out, "" if none. */
void		 pages_picto(struct lay *, const struct thematique *,
		    char out[8]);
/* s with its first letter lowercased (A-Z, À), appended to b. */
void		 pages_lcfirst(struct buf *b, const char *s);
/* Capitals of a French label (ASCII, Latin-1 letters, œ); allocated. */
char		*pages_upper(const char *s);

/* ---- sections ---------------------------------------------------------- */

/* A category's divider page (pdf_partner.c). */
void		 pages_divider(struct lay *, const struct category *);
/* A partner's page or pages (pdf_partner.c). */
void		 pages_partner(struct lay *, const struct partner *);
/* The thématique index, by need, and the index by name (pdf_index.c). */
void		 pages_thematic_index(struct lay *);
void		 pages_alpha(struct lay *);
/* "Nouveautés de l'édition", when opts->news has any (pdf_news.c). */
void		 pages_news(struct lay *);

#endif /* BK_H */
