/*
 * export_jsonld.h — schema.org descriptions (JSON-LD) for the site's
 * pages, so that search engines and other tools read who the partners
 * are and how to reach them.
 *
 * Pure functions: each appends one JSON object to a struct buf.  Only
 * what the page shows is described: never the named referents
 * (`contacts'), `suivi' or `note_suivi'.  Strings are written with
 * export_json_str(), which escapes < > & U+2028 U+2029: the object can
 * be put as is inside <script type="application/ld+json">, whatever a
 * partner wrote ("</script>", "<!--").
 */
#ifndef EXPORT_JSONLD_H
#define EXPORT_JSONLD_H

#include "model.h"
#include "util.h"

/*
 * One partner as an Organization:
 *   @id          page URL + "#organisation" (with the site's url)
 *   name, alternateName (sigle), description (résumé)
 *   url          the partner's own site; mainEntityOfPage its page here
 *   telephone    E.164 ("+33199001234"; a short number as is)
 *   email, knowsLanguage (codes)
 *   address      PostalAddress: streetAddress (rue[, complement]),
 *                postalCode, addressLocality, addressCountry "FR"
 *   location     Place with the same address and its
 *                openingHoursSpecification: one per range, the days
 *                with the same ranges together ("https://schema.org/
 *                Monday"), opens/closes "09:00" ("24:00" as "23:59")
 * Absent values are left out.
 */
void	 export_jsonld_partner(const struct site *, const struct partner *,
	    struct buf *);
/*
 * The site as a WebSite: name (titre), description (sous_titre), url,
 * inLanguage "fr", and its publisher (the éditeur, else the
 * coordination) as an Organization with its address and contacts.
 */
void	 export_jsonld_site(const struct site *, struct buf *);

#endif /* EXPORT_JSONLD_H */
