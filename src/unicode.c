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

/*
 * Whether the code point is in NFC and composes with nothing, whatever
 * surrounds it (NFC_Quick_Check Yes, combining class 0, second of no
 * canonical pair): U+0000..U+02FF (Latin letters, IPA, spacing
 * modifiers) and U+2010..U+20BF (dashes, ’ “ ” …, U+202F, super- and
 * subscripts, currency signs; not U+2000 and U+2001, which NFC turns
 * into U+2002 and U+2003).  A text of these only is its own NFC form:
 * most French text is.  Checked against Unicode 14's data.
 */
static int
S_nfc_inert(unsigned int cp)
{
	return cp < 0x300 || (cp >= 0x2010 && cp < 0x20c0);
}

char *
unicode_nfc(const char *s, size_t len, size_t *outlen)
{
	utf8proc_uint8_t *dst = NULL;
	utf8proc_ssize_t  n;
	size_t		  i, k;
	unsigned int	  cp;
	char		 *r;

	/* ASCII (most values) and the like are their own NFC form. */
	for (i = 0; i < len; i += k) {
		k = 1;
		if ((unsigned char)s[i] < 0x80)
			continue;
		if ((k = utf8_decode(s + i, len - i, &cp)) == 0 ||
		    !S_nfc_inert(cp))
			break;
	}
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
