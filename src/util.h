/*
 * util.h — memory, growable buffers, files and small string helpers.
 *
 * Conventions used across annuaire (see also docs/HACKING.md):
 *  - functions returning int return non-zero on success, 0 on failure;
 *  - functions returning a pointer return NULL on failure;
 *  - the x* allocators never return NULL: out of memory is the one error
 *    that exits on the spot (message on stderr, exit status 2).
 */
#ifndef UTIL_H
#define UTIL_H

#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>

void	*xmalloc(size_t);
void	*xcalloc(size_t, size_t);
void	*xrealloc(void *, size_t);
/* Grow an array of nmemb elements of size sz, checking for overflow. */
void	*xreallocarray(void *, size_t nmemb, size_t sz);
char	*xstrdup(const char *);
char	*xstrndup(const char *, size_t);
/* Allocated printf; never NULL. */
char	*xasprintf(const char *, ...) __attribute__((format(printf, 1, 2)));
char	*xvasprintf(const char *, va_list);

/*
 * A growable byte buffer, always NUL-terminated (data may be NULL while
 * len == 0).  The buffer owns data; buf_detach() hands it to the caller.
 */
struct buf {
	char	*data;
	size_t	 len;
	size_t	 cap;
};

void	 buf_init(struct buf *);
void	 buf_free(struct buf *);
void	 buf_reset(struct buf *);	/* len = 0, keeps memory */
void	 buf_grow(struct buf *, size_t extra);
void	 buf_put(struct buf *, const void *, size_t);
void	 buf_puts(struct buf *, const char *);
void	 buf_putc_grow(struct buf *, int);	/* buf_putc's slow path */

/* Inline: the exports and the templates append millions of bytes one by one. */
static inline void
buf_putc(struct buf *b, int c)
{
	if (b->data != NULL && b->len + 1 < b->cap) {
		b->data[b->len++] = (char)c;
		b->data[b->len] = '\0';
		return;
	}
	buf_putc_grow(b, c);
}
void	 buf_printf(struct buf *, const char *, ...)
	    __attribute__((format(printf, 2, 3)));
/* Returns the NUL-terminated contents ("" if empty); buffer is reset. */
char	*buf_detach(struct buf *);
/* Returns a pointer to a NUL-terminated string (never NULL). */
const char *buf_cstr(const struct buf *);
/* Append byte c percent-encoded, "%XX" with uppercase hex (RFC 3986). */
void	 buf_pct(struct buf *, unsigned char c);
/*
 * Percent-encode what a 7-bit URI cannot hold (controls, space, DEL,
 * bytes >= 0x80), keeping everything else as is; allocated.  For
 * links written into the PDF and for QR codes, where "%C3%A9" reads
 * the same in every reader while a raw "é" does not.
 */
char	*uri_ascii(const char *);
/* Value of an ASCII hex digit, or -1. */
int	 hexval(int c);

/*
 * Read a whole regular file (at most maxsize bytes).  On success *out
 * owns a NUL-terminated copy (the NUL is not counted in *len).
 * On failure returns 0 and sets errno (EFBIG when larger than maxsize,
 * EISDIR/EINVAL when not a regular file).
 */
int	 file_read(const char *path, size_t maxsize, char **out, size_t *len);
/* Write len bytes to path (create/truncate).  Returns 0 with errno set. */
int	 file_write(const char *path, const void *, size_t len);
/*
 * Write len bytes to path so that path holds either its old contents
 * or all the new ones, never a part: a temporary file in the same
 * folder, flushed to disk, then renamed over path.  Returns 0 with
 * errno set on failure (the temporary file removed).
 */
int	 file_write_atomic(const char *path, const void *, size_t len);
/*
 * The same, without the flush: path holds its old contents or all the
 * new ones while the system runs, but after a power cut the new file
 * may be empty until fs_sync() of its folder has returned.  For many
 * files written at once and flushed together (annuaire campaign).
 */
int	 file_write_replace(const char *path, const void *, size_t len);
/*
 * Flush to disk everything written to the file system that holds the
 * folder dir (syncfs(2)): files, their renames and folders.  Returns 0
 * with errno set on failure.
 */
