/*
 * import_decide.h — the second step of `annuaire import`: decide, per
 * partner, what each file of the inbox (import_inbox.h) becomes.
 *
 * Nothing is guessed, nothing is written here:
 *  - a return that is not a page is refused (moved aside by the caller),
 *    for the partner its name or its form names when there is one;
 *  - a page the loader refuses is invalid (left in the inbox);
 *  - a page is matched to a partner by its file name, else by nom or
 *    sigle; otherwise it is a new partner, with a slug no page and no
 *    other new partner of this import has;
 *  - a page whose nom (or sigle) is not the matched partner's, or that
 *    names another partner, is a question: applied only when the
 *    coordinator said --accept SLUG (to that page) or --as-new SLUG;
 *  - of several files for one partner: identical ones count once; else
 *    the latest form save stamp wins (every file stamped); else the
 *    highest copy number; else none is taken (a question);
 *  - the page taken is a review: without the form's stamp, a
 *    mise_a_jour before the reply date becomes the reply date (with it,
 *    one before the save date becomes the save date);
 *  - when the coordinator changed the page since the campaign sent it,
 *    a three-way merge with the page as sent (campaign_state.h): a field
 *    only the partner changed is taken, one only the coordinator changed
 *    is kept, one both changed is a conflict unless --take SLUG:FIELD or
 *    --keep SLUG:FIELD (or --force: the partner's) says which.
 */
#ifndef IMPORT_DECIDE_H
#define IMPORT_DECIDE_H

#include "paste.h"

#include <stddef.h>

#include "campaign_state.h"
#include "diag.h"
#include "import.h"
#include "import_inbox.h"
#include "model.h"

enum import_fate {
	IF_TAKE,	/* its page is written (with --apply) */
	IF_SAME,	/* identical to the file taken */
	IF_OLDER,	/* another file of the partner is taken */
	IF_INVALID,	/* refused by the loader: left in the inbox */
	IF_REFUSED,	/* not a page: moved into INBOX/refusés/ */
	IF_QUESTION,	/* identity, or which file: not applied */
	IF_CONFLICT	/* both sides changed a field: not applied */
};

/* Why the file taken was taken among several. */
enum import_why { IW_ONLY, IW_STAMP, IW_COPY };

/* A field both sides changed since the request. */
struct import_conflict {
	const char	*key;		/* group: "transports", "adresse" */
	int		 resolved;	/* 0: ask; 1 partner's; 2 coordinator's */
};

struct import_item {
	struct inbox_file *f;		/* the file (owned by the caller) */
	struct partner	*p;		/* the answer as it will be written;
					   NULL unless a page that loaded */
	char		*slug;		/* the partner it is for, or NULL */
	const struct partner *cur;	/* its page, NULL: new partner */
	const char	*how;		/* matched by: "file name", "nom",... */
	enum import_fate fate;
	enum import_why	 why;		/* IF_TAKE among several */
	struct import_item *taken;	/* IF_SAME, IF_OLDER: the one taken */
	size_t		 nerrors;	/* IF_INVALID: the loader's errors */
	int		 identity;	/* nom/sigle not the partner's */
	int		 accepted;	/* ... and --accept said so */
	int		 undecided;	/* several files, nothing tells */
	const struct partner *other;	/* the partner the answer names */
	struct date	 old_date;	/* mise_a_jour as the file gave it */
	int		 redated;	/* set to the reply / save date */
	const char	**kept;		/* groups the coordinator changed,
					   kept (static strings) */
	size_t		 nkept;
	struct import_conflict *conflicts;
	size_t		 nconflicts;
	int		 forced;	/* page modified, no base: --force */
	int		 nobase;	/* page modified, no base: not applied */
	struct date	 asked;		/* when the page was sent */
	struct partner	*mine;		/* the coordinator's page, for the
					   side-by-side view (owned) */
	struct paste_report paste;	/* text pasted from Word, cleaned */
};

/*
 * Decide for the n files of v; *items gets n items (same order).
 * st is the campaign (for the page as sent).  Returns 0 on an I/O
 * error (diagnostics appended); the loader's messages for invalid
 * pages are appended too.
 */
int	 import_decide(struct site *, const struct import_opts *,
	    struct campaign *st, struct inbox_file *v, size_t n,
	    struct import_item **items, struct diags *);
void	 import_items_free(struct import_item *, size_t);

#endif /* IMPORT_DECIDE_H */
