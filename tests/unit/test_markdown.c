/*
 * test_markdown.c — the site's Markdown wrapper: raw HTML and unsafe
 * links never reach the page, images become links, heading levels are
 * renumbered without gaps, external links are marked, French
 * typography on text.  Prints TAP; exits 1 when a case fails.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "markdown.h"
#include "util.h"

static int	 ntests, nfailed;

/* has: whether md rendered at level top contains (want) or lacks (!want) s. */
static void
has(const char *desc, const char *md, int top, const char *s, int want)
{
	char	*html = markdown_html(md, top);
	int	 ok = (strstr(html, s) != NULL) == want;

	ntests++;
	if (!ok)
		nfailed++;
	printf("%sok %d - %s\n", ok ? "" : "not ", ntests, desc);
	if (!ok)
		printf("# %s %s in:\n# %s\n", want ? "missing" : "unexpected",
		    s, html);
	free(html);
}

static void
url(const char *u, int want)
{
	int	 ok = markdown_url_ok(u) == want;

	ntests++;
	if (!ok)
		nfailed++;
	printf("%sok %d - url %s %s\n", ok ? "" : "not ", ntests, u,
	    want ? "allowed" : "refused");
}

int
main(void)
{
	char	*big;

	url("https://example.org/", 1);
	url("HTTP://example.org/", 1);
	url("mailto:a@example.org", 1);
	url("tel:+33199001234", 1);
	url("page.html", 1);
	url("#ancre", 1);
	url("javascript:alert(1)", 0);
	url("JaVaScRiPt:alert(1)", 0);
	url("vbscript:msgbox", 0);
	url("data:text/html,x", 0);
	url("file:///etc/passwd", 0);
	url("//evil.example/x", 0);
	url("\\\\evil.example\\x", 0);
	url("java\tscript:x", 0);
	url("java\x7fscript:x", 0);	/* DEL, the last control */
	url("https://example.org/a\x7f" "b", 0);
	url(":x", 1);		/* no scheme before ':': a relative name */

	has("raw HTML block omitted", "<script>alert(1)</script>", 3, "<script", 0);
	has("raw inline HTML omitted", "a <img src=x onerror=alert(1)> b", 3, "<img", 0);
	has("iframe omitted", "<iframe src=\"https://x\"></iframe>", 3, "<iframe", 0);
	has("javascript: link neutralised", "[x](javascript:alert(1))", 3, "javascript", 0);
	has("data: link neutralised", "[x](data:text/html;base64,AAAA)", 3, "data:", 0);
	has("autolink javascript: neutralised", "<javascript:alert(1)>", 3, "href=\"javascript", 0);
	has("remote image becomes a link", "![alt](https://evil.example/p.png)", 3, "<img", 0);
	has("... showing its description", "![alt](https://evil.example/p.png)", 3, ">alt</a>", 1);
	has("external link marked", "[x](https://example.org/)", 3, "rel=\"external noopener\"", 1);
	has("relative link kept", "[x](autre.html)", 3, "href=\"autre.html\"", 1);
	/* External links are written by hand (S_external_link): attributes escaped. */
	has("external link: title escaped", "[x](https://a.example/ \"a \\\"b\\\" <c> & d\")", 3,
	    " title=\"a &quot;b&quot; &lt;c&gt; &amp; d\" rel=\"external noopener\">x</a>", 1);
	has("external link: & in URL escaped", "[x](https://a.example/?a=1&b=2)", 3,
	    "href=\"https://a.example/?a=1&amp;b=2\"", 1);
	has("external link: apostrophe in URL escaped", "[x](https://a.example/l'x)", 3,
	    "href=\"https://a.example/l&#39;x\"", 1);
	has("external link: no empty title", "[x](https://a.example/)", 3, "title=", 0);
	has("image without description: a link saying image", "![](https://a.example/p.png)", 3,
	    ">image</a>", 1);
	has("quote in URL escaped", "[x](https://a.example/\"onmouseover=x)", 3, "\"onmouseover", 0);
	has("# becomes h3", "# Titre", 3, "<h3>Titre</h3>", 1);
	has("## alone becomes h3", "## Titre", 3, "<h3>Titre</h3>", 1);
	has("# then ### : no gap (h4)", "# A\n\n### B", 3, "<h4>B</h4>", 1);
	has("levels capped at 6", "# a\n## b\n### c\n#### d\n##### e", 3, "<h6>e</h6>", 1);
	has("no-break space before a colon", "Avant de venir : papiers", 3, "venir\xc2\xa0:", 1);
	has("URL untouched by typography", "<https://example.org/a?b=c:d>", 3, "b=c:d", 1);
	has("empty input", "", 3, "<", 0);

	/* A pathological run of brackets stays cheap and safe. */
	big = xmalloc(200001);
	memset(big, '[', 200000);
	big[200000] = '\0';
	has("200 000 brackets", big, 3, "<script", 0);
	free(big);

	printf("1..%d\n", ntests);
	return nfailed ? 1 : 0;
}
