/*
 * util.c — memory, buffers, files, UTF-8 and dates.  See util.h.
 */
#define _GNU_SOURCE	/* syncfs */
#include <sys/stat.h>

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "fault.h"
#include "util.h"

static void
S_oom(void)
{
	fputs("annuaire: out of memory\n", stderr);
	exit(2);
}

void *
xmalloc(size_t sz)
{
	void	*p = malloc(sz ? sz : 1);

	if (p == NULL)
		S_oom();
	return p;
}

void *
xcalloc(size_t n, size_t sz)
{
	void	*p = calloc(n ? n : 1, sz ? sz : 1);

	if (p == NULL)
		S_oom();
	return p;
}

void *
xrealloc(void *p, size_t sz)
{
	p = realloc(p, sz ? sz : 1);
	if (p == NULL)
		S_oom();
	return p;
}

void *
xreallocarray(void *p, size_t nmemb, size_t sz)
{
	if (sz && nmemb > SIZE_MAX / sz)
		S_oom();
	return xrealloc(p, nmemb * sz);
}

char *
xstrdup(const char *s)
{
	return xstrndup(s, strlen(s));
}

char *
xstrndup(const char *s, size_t n)
{
	char	*p = xmalloc(n + 1);

	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *
xvasprintf(const char *fmt, va_list ap)
{
	va_list	 ap2;
	int	 n;
	char	*p;

	char	 small[256];

	/* Most strings are short: format once, into small. */
	va_copy(ap2, ap);
	n = vsnprintf(small, sizeof(small), fmt, ap2);
	va_end(ap2);
	if (n < 0)
		S_oom();
	p = xmalloc((size_t)n + 1);
	if ((size_t)n < sizeof(small))
		memcpy(p, small, (size_t)n + 1);
	else
		vsnprintf(p, (size_t)n + 1, fmt, ap);
	return p;
}

char *
xasprintf(const char *fmt, ...)
{
	va_list	 ap;
	char	*p;

	va_start(ap, fmt);
	p = xvasprintf(fmt, ap);
	va_end(ap);
	return p;
}

/* ---- buffers --------------------------------------------------------- */

void
buf_init(struct buf *b)
{
	b->data = NULL;
	b->len = b->cap = 0;
}

void
buf_free(struct buf *b)
{
	free(b->data);
	buf_init(b);
}

void
buf_reset(struct buf *b)
{
	b->len = 0;
	if (b->data)
		b->data[0] = '\0';
}

void
buf_grow(struct buf *b, size_t extra)
{
	size_t	 need;

	if (extra > SIZE_MAX - b->len - 1)
		S_oom();
	need = b->len + extra + 1;
	if (need <= b->cap)
		return;
	if (b->cap < 64)
		b->cap = 64;
	while (b->cap < need)
		b->cap = b->cap > SIZE_MAX / 2 ? need : b->cap * 2;
	b->data = xrealloc(b->data, b->cap);
}

void
buf_put(struct buf *b, const void *p, size_t n)
{
	if (b->data == NULL || n >= b->cap - b->len)	/* cap > len if data */
		buf_grow(b, n);
	if (n)
		memcpy(b->data + b->len, p, n);
	b->len += n;
	b->data[b->len] = '\0';
}

void
buf_puts(struct buf *b, const char *s)
{
	buf_put(b, s, strlen(s));
}

void
buf_putc_grow(struct buf *b, int c)
{
	char	 ch = (char)c;

	buf_put(b, &ch, 1);
}

/*
 * The formats most calls use ("%s%zu", ", \"n\": %zu}") hold only %s, %d,
 * %ld, %zu and %%, no flag, width or precision: those are copied here
 * without vsnprintf, which cost an eighth of the site's instructions.
 * The bytes are the ones printf(3) writes (glibc's "(null)" included).
 */
static int
S_fmt_simple(const char *fmt)
{
	for (; *fmt != '\0'; fmt++) {
		if (*fmt != '%')
			continue;
		fmt++;
		if (*fmt == 's' || *fmt == 'd' || *fmt == '%')
			continue;
		if ((fmt[0] == 'z' && fmt[1] == 'u') ||
		    (fmt[0] == 'l' && fmt[1] == 'd')) {
			fmt++;
			continue;
		}
		return 0;
	}
	return 1;
}

static void
S_put_dec(struct buf *b, unsigned long long u, int neg)
{
	char	 d[24];
	size_t	 i = sizeof(d);

	do {
		d[--i] = (char)('0' + u % 10);
		u /= 10;
	} while (u != 0);
	if (neg)
		d[--i] = '-';
	buf_put(b, d + i, sizeof(d) - i);
}

static void
S_printf_simple(struct buf *b, const char *fmt, va_list ap)
{
	const char	*s;
	long		 l;

	while (*fmt != '\0') {
		for (s = fmt; *fmt != '\0' && *fmt != '%'; fmt++)
			continue;
		if (fmt > s)
			buf_put(b, s, (size_t)(fmt - s));
		if (*fmt == '\0')
			break;
		fmt++;
		switch (*fmt) {
		case 's':
			s = va_arg(ap, const char *);
			buf_puts(b, s != NULL ? s : "(null)");
			break;
		case 'd':
		case 'l':	/* %ld */
			l = *fmt == 'd' ? va_arg(ap, int) :
			    (fmt++, va_arg(ap, long));
			S_put_dec(b, l < 0 ? 0ULL - (unsigned long long)l :
			    (unsigned long long)l, l < 0);
			break;
		case 'z':
			fmt++;
			S_put_dec(b, va_arg(ap, size_t), 0);
			break;
		default:	/* '%' */
			buf_putc(b, '%');
			break;
		}
		fmt++;
	}
}

void
buf_printf(struct buf *b, const char *fmt, ...)
{
	va_list	 ap, ap2;
	int	 n;

	va_start(ap, fmt);
	if (S_fmt_simple(fmt)) {
		S_printf_simple(b, fmt, ap);
		va_end(ap);
		if (b->data == NULL)
			buf_put(b, "", 0);
		return;
	}
	va_copy(ap2, ap);
	/* Format once into the room left when it fits, else grow first. */
	if (b->data != NULL)
		n = vsnprintf(b->data + b->len, b->cap - b->len, fmt, ap2);
	else
		n = vsnprintf(NULL, 0, fmt, ap2);
	va_end(ap2);
	if (n < 0)
		S_oom();
	if (b->data == NULL || (size_t)n >= b->cap - b->len) {
		buf_grow(b, (size_t)n);
		vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
	}
	b->len += (size_t)n;
	va_end(ap);
}

char *
buf_detach(struct buf *b)
{
	char	*p = b->data;

	if (p == NULL)
		p = xstrdup("");
	buf_init(b);
	return p;
}

const char *
buf_cstr(const struct buf *b)
{
	return b->data ? b->data : "";
}

void
buf_pct(struct buf *b, unsigned char c)
{
	static const char hex[] = "0123456789ABCDEF";
	char	 s[3];

	s[0] = '%';
	s[1] = hex[c >> 4];
	s[2] = hex[c & 15];
	buf_put(b, s, 3);
}

char *
uri_ascii(const char *s)
{
	struct buf	 b;
	unsigned char	 c;

	buf_init(&b);
	for (; *s != '\0'; s++) {
		c = (unsigned char)*s;
		if (c <= 0x20 || c >= 0x7f)
			buf_pct(&b, c);
		else
			buf_putc(&b, c);
	}
	return buf_detach(&b);
}

int
hexval(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* ---- files ----------------------------------------------------------- */

int
file_read(const char *path, size_t maxsize, char **out, size_t *len)
{
	struct stat	 st;
	int		 fd, saved;
	char		*p = NULL;
	size_t		 have = 0;
	ssize_t		 r;

	*out = NULL;
	if (len)
		*len = 0;
	/* O_NONBLOCK: opening a FIFO must not wait for a writer. */
	if ((fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)) == -1)
		return 0;
	if (fstat(fd, &st) == -1)
		goto err;
	if (S_ISDIR(st.st_mode)) {
		errno = EISDIR;
		goto err;
	}
	if (!S_ISREG(st.st_mode)) {
		errno = EINVAL;
		goto err;
	}
	if ((unsigned long long)st.st_size > maxsize) {
		errno = EFBIG;
		goto err;
	}
	p = xmalloc((size_t)st.st_size + 1);
	/* Read at most maxsize bytes even if the file grows meanwhile. */
	while (have < (size_t)st.st_size) {
		r = read(fd, p + have, (size_t)st.st_size - have);
		if (r == -1) {
			if (errno == EINTR)
				continue;
			goto err;
		}
		if (r == 0)
			break;
		have += (size_t)r;
	}
	close(fd);
	p[have] = '\0';
	*out = p;
	if (len)
		*len = have;
	return 1;
err:
	saved = errno;
	free(p);
	close(fd);
	errno = saved;
	return 0;
}

int
file_write(const char *path, const void *data, size_t len)
{
	FILE	*f;
	int	 saved;

	if ((f = fopen(path, "wb")) == NULL)
		return 0;
	if (fault_enospc()) {	/* tests: a full disk */
		fclose(f);
		errno = ENOSPC;
		return 0;
	}
	if (len && fwrite(data, 1, len, f) != len) {
		saved = errno;
		fclose(f);
		errno = saved;
		return 0;
	}
	if (fclose(f) != 0)
		return 0;
	return 1;
}

/* file_write_atomic() (flush: fsync before the rename), file_write_replace(). */
static int
S_file_put(const char *path, const void *data, size_t len, int flush)
{
	char		*tmp;
	const char	*p = data;
	ssize_t		 w;
	int		 fd, saved;

	tmp = xasprintf("%s.tmp-XXXXXX", path);
	if ((fd = mkstemp(tmp)) == -1) {
		saved = errno;
		free(tmp);
		errno = saved;
		return 0;
	}
	if (fault_enospc()) {	/* tests: a full disk */
		errno = ENOSPC;
		goto fail;
	}
	while (len > 0) {
		if ((w = write(fd, p, len)) == -1) {
			if (errno == EINTR)
				continue;
			goto fail;
		}
		p += w;
		len -= (size_t)w;
	}
	if (fchmod(fd, 0644) == -1 || (flush && fsync(fd) == -1))
		goto fail;
	if (close(fd) == -1) {
		fd = -1;
		goto fail;
	}
	fd = -1;
	fault_point("write");	/* tests: a kill leaves tmp behind */
	if (rename(tmp, path) == -1)
		goto fail;
	free(tmp);
	return 1;
fail:
	saved = errno;
	if (fd != -1)
		close(fd);
	unlink(tmp);
	free(tmp);
	errno = saved;
	return 0;
}

int
file_write_atomic(const char *path, const void *data, size_t len)
{
	return S_file_put(path, data, len, 1);
}

int
file_write_replace(const char *path, const void *data, size_t len)
{
	return S_file_put(path, data, len, 0);
}

int
fs_sync(const char *dir)
{
	int	 fd, r, saved;

	if ((fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC)) == -1)
		return 0;
	r = syncfs(fd);
	saved = errno;
	close(fd);
	errno = saved;
	return r == 0;
}

