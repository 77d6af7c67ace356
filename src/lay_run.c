/*
 * lay_run.c — the layout engine's chunks and page references: the
 * document is laid out once, chunk after chunk (lay_run()); a chunk
 * that printed the page of a target laid out later either deferred its
 * completion (lay_defer()) or is laid out again, in place, with the
 * right number (and the chunks after it when its page count changed).
 *
 * Nothing prints.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "lay.h"
#include "util.h"

/* Record that chunk c printed page pg for target. */
static void
S_dep_add(struct lay_chunk *c, size_t target, size_t pg)
{
	if (c->ndeps == c->capdeps) {
		c->capdeps = c->capdeps ? c->capdeps * 2 : 8;
		c->deps = xreallocarray(c->deps, c->capdeps, sizeof(*c->deps));
	}
	c->deps[c->ndeps].target = target;
	c->deps[c->ndeps++].page = pg;
}

size_t
lay_ref(struct lay *l, size_t target)
{
	struct lay_chunk *c = l->chunk;
	size_t		 pg;

	if (target >= l->ntargets)
		return SIZE_MAX;
	pg = l->got[target] != SIZE_MAX ? l->got[target] : l->guess[target];
	if (c != NULL) {
		c->unsure |= l->got[target] == SIZE_MAX;
		S_dep_add(c, target, pg);
	}
	return pg;
}

int
lay_unsure(const struct lay *l)
{
	return l->chunk != NULL && l->chunk->unsure;
}

void
lay_defer(struct lay *l, void (*fn)(struct lay *, void *), void *arg)
{
	if (l->chunk == NULL) {
		fn(l, arg);
		return;
	}
	l->chunk->defer = fn;
	l->chunk->defer_arg = arg;
	l->chunk->defer_tag = l->tag;
}

size_t
lay_deps_save(struct lay *l, struct lay_dep **out)
{
	struct lay_chunk *c = l->chunk;
	size_t		 n = c != NULL ? c->ndeps : 0;

	*out = xreallocarray(NULL, n + 1, sizeof(**out));
	if (n > 0)
		memcpy(*out, c->deps, n * sizeof(**out));
	if (c != NULL)
		c->ndeps = 0;
	return n;
}

void
lay_deps_restore(struct lay *l, struct lay_dep *v, size_t n)
{
	struct lay_chunk *c = l->chunk;
	size_t		 i;

	if (c != NULL) {
		c->ndeps = 0;
		for (i = 0; i < n; i++)
			S_dep_add(c, v[i].target, v[i].page);
	}
	free(v);
}

void
lay_ref_here(struct lay *l, size_t target, size_t pg)
{
	if (target < l->ntargets)
		l->got[target] = pg;
}

/* Free n outline entries (not the array). */
static void
S_outlines_free(struct pdf_outline *o, size_t n)
{
	size_t	 i;

	for (i = 0; i < n; i++)
		free(o[i].title);
}

/* memcpy() of n elements of size sz; nothing when n is 0. */
static void
S_ncopy(void *dst, const void *src, size_t n, size_t sz)
{
	if (n > 0)
		memcpy(dst, src, n * sz);
}

/* Lay out chunk c at the end of the document. */
static void
S_chunk(struct lay *l, struct lay_chunk *c)
{
	unsigned int	 saved;

	c->page0 = l->doc->npages;
	c->out0 = l->doc->noutlines;
	c->ndeps = 0;
	c->unsure = 0;
	c->defer = NULL;
	l->chunk = c;
	saved = l->tag;
	if (c->tag != 0)
		l->tag = c->tag;
	c->fn(l, c->arg);
	l->tag = saved;
	l->chunk = NULL;
	c->page1 = l->doc->npages;
	c->out1 = l->doc->noutlines;
}

/* Finish the chunks from..n-1 that deferred their completion. */
static void
S_finish(struct lay *l, struct lay_chunk *v, size_t from, size_t n)
{
	struct lay_chunk *c;
	size_t		 k;
	unsigned int	 saved;

	for (k = from; k < n; k++) {
		c = &v[k];
		if (c->defer == NULL)
			continue;
		l->chunk = c;
		saved = l->tag;
		l->tag = c->defer_tag;
		c->defer(l, c->defer_arg);
		l->tag = saved;
		l->chunk = NULL;
		c->defer = NULL;
	}
}

/* Whether chunk c printed a page number that is not its target's. */
static int
S_stale(const struct lay *l, const struct lay_chunk *c)
{
	size_t	 i;

	for (i = 0; i < c->ndeps; i++)
		if (l->got[c->deps[i].target] != c->deps[i].page)
			return 1;
	return 0;
}

/*
 * Lay chunk k out again in place.  The pages and outline entries after
 * it are set aside and put back when its page count stays; otherwise
 * the chunks after it are laid out again, expecting their targets
 * shifted by the difference.
 */
