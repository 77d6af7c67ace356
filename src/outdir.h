/*
 * outdir.h — the output folder as one unit.
 *
 * A build writes everything it produces (site/ and every booklet) into
 * a fresh generation folder, OUT/.annuaire/a or OUT/.annuaire/b, and
 * publishes it with one atomic rename of the symbolic link
 * OUT/.annuaire/current.  The names users know are fixed symbolic
 * links through that one:
 *
 *     OUT/site        -> .annuaire/current/site
 *     OUT/livret.pdf  -> .annuaire/current/livret.pdf     (and so on)
 *     OUT/.annuaire/current -> a     (or b: the last finished build)
 *
 * So whatever stops a build, OUT shows wholly the previous build or
 * wholly the new one; an output the new build did not produce (an old
 * livret-partenaires.pdf) disappears at the same instant, its link
 * left dangling until the end of the build removes it.  Everything else
 * in OUT (campagne/, suivi.html, screenshots/ ...) belongs to others
 * and is never touched.
 *
 * Ownership: annuaire replaces only what it wrote.  An entry at one of
 * the output names must be annuaire's link, and every file of the
 * current generation must be listed in its manifest
 * (OUT/.annuaire/<gen>/.manifest); anything else is a foreign file and
 * the build refuses to start (exit 2) rather than delete it.  Output of
 * an annuaire older than this layout (real folders and files beside an
 * OUT/.annuaire.lock) is taken over in place, without a visible change.
 *
 * Calls: outdir_open(), then write into outdir_path(od, NAME), then
 * outdir_commit(); outdir_close() always, which removes an unpublished
 * generation and releases the lock.  All return non-zero on success;
 * on failure they append a diagnostic naming the path as the user
 * knows it.
 */
#ifndef OUTDIR_H
#define OUTDIR_H

#include "diag.h"

struct outdir {
	char	*out;		/* OUT as given */
	char	*meta;		/* OUT/.annuaire */
	char	*stage;		/* OUT/.annuaire/<gen>: this build's generation */
	char	 gen[2];	/* "a" or "b": this build's generation */
	char	 cur[2];	/* the published generation, "" when none */
	int	 lockfd;	/* flock on OUT/.annuaire.lock, or -1 */
	int	 legacy;	/* OUT holds outputs of an older annuaire */
	int	 committed;	/* the new generation is published */
};

/*
 * Create OUT if needed, take its lock (two builds never write one
 * folder), remove what interrupted builds left, check that every output
 * name holds only what annuaire wrote, and create an empty generation
 * folder for this build.
 */
int	 outdir_open(struct outdir *, const char *out, struct diags *);
/* Where this build writes NAME ("site", "livret.pdf"); allocated. */
char	*outdir_path(const struct outdir *, const char *name);
/*
 * Publish the generation: write its manifest, create the links of the
 * names it holds, switch OUT/.annuaire/current to it (the one atomic
 * step), then remove the links it does not hold and the previous
 * generation.  A failure before the switch leaves OUT as it was; the
 * cleaning after it only warns.
 */
int	 outdir_commit(struct outdir *, struct diags *);
/* Remove an unpublished generation, release the lock, free. */
void	 outdir_close(struct outdir *, struct diags *);
/*
 * After a failed build: rename the paths of diagnostics inside this
 * build's generation to the paths users know (OUT/.annuaire/b/site/x
 * becomes OUT/site/x) and keep only the first of them.  Returns
 * non-zero when there was one (an input/output failure, such as a full
 * disk, as opposed to an error in the content).
 */
int	 outdir_io_errors(const struct outdir *, struct diags *);

#endif /* OUTDIR_H */
