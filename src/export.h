/*
 * export.h — the directory as data: vCard, CSV and JSON.
 *
 * Pure functions: each appends to a struct buf and never touches files
 * (the site renderer writes them).  Only published fields are
 * exported: the named referents (`contacts'), `suivi' and `note_suivi'
 * never appear, nor does anything else that the site does not show.
 * Output depends on the model alone, byte for byte.
 */
#ifndef EXPORT_H
#define EXPORT_H

#include "model.h"
#include "util.h"

/*
 * Where the site publishes one partner's vCard, relative to the site
 * root: "partenaires/SLUG.vcf" (beside partenaires/SLUG.html).  The
 * vCard's SOURCE property points there.  Allocated.
 */
char	*export_vcard_path(const struct partner *);

/*
 * One vCard 4.0 (RFC 6350) for partner p of site s, UTF-8, CRLF line
 * ends, lines folded at 75 octets without splitting a UTF-8 sequence:
 *
 *   BEGIN:VCARD / VERSION:4.0 / KIND:org
 *   FN, ORG            nom (ORG is the organisation, FN how to show it)
 *   NICKNAME           sigle, when given ("another name for the object")
 *   TEL;VALUE=uri;TYPE=work,voice:tel:+33199001234
 *   EMAIL;TYPE=work    courriel
 *   URL                site (the partner's own web site)
 *   ADR;TYPE=work      ;complement;rue;ville;;code_postal;France
 *   NOTE               résumé
 *   CATEGORIES         labels of the thématiques
 *   REV                mise_a_jour, 00:00 UTC (20180315T000000Z)
 *   SOURCE             site url + export_vcard_path(), when url is set
 *   UID                urn:uuid: name-based UUID (version 5, SHA-1) of
 *                      the site url (or "urn:annuaire:" without one)
 *                      followed by the slug: stable across editions
 *   END:VCARD
 *
 * Text values are escaped (\\ \, \; \n); control characters other
 * than line feed are dropped.
 */
void	 export_vcard(const struct site *, const struct partner *,
	    struct buf *);
/* Every partner's vCard, in site order (one .vcf for the directory). */
void	 export_vcards_all(const struct site *, struct buf *);

/*
 * The directory as a table (RFC 4180): comma-separated, CRLF record
 * ends, a field quoted when it holds a comma, a double quote, CR or LF
 * (quotes doubled; line breaks inside a field kept as LF).  UTF-8 with
 * a byte order mark: without it Excel on Windows reads the file as
 * Windows-1252 and shows "Ã©" for "é"; LibreOffice and Python's csv
 * ("utf-8-sig") accept it.  One header row in French:
 *
 *   slug,nom,sigle,categorie,thematiques,resume,telephone,courriel,
 *   site,rue,complement,code_postal,ville,modalites,cout,langues,
 *   mise_a_jour
 *
 * then one row per partner in site order.  Lists are joined with "; "
 * (labels: "Logement; Santé"); langues are language names
 * ("français; arabe"); telephone is the display form; mise_a_jour is
 * ISO 8601 (2018-03-15).
 *
 * Formula injection (OWASP "CSV Injection"): a field starting with
 * = + - @ TAB or CR would be run as a formula by a spreadsheet, so it
 * gets a leading apostrophe and is quoted ("'+32 2 123 45 67").  The
 * apostrophe shows in the cell; that is the price of safety, and
 * French numbers ("01 99 00 12 34") never need it.
 */
void	 export_csv(const struct site *, struct buf *);
/*
 * The same with another separator: ';' is what Excel expects when
 * double-clicking a .csv on a computer set to French.
 */
void	 export_csv_sep(const struct site *, int sep, struct buf *);
/*
 * One field of such a table, as export_csv() writes them: quoted when
 * it holds sep, a double quote, CR or LF (quotes doubled), and with
 * sep ';' also a comma or a tab (LibreOffice's import dialog splits on
 * tab, comma and semicolon unless told otherwise); a field
 * that would start a spreadsheet formula (= + - @ TAB CR) gets a
 * leading apostrophe and is quoted.  NULL is the empty field.  Also
 * the field writer of the campaign's and the report's CSV files.
 */
void	 export_csv_field(struct buf *, int sep, const char *);

/*
 * The directory as JSON, documented in docs/annuaire-json.md:
 * {"edition":2018,"titre":…,"categories":[…],"thematiques":[…],
 * "partenaires":[…]}.  Keys in a fixed order, two-space indentation,
 * integers only, an absent text is null and an absent list [].
 * Strings are escaped with export_json_str().
 */
void	 export_json(const struct site *, struct buf *);

/*
 * Append s as a JSON string literal, quotes included; NULL gives null.
 * Safe to embed in HTML, even inside <script>: besides " \ and the
 * control characters (\n \t … \u001f), < > & are written \u003c \u003e
 * \u0026 and U+2028, U+2029 (line breaks for JavaScript before ES2019)
 * \u2028 \u2029.  Invalid UTF-8 bytes become U+FFFD.
 */
void	 export_json_str(struct buf *, const char *);

/*
 * RFC 4122 name-based UUID, version 5 (SHA-1), of name in namespace ns
 * (16 bytes), as 36 lowercase characters plus NUL into out.
 */
void	 export_uuid5(const unsigned char ns[16], const char *name,
	    char out[37]);

#endif /* EXPORT_H */
