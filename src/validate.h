/*
 * validate.h — pure validators for the fields of a page.
 *
 * Each validator takes the value as the partner wrote it (already
 * trimmed) and returns non-zero when it is valid.  On failure, when why
 * is not NULL, *why receives an allocated English message that quotes
 * the value and says what was expected, without the field name (the
 * caller prefixes it: "telephone: " + why).  Nothing here prints or
 * touches files; everything is unit-tested in tests/unit/test_validate.c.
 *
 * Be lenient in what a partner writes, strict in what it means: the
 * usual spellings of a phone number or of opening hours are accepted,
 * but the number must have ten digits and the hours must be real times.
 */
#ifndef VALIDATE_H
#define VALIDATE_H

#include <stddef.h>

#include "model.h"

/*
 * A French phone number in any common spelling: "01 39 00 00 00",
 * "01.39.00.00.00", "0139000000", "+33 1 39 00 00 00",
 * "+33 (0)1 39 00 00 00", "0033 1 39 00 00 00"; short numbers (115,
 * 3919, 116 000); foreign numbers "+32 2 123 45 67".  On success
 * *display ("01 39 00 00 00", "115", "+32 2 123 45 67") and *uri
 * ("tel:+33139000000", "tel:115") are allocated (either may be NULL).
 */
int	 validate_phone(const char *, char **display, char **uri, char **why);
/* A sane e-mail address: "a+b@x.fr" yes; spaces, no @, no dot in the domain no. */
int	 validate_email(const char *, char **why);
/* An http:// or https:// address with a host. */
int	 validate_url(const char *, char **why);
/* An ISO date YYYY-MM-DD that exists in the calendar. */
int	 validate_date(const char *, struct date *, char **why);
/* Number of days in month m (1-12) of year y. */
int	 validate_days_in_month(int y, int m);
/*
 * One range of opening hours: "09:00-12:00", "9h-12h", "9h30 - 12h",
 * "09h00–12h00" (hyphen, en dash, em dash or " à "); start < end,
 * "24:00" allowed as an end.
 */
int	 validate_hours(const char *, struct timerange *, char **why);
/*
 * The ranges of one day: sorted and not overlapping.  On failure
 * *bad is the index of the first offending range.
 */
int	 validate_ranges(const struct timerange *, size_t n, size_t *bad,
	    char **why);
/* "HH:MM" of minutes since midnight, into a buffer of 6 bytes. */
void	 validate_hhmm(int minutes, char out[6]);
/* A slug: [a-z0-9]+(-[a-z0-9]+)*, at most 64 bytes. */
int	 validate_slug(const char *);
/*
 * "Caf des Yvelines" -> "caf-des-yvelines" (accents folded), cut to 64
 * bytes; "" when the name has no letter or digit.  Allocated.
 */
char	*validate_slugify(const char *);
/* "#rrggbb" (or "#rgb"), any case; *rgb and *norm ("#1f5fa8", allocated). */
int	 validate_color(const char *, unsigned int *rgb, char **norm,
	    char **why);
/* Five digits. */
int	 validate_code_postal(const char *, char **why);

/*
 * Edit distance (optimal string alignment: insertions, deletions,
 * substitutions, transpositions) between two strings, in bytes.
 * Strings longer than 64 bytes are not compared (the work is
 * quadratic): the result is then the larger length, even for two
 * equal strings.
 */
size_t	 validate_distance(const char *, const char *);
/*
 * The candidate a misspelt key most likely stands for, or NULL.
 * Keys are compared folded (lowercase, no accents, '-' and ' ' as
 * '_'); a small alias table maps common synonyms ("email" ->
 * "courriel", "tel" -> "telephone", "web" -> "site"); otherwise the
 * closest candidate within a distance of about a third of its length.
 * Returns one of the candidates (not a copy).
 */
const char *validate_suggest(const char *key, const char *const *cands,
	    size_t ncands);

#endif /* VALIDATE_H */
