/*
 * paste.c — text pasted from Word made into Markdown; see paste.h.
 *
 * Two passes: the invisible characters out (S_visible), then line by
 * line (paste_clean): each line is its indentation (spaces, tabs,
 * no-break spaces) and the rest; the rest may start with a bullet or a
 * number.  The state carried from line to line is the open list (the
 * width of each level's marker, so that a nested item is indented
 * under its parent's text) and whether the last line was blank.
 * form.js's pasteClean() follows this file step by step: change one,
 * change the other, and add the case to tests/paste-cases.tsv.
 */
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "paste.h"

#define	PASTE_DEPTH	8	/* list levels kept; deeper ones stay at 8 */

/* An emoji before a zero-width joiner: the joiner builds a sequence. */
static int
S_emoji(unsigned int cp)
{
	return cp >= 0x1f000 || (cp >= 0x2600 && cp <= 0x27bf) ||
	    cp == 0xfe0f;
}

/*
 * The text without zero-width characters (U+200B, U+200C, U+2060; U+200D
 * but after an emoji), byte order marks and soft hyphens; line ends as
 * \n.  Counts into rep.
 */
static char *
S_visible(const char *s, size_t len, struct paste_report *rep)
{
	struct buf	 b;
	unsigned int	 cp, prev = 0;
	size_t		 i = 0, k;

	buf_init(&b);
	while (i < len) {
		if (s[i] == '\r') {
			buf_putc(&b, '\n');
			i += i + 1 < len && s[i + 1] == '\n' ? 2 : 1;
			prev = '\n';
			continue;
		}
		if ((k = utf8_decode(s + i, len - i, &cp)) == 0) {
			buf_putc(&b, s[i++]);	/* not ours to judge */
			prev = 0;
			continue;
		}
		if (cp == 0x200b || cp == 0x200c || cp == 0x2060 ||
		    cp == 0xfeff || cp == 0x00ad ||
		    (cp == 0x200d && !S_emoji(prev))) {
			rep->invisibles++;
			i += k;
			continue;
		}
		buf_put(&b, s + i, k);
		prev = cp;
		i += k;
	}
	buf_putc(&b, '\0');
	b.len--;
	return buf_detach(&b);
}

/* A space of the indentation or of a separator: ' ', tab, NBSP, U+202F. */
static size_t
S_paste_space(const char *s, int *nb)
{
	if (*s == ' ' || *s == '\t') {
		*nb = 0;
		return 1;
	}
	if ((unsigned char)s[0] == 0xc2 && (unsigned char)s[1] == 0xa0) {
		*nb = 1;
		return 2;
	}
	if (strncmp(s, "\xe2\x80\xaf", 3) == 0) {
		*nb = 1;
		return 3;
	}
	return 0;
}

/* Bullets that never start a sentence: any space after them will do. */
static const unsigned int strong[] = {
	0x2022, 0x25e6, 0x25aa, 0x25a0, 0x25cf, 0x25cb, 0x25a1, 0x00b7,
	0x2023, 0x2043, 0x25ba, 0x27a2, 0x2713, 0xf0b7, 0xf0a7, 0xf0a8,
	0xf0d8, 0xf076, 0xf0fc
};
/* Bullets that are also letters or signs: a tab or wide space after. */
static const char *const weak[] = {
	"o", "\xc2\xa7", "\xe2\x80\x93", "\xe2\x80\x94", "-", "*", "+",
	"\xc3\x98"
};

/* The list level Word gives a bullet: o and ◦ 2; §, ▪ and ■ 3; else 1. */
static int
S_glyph_level(unsigned int cp)
{
	if (cp == 'o' || cp == 0x25e6 || cp == 0x25cb || cp == 0x25a1)
		return 2;
	if (cp == 0xa7 || cp == 0x25aa || cp == 0x25a0 || cp == 0xf0a7)
		return 3;
	return 1;
}

/*
 * The separator after a marker at s: its length in bytes, 0 when there
 * is none.  *wide: a tab, a no-break space or two spaces (Word's), not
 * one plain space (Markdown's or a sentence's).
 */
static size_t
S_sep(const char *s, int *wide)
{
	size_t	 n = 0, k, count = 0;
	int	 nb, tab = 0, anynb = 0;

	while ((k = S_paste_space(s + n, &nb)) > 0) {
		tab |= s[n] == '\t';
		anynb |= nb;
		n += k;
		count++;
	}
	*wide = tab || anynb || count >= 2;
	return n;
}