int	 fs_sync(const char *dir);
/*
 * mkdir -p; returns 0 with errno set on failure (ENOENT for "",
 * ENOTDIR when path is an existing file).
 */
int	 mkdir_p(const char *path);
/*
 * mkdir of one folder that must be a real one: an existing folder is
 * fine, a symbolic link (even to a folder) fails with ELOOP, anything
 * else with ENOTDIR.  For the folders import writes into, so that a
 * link planted there never sends files elsewhere.
 */
int	 mkdir_nofollow(const char *path);
/* rm -rf; returns 0 on failure. */
int	 remove_tree(const char *path);
/* Join two path parts with exactly one '/' ("/" + "x" is "/x"); allocated. */
char	*path_join(const char *, const char *);

/* UTF-8 */
/*
 * Decode one UTF-8 sequence at s (n bytes available).  Returns the
 * number of bytes consumed (1..4) and stores the code point, or returns
 * 0 for an invalid sequence (overlong, surrogate, > U+10FFFF, truncated).
 */
size_t	 utf8_decode(const char *s, size_t n, unsigned int *cp);
/* Append the UTF-8 encoding of cp to b. */
void	 utf8_encode(struct buf *b, unsigned int cp);
/* Number of code points in a valid UTF-8 string. */
size_t	 utf8_len(const char *);

/*
 * Whether code point cp reorders text on a screen: the bidi
 * embeddings, overrides and isolates (U+202A-U+202E, U+2066-U+2069).
 * Texts of a page refuse them
 * (load_field.c); str_escape() shows them.
 */
int	 utf8_is_bidi_control(unsigned int cp);
/*
 * Append s (len bytes) to b as a terminal may show it without harm:
 * ESC as "\e", the other C0 controls and DEL as "\xNN" (line feed and
 * tab kept with ESC_KEEP_LINES, for a text of several lines, and CR
 * too when a line feed follows: the record end of report's CSV), C1
 * controls and bidi controls as "\uNNNN", a byte that is not UTF-8 as
 * "\xNN".  Every value a command prints to a terminal goes through it
 * (diags_print(), and main.c for what import, report and campaign
 * print).
 */
#define	ESC_KEEP_LINES	0x01
void	 buf_escape(struct buf *b, const char *s, size_t len, int flags);
/* buf_escape() of a whole string, lines kept; allocated. */
char	*str_escape(const char *);

/*
 * Fold a UTF-8 string for comparisons and search: lowercase, accents
 * removed from Latin letters (é -> e, œ -> oe, ç -> c), other
 * characters kept.  Allocated.
 */
char	*str_fold(const char *);
/*
 * str_fold() for matching the words of a closed list: '-', '_' and
 * '\'' as spaces, runs of spaces as one, none at either end
 * ("Rez-de-Chaussée " -> "rez de chaussee").  Allocated.
 */
char	*str_fold_words(const char *);
/* strcmp on str_fold() of both sides, then plain strcmp as tie-break. */
int	 str_collate(const char *, const char *);
/* strcmp of two char * elements, for qsort(3) and bsearch(3). */
int	 str_cmp_ptr(const void *, const void *);
/*
 * Trim white space at both ends: ASCII (space, \t, \n, \r, \f, \v),
 * U+00A0, U+202F, U+2009 and U+FEFF.  Allocated.
 */
char	*str_trim(const char *);

/* Date: year, month (1-12), day (1-31). */
struct date {
	int	 y, m, d;
};

/*
 * "15 mars 2018", "1er mars 2018" (plain spaces); "" when the month is
 * not 1-12.  Allocated.
 */
char	*date_fr(const struct date *);
/* "7 déc. 2026", "1er mars 2026" (the short months of the Imprimerie
 * nationale); "" for an unset date.  Allocated. */
char	*date_fr_short(const struct date *);
/* ISO 8601 "2018-03-15" into out (11 bytes); "" when unset (year <= 0). */
void	 date_iso(const struct date *, char out[11]);
/* Epoch seconds to calendar date in UTC. */
void	 date_from_epoch(long long, struct date *);
/*
 * The build time: SOURCE_DATE_EPOCH when set and valid, otherwise the
 * given fallback (callers pass a date derived from the content, never
 * the clock).
 */
long long build_epoch(long long fallback);

#endif /* UTIL_H */
