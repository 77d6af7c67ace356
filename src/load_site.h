/*
 * load_site.h — site.yaml to the site's fields (loader-internal; needs
 * load_int.h).
 */
#ifndef LOAD_SITE_H
#define LOAD_SITE_H

struct load_ctx;
struct site;

/*
 * Reads s->path (site.yaml) into s: titre, sous_titre, edition, url
 * (ending in '/'), editeur, coordination, edito, categories,
 * thematiques, data_inclusion.  A category or thematique with an error
 * is left out and its key kept in c->badcats or c->badthems (pages
 * naming it are then dropped without a second error);
 * c->edition_pos is set.  Returns 0 only when site.yaml cannot be read
 * at all (a diagnostic says why); 1 otherwise, errors or not.
 */
int	 load_site_read(struct load_ctx *c, struct site *s);

#endif /* LOAD_SITE_H */
