/*
 * markdown.h — Markdown (CommonMark, via cmark) to safe HTML for the site.
 *
 * Safe means: raw HTML never reaches the page (cmark replaces it by a
 * comment), links and images only keep http:, https:, mailto:, tel:,
 * relative and #fragment targets (anything else becomes "#"), and
 * images are turned into plain links (a remote image would be an
 * external request when the page is opened).  Heading levels are
 * renumbered so that a partner's "#" never competes with the page's
 * headings and no level is skipped: the levels the text uses, in
 * order, become top, top + 1, ... (capped at 6).
 * Links to other sites carry rel="external noopener".  French
 * typography is applied to text nodes.
 */
#ifndef MARKDOWN_H
#define MARKDOWN_H

/*
 * Render md as an HTML fragment, its highest heading at level top
 * (1-6).  Returns an allocated string (never NULL; "" for a NULL or
 * empty input).
 */
char	*markdown_html(const char *md, int top);

/*
 * Whether a link target is allowed on the site: http(s), mailto, tel,
 * a relative path or a fragment.  Exposed for tests.
 */
int	 markdown_url_ok(const char *url);

#endif /* MARKDOWN_H */