/*
 * A bullet at s: the length of marker and separator, *level Word's
 * level for it; 0 when s does not start with one.
 */
static size_t
S_word_bullet(const char *s, size_t len, int *level)
{
	unsigned int	 cp;
	size_t		 i, k, sep;
	int		 wide;

	if ((k = utf8_decode(s, len, &cp)) == 0)
		return 0;
	for (i = 0; i < sizeof(strong) / sizeof(strong[0]); i++)
		if (cp == strong[i]) {
			if ((sep = S_sep(s + k, &wide)) == 0 || s[k + sep] == '\0')
				return 0;
			*level = S_glyph_level(cp);
			return k + sep;
		}
	for (i = 0; i < sizeof(weak) / sizeof(weak[0]); i++)
		if (strncmp(s, weak[i], k) == 0 && strlen(weak[i]) == k) {
			sep = S_sep(s + k, &wide);
			if (sep == 0 || !wide || s[k + sep] == '\0')
				return 0;
			*level = S_glyph_level(cp);
			return k + sep;
		}
	return 0;
}

/*
 * A number "12." or "12)" at s followed by a wide separator (any
 * separator when narrow: after a tab, "1. " is Word's too): the length
 * of both, *num its digits' length; 0 otherwise.
 */
static size_t
S_word_number(const char *s, size_t *num, int narrow)
{
	size_t	 n = 0, sep;
	int	 wide;

	while (n < 3 && s[n] >= '0' && s[n] <= '9')
		n++;
	if (n == 0 || (s[n] != '.' && s[n] != ')'))
		return 0;
	sep = S_sep(s + n + 1, &wide);
	if (sep == 0 || (!wide && !narrow) || s[n + 1 + sep] == '\0')
		return 0;
	*num = n;
	return n + 1 + sep;
}

/* A Markdown list item already: "- ", "* ", "+ ", "1. ", "1) " (or alone). */
static size_t
S_md_item(const char *s)
{
	size_t	 n = 0;

	if (*s == '-' || *s == '*' || *s == '+')
		n = 1;
	else {
		while (n < 9 && s[n] >= '0' && s[n] <= '9')
			n++;
		if (n == 0 || (s[n] != '.' && s[n] != ')'))
			return 0;
		n++;
	}
	if (s[n] == '\0')
		return n;
	return s[n] == ' ' ? n + 1 : 0;
}

/*
 * s (a line's text, or an item's) with each run of two or more spaces
 * holding a no-break space made one space: a no-break one when it binds
 * a French punctuation mark (before : ; ? ! », after «), else a plain
 * one.  Tabs inside an item become one space.
 */
static void
S_text(struct buf *b, const char *s, size_t len, int item,
    struct paste_report *rep)
{
	size_t	 i = 0, j, k, count;
	int	 nb, anynb, tab, bind;

	while (i < len) {
		if ((k = S_paste_space(s + i, &nb)) == 0) {
			buf_putc(b, s[i++]);
			continue;
		}
		j = i;
		count = 0;
		anynb = tab = 0;
		while (j < len && (k = S_paste_space(s + j, &nb)) > 0) {
			anynb |= nb;
			tab |= s[j] == '\t';
			j += k;
			count++;
		}
		if (j == len || (count < 2 && !(tab && item))) {
			buf_put(b, s + i, j - i);	/* trailing, or one */
		} else if (anynb && count >= 2) {
			bind = strchr(":;?!", s[j]) != NULL ||
			    strncmp(s + j, "\xc2\xbb", 2) == 0 ||
			    (i >= 2 && strncmp(s + i - 2, "\xc2\xab", 2) == 0);
			buf_puts(b, bind ? "\xc2\xa0" : " ");
			rep->spaces++;
		} else if (tab && item)
			buf_putc(b, ' ');
		else
			buf_put(b, s + i, j - i);
		i = j;
	}
}

/* The list being written: the marker width of each open level. */
struct list {
	size_t	 w[PASTE_DEPTH];
	int	 depth;		/* 0: no list open */
	int	 made;		/* it holds items made here */
};