static void
S_rechunk(struct lay *l, struct lay_chunk *v, size_t n, size_t k)
{
	struct pdf_doc	*d = l->doc;
	struct lay_chunk *c = &v[k];
	struct pdf_page	*pages;
	struct pageinfo	*info;
	struct pdf_outline *outs;
	size_t		 npages, nouts, oldend = c->page1, oldout = c->out1, i,
			*tail;
	ptrdiff_t	 delta, odelta;

	/* Set aside what follows; free the chunk's pages. */
	npages = d->npages - c->page1;
	nouts = d->noutlines - c->out1;
	pages = xreallocarray(NULL, npages + 1, sizeof(*pages));
	info = xreallocarray(NULL, npages + 1, sizeof(*info));
	outs = xreallocarray(NULL, nouts + 1, sizeof(*outs));
	S_ncopy(pages, d->pages + c->page1, npages, sizeof(*pages));
	S_ncopy(info, l->info + c->page1, npages, sizeof(*info));
	S_ncopy(outs, d->outlines + c->out1, nouts, sizeof(*outs));
	/* The targets in what follows (chunk k sets only its own). */
	tail = xreallocarray(NULL, l->ntargets + 1, sizeof(*tail));
	for (i = 0; i < l->ntargets; i++)
		tail[i] = l->got[i] != SIZE_MAX && l->got[i] >= oldend ?
		    l->got[i] : SIZE_MAX;
	lay_pages_free(d->pages + c->page0, c->page1 - c->page0);
	S_outlines_free(d->outlines + c->out0, c->out1 - c->out0);
	d->npages = c->page0;
	d->noutlines = c->out0;

	S_chunk(l, c);
	S_finish(l, v, k, k + 1);
	delta = (ptrdiff_t)c->page1 - (ptrdiff_t)oldend;
	odelta = (ptrdiff_t)c->out1 - (ptrdiff_t)oldout;
	if (delta == 0) {
		/* Same pages: what follows stays as it was. */
		d->pages = xreallocarray(d->pages, d->npages + npages + 1,
		    sizeof(*d->pages));
		if (d->npages + npages > l->infocap) {
			l->infocap = d->npages + npages;
			l->info = xreallocarray(l->info, l->infocap,
			    sizeof(*l->info));
		}
		S_ncopy(d->pages + d->npages, pages, npages, sizeof(*pages));
		S_ncopy(l->info + d->npages, info, npages, sizeof(*info));
		d->npages += npages;
		d->outlines = xreallocarray(d->outlines, d->noutlines + nouts + 1,
		    sizeof(*d->outlines));
		S_ncopy(d->outlines + d->noutlines, outs, nouts, sizeof(*outs));
		d->noutlines += nouts;
		for (i = k + 1; i < n; i++) {
			v[i].out0 = (size_t)((ptrdiff_t)v[i].out0 + odelta);
			v[i].out1 = (size_t)((ptrdiff_t)v[i].out1 + odelta);
		}
	} else {
		/*
		 * Everything after moves (and a page's side decides its
		 * margins): lay it out again, its targets expected shifted.
		 */
		lay_pages_free(pages, npages);
		S_outlines_free(outs, nouts);
		for (i = 0; i < l->ntargets; i++)
			if (tail[i] != SIZE_MAX) {
				l->guess[i] = (size_t)((ptrdiff_t)tail[i] + delta);
				l->got[i] = SIZE_MAX;
			}
		for (i = k + 1; i < n; i++)
			S_chunk(l, &v[i]);
		S_finish(l, v, k + 1, n);
	}
	free(pages);
	free(info);
	free(outs);
	free(tail);
}

int
lay_run(struct lay *l, struct lay_chunk *v, size_t n, size_t ntargets,
    const size_t *guess, int maxrounds)
{
	size_t	 i, k;
	int	 round, again = 1;

	l->ntargets = ntargets;
	l->got = xreallocarray(NULL, ntargets + 1, sizeof(*l->got));
	l->guess = xreallocarray(NULL, ntargets + 1, sizeof(*l->guess));
	for (i = 0; i < ntargets; i++)
		l->got[i] = l->guess[i] = SIZE_MAX;
	if (guess != NULL)
		memcpy(l->guess, guess, ntargets * sizeof(*guess));
	for (k = 0; k < n; k++)
		S_chunk(l, &v[k]);
	S_finish(l, v, 0, n);
	for (round = 1; again && round < maxrounds; round++) {
		again = 0;
		for (k = 0; k < n; k++)
			if (S_stale(l, &v[k])) {
				S_rechunk(l, v, n, k);
				again = 1;
			}
	}
	/* The last round may have laid out again all that was wrong. */
	for (again = 0, k = 0; !again && k < n; k++)
		again = S_stale(l, &v[k]);
	for (k = 0; k < n; k++)
		free(v[k].deps);
	free(l->got);
	free(l->guess);
	l->got = l->guess = NULL;
	l->ntargets = 0;
	return !again;
}


