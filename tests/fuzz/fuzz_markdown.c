/*
 * fuzz_markdown.c — libFuzzer harness of the Markdown renderer
 * (markdown.c, cmark + typo_fr on text nodes).
 *
 * The input is rendered with markdown_html(), its top heading level
 * taken from the input's length, and the output is checked against the
 * promise of markdown.h: safe HTML.  Every '<' of the output must open
 * a tag cmark makes from Markdown (or the "raw HTML omitted" comment),
 * with only the attributes those tags carry, and every href must be a
 * target markdown_url_ok() allows: never <script, <iframe, <img, an
 * event handler or a javascript:, vbscript: or data: link.  Any
 * violation aborts.  The first 64 bytes are also checked with
 * markdown_url_ok() as a URL.
 */
#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "markdown.h"
#include "util.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static const char *const tags[] = {
	"a", "blockquote", "br", "code", "em", "h1", "h2", "h3", "h4", "h5",
	"h6", "hr", "li", "ol", "p", "pre", "strong", "ul"
};
static const char *const attrs[] = {
	"class", "href", "rel", "start", "title"
};
#define	OMITTED	"<!-- raw HTML omitted -->"

static void
S_fail(const char *html, size_t at, const char *why)
{
	fprintf(stderr, "markdown_html: %s at byte %zu: %.60s\n", why, at,
	    html + at);
	abort();
}

static int
S_in(const char *const *v, size_t n, const char *s, size_t len)
{
	size_t	 i;

	for (i = 0; i < n; i++)
		if (strlen(v[i]) == len && strncasecmp(v[i], s, len) == 0)
			return 1;
	return 0;
}

/* Check one href value (still HTML-escaped as cmark wrote it). */
static void
S_href(const char *html, size_t at, const char *v, size_t len)
{
	char	*u = xstrndup(v, len), *p;
	size_t	 i;

	/*
	 * Only the entities cmark and markdown.c write in an href: &amp;
	 * and the apostrophe (&#39; ours, &#x27; cmark's).  Decode them:
	 * what remains is the target as the browser sees it.
	 */
	for (p = u; (p = strchr(p, '&')) != NULL; p++) {
		if (strncmp(p, "&amp;", 5) == 0)
			i = 5;
		else if (strncmp(p, "&#39;", 5) == 0) {
			i = 5;
			*p = '\'';
		} else if (strncmp(p, "&#x27;", 6) == 0) {
			i = 6;
			*p = '\'';
		} else
			S_fail(html, at, "unexpected entity in href");
		memmove(p + 1, p + i, strlen(p + i) + 1);
	}
	if (!markdown_url_ok(u) ||
	    strncasecmp(u, "javascript:", 11) == 0 ||
	    strncasecmp(u, "vbscript:", 9) == 0 ||
	    strncasecmp(u, "data:", 5) == 0)
		S_fail(html, at, "unsafe href");
	free(u);
}

/* Whether s holds needle, ASCII case ignored. */
static int
S_has(const char *s, const char *needle)
{
	size_t	 n = strlen(needle);

	for (; *s != '\0'; s++)
		if (strncasecmp(s, needle, n) == 0)
			return 1;
	return 0;
}

static void
S_check(const char *html)
{
	const char	*p = html, *name, *v;
	size_t		 at, len;
	int		 close;

	if (S_has(html, "<script") || S_has(html, "<iframe"))
		S_fail(html, 0, "forbidden markup");
	while ((p = strchr(p, '<')) != NULL) {
		at = (size_t)(p - html);
		if (strncmp(p, OMITTED, sizeof(OMITTED) - 1) == 0) {
			p += sizeof(OMITTED) - 1;
			continue;
		}
		p++;
		close = *p == '/';
		p += close;
		for (name = p; isalnum((unsigned char)*p); p++)
			continue;
		if (!S_in(tags, sizeof(tags) / sizeof(tags[0]), name,
		    (size_t)(p - name)))
			S_fail(html, at, "unexpected tag");
		for (;;) {
			while (*p == ' ')
				p++;
			if (*p == '>')
				break;
			if (*p == '/' && p[1] == '>') {
				p++;
				break;
			}
			if (close)
				S_fail(html, at, "attribute in a closing tag");
			for (name = p; isalpha((unsigned char)*p); p++)
				continue;
			len = (size_t)(p - name);
			if (!S_in(attrs, sizeof(attrs) / sizeof(attrs[0]),
			    name, len))
				S_fail(html, at, "unexpected attribute");
			if (p[0] != '=' || p[1] != '"')
				S_fail(html, at, "attribute without a quoted value");
			v = p += 2;
			while (*p != '\0' && *p != '"' && *p != '<' && *p != '>')
				p++;
			if (*p != '"')
				S_fail(html, at, "unterminated attribute value");
			if (len == 4 && strncmp(name, "href", 4) == 0)
				S_href(html, at, v, (size_t)(p - v));
			p++;
		}
		p++;
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char	*md, *html;

	md = xstrndup((const char *)data, size);
	html = markdown_html(md, 1 + (int)(size % 6));
	if (html == NULL)
		abort();
	S_check(html);
	free(html);
	md[size < 64 ? size : 64] = '\0';
	(void)markdown_url_ok(md);
	free(md);
	return 0;
}
