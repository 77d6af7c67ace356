/*
 * mail.c — .eml drafts; see mail.h.
 */
#include <stdlib.h>
#include <string.h>

#include "mail.h"
#include "util.h"

static const char S_b64[] =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/* Base64 of n bytes (n <= 3 per group), no line breaks. */
static void
S_base64(struct buf *b, const unsigned char *s, size_t n)
{
	unsigned int	 v;
	size_t		 i;

	for (i = 0; i + 2 < n; i += 3) {
		v = (unsigned)s[i] << 16 | (unsigned)s[i + 1] << 8 | s[i + 2];
		buf_putc(b, S_b64[v >> 18 & 63]);
		buf_putc(b, S_b64[v >> 12 & 63]);
		buf_putc(b, S_b64[v >> 6 & 63]);
		buf_putc(b, S_b64[v & 63]);
	}
	if (n - i == 1) {
		v = (unsigned)s[i] << 16;
		buf_putc(b, S_b64[v >> 18 & 63]);
		buf_putc(b, S_b64[v >> 12 & 63]);
		buf_puts(b, "==");
	} else if (n - i == 2) {
		v = (unsigned)s[i] << 16 | (unsigned)s[i + 1] << 8;
		buf_putc(b, S_b64[v >> 18 & 63]);
		buf_putc(b, S_b64[v >> 12 & 63]);
		buf_putc(b, S_b64[v >> 6 & 63]);
		buf_putc(b, '=');
	}
}

/* Whether s can go in a header as is (printable ASCII, no long word). */
static int
S_plain(const char *s)
{
	const unsigned char *u;

	for (u = (const unsigned char *)s; *u != '\0'; u++)
		if (*u < 0x20 || *u > 0x7e)
			return 0;
	return strstr(s, "=?") == NULL && strlen(s) < 60;
}

/* Column of the end of b: characters since its last line break. */
static size_t
S_col(const struct buf *b)
{
	size_t	 i = b->len;

	while (i > 0 && b->data[i - 1] != '\n')
		i--;
	return b->len - i;
}

void
mail_encode_header(struct buf *b, const char *s, size_t col)
{
	size_t		 len = strlen(s), i, n, chunk, room, max;
	unsigned int	 cp;
	char		*one = NULL, *w;

	(void)col;
	if (S_plain(s)) {
		buf_puts(b, s);
		return;
	}
	/* Not even encoded: a decoded line feed cuts a Subject in two. */
	if (s[strcspn(s, "\001\002\003\004\005\006\007\010\011\012\013"
	    "\014\015\016\017\020\021\022\023\024\025\026\027\030\031"
	    "\032\033\034\035\036\037\177")] != '\0') {
		one = xstrdup(s);
		for (w = one; *w != '\0'; w++)
			if ((unsigned char)*w < 0x20 || *w == 0x7f)
				*w = ' ';
		s = one;
	}
	/*
	 * Encoded words of at most 75 characters ("=?UTF-8?B?" + 4/3 of
	 * at most 45 bytes + "?="), cut between characters (RFC 2047
	 * section 5), each on a folded line when the line would pass 76.
	 */
	for (i = 0; i < len; i += chunk) {
		room = S_col(b) < 76 - 12 ? 76 - 12 - S_col(b) : 0;
		max = room / 4 * 3;
		if (max < 6) {
			buf_puts(b, "\r\n ");
			max = 45;
		} else if (max > 45)
			max = 45;
		chunk = 0;
		while (i + chunk < len) {
			n = utf8_decode(s + i + chunk, len - i - chunk, &cp);
			if (n == 0)
				n = 1;
			if (chunk + n > max)
				break;
			chunk += n;
		}
		if (chunk == 0)		/* cannot happen: max >= 6 */
			chunk = 1;
		if (i > 0 && S_col(b) > 1)
			buf_putc(b, ' ');
		buf_puts(b, "=?UTF-8?B?");
		S_base64(b, (const unsigned char *)s + i, chunk);
		buf_puts(b, "?=");
	}
	free(one);
}

/* "Name <addr>" with the name quoted or encoded. */
static void
S_addr(struct buf *b, const struct mail_addr *a, size_t col)
{
	const char *p;

	if (a->name == NULL || *a->name == '\0') {
		buf_puts(b, a->addr);
		return;
	}
	if (S_plain(a->name)) {
		buf_putc(b, '"');
		for (p = a->name; *p != '\0'; p++) {
			if (*p == '"' || *p == '\\')
				buf_putc(b, '\\');
			buf_putc(b, *p);
		}
		buf_putc(b, '"');
	} else
		mail_encode_header(b, a->name, col);
	if (S_col(b) + strlen(a->addr) + 4 > 76)
		buf_printf(b, "\r\n <%s>", a->addr);
	else
		buf_printf(b, " <%s>", a->addr);
}