static void
S_list_item(struct buf *b, struct list *l, int level, const char *marker,
    size_t mlen, const char *text, size_t tlen, struct paste_report *rep)
{
	int	 i, nb;
	size_t	 j, k;

	if (level > l->depth + 1)
		level = l->depth + 1;
	if (level > PASTE_DEPTH)
		level = PASTE_DEPTH;
	if (level < 1)
		level = 1;
	for (i = 0; i < level - 1; i++)
		for (j = 0; j < l->w[i]; j++)
			buf_putc(b, ' ');
	buf_put(b, marker, mlen);
	buf_putc(b, ' ');
	l->w[level - 1] = mlen + 1;
	l->depth = level;
	l->made = 1;
	while (tlen > 0 && (text[tlen - 1] == ' ' || text[tlen - 1] == '\t'))
		tlen--;
	while (tlen > 0 && (k = S_paste_space(text, &nb)) > 0)
		text += k, tlen -= k;
	S_text(b, text, tlen, 1, rep);
}

/* Whether the line just written to b (ending at b->len) was blank. */
static int
S_last_blank(const struct buf *b)
{
	return b->len == 0 || (b->len >= 2 && b->data[b->len - 1] == '\n' &&
	    b->data[b->len - 2] == '\n') || (b->len == 1 && b->data[0] == '\n');
}

/*
 * Before a list item made here: a blank line when it follows a
 * paragraph (an ordered list cannot interrupt one, and Word's lines
 * have no blank line between them).
 */
static void
S_list_open(struct buf *b, const struct list *l, int last_item)
{
	if (!S_last_blank(b) && !last_item && l->depth == 0)
		buf_putc(b, '\n');
}

char *
paste_clean(const char *text, size_t len, struct paste_report *rep)
{
	struct paste_report dummy;
	struct list	 l;
	struct buf	 b;
	char		*v, *line, *next, *rest;
	size_t		 k, n, num, cols, spaces;
	int		 tabs, nbs, nb, level, units, last_item = 0, first = 1;
	char		 mk[5];

	if (rep == NULL) {
		memset(&dummy, 0, sizeof(dummy));
		rep = &dummy;
	}
	memset(&l, 0, sizeof(l));
	v = S_visible(text, len, rep);
	buf_init(&b);
	for (line = v; line != NULL; line = next) {
		if ((next = strchr(line, '\n')) != NULL)
			*next++ = '\0';
		if (!first)
			buf_putc(&b, '\n');
		first = 0;
		/* The indentation: tabs, spaces, no-break spaces. */
		tabs = nbs = 0;
		cols = spaces = 0;
		rest = line;
		while ((k = S_paste_space(rest, &nb)) > 0) {
			if (*rest == '\t')
				tabs++, cols = (cols / 4 + 1) * 4;
			else
				cols++, spaces++;
			nbs += nb;
			rest += k;
		}
		units = tabs + (int)(spaces / 4);
		if (*rest == '\0') {		/* blank: kept as it is */
			buf_puts(&b, line);
			last_item = 0;
			continue;
		}
		/* Word's bullets, and a "- " item after a tab: "- " items. */
		level = 1;
		if ((n = S_word_bullet(rest, strlen(rest), &level)) > 0 ||
		    (tabs > 0 && (n = S_md_item(rest)) > 0 &&
		    (rest[0] < '0' || rest[0] > '9'))) {
			S_list_open(&b, &l, last_item);
			rep->bullets++;
			S_list_item(&b, &l, units > level ? units : level, "-", 1,
			    rest + n, strlen(rest + n), rep);
			last_item = 1;
			continue;
		}
		if ((n = S_word_number(rest, &num, tabs > 0)) > 0) {
			/* "1.\t": a "1. " item. */
			S_list_open(&b, &l, last_item);
			rep->numbers++;
			memcpy(mk, rest, num);
			mk[num] = '.';
			S_list_item(&b, &l, units > 1 ? units : 1, mk, num + 1,
			    rest + n, strlen(rest + n), rep);
			last_item = 1;
			continue;
		}
		if (tabs > 0) {
			/* A tab-led line: an item of its level. */
			S_list_open(&b, &l, last_item);
			rep->indents++;
			S_list_item(&b, &l, units, "-", 1, rest, strlen(rest), rep);
			last_item = 1;
			continue;
		}
		if ((k = S_md_item(rest)) > 0 && cols == 0) {
			/* A Markdown item of the first level: the list goes on. */
			l.depth = 1;
			l.w[0] = k;
			l.made = 0;
			S_text(&b, line, strlen(line), 0, rep);
			last_item = 1;
			continue;
		}
		if (cols > 0 && (l.depth > 0 || last_item)) {
			/* Inside a list: Markdown's own indentation. */
			if (nbs > 0) {
				for (k = 0; k < cols; k++)
					buf_putc(&b, ' ');
				rep->spaces++;
				S_text(&b, rest, strlen(rest), 0, rep);
			} else
				S_text(&b, line, strlen(line), 0, rep);
			continue;
		}
		/* Plain text: after a list made here, a blank line first. */
		if (last_item && l.made)
			buf_putc(&b, '\n');
		last_item = 0;
		l.depth = 0;
		l.made = 0;
		if (cols >= 4 && S_last_blank(&b)) {
			rep->indents++;		/* would be a code block */
			S_text(&b, rest, strlen(rest), 0, rep);
		} else if (nbs > 0) {
			rep->spaces++;		/* no-break indentation */
			S_text(&b, rest, strlen(rest), 0, rep);
		} else
			S_text(&b, line, strlen(line), 0, rep);
	}
	free(v);
	buf_putc(&b, '\0');
	b.len--;
	return buf_detach(&b);
}

