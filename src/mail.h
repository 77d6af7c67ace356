/*
 * mail.h — an e-mail draft as an .eml file (RFC 5322 + MIME).
 *
 * `annuaire campaign` writes one draft per partner that the coordinator
 * opens, reads and sends from an ordinary mail program: "X-Unsent: 1"
 * makes Outlook open it as a draft (Thunderbird opens it as a message
 * to edit as new).  The message is multipart/mixed: a text/plain part
 * (UTF-8, quoted-printable) and one attachment (base64).  Lines end in
 * CRLF and never exceed 76 characters (RFC 2045), but for an address or
 * a Message-ID too long to fit, alone on its folded line; header texts
 * that are not plain ASCII are RFC 2047 encoded words (UTF-8, base64).
 */
#ifndef MAIL_H
#define MAIL_H

#include <stddef.h>

#include "util.h"

struct mail_addr {
	const char	*name;	/* display name, UTF-8, or NULL */
	const char	*addr;	/* "x@example.org" (ASCII) */
};

struct mail {
	struct mail_addr  from;
	const struct mail_addr *to;	/* may be empty: a draft to address */
	size_t		  nto;
	const char	 *subject;	/* UTF-8 */
	const char	 *text;		/* UTF-8, lines end in LF */
	long long	  date;		/* seconds since the epoch (UTC) */
	const char	 *message_id;	/* "<...@...>", or NULL */
	const char	 *attach_name;	/* ASCII file name, or NULL */
	const char	 *attach_type;	/* "text/html; charset=UTF-8" */
	const void	 *attach;
	size_t		  attach_len;
};

/* Append the whole message to out. */
void	 mail_write(const struct mail *, struct buf *out);

/* Append s as RFC 2047 encoded words when needed, folding lines at
 * col (the column where s starts); for tests.  A header is one line:
 * control characters of s (a line feed, an escape) become spaces. */
void	 mail_encode_header(struct buf *, const char *s, size_t col);

/*
 * Break the lines of text longer than width characters at spaces,
 * continuation lines indented like the line's text (after its leading
 * spaces and a "1. " or "- " marker); lines are never joined, a single
 * word longer than width stands alone on its line.  French typography
 * holds: a line never ends with "«" nor starts with "»", ":", ";", "?"
 * or "!" (the space between them and their word is never a break, be
 * it an ASCII or a no-break space).  Allocated.
 */
char	*mail_wrap(const char *text, size_t width);

/*
 * What a return that was not a page was, as a reminder says it to the
 * partner ("le formulaire lui-même (le fichier .html)"), from the word
 * campagne.yaml records (campaign_state.h: "formulaire", "docx", ...).
 * Allocated.
 */
char	*mail_unusable_text(const char *word);

#endif /* MAIL_H */
