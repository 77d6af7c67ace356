/*
 * load_partner.h — a page's front matter to a struct partner
 * (loader-internal; needs load_int.h).
 */
#ifndef LOAD_PARTNER_H
#define LOAD_PARTNER_H

struct load_ctx;
struct page;
struct ynode;

/*
 * Reads every field of root, a page's front matter, into pg->p (whose
 * path, slug, body and body_line the caller has set) and the liens as
 * written into pg->liens (resolved by the caller); sets p->fpos.
 * Categories and thematiques are looked up in c->site; a reference to
 * one that has errors sets c->drop.  Every problem is a diagnostic:
 * the caller compares the error count to decide whether to keep it.
 */
void	 load_partner_read(struct load_ctx *c, const struct ynode *root,
	    struct page *pg);

#endif /* LOAD_PARTNER_H */