int
mkdir_p(const char *path)
{
	struct stat	 st;
	char		*p, *s;
	int		 ok = 1;

	if (*path == '\0') {
		errno = ENOENT;	/* as mkdir("") */
		return 0;
	}
	p = xstrdup(path);
	for (s = p + 1; ok && *s; s++) {
		if (*s != '/')
			continue;
		*s = '\0';
		if (mkdir(p, 0777) == -1 && errno != EEXIST)
			ok = 0;
		*s = '/';
	}
	if (ok && mkdir(p, 0777) == -1) {
		/* EEXIST also comes for a file: that is no folder. */
		if (errno != EEXIST)
			ok = 0;
		else if (stat(p, &st) == -1)
			ok = 0;
		else if (!S_ISDIR(st.st_mode)) {
			errno = ENOTDIR;
			ok = 0;
		}
	}
	free(p);
	return ok;
}

int
mkdir_nofollow(const char *path)
{
	struct stat	 st;

	if (mkdir(path, 0777) == 0)
		return 1;
	if (errno != EEXIST || lstat(path, &st) == -1)
		return 0;
	if (S_ISLNK(st.st_mode)) {
		errno = ELOOP;
		return 0;
	}
	if (!S_ISDIR(st.st_mode)) {
		errno = ENOTDIR;
		return 0;
	}
	return 1;
}

