/*
 * load_yaml.h — a small YAML node tree: the one YAML reader, used by the
 * load_*.c files, campaign_state.c and lay_theme.c (theme.yaml).
 *
 * libyaml's own document loader accepts aliases (a "billion laughs"
 * risk), keeps duplicate keys silently and has no limits; this reader
 * builds its own tree from libyaml events instead, and refuses anchors,
 * aliases, duplicate keys, non-text keys, deep nesting and huge
 * collections, each with a diagnostic at the offending position.
 */
#ifndef LOAD_YAML_H
#define LOAD_YAML_H

#include <stddef.h>

#include "diag.h"
#include "model.h"

/* Limits on hostile input (our format nests 3 levels at most). */
#define	LOAD_YAML_MAXDEPTH	16	/* nested lists/mappings */
#define	LOAD_YAML_MAXITEMS	1000	/* items of one list or mapping */
#define	LOAD_YAML_MAXNODES	20000	/* nodes of one document */

enum ynode_type {
	YNODE_SCALAR,
	YNODE_SEQ,
	YNODE_MAP
};

struct ynode {
	enum ynode_type	 type;
	struct pos	 pos;	/* where the value starts, in the file */
	char		*s;	/* SCALAR: the text, NUL-terminated */
	size_t		 len;	/* SCALAR: bytes of s */
	int		 plain;	/* SCALAR: unquoted (so "~", "" mean null) */
	struct ynode	**v;	/* SEQ: items; MAP: values */
	struct ynode	**k;	/* MAP: keys (scalars), same count */
	size_t		 n;
};

/*
 * Parse YAML text (one document) with positions shifted by line_offset
 * lines (the text's first line is line 1 + line_offset of the file).
 * Returns non-zero on success with *root the document (NULL for an
 * empty document); returns 0 after adding diagnostics for file.  A key
 * given twice in a mapping is an error diagnostic but does not stop the
 * parse: the first value is kept, so the other fields are still checked.
 */
int	 load_yaml_parse(const char *text, size_t len, int line_offset,
	    const char *file, struct diags *, struct ynode **root);
/*
 * The same with other limits than a page's: a file the program writes
 * and reads back (content/campagne.yaml, one entry per partner) is
 * bounded by its size only, never by LOAD_YAML_MAXITEMS.
 */
int	 load_yaml_parse_limits(const char *text, size_t len,
	    int line_offset, const char *file, struct diags *,
	    struct ynode **root, size_t maxitems, size_t maxnodes);
void	 load_yaml_free(struct ynode *);
/* The value of key in a mapping, or NULL. */
struct ynode *load_yaml_get(const struct ynode *map, const char *key);
/* Whether a scalar is a plain null ("", "~", "null"). */
int	 load_yaml_is_null(const struct ynode *);
/* "text", "list" or "group of fields", for messages. */
const char *load_yaml_kind(const struct ynode *);
/* The text of a scalar, or NULL for a list or a group of fields. */
const char *load_yaml_scalar(const struct ynode *);
/*
 * A yes/no value: "true" or "yes" sets *out to 1, "false" or "no" to 0.
 * Returns 0 (*out unchanged) for anything else, or a non-scalar.
 */
int	 load_yaml_bool(const struct ynode *, int *out);
/*
 * A number written in full ("9.5", never "9.5pt"), finite, within
 * [lo, hi], read in the "C" locale (LC_NUMERIC stays "C").  Returns 0
 * (*out unchanged) otherwise, or for a non-scalar.
 */
int	 load_yaml_number(const struct ynode *, double lo, double hi,
	    double *out);

#endif /* LOAD_YAML_H */