/* RFC 5322 date, in UTC, with English names whatever the locale. */
static void
S_rfc5322_date(struct buf *b, long long t)
{
	static const char *const days[] = {
		"Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"
	};
	static const char *const months[] = {
		"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep",
		"Oct", "Nov", "Dec"
	};
	struct date	 d;
	long long	 day = t >= 0 ? t / 86400 : (t - 86399) / 86400;
	long long	 sec = t - day * 86400;

	date_from_epoch(t, &d);
	buf_printf(b, "%s, %d %s %04d %02lld:%02lld:%02lld +0000",
	    days[((day % 7) + 7) % 7], d.d, months[(d.m - 1) % 12], d.y,
	    sec / 3600, sec / 60 % 60, sec % 60);
}

/* Quoted-printable (RFC 2045), LF turned into CRLF, lines <= 76. */
static void
S_qp(struct buf *b, const char *s)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t		 col = 0, w;
	char		 enc[4];

	for (; *u != '\0'; u++) {
		if (*u == '\n') {
			buf_puts(b, "\r\n");
			col = 0;
			continue;
		}
		if (*u == '\r')
			continue;
		/* Space or tab before a line end must be encoded. */
		if ((*u >= 33 && *u <= 126 && *u != '=') ||
		    ((*u == ' ' || *u == '\t') && u[1] != '\n' &&
		    u[1] != '\0')) {
			enc[0] = (char)*u;
			enc[1] = '\0';
		} else
			snprintf(enc, sizeof(enc), "=%02X", *u);
		w = strlen(enc);
		if (col + w > 75) {
			buf_puts(b, "=\r\n");
			col = 0;
		}
		buf_puts(b, enc);
		col += w;
	}
	if (col > 0)
		buf_puts(b, "\r\n");
}

void
mail_write(const struct mail *m, struct buf *b)
{
	unsigned long long h = 0xcbf29ce484222325ULL;
	const unsigned char *a = m->attach;
	char		 boundary[64];
	size_t		 i;

	/* A boundary quoted-printable and base64 output cannot contain. */
	for (i = 0; m->text[i] != '\0'; i++)
		h = (h ^ (unsigned char)m->text[i]) * 0x100000001b3ULL;
	snprintf(boundary, sizeof(boundary), "=_annuaire_%016llx", h);

	buf_puts(b, "From: ");
	S_addr(b, &m->from, 6);
	buf_puts(b, "\r\n");
	if (m->nto > 0) {
		buf_puts(b, "To: ");
		for (i = 0; i < m->nto; i++) {
			if (i > 0)
				buf_puts(b, ",\r\n ");
			S_addr(b, &m->to[i], 4);
		}
		buf_puts(b, "\r\n");
	}
	buf_puts(b, "Subject: ");
	mail_encode_header(b, m->subject, 9);
	buf_puts(b, "\r\nDate: ");
	S_rfc5322_date(b, m->date);
	buf_puts(b, "\r\n");
	if (m->message_id != NULL)
		buf_printf(b, "Message-ID:%s%s\r\n", strlen(m->message_id) >
		    64 ? "\r\n " : " ", m->message_id);
	buf_puts(b, "X-Unsent: 1\r\nMIME-Version: 1.0\r\n");
	if (m->attach_name == NULL) {
		buf_puts(b, "Content-Type: text/plain; charset=UTF-8\r\n"
		    "Content-Transfer-Encoding: quoted-printable\r\n\r\n");
		S_qp(b, m->text);
		return;
	}
	buf_printf(b, "Content-Type: multipart/mixed;\r\n boundary=\"%s\"\r\n"
	    "\r\nThis is a message in MIME format.\r\n\r\n", boundary);
	buf_printf(b, "--%s\r\nContent-Type: text/plain; charset=UTF-8\r\n"
	    "Content-Transfer-Encoding: quoted-printable\r\n\r\n", boundary);
	S_qp(b, m->text);
	buf_printf(b, "\r\n--%s\r\nContent-Type: %s;\r\n name=\"%s\"\r\n"
	    "Content-Transfer-Encoding: base64\r\n"
	    "Content-Disposition: attachment;\r\n filename=\"%s\"\r\n\r\n",
	    boundary, m->attach_type, m->attach_name, m->attach_name);
	for (i = 0; i < m->attach_len; i += 57) {
		S_base64(b, a + i, m->attach_len - i < 57 ?
		    m->attach_len - i : 57);
		buf_puts(b, "\r\n");
	}
	buf_printf(b, "\r\n--%s--\r\n", boundary);
}

