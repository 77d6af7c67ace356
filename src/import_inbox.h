/*
 * import_inbox.h — the first step of `annuaire import`: read the inbox
 * and say what each file is.
 *
 * Every regular file of INBOX (hidden files, "~" backups and the
 * traités/ and refusés/ folders aside) is read whole (up to
 * IMPORT_INBOX_MAX bytes) and classified by its content, never by its
 * name nor its file time: a page (a front matter), or one of the
 * returns that cannot be a page — the form itself sent back, a Word,
 * LibreOffice or PDF document, a plain message, an empty file.  From
 * its name come the slug it may name and its copy number; from its
 * front matter the form's save stamp.  Nothing here writes, but
 * import_inbox_move().
 */
#ifndef IMPORT_INBOX_H
#define IMPORT_INBOX_H

#include <stddef.h>

#include "diag.h"

/* Largest file read; a page is far smaller (load.h caps it too). */
#define	IMPORT_INBOX_MAX	((size_t)16 << 20)
/* Sub-folders of the inbox: files taken, files refused. */
#define	IMPORT_DONE		"traités"
#define	IMPORT_REFUSED		"refusés"

enum inbox_kind {
	IK_PAGE,	/* starts with "---": a page, for the loader */
	IK_EMPTY,	/* nothing, or only white space */
	IK_FORM,	/* our own form (.html) sent back */
	IK_HTML,	/* another web page */
	IK_DOCX,	/* Word document (zip with word/document.xml) */
	IK_ODT,		/* OpenDocument text (zip, its mimetype) */
	IK_ZIP,		/* another zip archive */
	IK_PDF,		/* %PDF- */
	IK_DOC,		/* Word 97-2003 (OLE compound file) or RTF */
	IK_TEXT,	/* text without a front matter: a message */
	IK_BINARY	/* anything else with NUL bytes */
};
#define	IK__COUNT	(IK_BINARY + 1)

struct inbox_file {
	char		*name;		/* file name in the inbox */
	char		*path;		/* INBOX/name */
	char		*data;		/* its bytes (NUL-terminated) */
	size_t		 len;
	enum inbox_kind	 kind;
	char		*stem;		/* name without extensions nor copy
					   marks: "caf-yvelines (2).md" ->
					   "caf-yvelines" */
	int		 copy;		/* " (2)" -> 2, " - Copie" -> 1, else 0 */
	char		 stamp[21];	/* the form's save time,
					   "2026-12-07T21:45:03Z", or "" */
	char		*form_slug;	/* IK_FORM: the partner it is for */
};

/*
 * The files of inbox, sorted by name, into *v (n of them; free with
 * import_inbox_free()).  Returns 0 with a diagnostic when the folder
 * cannot be read; a file that cannot be read is a diagnostic and left
 * out.
 */
int	 import_inbox_read(const char *inbox, struct inbox_file **v,
	    size_t *n, struct diags *);
void	 import_inbox_free(struct inbox_file *, size_t);

/*
 * For a return that is not a page: what it is and what to do, one
 * sentence to print after its path (English msgid, translated), and
 * the word campagne.yaml records ("formulaire", "docx", ...).
 */
const char *import_inbox_what(enum inbox_kind);
const char *import_inbox_word(enum inbox_kind);

/*
 * Move INBOX/name into INBOX/sub/ ("traités" or "refusés"), never over
 * another file (" (2)" added).  Returns 0 with a diagnostic.
 */
int	 import_inbox_move(const char *inbox, const char *sub,
	    const char *name, struct diags *);

#endif /* IMPORT_INBOX_H */
