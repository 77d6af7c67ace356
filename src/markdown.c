/*
 * markdown.c — cmark wrapper for the site: safe options, heading levels,
 * link policy, French typography on text nodes.  See markdown.h.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <cmark.h>

#include "markdown.h"
#include "typo.h"
#include "util.h"

/*
 * cmark's own limit on nesting is generous; a partner page is short, so
 * cap the input size to keep the worst cases (deep lists, long runs of
 * delimiters) cheap.  The loader already caps files at a smaller size.
 */
#define	MD_MAXLEN	(256 * 1024)

int
markdown_url_ok(const char *url)
{
	const char	*p;
	size_t		 i;
	static const char *const schemes[] = {
		"http:", "https:", "mailto:", "tel:"
	};

	if (url == NULL)
		return 0;
	/* "//host/x" would leave the site (file://host/x from a USB stick). */
	if ((url[0] == '/' || url[0] == '\\') &&
	    (url[1] == '/' || url[1] == '\\'))
		return 0;
	/* Control characters and spaces have no place in a link target. */
	for (p = url; *p != '\0'; p++)
		if ((unsigned char)*p < 0x20 || *p == 0x7f)
			return 0;
	/* A scheme is letters, digits, + - . before the first ':'. */
	for (p = url; *p != '\0'; p++)
		if (!isalnum((unsigned char)*p) && *p != '+' && *p != '-' &&
		    *p != '.')
			break;
	if (*p != ':' || p == url)
		return 1;	/* relative: "page.html", "#x", "/x", "?q" */
	for (i = 0; i < sizeof(schemes) / sizeof(schemes[0]); i++)
		if (strncasecmp(url, schemes[i], strlen(schemes[i])) == 0)
			return 1;
	return 0;
}

/* Whether url leaves the site (http or https). */
static int
S_external(const char *url)
{
	return strncasecmp(url, "http:", 5) == 0 ||
	    strncasecmp(url, "https:", 6) == 0;
}

/* Append url to b, escaped for an href attribute value in double quotes. */
static void
S_put_href(struct buf *b, const char *url)
{
	const unsigned char *p;

	for (p = (const unsigned char *)url; *p != '\0'; p++) {
		if (*p == '&')
			buf_puts(b, "&amp;");
		else if (*p == '\'')
			buf_puts(b, "&#39;");
		else if (*p <= 0x20 || *p == '"' || *p == '<' || *p == '>' ||
		    *p == '\\' || *p == '`' || *p == '{' || *p == '}' ||
		    *p == '|' || *p == '^' || *p >= 0x7f)
			buf_pct(b, *p);
		else
			buf_putc(b, *p);
	}
}

/*
 * Replace link node n by a custom inline node that opens with
 * <a href=... rel="external noopener"> and moves n's children under it.
 * Returns the new node.
 */
static cmark_node *
S_external_link(cmark_node *n, const char *url)
{
	cmark_node	*c, *child;
	struct buf	 b;
	const char	*title;

	buf_init(&b);
	buf_puts(&b, "<a href=\"");
	S_put_href(&b, url);
	buf_puts(&b, "\"");
	title = cmark_node_get_title(n);
	if (title != NULL && *title != '\0') {
		const char *p;

		buf_puts(&b, " title=\"");
		for (p = title; *p != '\0'; p++)
			switch (*p) {
			case '&': buf_puts(&b, "&amp;"); break;
			case '<': buf_puts(&b, "&lt;"); break;
			case '>': buf_puts(&b, "&gt;"); break;
			case '"': buf_puts(&b, "&quot;"); break;
			default: buf_putc(&b, *p); break;
			}
		buf_puts(&b, "\"");
	}
	buf_puts(&b, " rel=\"external noopener\">");
	c = cmark_node_new(CMARK_NODE_CUSTOM_INLINE);
	cmark_node_set_on_enter(c, buf_cstr(&b));
	cmark_node_set_on_exit(c, "</a>");
	buf_free(&b);
	while ((child = cmark_node_first_child(n)) != NULL)
		cmark_node_append_child(c, child);	/* unlinks child */
	cmark_node_replace(n, c);
	cmark_node_free(n);
	return c;
}