int
remove_tree(const char *path)
{
	struct stat	 st;
	DIR		*d;
	struct dirent	*e;
	char		*sub;
	int		 ok = 1;

	if (lstat(path, &st) == -1)
		return errno == ENOENT;
	if (!S_ISDIR(st.st_mode))
		return unlink(path) == 0;
	if ((d = opendir(path)) == NULL)
		return 0;
	while ((e = readdir(d)) != NULL) {
		if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
			continue;
		sub = path_join(path, e->d_name);
		if (!remove_tree(sub))
			ok = 0;
		free(sub);
	}
	closedir(d);
	if (rmdir(path) == -1)
		ok = 0;
	return ok;
}

char *
path_join(const char *a, const char *b)
{
	size_t	 la = strlen(a);

	while (la > 0 && a[la - 1] == '/')
		la--;
	while (*b == '/')
		b++;
	if (la == 0)	/* "" or the root, "/" or "//" */
		return *a == '/' ? xasprintf("/%s", b) : xstrdup(b);
	return xasprintf("%.*s/%s", (int)la, a, b);
}

/* ---- UTF-8 ----------------------------------------------------------- */

size_t
utf8_decode(const char *str, size_t n, unsigned int *cp)
{
	const unsigned char *s = (const unsigned char *)str;
	unsigned int	 c;
	size_t		 len, i;

	if (n == 0)
		return 0;
	if (s[0] < 0x80) {
		*cp = s[0];
		return 1;
	} else if (s[0] >= 0xc2 && s[0] <= 0xdf) {
		len = 2;
		c = s[0] & 0x1f;
	} else if (s[0] >= 0xe0 && s[0] <= 0xef) {
		len = 3;
		c = s[0] & 0x0f;
	} else if (s[0] >= 0xf0 && s[0] <= 0xf4) {
		len = 4;
		c = s[0] & 0x07;
	} else
		return 0;
	if (n < len)
		return 0;
	for (i = 1; i < len; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return 0;
		c = (c << 6) | (s[i] & 0x3f);
	}
	if ((len == 3 && c < 0x800) || (len == 4 && c < 0x10000) ||
	    c > 0x10ffff || (c >= 0xd800 && c <= 0xdfff))
		return 0;
	*cp = c;
	return len;
}