/* Width in code points of s[0..n). */
static size_t
S_cp_width(const char *s, size_t n)
{
	size_t	 w = 0, i;

	for (i = 0; i < n; i++)
		if (((unsigned char)s[i] & 0xc0) != 0x80)
			w++;
	return w;
}

/*
 * Whether the space at sp, in the line starting at line, may end a
 * line: French typography binds "«" to the word after it and "»", ":",
 * ";", "?", "!" to the word before them, whatever space was typed.
 */
static int
S_breakable(const char *line, const char *sp)
{
	const char *n = sp + 1;

	if (sp - line >= 2 && memcmp(sp - 2, "\xc2\xab", 2) == 0) /* « */
		return 0;
	if (strncmp(n, "\xc2\xbb", 2) == 0)			/* » */
		return 0;
	return !(strchr(":;?!", *n) != NULL && *n != '\0');
}

char *
mail_wrap(const char *text, size_t width)
{
	struct buf	 b;
	const char	*line, *end, *p, *cut;
	size_t		 indent, len, w;

	buf_init(&b);
	for (line = text; *line != '\0'; line = *end ? end + 1 : end) {
		end = strchr(line, '\n');
		if (end == NULL)
			end = line + strlen(line);
		len = (size_t)(end - line);
		/* Hanging indent: leading spaces, then "1. " or "- ". */
		indent = strspn(line, " ");
		p = line + indent;
		if (p[0] >= '0' && p[0] <= '9' && p[1] == '.' && p[2] == ' ')
			indent += 3;
		else if (p[0] == '-' && p[1] == ' ')
			indent += 2;
		p = line;
		while (S_cp_width(p,
		    (size_t)(end - p)) + (p == line ? 0 : indent)
		    > width) {
			/* The last space that keeps the piece within width. */
			cut = NULL;
			for (w = p == line ? 0 : indent, len = 0; p + len < end;
			    len++) {
				if (((unsigned char)p[len] & 0xc0) != 0x80)
					w++;
				if (w > width)
					break;
				if (p[len] == ' ' && len > 0 &&
				    (p != line || len > indent) &&
				    S_breakable(line, p + len))
					cut = p + len;
			}
			if (cut == NULL) {
				/* A word longer than width: cut after it. */
				cut = p + (p == line ? indent : 0);
				while (cut < end && *cut == ' ')
					cut++;
				while (cut < end && (*cut != ' ' ||
				    !S_breakable(line, cut)))
					cut++;
				if (cut == end)
					break;
			}
			if (p != line)
				buf_printf(&b, "%*s", (int)indent, "");
			buf_put(&b, p, (size_t)(cut - p));
			buf_putc(&b, '\n');
			p = cut;
			while (*p == ' ')
				p++;
		}
		if (p != line)
			buf_printf(&b, "%*s", (int)indent, "");
		buf_put(&b, p, (size_t)(end - p));
		if (*end == '\n')
			buf_putc(&b, '\n');
	}
	return buf_detach(&b);
}

char *
mail_unusable_text(const char *word)
{
	static const struct {
		const char	*word, *text;
	} v[] = {
		{ "formulaire", "le formulaire lui-même (le fichier .html), "
		    "et non la fiche qu'il enregistre" },
		{ "html", "une page web, et non la fiche que le formulaire "
		    "enregistre" },
		{ "docx", "un document Word (.docx), et non la fiche que le "
		    "formulaire enregistre" },
		{ "doc", "un document Word (.doc), et non la fiche que le "
		    "formulaire enregistre" },
		{ "odt", "un document LibreOffice (.odt), et non la fiche que "
		    "le formulaire enregistre" },
		{ "pdf", "un document PDF, et non la fiche que le formulaire "
		    "enregistre" },
		{ "zip", "une archive zip, et non la fiche que le formulaire "
		    "enregistre" },
		{ "texte", "un texte sans la fiche (un message ?), et non la "
		    "fiche que le formulaire enregistre" },
		{ "vide", "un fichier vide" },
	};
	size_t	 i;

	for (i = 0; word != NULL && i < sizeof(v) / sizeof(v[0]); i++)
		if (strcmp(word, v[i].word) == 0)
			return xstrdup(v[i].text);
	return xstrdup("un fichier qui n'est pas la fiche que le formulaire "
	    "enregistre");
}