/* Image -> link to the image, showing its description (no request). */
static cmark_node *
S_image_to_link(cmark_node *n)
{
	cmark_node	*l, *child;

	l = cmark_node_new(CMARK_NODE_LINK);
	cmark_node_set_url(l, cmark_node_get_url(n));
	cmark_node_set_title(l, cmark_node_get_title(n));
	while ((child = cmark_node_first_child(n)) != NULL)
		cmark_node_append_child(l, child);
	if (cmark_node_first_child(l) == NULL) {
		child = cmark_node_new(CMARK_NODE_TEXT);
		cmark_node_set_literal(child, "image");
		cmark_node_append_child(l, child);
	}
	cmark_node_replace(n, l);
	cmark_node_free(n);
	return l;
}

/*
 * Collect the nodes to rewrite first, then rewrite them: cmark's
 * iterator must not see its current node replaced.
 */
struct nodes {
	cmark_node	**v;
	size_t		  n, cap;
};

static void
S_nodes_push(struct nodes *ns, cmark_node *n)
{
	if (ns->n == ns->cap) {
		ns->cap = ns->cap ? ns->cap * 2 : 16;
		ns->v = xreallocarray(ns->v, ns->cap, sizeof(*ns->v));
	}
	ns->v[ns->n++] = n;
}

char *
markdown_html(const char *md, int top)
{
	int		 used[7] = { 0 }, rank;
	cmark_node	*doc, *n;
	cmark_iter	*it;
	cmark_event_type ev;
	struct nodes	 images = { NULL, 0, 0 }, links = { NULL, 0, 0 };
	size_t		 i, len;
	char		*html, *ret, *t;
	int		 level;

	if (top < 1 || top > 6)
		top = 1;
	if (md == NULL || *md == '\0')
		return xstrdup("");
	len = strlen(md);
	if (len > MD_MAXLEN)
		len = MD_MAXLEN;
	doc = cmark_parse_document(md, len, CMARK_OPT_DEFAULT);
	if (doc == NULL)
		return xstrdup("");

	/* Heading levels used, then each renumbered by rank from top. */
	it = cmark_iter_new(doc);
	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		n = cmark_iter_get_node(it);
		if (ev == CMARK_EVENT_ENTER &&
		    cmark_node_get_type(n) == CMARK_NODE_HEADING &&
		    (level = cmark_node_get_heading_level(n)) >= 1 && level <= 6)
			used[level] = 1;
	}
	cmark_iter_free(it);
	for (level = 1, rank = top; level <= 6; level++)
		if (used[level])
			used[level] = rank < 6 ? rank++ : 6;

	it = cmark_iter_new(doc);
	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		if (ev != CMARK_EVENT_ENTER)
			continue;
		n = cmark_iter_get_node(it);
		switch (cmark_node_get_type(n)) {
		case CMARK_NODE_HEADING:
			level = cmark_node_get_heading_level(n);
			if (level >= 1 && level <= 6)
				cmark_node_set_heading_level(n, used[level]);
			break;
		case CMARK_NODE_IMAGE:
			S_nodes_push(&images, n);
			break;
		case CMARK_NODE_TEXT:
			t = typo_fr(cmark_node_get_literal(n));
			cmark_node_set_literal(n, t);
			free(t);
			break;
		default:
			break;
		}
	}
	cmark_iter_free(it);

	for (i = 0; i < images.n; i++)
		(void)S_image_to_link(images.v[i]);

	/* Links, including those made from images. */
	it = cmark_iter_new(doc);
	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE)
		if (ev == CMARK_EVENT_ENTER &&
		    cmark_node_get_type(cmark_iter_get_node(it)) ==
		    CMARK_NODE_LINK)
			S_nodes_push(&links, cmark_iter_get_node(it));
	cmark_iter_free(it);
	for (i = 0; i < links.n; i++) {
		const char *url = cmark_node_get_url(links.v[i]);

		if (!markdown_url_ok(url))
			cmark_node_set_url(links.v[i], "#");
		else if (S_external(url))
			(void)S_external_link(links.v[i], url);
	}

	html = cmark_render_html(doc, CMARK_OPT_DEFAULT);
	ret = xstrdup(html);
	free(html);
	free(images.v);
	free(links.v);
	cmark_node_free(doc);
	return ret;
}