void
utf8_encode(struct buf *b, unsigned int cp)
{
	char	 s[4];

	if (cp < 0x80) {
		buf_putc(b, (int)cp);
	} else if (cp < 0x800) {
		s[0] = (char)(0xc0 | (cp >> 6));
		s[1] = (char)(0x80 | (cp & 0x3f));
		buf_put(b, s, 2);
	} else if (cp < 0x10000) {
		s[0] = (char)(0xe0 | (cp >> 12));
		s[1] = (char)(0x80 | ((cp >> 6) & 0x3f));
		s[2] = (char)(0x80 | (cp & 0x3f));
		buf_put(b, s, 3);
	} else {
		s[0] = (char)(0xf0 | (cp >> 18));
		s[1] = (char)(0x80 | ((cp >> 12) & 0x3f));
		s[2] = (char)(0x80 | ((cp >> 6) & 0x3f));
		s[3] = (char)(0x80 | (cp & 0x3f));
		buf_put(b, s, 4);
	}
}

size_t
utf8_len(const char *s)
{
	size_t	 n = 0;

	for (; *s; s++)
		if (((unsigned char)*s & 0xc0) != 0x80)
			n++;
	return n;
}

int
utf8_is_bidi_control(unsigned int cp)
{
	return (cp >= 0x202a && cp <= 0x202e) ||
	    (cp >= 0x2066 && cp <= 0x2069);
}

