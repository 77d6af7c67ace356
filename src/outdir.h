/*
 * outdir.h — the output folder: one published unit of real folders and
 * files, replaced all at once.
 *
 * Layout under OUT (the folder given by -o; "out" by default):
 *
 *     OUT/edition/                 what the last finished build published:
 *     OUT/edition/site/            the static site (index.html ...)
 *     OUT/edition/livret.pdf       the booklets this build wrote
 *     OUT/edition/livret-impression.pdf   (and with options livret-
 *                                  imprimeur.pdf, livret-partenaires.pdf)
 *     OUT/edition/.manifest        the list of its files (ownership)
 *     OUT/.annuaire.lock           flock: one build at a time
 *     OUT/.annuaire/new/           the unit being built (same layout)
 *     OUT/.annuaire/journal, old/  only while a publication by renames
 *                                  is under way (below)
 *
 * Everything in OUT/edition is a real folder or file: no symbolic link,
 * so sync clients, Windows and plain `cp -r` see it all.  A program
 * that wants the site of a build (a preview server) runs
 * `annuaire build -o DIR` and serves DIR/edition/site/
 * (OUTDIR_UNIT "/site").  Everything else in OUT (campagne/,
 * suivi.html, screenshots/ ...) belongs to other commands and is never
 * touched.
 *
 * Publication: the new unit, complete with its manifest, replaces
 * OUT/edition in one renameat2(RENAME_EXCHANGE) (Linux on ext4, xfs,
 * btrfs, tmpfs ...), so whatever stops a build, OUT/edition is wholly
 * the previous build or wholly the new one; the previous unit is then
 * removed.  Where the file system cannot exchange (FAT, many network
 * shares and FUSE file systems: the call fails with EINVAL, ENOSYS or
 * EOPNOTSUPP) the publication is two renames under a journal:
 * write OUT/.annuaire/journal, rename OUT/edition to
 * OUT/.annuaire/old, rename the new unit to OUT/edition, remove the
 * journal, remove old.  Between the two renames OUT/edition does not
 * exist; a build stopped there is finished by the next build
 * (outdir_open() reads the journal first).  The first publication is
 * one rename in either case.
 *
 * Ownership: annuaire replaces only what it wrote, and never through a
 * symbolic link (every removal and walk opens folders with O_NOFOLLOW
 * relative to their parent's descriptor).  OUT/edition must be a real
 * folder whose files are all listed in its manifest, OUT/.annuaire a
 * real folder; anything else (a link, a file added by hand) is a
 * foreign file and the build refuses to start (exit 2), naming it.
 * Outputs of older annuaires — links OUT/site -> .annuaire/current/site
 * and the like, or real OUT/site/ and booklets beside the lock file of
 * the first versions — are checked the same way and removed once the
 * new unit is published.
 *
 * Calls: outdir_open(), then write into outdir_path(od, NAME), then
 * outdir_commit(); outdir_close() always, which removes an unpublished
 * unit and releases the lock.  All return non-zero on success; on
 * failure they append a diagnostic naming the path as the user knows
 * it.
 */
#ifndef OUTDIR_H
#define OUTDIR_H

#include "diag.h"

/* The published unit's name under OUT. */
#define	OUTDIR_UNIT	"edition"

struct outdir {
	char	*out;		/* OUT as given */
	char	*meta;		/* OUT/.annuaire */
	char	*stage;		/* OUT/.annuaire/new: this build's unit */
	char	*unit;		/* OUT/edition */
	int	 outfd;		/* OUT, or -1 */
	int	 metafd;	/* OUT/.annuaire, or -1 */
	int	 lockfd;	/* flock on OUT/.annuaire.lock, or -1 */
	int	 legacy;	/* OUT holds outputs of an older annuaire */
	char	 cur[2];	/* older layout: its generation, "" if none */
	int	 committed;	/* the new unit is published */
};

/*
 * Create OUT if needed, take its lock (two builds never write one
 * folder), finish a publication that was stopped, remove what
 * interrupted builds left, check that every output name holds only
 * what annuaire wrote, and create an empty unit for this build.
 */
int	 outdir_open(struct outdir *, const char *out, struct diags *);
/* Where this build writes NAME ("site", "livret.pdf"); allocated. */
char	*outdir_path(const struct outdir *, const char *name);
/*
 * Publish the unit: write its manifest, put it at OUT/edition (one
 * exchange, or two renames under a journal), then remove the previous
 * unit and the outputs of older layouts.  A failure before the
 * publication leaves OUT as it was; the cleaning after it only warns.
 */
int	 outdir_commit(struct outdir *, struct diags *);
/* Remove an unpublished unit, release the lock, free. */
void	 outdir_close(struct outdir *, struct diags *);
/*
 * After a failed build: rename the paths of diagnostics inside this
 * build's unit to the paths users know (OUT/.annuaire/new/site/x
 * becomes OUT/edition/site/x) and keep only the first of them.
 * Returns non-zero when there was one (an input/output failure, such
 * as a full disk, as opposed to an error in the content).
 */
int	 outdir_io_errors(const struct outdir *, struct diags *);

#endif /* OUTDIR_H */
