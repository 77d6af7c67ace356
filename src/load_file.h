/*
 * load_file.h — a content file's bytes to text (loader-internal; needs
 * load_int.h).
 */
#ifndef LOAD_FILE_H
#define LOAD_FILE_H

#include <stddef.h>

struct load_ctx;

/*
 * Reads path (c->file names it in messages), at most 1 MiB, and checks
 * its encoding: UTF-16, NUL and control characters, bytes that are not
 * UTF-8 (with the Windows-1252 letter they look like), U+0080..U+009F,
 * U+2028, U+2029.  Returns the text, allocated, with the UTF-8 BOM
 * removed, any BOM inside dropped and CRLF and CR made LF (length in
 * *len); or NULL after one diagnostic (the first problem, at its line
 * and column), with *unreadable set when the file itself could not be
 * read (a file too large is readable).
 */
char	*load_file_read(struct load_ctx *c, const char *path, size_t *len,
	    int *unreadable);

/*
 * The on-disk name of rel (relative to dir) whose components are equal
 * to those of rel once in NFC: a file copied from macOS keeps its name
 * in NFD while the page names it in NFC.  Allocated relative path, or
 * NULL when there is none.
 */
char	*load_file_nfc_name(const char *dir, const char *rel);

#endif /* LOAD_FILE_H */