void
buf_escape(struct buf *b, const char *s, size_t len, int flags)
{
	const unsigned char *u = (const unsigned char *)s;
	unsigned int	 cp;
	size_t		 i = 0, n, run;

	while (i < len) {
		/* The longest run of harmless bytes, at once. */
		for (run = i; run < len && u[run] >= 0x20 && u[run] < 0x7f;
		    run++)
			;
		buf_put(b, s + i, run - i);
		if ((i = run) >= len)
			break;
		if (u[i] == 0x1b) {
			buf_puts(b, "\\e");
			i++;
		} else if (u[i] < 0x80) {
			if ((flags & ESC_KEEP_LINES) && (u[i] == '\n' ||
			    u[i] == '\t' || (u[i] == '\r' && i + 1 < len &&
			    u[i + 1] == '\n')))
				buf_putc(b, u[i]);
			else
				buf_printf(b, "\\x%02x", u[i]);
			i++;
		} else if ((n = utf8_decode(s + i, len - i, &cp)) == 0) {
			buf_printf(b, "\\x%02x", u[i]);
			i++;
		} else {
			if ((cp >= 0x80 && cp < 0xa0) ||
			    utf8_is_bidi_control(cp))
				buf_printf(b, "\\u%04X", cp);
			else
				buf_put(b, s + i, n);
			i += n;
		}
	}
}

char *
str_escape(const char *s)
{
	struct buf	 b;

	buf_init(&b);
	buf_escape(&b, s, strlen(s), ESC_KEEP_LINES);
	return buf_detach(&b);
}

/*
 * Base letter of a Latin-1 Supplement / Latin Extended-A code point, or
 * NULL when the character is kept as is.
 */
static const char *
S_fold_latin(unsigned int c)
{
	static const char *const latin1[64] = {
		/* C0 */ "a", "a", "a", "a", "a", "a", "ae", "c",
		/* C8 */ "e", "e", "e", "e", "i", "i", "i", "i",
		/* D0 */ "d", "n", "o", "o", "o", "o", "o", NULL,
		/* D8 */ "o", "u", "u", "u", "u", "y", "th", "ss",
		/* E0 */ "a", "a", "a", "a", "a", "a", "ae", "c",
		/* E8 */ "e", "e", "e", "e", "i", "i", "i", "i",
		/* F0 */ "d", "n", "o", "o", "o", "o", "o", NULL,
		/* F8 */ "o", "u", "u", "u", "u", "y", "th", "y",
	};

	if (c >= 0xc0 && c <= 0xff)
		return latin1[c - 0xc0];
	switch (c) {
	case 0x152: case 0x153: return "oe";
	case 0x178: return "y";
	case 0x100: case 0x101: case 0x102: case 0x103: case 0x104:
	case 0x105: return "a";
	case 0x106: case 0x107: case 0x10c: case 0x10d: return "c";
	case 0x118: case 0x119: case 0x11a: case 0x11b: return "e";
	case 0x141: case 0x142: return "l";
	case 0x143: case 0x144: case 0x147: case 0x148: return "n";
	case 0x15a: case 0x15b: case 0x15e: case 0x15f: case 0x160:
	case 0x161: return "s";
	case 0x162: case 0x163: case 0x164: case 0x165: return "t";
	case 0x16e: case 0x16f: return "u";
	case 0x179: case 0x17a: case 0x17b: case 0x17c: case 0x17d:
	case 0x17e: return "z";
	case 0x2019: case 0x2018: return "'";
	case 0xa0: case 0x202f: case 0x2009: return " ";
	default: return NULL;
	}
}

char *
str_fold(const char *s)
{
	struct buf	 b;
	size_t		 n = strlen(s), k;
	unsigned int	 c;
	const char	*f;

	buf_init(&b);
	while (n > 0) {
		k = utf8_decode(s, n, &c);
		if (k == 0) {
			buf_putc(&b, (unsigned char)*s);
			s++, n--;
			continue;
		}
		if (c < 0x80)
			buf_putc(&b, c >= 'A' && c <= 'Z' ? (int)(c + 32) : (int)c);
		else if ((f = S_fold_latin(c)) != NULL)
			buf_puts(&b, f);
		else
			buf_put(&b, s, k);
		s += k, n -= k;
	}
	return buf_detach(&b);
}

