/*
 * page_write.h — the model of one partner back to a page file.
 *
 * `annuaire import` writes the pages it merges through here rather than
 * editing the partner's file: the page that lands in content/ is the
 * one whose fields were checked and shown in the diff, in one layout
 * whatever the partner's editor did to the file (Word, the form, a hand
 * edit).  The format is that of annuaire(5): the front matter's keys in
 * the manual's order, every text double-quoted (YAML escapes for '"',
 * '\' and control characters), lists as block sequences, then the
 * Markdown body byte for byte.  A written page loads back to the same
 * model (tests/unit/test_page_write.c checks every example partner).
 * YAML comments of the replaced page are not kept: that page is
 * archived whole (see import.h).
 */
#ifndef PAGE_WRITE_H
#define PAGE_WRITE_H

#include <stddef.h>

#include "model.h"
#include "util.h"

/* Append the page file of p to out. */
void	 page_write(const struct partner *, struct buf *out);

/* Append s as a YAML double-quoted scalar ("..." with escapes). */
void	 page_write_quoted(struct buf *, const char *s);

#endif /* PAGE_WRITE_H */
