/*
 * load_file.c — a content file's bytes to text: size limit, BOM,
 * UTF-16, control characters, UTF-8 (with a hint when the bytes look
 * like Windows-1252), line endings; and file names written in NFC found
 * on disk in NFD.  See load_file.h.
 */
#include <sys/stat.h>

#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "load_diag.h"
#include "load_file.h"
#include "load_int.h"
#include "unicode.h"
#include "util.h"

/* Limits on hostile input: a size a real page never reaches. */
#define	LOAD_MAX_PAGE	(1024 * 1024)	/* bytes of a page or site.yaml */

/*
 * Windows-1252 letters that Word exports put where UTF-8 is expected;
 * NULL when the byte is no likely letter.
 */
static const char *
S_cp1252(unsigned char b)
{
	static const char *const hi[32] = {
		/* 80 */ "€", NULL, "‚", "ƒ", "„", "…", "†", "‡",
		/* 88 */ "ˆ", "‰", "Š", "‹", "Œ", NULL, "Ž", NULL,
		/* 90 */ NULL, "‘", "’", "“", "”", "•", "–", "—",
		/* 98 */ "˜", "™", "š", "›", "œ", NULL, "ž", "Ÿ",
	};
	static char	 buf[3];

	if (b >= 0x80 && b < 0xa0)
		return hi[b - 0x80];
	if (b >= 0xa0) {
		/* Latin-1 range: U+00A0..U+00FF. */
		buf[0] = (char)(0xc0 | (b >> 6));
		buf[1] = (char)(0x80 | (b & 0x3f));
		buf[2] = '\0';
		return buf;
	}
	return NULL;
}

/*
 * Checks the raw bytes of a file and returns a normalised copy: UTF-8
 * BOM removed, CRLF and CR as LF.  Reports the first encoding problem
 * (line and column as an editor shows them) and returns NULL.
 */
static char *
S_normalise(struct load_ctx *c, const char *raw, size_t len, size_t *outlen)
{
	const unsigned char *u = (const unsigned char *)raw;
	size_t		 i = 0, k;
	int		 line = 1, col = 1;
	unsigned int	 cp;
	struct buf	 b;
	const char	*w;

	if (len >= 2 && ((u[0] == 0xff && u[1] == 0xfe) ||
	    (u[0] == 0xfe && u[1] == 0xff))) {
		load_err(c, load_nopos(), "the file is saved as UTF-16: save "
		    "it as UTF-8 (in the editor: Save as, Encoding UTF-8)");
		return NULL;
	}
	if (len >= 3 && u[0] == 0xef && u[1] == 0xbb && u[2] == 0xbf)
		i = 3;		/* the BOM is invisible: no column */
	buf_init(&b);
	buf_grow(&b, len);
	while (i < len) {
		if (u[i] == '\r') {
			buf_putc(&b, '\n');
			i += i + 1 < len && u[i + 1] == '\n' ? 2 : 1;
			line++, col = 1;
			continue;
		}
		if (u[i] == '\n') {
			buf_putc(&b, '\n');
			i++;
			line++, col = 1;
			continue;
		}
		if (u[i] < 0x20 && u[i] != '\t') {
			if (u[i] == 0)
				load_err(c, load_at(line, col), "the file "
				    "contains a NUL byte: it is not a text "
				    "file (or it is saved as UTF-16: save it "
				    "as UTF-8)");
			else
				load_err(c, load_at(line, col), "invisible "
				    "control character (byte 0x%02x): delete "
				    "it", u[i]);
			goto fail;
		}
		if (u[i] == 0x7f) {
			load_err(c, load_at(line, col), "invisible control "
			    "character (byte 0x7f): delete it");
			goto fail;
		}
		if (u[i] < 0x80) {
			buf_putc(&b, u[i]);
			i++, col++;
			continue;
		}
		if ((k = utf8_decode(raw + i, len - i, &cp)) == 0) {
			/*
			 * A lone byte >= 0x80 (not followed by a UTF-8
			 * continuation byte) is how Windows-1252 writes é,
			 * ’ or «; a broken UTF-8 sequence gets no hint.
			 */
			w = i + 1 < len && (u[i + 1] & 0xc0) == 0x80 ? NULL :
			    S_cp1252(u[i]);
			if (w != NULL)
				load_err(c, load_at(line, col), "the file is "
				    "not UTF-8 (byte 0x%02x): it looks saved "
				    "as Windows-1252, where this byte is '%s'; "
				    "save it as UTF-8 (in Word or the editor: "
				    "Save as, Encoding UTF-8)", u[i], w);
			else
				load_err(c, load_at(line, col), "the file "
				    "is not UTF-8 (byte 0x%02x): save it as "
				    "UTF-8", u[i]);
			goto fail;
		}
		if (cp == 0xfeff && b.len > 0) {
			/* A BOM pasted in the middle: drop it silently. */
			i += k;
			col++;
			continue;
		}
		if ((cp >= 0x80 && cp < 0xa0) || cp == 0x2028 ||
		    cp == 0x2029) {
			load_err(c, load_at(line, col), "invisible control "
			    "character (U+%04X): delete it", cp);
			goto fail;
		}
		buf_put(&b, raw + i, k);
		i += k, col++;
	}
	*outlen = b.len;
	return buf_detach(&b);
fail:
	buf_free(&b);
	return NULL;
}

char *
load_file_read(struct load_ctx *c, const char *path, size_t *len,
    int *unreadable)
{
	char		*raw = NULL, *norm;
	size_t		 rawlen;

	*unreadable = 0;
	if (!file_read(path, LOAD_MAX_PAGE, &raw, &rawlen)) {
		struct stat st;

		if (errno == EFBIG && stat(path, &st) == 0)
			load_err(c, load_nopos(), "the file is %.1f MiB, more "
			    "than the %d MiB a page may have: is it really a "
			    "page?", (double)st.st_size / (1024 * 1024),
			    LOAD_MAX_PAGE / (1024 * 1024));
		else
			load_err(c, load_nopos(), "cannot read the file: %s",
			    strerror(errno));
		*unreadable = errno != EFBIG;
		return NULL;
	}
	norm = S_normalise(c, raw, rawlen, len);
	free(raw);
	return norm;
}

/*
 * The on-disk name of rel (relative to dir) whose components are equal
 * to those of rel once in NFC: a file copied from macOS keeps its name
 * in NFD ("cafe" + U+0301) while the page names it in NFC.  Allocated
 * relative path, or NULL when there is none.
 */
char *
load_file_nfc_name(const char *dir, const char *rel)
{
	char		*cur = xstrdup(dir), *out = NULL, *dup, *seg, *save,
			*nfc, *next;
	struct buf	 b;
	DIR		*d;
	struct dirent	*e;

	buf_init(&b);
	dup = xstrdup(rel);
	for (seg = strtok_r(dup, "/", &save); seg != NULL;
	    seg = strtok_r(NULL, "/", &save)) {
		if ((d = opendir(cur)) == NULL)
			goto out;
		while ((e = readdir(d)) != NULL) {
			nfc = unicode_nfc(e->d_name, strlen(e->d_name), NULL);
			if (strcmp(nfc, seg) == 0) {
				free(nfc);
				break;
			}
			free(nfc);
		}
		if (e == NULL) {
			closedir(d);
			goto out;
		}
		buf_printf(&b, "%s%s", b.len ? "/" : "", e->d_name);
		next = path_join(cur, e->d_name);
		closedir(d);
		free(cur);
		cur = next;
	}
	out = buf_detach(&b);
out:
	buf_free(&b);
	free(dup);
	free(cur);
	return out;
}