char *
str_fold_words(const char *s)
{
	char	*f = str_fold(s), *p, *q;

	for (p = q = f; *p != '\0'; p++) {
		if (*p == '-' || *p == '_' || *p == '\'')
			*p = ' ';
		if (*p == ' ' && (q == f || q[-1] == ' '))
			continue;
		*q++ = *p;
	}
	while (q > f && q[-1] == ' ')
		q--;
	*q = '\0';
	return f;
}

int
str_cmp_ptr(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

int
str_collate(const char *a, const char *b)
{
	char	*fa = str_fold(a), *fb = str_fold(b);
	int	 r = strcmp(fa, fb);

	free(fa);
	free(fb);
	return r ? r : strcmp(a, b);
}

static size_t
S_space_len(const char *s, size_t n)
{
	unsigned int	 c;
	size_t		 k;

	if (n == 0)
		return 0;
	if (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r' ||
	    *s == '\f' || *s == '\v')
		return 1;
	k = utf8_decode(s, n, &c);
	if (k && (c == 0xa0 || c == 0x202f || c == 0x2009 || c == 0xfeff))
		return k;
	return 0;
}

char *
str_trim(const char *s)
{
	size_t		 n = strlen(s), i, k, end = 0;
	unsigned int	 c;

	while ((k = S_space_len(s, n)) > 0)
		s += k, n -= k;
	/* Keep up to the end of the last character that is not a space. */
	for (i = 0; i < n; i += k) {
		if ((k = S_space_len(s + i, n - i)) > 0)
			continue;
		if ((k = utf8_decode(s + i, n - i, &c)) == 0)
			k = 1;
		end = i + k;
	}
	return xstrndup(s, end);
}

/* ---- dates ----------------------------------------------------------- */

void
date_iso(const struct date *d, char out[11])
{
	char	 tmp[48];	/* room for any three ints: no truncation */

	out[0] = '\0';
	if (d->y <= 0)
		return;
	snprintf(tmp, sizeof(tmp), "%04d-%02d-%02d", d->y, d->m, d->d);
	memcpy(out, tmp, 10);
	out[10] = '\0';
}

char *
date_fr(const struct date *d)
{
	static const char *const months[12] = {
		"janvier", "février", "mars", "avril", "mai", "juin",
		"juillet", "août", "septembre", "octobre", "novembre",
		"décembre"
	};

	if (d->m < 1 || d->m > 12)
		return xstrdup("");
	if (d->d == 1)
		return xasprintf("1er %s %d", months[d->m - 1], d->y);
	return xasprintf("%d %s %d", d->d, months[d->m - 1], d->y);
}

char *
date_fr_short(const struct date *d)
{
	static const char *const months[12] = {
		"janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.",
		"août", "sept.", "oct.", "nov.", "déc."
	};

	if (d->m < 1 || d->m > 12)
		return xstrdup("");
	return xasprintf("%d%s %s %d", d->d, d->d == 1 ? "er" : "",
	    months[d->m - 1], d->y);
}

void
date_from_epoch(long long t, struct date *d)
{
	/* Civil from days (H. Hinnant), valid for the proleptic calendar. */
	long long	 z = (t >= 0 ? t : t - 86399) / 86400 + 719468;
	long long	 era = (z >= 0 ? z : z - 146096) / 146097;
	long long	 doe = z - era * 146097;
	long long	 yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	long long	 doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	long long	 mp = (5 * doy + 2) / 153;

	d->d = (int)(doy - (153 * mp + 2) / 5 + 1);
	d->m = (int)(mp < 10 ? mp + 3 : mp - 9);
	d->y = (int)(yoe + era * 400 + (d->m <= 2));
}

long long
build_epoch(long long fallback)
{
	const char	*s = getenv("SOURCE_DATE_EPOCH");
	char		*end;
	long long	 v;

	if (s == NULL || *s == '\0')
		return fallback;
	errno = 0;
	v = strtoll(s, &end, 10);
	if (errno || *end != '\0' || v < 0 || v > 253402300799LL)
		return fallback;
	return v;
}
