/*
 * paste.h — text pasted from Word made into what the partner meant.
 *
 * Word's plain text (what a browser or an editor receives when a
 * partner copies a bulleted list) writes a list item as a bullet
 * character and a tab ("•\t", "o\t" for the second level, "§\t" or
 * U+F0B7, U+F0A7 from the Symbol and Wingdings fonts, "–\t", "-\t"), a
 * numbered item as "1.\t" or "1)\t", an indented line with leading tabs,
 * and leaves invisible characters in the text (zero-width space and
 * joiner, word joiner, byte order marks, soft hyphens).  In Markdown
 * these become a grey code block (a tab-led line) or one paragraph
 * whose bullets run together.
 *
 * paste_clean() rewrites such a text as the Markdown subset the site
 * uses: bullet and tab-led lines become "- " items, numbered ones
 * "1. " items (nested by their indentation or, without one, by Word's
 * bullet of the level), a blank line before and after the lists it
 * made, indentation that would make a code block removed, invisible
 * characters removed.  No-break spaces stay where French typography
 * puts them (one between two characters: before « : ; ? ! » and the
 * like); a run of them (Word's spacing) becomes one space.  Text that
 * is already clean Markdown comes back byte for byte, and cleaning
 * twice changes nothing more than cleaning once.
 *
 * The same rules are written in JavaScript in the partner form
 * (themes/default/campagne/form.js, pasteClean()); both run the cases
 * of tests/paste-cases.tsv (tests/unit/test_paste.c, tests/browser/
 * form.mjs).  Nothing here prints, reads or writes files.
 */
#ifndef PASTE_H
#define PASTE_H

#include <stddef.h>

#include "model.h"
#include "util.h"

/* What paste_clean() changed, counted. */
struct paste_report {
	size_t	 bullets;	/* bullet lines made "- " items */
	size_t	 numbers;	/* "1.<tab>" lines made "1. " items */
	size_t	 indents;	/* tab-led lines made items, code indents removed */
	size_t	 invisibles;	/* zero-width characters, BOMs, soft hyphens */
	size_t	 spaces;	/* runs of no-break spaces made one space */
};

/*
 * The Markdown text (len bytes of valid UTF-8, line ends \n, \r\n or
 * \r) with Word's lists, indentation and invisible characters made
 * plain Markdown; line ends become \n.  Allocated (never NULL).  rep,
 * when not NULL, is added to (not reset): one report can sum a page.
 */
char	*paste_clean(const char *text, size_t len, struct paste_report *rep);

/*
 * A one-line or plain text field (not Markdown): only the invisible
 * characters removed.  Allocated; rep added to as above.
 */
char	*paste_clean_text(const char *text, struct paste_report *rep);

/* Total of the changes in rep (0: the text was left as it was). */
size_t	 paste_changes(const struct paste_report *);

/*
 * Clean a partner's page in place as it came back from a partner: its
 * presentation with paste_clean(), its text fields with
 * paste_clean_text().  Adds to rep.
 */
void	 paste_partner(struct partner *, struct paste_report *);

/*
 * One line per kind of change in rep, each starting with indent:
 * "  text pasted from Word: 5 bullets made a list" (translated, for
 * the terminal).  Appends nothing when nothing changed.
 */
void	 paste_note(const struct paste_report *, const char *indent,
	    struct buf *);

#endif /* PASTE_H */
