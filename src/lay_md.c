/*
 * lay_md.c — Markdown (cmark's AST) set as booklet paragraphs:
 * paragraphs, emphasis (italic and bold faces), lists, links (clickable,
 * underlined), headings (which never end a page), block quotes, code
 * and thematic breaks.  Raw HTML is dropped, as on the site.
 *
 * Adjacent text nodes are joined before the French rules apply: cmark
 * makes "!" or "'" nodes of their own, and typo_fr() never looks
 * across calls.
 */
#include <stdlib.h>
#include <string.h>

#include <cmark.h>

#include "markdown.h"
#include "lay.h"
#include "typo.h"

/* List nesting deeper than this is set flat (cmark allows far more). */
#define	MD_MAXDEPTH	8

struct md {
	struct lay	*l;
	const char	*file;
	int		 line0, col0;
	unsigned int	 hrgb;		/* headings and links */
	double		 leading;	/* of the body text */
	struct vlist	*out;
	int		 first;		/* nothing set yet: no space above */
	int		 nest;		/* quotes and list items open */
	int		 inest;		/* emphasis and links open */
};

/* Text gathered for one span: same face and link. */
struct pend {
	struct buf	 text;
	enum pdf_face	 face;
	const char	*uri;
	struct src	 src;
};

static struct src
S_src(const struct md *m, cmark_node *n)
{
	struct src	 s;
	int		 line = cmark_node_get_start_line(n);

	s.file = m->file;
	s.pos.line = line > 0 ? m->line0 + line - 1 : m->line0;
	s.pos.col = cmark_node_get_start_column(n) +
	    (line <= 1 ? m->col0 - 1 : 0);
	if (s.pos.col < 1)
		s.pos.col = 1;
	return s;
}

static void
S_flush_span(struct md *m, struct para *p, struct pend *pd)
{
	struct span	*s;

	if (pd->text.len == 0)
		return;
	s = para_add(p, buf_cstr(&pd->text), pd->face,
	    pd->uri != NULL ? m->hrgb : RGB_TEXT,
	    pd->uri != NULL ? SPAN_UNDERLINE : 0, &pd->src);
	if (pd->uri != NULL)
		s->uri = xstrdup(pd->uri);
	buf_reset(&pd->text);
}

/* Whether a link may be clicked in the PDF: absolute and safe. */
static int
S_uri_ok(const char *u)
{
	if (u == NULL || !markdown_url_ok(u))
		return 0;
	return strncmp(u, "http://", 7) == 0 || strncmp(u, "https://", 8) == 0 ||
	    strncmp(u, "mailto:", 7) == 0 || strncmp(u, "tel:", 4) == 0;
}

static void
S_inline(struct md *m, struct para *p, struct pend *pd, cmark_node *n,
    int bold, int italic, const char *uri)
{
	cmark_node	*c;
	enum pdf_face	 face;
	const char	*lit, *u;
	struct span	*s;
	struct src	 src;

	face = bold ? (italic ? FACE_BOLDITALIC : FACE_BOLD) :
	    (italic ? FACE_ITALIC : FACE_REGULAR);
	switch (cmark_node_get_type(n)) {
	case CMARK_NODE_TEXT:
		if (pd->text.len > 0 && (pd->face != face || pd->uri != uri))
			S_flush_span(m, p, pd);
		if (pd->text.len == 0) {
			pd->face = face;
			pd->uri = uri;
			pd->src = S_src(m, n);
		}
		if ((lit = cmark_node_get_literal(n)) != NULL)
			buf_puts(&pd->text, lit);
		break;
	case CMARK_NODE_SOFTBREAK:
		buf_putc(&pd->text, ' ');
		break;
	case CMARK_NODE_LINEBREAK:
		S_flush_span(m, p, pd);
		para_add(p, "", face, RGB_TEXT, SPAN_BREAK, NULL);
		break;
	case CMARK_NODE_CODE:
		S_flush_span(m, p, pd);
		src = S_src(m, n);
		s = para_add(p, cmark_node_get_literal(n), face,
		    uri != NULL ? m->hrgb : RGB_TEXT, SPAN_RAW | SPAN_NOHYPH,
		    &src);
		if (uri != NULL)
			s->uri = xstrdup(uri);
		break;
	case CMARK_NODE_EMPH:
	case CMARK_NODE_STRONG:
		if (m->inest >= MD_MAX_INLINE)
			break;	/* md_check() said it */
		m->inest++;
		for (c = cmark_node_first_child(n); c != NULL;
		    c = cmark_node_next(c))
			S_inline(m, p, pd, c, bold ||
			    cmark_node_get_type(n) == CMARK_NODE_STRONG,
			    italic || cmark_node_get_type(n) == CMARK_NODE_EMPH,
			    uri);
		m->inest--;
		break;
	case CMARK_NODE_LINK:
	case CMARK_NODE_IMAGE:	/* an image is its description */
		if (m->inest >= MD_MAX_INLINE)
			break;	/* md_check() said it */
		u = cmark_node_get_url(n);
		if (cmark_node_get_type(n) == CMARK_NODE_IMAGE || !S_uri_ok(u))
			u = uri;
		m->inest++;
		for (c = cmark_node_first_child(n); c != NULL;
		    c = cmark_node_next(c))
			S_inline(m, p, pd, c, bold, italic, u);
		m->inest--;
		break;
	default:	/* raw HTML: dropped */
		break;
	}
}

