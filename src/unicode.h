/*
 * unicode.h — text as annuaire keeps it: Unicode NFC, with libutf8proc.
 *
 * Pages saved by macOS (and names of files created there) write "ç" as
 * "c" + U+0327 COMBINING CEDILLA (NFD).  The loader turns every value,
 * every Markdown body and every file name into the composed form (NFC)
 * so that fonts, sorting, folding and comparisons see one character.
 */
#ifndef UNICODE_H
#define UNICODE_H

#include <stddef.h>

/*
 * The NFC form of the len bytes of UTF-8 at s, allocated and
 * NUL-terminated, its length in *outlen (may be NULL).  Text that is
 * not valid UTF-8 is copied unchanged.  Never NULL (out of memory
 * exits).
 */
char	*unicode_nfc(const char *s, size_t len, size_t *outlen);

#endif /* UNICODE_H */
