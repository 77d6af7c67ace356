/*
 * stem.h — the words of the site's search: how a text is cut into
 * words, lowercased and stemmed (Snowball French, from libstemmer).
 *
 * The site's script does the same on the query side
 * (themes/default/assets/stem-fr.js for the stemmer, recherche.js for
 * the rest): a word is a run of ASCII letters and digits and of code
 * points from U+00C0 up, less U+00D7, U+00F7, the general punctuation
 * U+2000-U+206F, U+3000-U+303F and U+FEFF; lowercasing covers ASCII,
 * Latin-1 and Latin Extended-A, as str_fold() does.  Keep both sides
 * alike (tests/suites/stem.sh checks the stemmers).
 */
#ifndef STEM_H
#define STEM_H

#include <stddef.h>

#include "util.h"

struct stem;

/* A French stemmer; NULL when libstemmer has none (never in practice). */
struct stem	*stem_new(void);
void		 stem_free(struct stem *);
/*
 * The stem of word (lowercase UTF-8, len bytes), appended to out.
 * Returns 0 (out unchanged) when the stemmer fails, for lack of memory.
 */
int		 stem_word(struct stem *, const char *word, size_t len,
		    struct buf *out);

/* Whether code point cp belongs to a word. */
int		 stem_is_word_cp(unsigned int cp);
/* The lowercase of code point cp (ASCII, Latin-1, Latin Extended-A). */
unsigned int	 stem_lower_cp(unsigned int cp);
/*
 * Calls fn for each word of text, lowercased (a NUL-terminated copy
 * of len bytes, valid during the call).  Invalid UTF-8 bytes end a word.
 */
void		 stem_words(const char *text,
		    void (*fn)(void *arg, const char *word, size_t len),
		    void *arg);
/* Whether a folded word is too common to search for (de, la, pour…). */
int		 stem_stopword(const char *folded);
/* The stop words, NULL-terminated, for the site's script. */
extern const char *const stem_stopwords[];

#endif /* STEM_H */