char *
paste_clean_text(const char *text, struct paste_report *rep)
{
	struct paste_report dummy;

	if (rep == NULL) {
		memset(&dummy, 0, sizeof(dummy));
		rep = &dummy;
	}
	return S_visible(text, strlen(text), rep);
}

size_t
paste_changes(const struct paste_report *r)
{
	return r->bullets + r->numbers + r->indents + r->invisibles +
	    r->spaces;
}

static void
S_field(struct text *t, struct paste_report *rep)
{
	char	*c;

	if (t->s == NULL)
		return;
	c = paste_clean_text(t->s, rep);
	free(t->s);
	t->s = c;
}

void
paste_partner(struct partner *p, struct paste_report *rep)
{
	char	*c;
	size_t	 i;

	S_field(&p->nom, rep);
	S_field(&p->sigle, rep);
	S_field(&p->resume, rep);
	for (i = 0; i < p->missions.n; i++)
		S_field(&p->missions.v[i], rep);
	for (i = 0; i < p->nactions; i++) {
		S_field(&p->actions[i].titre, rep);
		S_field(&p->actions[i].description, rep);
	}
	S_field(&p->public_, rep);
	S_field(&p->acces_precisions, rep);
	S_field(&p->accessibilite_precisions, rep);
	S_field(&p->adresse.rue, rep);
	S_field(&p->adresse.complement, rep);
	S_field(&p->adresse.ville, rep);
	S_field(&p->transports, rep);
	S_field(&p->horaires.precisions, rep);
	for (i = 0; i < p->ncontacts; i++) {
		S_field(&p->contacts[i].nom, rep);
		S_field(&p->contacts[i].fonction, rep);
	}
	if (p->body != NULL) {
		c = paste_clean(p->body, strlen(p->body), rep);
		free(p->body);
		p->body = c;
	}
}

void
paste_note(const struct paste_report *r, const char *indent, struct buf *b)
{
	if (r->bullets > 0)
		buf_printf(b, ngettext("%stext pasted from Word: %zu bullet "
		    "made a list item\n", "%stext pasted from Word: %zu "
		    "bullets made list items\n", r->bullets), indent,
		    r->bullets);
	if (r->numbers > 0)
		buf_printf(b, ngettext("%stext pasted from Word: %zu numbered "
		    "line made a list item\n", "%stext pasted from Word: %zu "
		    "numbered lines made list items\n", r->numbers), indent,
		    r->numbers);
	if (r->indents > 0)
		buf_printf(b, ngettext("%stext pasted from Word: %zu indented "
		    "line made a list item or a paragraph (not a code block)\n",
		    "%stext pasted from Word: %zu indented lines made list "
		    "items or paragraphs (not code blocks)\n", r->indents),
		    indent, r->indents);
	if (r->invisibles > 0)
		buf_printf(b, ngettext("%stext pasted from Word: %zu invisible "
		    "character removed (zero-width space, soft hyphen...)\n",
		    "%stext pasted from Word: %zu invisible characters "
		    "removed (zero-width spaces, soft hyphens...)\n",
		    r->invisibles), indent, r->invisibles);
	if (r->spaces > 0)
		buf_printf(b, ngettext("%stext pasted from Word: %zu run of "
		    "no-break spaces made one space\n", "%stext pasted from "
		    "Word: %zu runs of no-break spaces made one space each\n",
		    r->spaces), indent, r->spaces);
}
