/*
 * load_field.h — one YAML value to one typed field (loader-internal;
 * needs load_int.h).
 *
 * Each reader takes the mapping that holds the field, the field's key,
 * and the path shown in messages ("adresse.rue"); it appends every
 * problem as a diagnostic in c->file and leaves the field empty (NULL
 * text) when it has none.  Texts are trimmed and allocated; “curly
 * quotes” around a plain value are removed.
 */
#ifndef LOAD_FIELD_H
#define LOAD_FIELD_H

#include <stddef.h>

#include "model.h"

struct load_ctx;
struct ynode;

enum { OPT = 0, REQ = 1 };	/* the req argument: optional, required */

/*
 * Warns about each key of map not in known[] (with a did-you-mean).
 * where is "" at the top or "adresse: " inside a group.
 */
void	 load_field_keys(struct load_ctx *c, const struct ynode *map,
	    const char *where, const char *const *known, size_t nknown);

/* Whether key has a non-blank value (maybe a wrong one). */
int	 load_field_present(const struct ynode *map, const char *key);

/* Position of key's value, or of the map when key is absent. */
struct pos load_field_keypos(const struct ynode *map, const char *key);

/* A scalar's text, trimmed, curly quotes removed; allocated. */
char	*load_field_scalar(const struct ynode *n);

/*
 * Whether text s (of the field at path, read at p) holds only what its
 * field may: no control character but, in a text of several lines
 * (presentation-like fields: *.description, *.precisions, public,
 * transports, note_suivi, edito.texte), line feeds and tabs; no
 * bidirectional override or isolate (U+202A-U+202E, U+2066-U+2069),
 * which make a text read otherwise than it is written.  An error at p
 * otherwise.  load_field_text() and load_field_texts() check every
 * text they read.
 */
int	 load_field_clean(struct load_ctx *c, struct pos p, const char *path,
	    const char *s);

/*
 * A text into out (out->pos: the value's, or the map's when absent).
 * Returns 1 when a non-empty text was read; 0 when absent, empty or not
 * a text (an error when required or of the wrong type).
 */
int	 load_field_text(struct load_ctx *c, const struct ynode *map,
	    const char *key, const char *path, int req, struct text *out);

/*
 * A list of texts into out (a single text is a list of one; empty or
 * wrong items are errors and left out).  Returns the number read.
 */
size_t	 load_field_texts(struct load_ctx *c, const struct ynode *map,
	    const char *key, const char *path, int req, struct texts *out);

/* Drops the items of ts equal to an earlier one, warning at each. */
void	 load_field_texts_once(struct load_ctx *c, const char *path,
	    struct texts *ts);

/*
 * A group of fields (a mapping): NULL when absent (an error when
 * required) or of another type (an error).
 */
const struct ynode *load_field_group(struct load_ctx *c,
	    const struct ynode *map, const char *key, const char *path,
	    int req);

/*
 * The value of the words[] entry that t names (compared folded), or -1
 * after an error listing the words.
 */
int	 load_field_choice(struct load_ctx *c, const struct text *t,
	    const char *path, const struct vocab *words, size_t n);

/* map's telephone, checked and formatted (validate_phone()). */
void	 load_field_phone(struct load_ctx *c, const struct ynode *map,
	    const char *path, struct phone *ph);

/* map's courriel, "mailto:" removed, checked (validate_email()). */
void	 load_field_email(struct load_ctx *c, const struct ynode *map,
	    const char *path, int req, struct text *t);

/* A URL, checked (validate_url()). */
void	 load_field_url(struct load_ctx *c, const struct ynode *map,
	    const char *key, const char *path, struct text *t);

/* "prefix.key" for messages (key alone when prefix is ""); allocated. */
char	*load_field_path(const char *prefix, const char *key);

/* An address group: rue, complement, code_postal (checked), ville. */
void	 load_field_address(struct load_ctx *c, const struct ynode *map,
	    const char *key, int req, struct address *a);

#endif /* LOAD_FIELD_H */
