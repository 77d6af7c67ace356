/*
 * unicode.c — NFC normalisation with libutf8proc.  See unicode.h.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "unicode.h"
#include "util.h"

char *
unicode_nfc(const char *s, size_t len, size_t *outlen)
{
	utf8proc_uint8_t *dst = NULL;
	utf8proc_ssize_t  n;
	size_t		  i;
	char		 *r;

	/* ASCII (most values) is its own NFC form. */
	for (i = 0; i < len; i++)
		if ((unsigned char)s[i] >= 0x80)
			break;
	if (i < len && len <= (size_t)PTRDIFF_MAX &&
	    (n = utf8proc_map((const utf8proc_uint8_t *)s,
	    (utf8proc_ssize_t)len, &dst, UTF8PROC_STABLE |
	    UTF8PROC_COMPOSE)) >= 0) {
		/* utf8proc allocates with malloc: copy into our allocator. */
		r = xstrndup((const char *)dst, (size_t)n);
		free(dst);
		if (outlen != NULL)
			*outlen = (size_t)n;
		return r;
	}
	free(dst);
	if (outlen != NULL)
		*outlen = len;
	return xstrndup(s, len);
}
