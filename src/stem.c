/*
 * stem.c — words, lowercase and Snowball French stems for the search
 * index (see stem.h).  The stemmer is libstemmer's; this file only cuts
 * text the way the site's script cuts a query.
 */
#include <stdlib.h>
#include <string.h>

#include <libstemmer.h>

#include "stem.h"
#include "util.h"

/* Longer words are cut: no French word comes near. */
#define	STEM_MAXLEN	256

struct stem {
	struct sb_stemmer *sb;
};

/*
 * Words a search ignores: articles, prepositions, pronouns, the verbs
 * of a request ("trouver un emploi", "faire un CV"), and the words that
 * tell a situation rather than a need ("je ne peux plus… ce soir").  Folded,
 * sorted (bsearch).
 */
const char *const stem_stopwords[] = {
	"a", "ai", "arrive", "au", "aujourd", "aux", "avec", "avoir", "avons",
	"besoin", "bien", "ce", "ces", "cette", "cherche", "chercher", "chez",
	"d", "dans", "de", "deja", "demain", "des", "du", "elle", "en",
	"encore", "est", "et", "etre", "faire", "hui", "ici", "il", "j", "je",
	"l", "la", "le", "les", "leur", "leurs", "lui", "m", "ma", "mais",
	"mal", "matin", "me", "mes", "moi", "mon", "n", "ne", "nos", "notre",
	"nous", "on", "ont", "ou", "par", "parle", "parler", "pas", "peut",
	"peux", "plus", "pour", "pouvez", "prendre", "qu", "que", "qui",
	"quoi", "remplir", "rien", "s", "sa", "se", "ses", "soir", "son",
	"sont", "suis", "sur", "t", "ta", "te", "tes", "toi", "ton", "tous",
	"tout", "toute", "tres", "trouver", "tu", "un", "une", "va", "vais",
	"veut", "veux", "vit", "vos", "votre", "voudrais", "vous", "y", NULL
};

struct stem *
stem_new(void)
{
	struct stem	*s;
	struct sb_stemmer *sb;

	if ((sb = sb_stemmer_new("french", "UTF_8")) == NULL)
		return NULL;
	s = xmalloc(sizeof(*s));
	s->sb = sb;
	return s;
}

void
stem_free(struct stem *s)
{
	if (s == NULL)
		return;
	sb_stemmer_delete(s->sb);
	free(s);
}

int
stem_word(struct stem *s, const char *word, size_t len, struct buf *out)
{
	const sb_symbol	*r;

	if (len > (size_t)STEM_MAXLEN)
		len = STEM_MAXLEN;
	r = sb_stemmer_stem(s->sb, (const sb_symbol *)word, (int)len);
	if (r == NULL)
		return 0;
	buf_put(out, r, (size_t)sb_stemmer_length(s->sb));
	return 1;
}

int
stem_is_word_cp(unsigned int cp)
{
	if (cp < 0x80)
		return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') ||
		    (cp >= '0' && cp <= '9');
	if (cp < 0xc0 || cp == 0xd7 || cp == 0xf7 || cp == 0xfeff)
		return 0;
	if ((cp >= 0x2000 && cp <= 0x206f) || (cp >= 0x3000 && cp <= 0x303f))
		return 0;
	return 1;
}

unsigned int
stem_lower_cp(unsigned int cp)
{
	if (cp >= 'A' && cp <= 'Z')
		return cp + 32;
	if (cp >= 0xc0 && cp <= 0xde && cp != 0xd7)
		return cp + 32;
	if (cp == 0x178)
		return 0xff;
	/* Latin Extended-A: pairs upper/lower, even/odd or odd/even. */
	if ((cp >= 0x100 && cp <= 0x137 && cp != 0x130) ||
	    (cp >= 0x14a && cp <= 0x177))
		return cp % 2 == 0 ? cp + 1 : cp;
	if ((cp >= 0x139 && cp <= 0x148) || (cp >= 0x179 && cp <= 0x17e))
		return cp % 2 == 1 ? cp + 1 : cp;
	return cp;
}

void
stem_words(const char *text, void (*fn)(void *, const char *, size_t),
    void *arg)
{
	struct buf	 w;
	size_t		 n = strlen(text), k;
	unsigned int	 cp;

	buf_init(&w);
	while (n > 0) {
		/* ASCII, most of the text, without decoding and encoding. */
		if ((unsigned char)*text < 0x80) {
			cp = (unsigned char)*text;
			text++, n--;
			if (stem_is_word_cp(cp))
				buf_putc(&w, (int)stem_lower_cp(cp));
			else if (w.len > 0) {
				fn(arg, buf_cstr(&w), w.len);
				buf_reset(&w);
			}
			continue;
		}
		k = utf8_decode(text, n, &cp);
		if (k == 0 || !stem_is_word_cp(cp)) {
			if (w.len > 0) {
				fn(arg, buf_cstr(&w), w.len);
				buf_reset(&w);
			}
			text += k ? k : 1;
			n -= k ? k : 1;
			continue;
		}
		utf8_encode(&w, stem_lower_cp(cp));
		text += k, n -= k;
	}
	if (w.len > 0)
		fn(arg, buf_cstr(&w), w.len);
	buf_free(&w);
}

int
stem_stopword(const char *folded)
{
	size_t	 n = sizeof(stem_stopwords) / sizeof(stem_stopwords[0]) - 1;

	return bsearch(&folded, stem_stopwords, n, sizeof(stem_stopwords[0]),
	    str_cmp_ptr) != NULL;
}