/* The inline children of block n, into p (bold: a heading's). */
static void
S_inlines(struct md *m, struct para *p, cmark_node *n, int bold)
{
	struct pend	 pd;
	cmark_node	*c;

	memset(&pd, 0, sizeof(pd));
	buf_init(&pd.text);
	for (c = cmark_node_first_child(n); c != NULL; c = cmark_node_next(c))
		S_inline(m, p, &pd, c, bold, 0, NULL);
	S_flush_span(m, p, &pd);
	buf_free(&pd.text);
}

/* Set p, unless empty, as the next lines of the output; frees p. */
static void
S_set_para(struct md *m, struct para *p)
{
	if (!para_empty(p)) {
		para_set(m->l, p, m->out);
		m->first = 0;
	}
	para_free(p);
}

static void
S_para(struct md *m, cmark_node *n, double indent, const char *marker,
    double before, int size_up)
{
	struct lay	*l = m->l;
	struct para	 p;
	unsigned int	 t;

	para_init(&p, l->theme.body_size + size_up, m->leading + size_up,
	    l->tw - indent);
	p.indent = indent;
	p.before = m->first ? 0 : before;
	p.marker = marker;
	p.marker_rgb = m->hrgb;
	S_inlines(m, &p, n, 0);
	/* A list item's first paragraph: its Lbl and LBody (para_set()). */
	t = marker != NULL ? l->tag : lay_tag_open(l, "P");
	S_set_para(m, &p);
	lay_tag_close(l, t);
}

static void
S_md_heading(struct md *m, cmark_node *n, double indent)
{
	struct lay	*l = m->l;
	struct para	 p;
	double		 size;
	size_t		 i;
	unsigned int	 t;

	size = l->theme.body_size + (cmark_node_get_heading_level(n) <= 2 ? 1 : 0);
	para_init(&p, size, size * 1.3, l->tw - indent);
	p.indent = indent;
	p.before = m->first ? 0 : m->leading * 0.6;
	p.align = ALIGN_LEFT;
	p.nohyph = 1;
	p.keep_last = 1;	/* a heading never ends a page */
	S_inlines(m, &p, n, 1);
	for (i = 0; i < p.n; i++)
		if (p.v[i].uri == NULL)
			p.v[i].rgb = m->hrgb;
	t = lay_tag_open(l, l->md_heading != NULL ? l->md_heading : "H2");
	S_set_para(m, &p);
	lay_tag_close(l, t);
}

static void S_blocks(struct md *, cmark_node *, double indent, int depth,
    const char *marker, int tight);

static void
S_md_list(struct md *m, cmark_node *n, double indent, int depth)
{
	cmark_node	*it;
	int		 num = cmark_node_get_list_start(n), tight;
	char		 mark[16];
	double		 step = m->l->theme.body_size * 1.4;
	unsigned int	 tl, ti;

	tight = cmark_node_get_list_tight(n);
	tl = lay_tag_open(m->l, "L");
	for (it = cmark_node_first_child(n); it != NULL;
	    it = cmark_node_next(it), num++) {
		if (cmark_node_get_list_type(n) == CMARK_ORDERED_LIST)
			snprintf(mark, sizeof(mark), "%d.", num);
		else
			snprintf(mark, sizeof(mark), "%s",
			    depth % 2 ? "–" : "•");
		ti = lay_tag_open(m->l, "LI");
		S_blocks(m, it, indent + step, depth + 1, mark, tight);
		lay_tag_close(m->l, ti);
	}
	lay_tag_close(m->l, tl);
}

