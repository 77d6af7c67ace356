/*
 * load_front.h — a content file to its YAML mapping and Markdown body
 * (loader-internal; needs load_int.h).
 */
#ifndef LOAD_FRONT_H
#define LOAD_FRONT_H

struct load_ctx;
struct ynode;

/*
 * Reads path with load_file_read(), then parses it with load_yaml.c:
 * site.yaml whole (page 0), or a page's front matter (page 1), the
 * text between the first line "---" (blank lines before it allowed)
 * and the next "---" or "...", positions kept as file lines.  No-break
 * spaces in the indentation or after "key:" and "-" are read as spaces;
 * a tab in the indentation is an error.  A page's body, when body is
 * not NULL, goes to *body in NFC (NULL when blank) and its first line
 * to *bodyline.  Returns the root mapping (load_yaml_free() it), or
 * NULL after a diagnostic (no fields, or not "key: value" lines), with
 * *unreadable set when the file itself could not be read.
 */
struct ynode	*load_front_read(struct load_ctx *c, const char *path,
		    int page, char **body, int *bodyline, int *unreadable);

#endif /* LOAD_FRONT_H */