/* The children of a container; marker goes to its first paragraph. */
static void
S_blocks(struct md *m, cmark_node *parent, double indent, int depth,
    const char *marker, int tight)
{
	struct lay	*l = m->l;
	cmark_node	*n;
	struct vbox	*b;
	const char	*lit;
	struct src	 src;
	double		 parskip = m->leading * 0.4;
	int		 in_item = marker != NULL, after_heading = 0;
	unsigned int	 t;

	if (m->nest > MD_MAX_NEST)
		return;		/* md_check() said it */
	m->nest++;
	if (depth > MD_MAXDEPTH)
		depth = MD_MAXDEPTH;
	for (n = cmark_node_first_child(parent); n != NULL;
	    n = cmark_node_next(n)) {
		switch (cmark_node_get_type(n)) {
		case CMARK_NODE_PARAGRAPH:
			/* A heading sits closer to its text than to what precedes. */
			S_para(m, n, indent, marker, (in_item && tight) ||
			    after_heading ? m->leading * 0.15 : parskip, 0);
			marker = NULL;
			break;
		case CMARK_NODE_HEADING:
			S_md_heading(m, n, indent);
			break;
		case CMARK_NODE_LIST:
			S_md_list(m, n, depth < MD_MAXDEPTH ? indent : indent -
			    l->theme.body_size * 1.4, depth);
			break;
		case CMARK_NODE_BLOCK_QUOTE:
			t = lay_tag_open(l, "BlockQuote");
			S_blocks(m, n, indent + l->theme.body_size * 1.4, depth + 1,
			    NULL, 0);
			lay_tag_close(l, t);
			break;
		case CMARK_NODE_CODE_BLOCK: {
			struct para	 p;
			const char	*s, *e;

			lit = cmark_node_get_literal(n);
			src = S_src(m, n);
			para_init(&p, l->theme.body_size, m->leading,
			    l->tw - indent);
			p.indent = indent;
			p.align = ALIGN_LEFT;
			p.nohyph = 1;
			p.before = m->first ? 0 : parskip;
			for (s = lit != NULL ? lit : ""; *s != '\0'; s = e) {
				char *line;

				e = strchr(s, '\n');
				if (e == NULL)
					e = s + strlen(s);
				line = xstrndup(s, (size_t)(e - s));
				para_add(&p, line, FACE_REGULAR, RGB_MUTED,
				    SPAN_RAW | SPAN_NOHYPH, &src);
				free(line);
				if (*e == '\n') {
					e++;
					para_add(&p, "", FACE_REGULAR, RGB_TEXT,
					    SPAN_BREAK, NULL);
				}
			}
			if (!para_empty(&p)) {
				t = lay_tag_open(l, "P");
				para_set(l, &p, m->out);
				lay_tag_close(l, t);
				m->first = 0;
			}
			para_free(&p);
			break;
		}
		case CMARK_NODE_THEMATIC_BREAK:
			b = vlist_add(m->out, m->leading, parskip);
			{
				struct pdf_item *it = vbox_add(b);

				it->type = ITEM_LINE;
				it->x = indent + (l->tw - indent) * 0.4;
				it->x2 = indent + (l->tw - indent) * 0.6;
				it->y = it->y2 = -m->leading / 2;
				it->stroke_w = 0.5;
				it->rgb = RGB_RULE;
			}
			break;
		default:	/* HTML blocks: dropped */
			break;
		}
		after_heading = cmark_node_get_type(n) == CMARK_NODE_HEADING;
	}
	m->nest--;
}

void
md_set(struct lay *l, const char *text, const char *file, int line0,
    int col0, unsigned int hrgb, double leading, struct vlist *out)
{
	cmark_node	*doc;
	struct md	 m;

	if (text == NULL || *text == '\0')
		return;
	doc = cmark_parse_document(text, strlen(text), CMARK_OPT_DEFAULT);
	if (doc == NULL)
		return;
	memset(&m, 0, sizeof(m));
	m.l = l;
	m.file = file;
	m.line0 = line0 > 0 ? line0 : 1;
	m.col0 = col0 > 0 ? col0 : 1;
	m.hrgb = hrgb;
	m.leading = leading;
	m.out = out;
	m.first = 1;
	S_blocks(&m, doc, 0, 0, NULL, 0);
	cmark_node_free(doc);
}

int
md_check(const char *text, const char *file, int line0, int col0,
    struct diags *d)
{
	cmark_node	*doc, *n;
	cmark_iter	*iter;
	cmark_event_type ev;
	struct md	 m;
	struct src	 src;
	int		 nest = 0, inest = 0, ok = 1;

	if (text == NULL || *text == '\0')
		return 1;
	if ((doc = cmark_parse_document(text, strlen(text),
	    CMARK_OPT_DEFAULT)) == NULL)
		return 1;
	memset(&m, 0, sizeof(m));
	m.file = file;
	m.line0 = line0 > 0 ? line0 : 1;
	m.col0 = col0 > 0 ? col0 : 1;
	iter = cmark_iter_new(doc);
	while (ok && (ev = cmark_iter_next(iter)) != CMARK_EVENT_DONE) {
		int	*c, max;

		n = cmark_iter_get_node(iter);
		switch (cmark_node_get_type(n)) {
		case CMARK_NODE_BLOCK_QUOTE:
		case CMARK_NODE_ITEM:
			c = &nest;
			max = MD_MAX_NEST;
			break;
		case CMARK_NODE_EMPH:
		case CMARK_NODE_STRONG:
		case CMARK_NODE_LINK:
		case CMARK_NODE_IMAGE:
			c = &inest;
			max = MD_MAX_INLINE;
			break;
		default:
			continue;
		}
		if (ev == CMARK_EVENT_EXIT) {
			(*c)--;
			continue;
		}
		if (++*c <= max)
			continue;
		src = S_src(&m, n);
		if (c == &nest)
			diag_error(d, src.file, src.pos.line, src.pos.col,
			    "quotes and lists nested more than %d deep: "
			    "the booklet cannot set them", MD_MAX_NEST);
		else
			diag_error(d, src.file, src.pos.line, src.pos.col,
			    "emphasis and links nested more than %d deep: "
			    "the booklet cannot set them", MD_MAX_INLINE);
		ok = 0;
	}
	cmark_iter_free(iter);
	cmark_node_free(doc);
	return ok;
}
