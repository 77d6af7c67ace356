/*
 * test_template.c — the Mustache engine against the official spec
 * ($SHARED/mustache-spec/NAME.yml, read with libyaml, never copied into
 * the repository), then our own cases: escaping, falsey values,
 * numbers, partial indentation, template errors with file:line:col,
 * limits and hostile input.  Prints TAP; exits 1 when a case fails.
 */
#include <dirent.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <yaml.h>

#include "diag.h"
#include "template.h"
#include "util.h"

static int	 ntests, nfailed;

/* Print one TAP line; why (may be NULL) goes out as "# " comments. */
static void
tap(int ok, const char *why, const char *fmt, ...)
{
	va_list		 ap;
	const char	*p;

	ntests++;
	if (!ok)
		nfailed++;
	printf("%sok %d - ", ok ? "" : "not ", ntests);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	putchar('\n');
	if (ok || why == NULL)
		return;
	fputs("# ", stdout);
	for (p = why; *p != '\0'; p++)
		if (*p == '\n')
			fputs(p[1] ? "\n# " : "", stdout);
		else
			putchar(*p);
	putchar('\n');
}

/* C-escape s into b, for readable failure messages. */
static void
quote(struct buf *b, const char *s)
{
	buf_putc(b, '"');
	for (; *s != '\0'; s++)
		if (*s == '\n')
			buf_puts(b, "\\n");
		else if (*s == '\r')
			buf_puts(b, "\\r");
		else if (*s == '\t')
			buf_puts(b, "\\t");
		else if (*s == '"' || *s == '\\')
			buf_printf(b, "\\%c", *s);
		else
			buf_putc(b, *s);
	buf_putc(b, '"');
}

/* "file:line:col: msg" lines of every diagnostic. */
static char *
diags_text(const struct diags *d)
{
	struct buf	 b;
	size_t		 i;

	buf_init(&b);
	for (i = 0; i < d->n; i++)
		buf_printf(&b, "%s:%d:%d: %s\n", d->v[i].file ? d->v[i].file :
		    "-", d->v[i].line, d->v[i].col, d->v[i].msg);
	return buf_detach(&b);
}

/* ---- YAML -> struct tval ------------------------------------------------ */

static yaml_node_t *
ymap_get(yaml_document_t *doc, yaml_node_t *map, const char *key)
{
	yaml_node_pair_t *p;
	yaml_node_t	*k;

	if (map == NULL || map->type != YAML_MAPPING_NODE)
		return NULL;
	for (p = map->data.mapping.pairs.start;
	    p < map->data.mapping.pairs.top; p++) {
		k = yaml_document_get_node(doc, p->key);
		if (k && k->type == YAML_SCALAR_NODE &&
		    strcmp((char *)k->data.scalar.value, key) == 0)
			return yaml_document_get_node(doc, p->value);
	}
	return NULL;
}

static const char *
yscalar(yaml_node_t *n)
{
	return n && n->type == YAML_SCALAR_NODE ?
	    (const char *)n->data.scalar.value : NULL;
}

/* A plain scalar that reads as a number (no hex, inf or nan). */
static int
ynumber(const char *s, double *v)
{
	char	*end;

	if (*s == '\0' || strchr("+-.0123456789", *s) == NULL ||
	    strpbrk(s, "0123456789") == NULL || strpbrk(s, "xXnN") != NULL)
		return 0;
	*v = strtod(s, &end);
	return *end == '\0';
}

/*
 * Plain scalars follow the YAML core schema (true/false, null/~/empty,
 * numbers); quoted and block scalars are always strings.
 */
static struct tval *
yconv(yaml_document_t *doc, yaml_node_t *n, int depth)
{
	struct tval	*v;
	yaml_node_item_t *it;
	yaml_node_pair_t *p;
	const char	*s;
	double		 d;

	if (n == NULL || depth > 100)
		return tval_null();
	switch (n->type) {
	case YAML_SCALAR_NODE:
		s = (const char *)n->data.scalar.value;
		if (n->data.scalar.style != YAML_PLAIN_SCALAR_STYLE)
			return tval_strn(s, n->data.scalar.length);
		if (!strcmp(s, "true") || !strcmp(s, "false"))
			return tval_bool(s[0] == 't');
		if (!strcmp(s, "null") || !strcmp(s, "~") || *s == '\0')
			return tval_null();
		if (ynumber(s, &d))
			return tval_num(d);
		return tval_strn(s, n->data.scalar.length);
	case YAML_SEQUENCE_NODE:
		v = tval_list();
		for (it = n->data.sequence.items.start;
		    it < n->data.sequence.items.top; it++)
			tval_push(v, yconv(doc,
			    yaml_document_get_node(doc, *it), depth + 1));
		return v;
	case YAML_MAPPING_NODE:
		v = tval_map();
		for (p = n->data.mapping.pairs.start;
		    p < n->data.mapping.pairs.top; p++) {
			s = yscalar(yaml_document_get_node(doc, p->key));
			if (s != NULL)
				tval_set(v, s, yconv(doc,
				    yaml_document_get_node(doc, p->value),
				    depth + 1));
		}
		return v;
	default:
		return tval_null();
	}
}

/* Load a YAML document from a string; returns 0 on a syntax error. */
static int
yload(yaml_document_t *doc, const char *s)
{
	yaml_parser_t	 p;
	int		 ok;

	yaml_parser_initialize(&p);
	yaml_parser_set_input_string(&p, (const unsigned char *)s, strlen(s));
	ok = yaml_parser_load(&p, doc);
	yaml_parser_delete(&p);
	if (ok && yaml_document_get_root_node(doc) == NULL) {
		yaml_document_delete(doc);
		ok = 0;
	}
	return ok;
}

/* Partials come from a YAML map of name -> source. */
struct ypartials {
	yaml_document_t	*doc;
	yaml_node_t	*map;
};

static char *
ypartial(void *arg, const char *name, char **file)
{
	struct ypartials *yp = arg;
	const char	*s = yscalar(ymap_get(yp->doc, yp->map, name));

	if (s == NULL)
		return NULL;
	*file = xasprintf("%s.mustache", name);
	return xstrdup(s);
}

/*
 * Parse and render; returns the output (allocated) or NULL on an error,
 * with the diagnostics in *err (allocated, or NULL when none).
 */
static char *
run(const char *tpl, const struct tval *data, tpl_partial_fn fn, void *arg,
    char **err)
{
	struct diags	 d;
	struct tpl	*t;
	struct buf	 out;
	char		*res = NULL;

	diags_init(&d);
	buf_init(&out);
	if ((t = tpl_parse(tpl, "t.mustache", &d)) != NULL &&
	    tpl_render(t, data, fn, arg, &out, &d))
		res = buf_detach(&out);
	*err = d.n ? diags_text(&d) : NULL;
	/* A failure must say why; a success must not complain. */
	if ((res == NULL) != (d.errors > 0)) {
		free(*err);
		*err = xstrdup("?:0:0: error/diagnostic mismatch\n");
		free(res);
		res = NULL;
	}
	tpl_free(t);
	buf_free(&out);
	diags_free(&d);
	return res;
}

/* Compare got with want and report; frees got and err. */
static void
check(const char *desc, char *got, char *err, const char *want)
{
	struct buf	 why;

	buf_init(&why);
	if (got == NULL)
		buf_printf(&why, "error:\n%s", err ? err : "(none)\n");
	else {
		buf_puts(&why, "expected: ");
		quote(&why, want);
		buf_puts(&why, "\ngot:      ");
		quote(&why, got);
	}
	tap(got != NULL && strcmp(got, want) == 0, buf_cstr(&why), "%s", desc);
	buf_free(&why);
	free(got);
	free(err);
}

/* ---- the spec ----------------------------------------------------------- */

static int
spec_file(const char *dir, const char *fname)
{
	yaml_document_t	 doc;
	yaml_node_t	*tests, *tc;
	yaml_node_item_t *it;
	struct ypartials yp;
	struct tval	*data;
	char		*path, *src, *got, *err, *topic, *desc;
	const char	*name, *tpl, *want;
	size_t		 len;

	path = path_join(dir, fname);
	if (!file_read(path, 1 << 20, &src, &len)) {
		tap(0, NULL, "%s: cannot read", path);
		free(path);
		return 0;
	}
	free(path);
	topic = xstrndup(fname, strcspn(fname, "."));
	if (!yload(&doc, src)) {
		tap(0, NULL, "%s: YAML syntax error", fname);
		free(src);
		free(topic);
		return 0;
	}
	tests = ymap_get(&doc, yaml_document_get_root_node(&doc), "tests");
	if (tests == NULL || tests->type != YAML_SEQUENCE_NODE)
		tap(0, NULL, "%s: no tests", fname);
	else for (it = tests->data.sequence.items.start;
	    it < tests->data.sequence.items.top; it++) {
		tc = yaml_document_get_node(&doc, *it);
		name = yscalar(ymap_get(&doc, tc, "name"));
		tpl = yscalar(ymap_get(&doc, tc, "template"));
		want = yscalar(ymap_get(&doc, tc, "expected"));
		if (name == NULL || tpl == NULL || want == NULL) {
			tap(0, NULL, "%s: malformed case", topic);
			continue;
		}
		data = yconv(&doc, ymap_get(&doc, tc, "data"), 0);
		yp.doc = &doc;
		yp.map = ymap_get(&doc, tc, "partials");
		got = run(tpl, data, ypartial, &yp, &err);
		desc = xasprintf("%s: %s", topic, name);
		check(desc, got, err, want);
		free(desc);
		tval_free(data);
	}
	yaml_document_delete(&doc);
	free(src);
	free(topic);
	return 1;
}

static int
S_namecmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Every *.yml of the spec, in name order (optional "~x" modules aside). */
static void
spec(void)
{
	static const char *const core[] = { "comments.yml", "delimiters.yml",
	    "interpolation.yml", "inverted.yml", "partials.yml",
	    "sections.yml" };
	const char	*shared = getenv("SHARED"), *top = getenv("TOP");
	char		*dir, **names = NULL;
	size_t		 n = 0, i, j;
	DIR		*dh;
	struct dirent	*de;

	if (shared != NULL)
		dir = path_join(shared, "mustache-spec");
	else
		dir = xasprintf("%s/../shared/mustache-spec", top ? top : ".");
	if ((dh = opendir(dir)) == NULL) {
		tap(0, NULL, "spec: cannot open %s", dir);
		free(dir);
		return;
	}
	while ((de = readdir(dh)) != NULL) {
		if (de->d_name[0] == '~' || de->d_name[0] == '.' ||
		    strlen(de->d_name) < 5 || strcmp(de->d_name +
		    strlen(de->d_name) - 4, ".yml") != 0)
			continue;
		names = xreallocarray(names, n + 1, sizeof(*names));
		names[n++] = xstrdup(de->d_name);
	}
	closedir(dh);
	qsort(names, n, sizeof(*names), S_namecmp);
	for (j = 0; j < sizeof(core) / sizeof(core[0]); j++) {
		for (i = 0; i < n && strcmp(names[i], core[j]); i++)
			continue;
		tap(i < n, NULL, "spec: %s present in %s", core[j], dir);
	}
	for (i = 0; i < n; i++) {
		spec_file(dir, names[i]);
		free(names[i]);
	}
	free(names);
	free(dir);
}

/* ---- our own cases ------------------------------------------------------ */

/*
 * data and partials are YAML (flow style is handy); want is the output,
 * or NULL when the case must fail with a first diagnostic starting
 * with diag ("file:line:col: message").
 */
static const struct xcase {
	const char	*name;
	const char	*tpl;
	const char	*data;
	const char	*partials;
	const char	*want;
	const char	*diag;
} xcases[] = {
	{ "escaping: & < > \" ' in {{x}}, not in {{{x}}} or {{&x}}",
	  "{{s}}|{{{s}}}|{{& s }}", "{ s: \"a&b <i> \\\"q\\\" 'a' &amp;\" }",
	  NULL, "a&amp;b &lt;i&gt; &quot;q&quot; &#39;a&#39; &amp;amp;|"
	  "a&b <i> \"q\" 'a' &amp;|a&b <i> \"q\" 'a' &amp;", NULL },
	{ "escaping: section and implicit iterator",
	  "{{#l}}{{.}}{{/l}}", "{ l: ['<', '\"'] }", NULL,
	  "&lt;&quot;", NULL },
	{ "values: numbers and booleans",
	  "{{a}} {{b}} {{c}} {{d}} {{t}} {{f}}",
	  "{ a: 1.210, b: 85, c: -0.5, d: 1e20, t: true, f: false }", NULL,
	  "1.21 85 -0.5 1e+20 true false", NULL },
	{ "values: lists and maps print nothing",
	  "[{{l}}{{m}}]", "{ l: [1], m: { a: 1 } }", NULL, "[]", NULL },
	{ "falsey: null, false, \"\" and []; 0 and {} are truthy",
	  "{{#n}}N{{/n}}{{#f}}F{{/f}}{{#e}}E{{/e}}{{#l}}L{{/l}}"
	  "{{#z}}z{{/z}}{{#m}}m{{/m}}|{{^n}}n{{/n}}{{^e}}e{{/e}}{{^z}}Z{{/z}}",
	  "{ n: null, f: false, e: '', l: [], z: 0, m: {} }", NULL,
	  "zm|ne", NULL },
	{ "dotted names: resolved inside a list item first",
	  "{{#l}}{{a.b}},{{/l}}", "{ a: { b: top }, l: [ { a: { b: 1 } }, {} ] }",
	  NULL, "1,top,", NULL },
	{ "standalone: two tags on one line are not standalone",
	  "{{#a}}{{/a}}\nx", "{ a: true }", NULL, "\nx", NULL },
	{ "standalone: CRLF after a comment at end of input",
	  "a\r\n{{! c }}\r\n", "{}", NULL, "a\r\n", NULL },
	{ "partials: indentation adds up through nested partials",
	  "  {{>a}}\n", "{}", "{ a: \"A\\n  {{>b}}\\n\", b: \"B1\\nB2\\n\" }",
	  "  A\n    B1\n    B2\n", NULL },
	{ "partials: a column-0 standalone partial keeps the outer indent",
	  "  {{>a}}\n", "{}", "{ a: \"{{>b}}\\n\", b: \"x\\ny\\n\" }",
	  "  x\n  y\n", NULL },
	{ "partials: indent before an inline end tag stays in the section",
	  "  {{>a}}\n", "{ s: false }", "{ a: \"x\\n{{#s}}y\\n{{/s}}z\\n\" }",
	  "  x\n  z\n", NULL },
	{ "partials: set-delimiter does not leak into a partial",
	  "{{=<% %>=}}<%>p%>|<%x%>", "{ x: 1 }", "{ p: '{{x}}<%x%>' }",
	  "1<%x%>|1", NULL },
	{ "partials: a partial may change its own delimiters",
	  "{{>p}}{{x}}", "{ x: 1 }", "{ p: '{{=| |=}}|x|' }", "11", NULL },
	{ "error: unclosed tag",
	  "a\n  {{b", "{}", NULL, NULL, "t.mustache:2:3: unclosed tag" },
	{ "error: unclosed triple mustache",
	  "x {{{a}}", "{}", NULL, NULL, "t.mustache:1:3: unclosed tag" },
	{ "error: unterminated {{ at end of input",
	  "text {{", "{}", NULL, NULL, "t.mustache:1:6: unclosed tag" },
	{ "error: unclosed section",
	  "x\n{{#a}}\n{{#b}}{{/b}}", "{}", NULL, NULL,
	  "t.mustache:2:1: unclosed section 'a'" },
	{ "error: mismatched end tag",
	  "{{#a}}\n {{/b}}", "{}", NULL, NULL,
	  "t.mustache:2:2: closing tag 'b' does not match open section 'a' "
	  "(line 1, column 1)" },
	{ "error: end tag without a section",
	  "x{{/a}}", "{}", NULL, NULL,
	  "t.mustache:1:2: closing tag 'a' without an open section" },
	{ "error: set-delimiter with one delimiter",
	  "ok\n{{=<%=}}", "{}", NULL, NULL,
	  "t.mustache:2:1: set-delimiter tag needs two delimiters" },
	{ "error: set-delimiter with three delimiters",
	  "{{= a b c =}}", "{}", NULL, NULL,
	  "t.mustache:1:1: set-delimiter tag needs two delimiters" },
	{ "error: set-delimiter without its closing '='",
	  "{{=<% %>}}", "{}", NULL, NULL, "t.mustache:1:1: unclosed tag" },
	{ "error: empty set-delimiter tag {{=}}",
	  "{{=}}", "{}", NULL, NULL, "t.mustache:1:1: unclosed tag" },
	{ "error: empty tag name",
	  "{{ }}", "{}", NULL, NULL, "t.mustache:1:1: empty tag name" },
	{ "error: white space inside a name",
	  "{{a b}}", "{}", NULL, NULL,
	  "t.mustache:1:1: white space inside tag name 'a b'" },
	{ "error: empty component in a dotted name",
	  "{{#a..b}}{{/a..b}}", "{}", NULL, NULL,
	  "t.mustache:1:1: invalid name 'a..b'" },
	{ "error: columns count characters, not bytes",
	  "é\n«é» {{a", "{}", NULL, NULL, "t.mustache:2:5: unclosed tag" },
	{ "error: in a partial, names the partial's file",
	  "x\n{{>p}}", "{}", "{ p: \"p\\n  {{#a}}\" }", NULL,
	  "p.mustache:2:3: unclosed section 'a'" },
	{ "error: a failing partial after a rendered section fails the render",
	  "{{#s}}x{{/s}}{{^z}}{{>bad}}{{/z}}", "{ s: 1 }", "{ bad: '{{#a}}' }",
	  NULL, "bad.mustache:1:1: unclosed section 'a'" },
	{ "error: recursive partial stops at the depth cap",
	  "{{>r}}", "{}", "{ r: 'x{{>r}}' }", NULL,
	  "r.mustache:1:2: partial 'r' nested more than 64 deep" },
};

static void
xcase(const struct xcase *c)
{
	yaml_document_t	 ddoc, pdoc;
	struct ypartials yp;
	struct tval	*data;
	char		*got, *err;
	int		 havep = 0;

	if (!yload(&ddoc, c->data)) {
		tap(0, NULL, "%s (bad data YAML)", c->name);
		return;
	}
	data = yconv(&ddoc, yaml_document_get_root_node(&ddoc), 0);
	yaml_document_delete(&ddoc);
	memset(&yp, 0, sizeof(yp));
	if (c->partials != NULL) {
		if (!yload(&pdoc, c->partials)) {
			tap(0, NULL, "%s (bad partials YAML)", c->name);
			tval_free(data);
			return;
		}
		havep = 1;
		yp.doc = &pdoc;
		yp.map = yaml_document_get_root_node(&pdoc);
	}
	got = run(c->tpl, data, ypartial, &yp, &err);
	if (c->want != NULL)
		check(c->name, got, err, c->want);
	else {
		tap(got == NULL && err != NULL &&
		    strncmp(err, c->diag, strlen(c->diag)) == 0,
		    got ? got : err, "%s", c->name);
		free(got);
		free(err);
	}
	if (havep)
		yaml_document_delete(&pdoc);
	tval_free(data);
}

/* A parsed template is immutable: render it again with other data. */
static void
reuse(void)
{
	struct diags	 d;
	struct tpl	*t;
	struct tval	*ctx;
	struct buf	 out;
	int		 i, ok = 1;
	char		 want[16];

	diags_init(&d);
	buf_init(&out);
	t = tpl_parse("{{#p}}<{{n}}>{{/p}}", "t", &d);
	for (i = 0; t != NULL && i < 40; i++) {
		ctx = tval_map();
		tval_set(ctx, "p", tval_map());
		tval_set_num(tval_get(ctx, "p"), "n", i);
		buf_reset(&out);
		snprintf(want, sizeof(want), "<%d>", i);
		ok &= tpl_render(t, ctx, NULL, NULL, &out, &d) &&
		    strcmp(buf_cstr(&out), want) == 0;
		tval_free(ctx);
	}
	tap(t != NULL && ok && d.n == 0, NULL,
	    "reuse: one parse, forty renders");
	tpl_free(t);
	buf_free(&out);
	diags_free(&d);
}

static void
numbers(void)
{
	static const struct { double v; const char *s; } nv[] = {
		{ 0, "0" }, { -0.0, "0" }, { 85, "85" }, { -42, "-42" },
		{ 1.21, "1.21" }, { 0.1 + 0.2, "0.30000000000000004" },
		{ 1.0 / 3, "0.3333333333333333" }, { 1e20, "1e+20" },
		{ 123456789012345.0, "123456789012345" }, { 2.5e-7, "2.5e-07" },
	};
	struct tval	*ctx;
	char		*got, *err;
	size_t		 i;

	for (i = 0; i < sizeof(nv) / sizeof(nv[0]); i++) {
		ctx = tval_map();
		tval_set_num(ctx, "n", nv[i].v);
		got = run("{{n}}", ctx, NULL, NULL, &err);
		check(nv[i].s, got, err, nv[i].s);
		tval_free(ctx);
	}
}

/* The value API itself. */
static void
values(void)
{
	struct tval	*m = tval_map(), *l = tval_list(), *s;
	int		 ok;

	tval_set_str(m, "k", "one");
	tval_set_str(m, "k", "two");		/* replaces */
	tval_set_bool(m, "b", 1);
	tval_push(l, tval_str("x"));
	tval_push(l, tval_strn("yz", 1));
	tval_set(m, "l", l);
	tval_push(m, tval_str("not a list"));	/* misuse: dropped */
	tval_set(l, "k", tval_str("not a map"));	/* misuse: dropped */
	s = tval_str(NULL);
	ok = tval_type(s) == TV_NULL && tval_cstr(s) == NULL &&
	    strcmp(tval_cstr(tval_get(m, "k")), "two") == 0 &&
	    tval_type(tval_get(m, "b")) == TV_BOOL &&
	    tval_get(m, "missing") == NULL && tval_get(l, "k") == NULL &&
	    tval_len(l) == 2 && tval_len(m) == 0 &&
	    strcmp(tval_cstr(tval_at(l, 1)), "y") == 0 &&
	    tval_at(l, 2) == NULL && tval_type(NULL) == TV_NULL;
	tap(ok, NULL, "values: set replaces, get/len/at/cstr, misuse is safe");
	tval_free(s);
	tval_free(m);
}

/* Hostile templates fail cleanly (the sanitizer build checks "cleanly"). */
static void
hostile(void)
{
	struct buf	 src;
	struct tval	*ctx;
	char		*got, *err;
	int		 i;

	buf_init(&src);
	for (i = 0; i < 100000; i++)
		buf_puts(&src, "{{#a}}");
	got = run(buf_cstr(&src), NULL, NULL, NULL, &err);
	tap(got == NULL && err && strstr(err, "t.mustache:1:769: sections "
	    "nested deeper than 128"), err, "hostile: 100000 nested sections");
	free(got);
	free(err);

	buf_reset(&src);
	for (i = 0; i < 100000; i++)
		buf_puts(&src, "{{");
	got = run(buf_cstr(&src), NULL, NULL, NULL, &err);
	tap(got == NULL && err && strstr(err, "t.mustache:1:1: unclosed tag"),
	    err, "hostile: 100000 '{{'");
	free(got);
	free(err);

	/* 127 sections deep is fine, and renders. */
	ctx = tval_map();
	tval_set_bool(ctx, "a", 1);
	buf_reset(&src);
	for (i = 0; i < 127; i++)
		buf_puts(&src, "{{#a}}");
	buf_puts(&src, "x");
	for (i = 0; i < 127; i++)
		buf_puts(&src, "{{/a}}");
	got = run(buf_cstr(&src), ctx, NULL, NULL, &err);
	check("hostile: 127 nested sections render", got, err, "x");

	/*
	 * The partial cap at its edge: a partial that calls itself once
	 * per level of c renders 63 levels deep (64 partials open) and
	 * stops at 64 levels.
	 */
	{
		struct ypartials yp;
		yaml_document_t	 doc;
		struct tval	*top, *lv, *in;
		int		 depth, k;

		for (depth = 63; depth <= 64; depth++) {
			top = lv = tval_map();
			for (k = 0; k < depth; k++) {
				in = tval_map();
				tval_set(lv, "c", in);
				lv = in;
			}
			tval_set_bool(lv, "c", 0);
			if (!yload(&doc, "{ r: '{{#c}}x{{>r}}{{/c}}' }")) {
				tap(0, NULL, "partial cap (YAML)");
				tval_free(top);
				continue;
			}
			yp.doc = &doc;
			yp.map = yaml_document_get_root_node(&doc);
			got = run("{{>r}}", top, ypartial, &yp, &err);
			if (depth == 63)
				tap(got != NULL && strlen(got) == 63 &&
				    strspn(got, "x") == 63, err,
				    "a partial 64 deep renders");
			else
				tap(got == NULL && err && strstr(err,
				    "nested more than 64 deep"), err,
				    "a partial 65 deep is refused");
			free(got);
			free(err);
			yaml_document_delete(&doc);
			tval_free(top);
		}
	}

	/* Sections inside recursive partials: the render depth cap. */
	{
		struct ypartials yp;
		yaml_document_t	 doc;
		struct buf	 p;

		buf_init(&p);
		buf_puts(&p, "{ p: '");
		for (i = 0; i < 100; i++)
			buf_puts(&p, "{{#a}}");
		buf_puts(&p, "{{>p}}");
		for (i = 0; i < 100; i++)
			buf_puts(&p, "{{/a}}");
		buf_puts(&p, "' }");
		if (yload(&doc, buf_cstr(&p))) {
			yp.doc = &doc;
			yp.map = yaml_document_get_root_node(&doc);
			got = run("{{>p}}", ctx, ypartial, &yp, &err);
			tap(got == NULL && err && strstr(err, "p.mustache:1:") &&
			    strstr(err, "nesting deeper than 512"), err,
			    "hostile: render depth is capped");
			free(got);
			free(err);
			yaml_document_delete(&doc);
		} else
			tap(0, NULL, "hostile: render depth is capped (YAML)");
		buf_free(&p);
	}
	tval_free(ctx);

	/* Many tags: parse and render stay linear. */
	ctx = tval_map();
	tval_set_str(ctx, "a", "&");
	buf_reset(&src);
	for (i = 0; i < 200000; i++)
		buf_puts(&src, "{{a}}");
	got = run(buf_cstr(&src), ctx, NULL, NULL, &err);
	tap(got != NULL && strlen(got) == 200000 * 5, err,
	    "hostile: 200000 tags");
	free(got);
	free(err);
	tval_free(ctx);
	buf_free(&src);
}

static char *
self_partial(void *arg, const char *name, char **file)
{
	(void)arg;
	(void)file;
	return strcmp(name, "self") == 0 ? xstrdup("x{{>self}}") : NULL;
}

/*
 * A failed render leaves the output buffer as it was; without a
 * partial callback, partials render as nothing.
 */
static void
atomic(void)
{
	struct diags	 d;
	struct tpl	*t;
	struct buf	 out;
	int		 ok;

	diags_init(&d);
	buf_init(&out);
	buf_puts(&out, "keep");
	t = tpl_parse("before {{>self}} after", "t", &d);
	ok = t != NULL && !tpl_render(t, NULL, self_partial, NULL, &out, &d);
	tap(ok && d.errors == 1 && strcmp(buf_cstr(&out), "keep") == 0, NULL,
	    "render: a failed render leaves the output as it was");
	ok = t != NULL && tpl_render(t, NULL, NULL, NULL, &out, &d);
	tap(ok && d.errors == 1 && strcmp(buf_cstr(&out),
	    "keepbefore  after") == 0, NULL,
	    "render: without a partial callback, partials are empty");
	tpl_free(t);
	buf_free(&out);
	diags_free(&d);
}

/* Partials for shared(): "ok" renders, "bad" does not parse. */
static char *
count_partial(void *arg, const char *name, char **file)
{
	(*(int *)arg)++;
	*file = xasprintf("%s.mustache", name);
	if (strcmp(name, "ok") == 0)
		return xstrdup("[{{x}}]");
	if (strcmp(name, "bad") == 0)
		return xstrdup("{{#x}}");
	free(*file);
	*file = NULL;
	return NULL;
}

/*
 * A set of partials shared by several renders fetches and parses each
 * partial once; a broken one is reported once and fails every render.
 */
static void
shared(void)
{
	struct tpl_partials *ps;
	struct diags	 d;
	struct tpl	*t, *tb;
	struct tval	*ctx = tval_map();
	struct buf	 out;
	int		 calls = 0, ok;

	diags_init(&d);
	buf_init(&out);
	tval_set_str(ctx, "x", "a");
	ps = tpl_partials_new(count_partial, &calls);
	t = tpl_parse("{{>ok}}{{>ok}}{{>none}}", "t", &d);
	tb = tpl_parse("<{{>bad}}>", "tb", &d);
	ok = t != NULL && tb != NULL &&
	    tpl_render_partials(t, ctx, ps, &out, &d) &&
	    tpl_render_partials(t, ctx, ps, &out, &d);
	tap(ok && calls == 2 && d.n == 0 &&
	    strcmp(buf_cstr(&out), "[a][a][a][a]") == 0, NULL,
	    "partials: a shared set fetches each partial once across renders");
	buf_reset(&out);
	ok = tb != NULL && !tpl_render_partials(tb, ctx, ps, &out, &d) &&
	    !tpl_render_partials(tb, ctx, ps, &out, &d);
	tap(ok && calls == 3 && d.errors == 1 && out.len == 0, NULL,
	    "partials: a broken shared partial is reported once, fails each "
	    "render");
	tpl_partials_free(ps);
	tpl_partials_free(NULL);
	tpl_free(t);
	tpl_free(tb);
	tval_free(ctx);
	buf_free(&out);
	diags_free(&d);
}

/* Exponential work within the depth caps hits the step budget. */
static void
budget(void)
{
	struct ypartials yp;
	yaml_document_t	 doc;
	struct tval	*ctx, *m, *n;
	char		*got, *err;
	int		 i;

	/* 40 nested maps, the innermost with end: true. */
	ctx = m = tval_map();
	for (i = 0; i < 40; i++) {
		n = tval_map();
		tval_set(m, "n", n);
		m = n;
	}
	tval_set_bool(m, "end", 1);
	if (!yload(&doc, "{ p: '{{^end}}{{#n}}{{>p}}{{>p}}{{/n}}{{/end}}' }")) {
		tap(0, NULL, "hostile: 2^40 partial expansions (YAML)");
		tval_free(ctx);
		return;
	}
	yp.doc = &doc;
	yp.map = yaml_document_get_root_node(&doc);
	got = run("{{>p}}", ctx, ypartial, &yp, &err);
	tap(got == NULL && err && strstr(err, "p.mustache:1:") &&
	    strstr(err, "expands to more than 10000000 nodes"), err,
	    "hostile: 2^40 partial expansions stop at the step budget");
	free(got);
	free(err);
	yaml_document_delete(&doc);
	tval_free(ctx);
}

/*
 * A small deterministic fuzz: templates built from random tags, mostly
 * well formed (sections are closed, delimiters tracked) with a sprinkle
 * of broken fragments, must render or fail with a diagnostic, never
 * crash (the sanitizer build runs this too).
 */
static char *
fuzz_partial(void *arg, const char *name, char **file)
{
	(void)arg;
	(void)file;
	if (strcmp(name, "q") == 0)
		return xstrdup("  {{#a}}\n({{.}}{{b}})\n{{/a}}\n{{! c }}x\n");
	if (strcmp(name, "bad") == 0)
		return xstrdup("{{#a}}");
	return NULL;
}

static unsigned long fuzz_seed = 12345;

static size_t
fuzz_rand(size_t n)
{
	fuzz_seed = fuzz_seed * 6364136223846793005ULL + 1442695040888963407ULL;
	return (size_t)(fuzz_seed >> 33) % n;
}

static void
fuzz(void)
{
	static const char *const frag[] = { "{{", "}}", "{{{", "}}}", "{{#",
	    "{{/a}}", "{{=", "=}}", "{{>bad}}", "{{a b}}", "<%" };
	static const char *const text[] = { "", " ", "  ", "\t", "\n", "\r\n",
	    "x", "é", "<&>" };
	static const char *const name[] = { "a", "b", ".", "a.b", "z", "s" };
	static const char *const sig[] = { "", "&", "!", ">", "{" };
	struct diags	 d;
	struct buf	 src, out;
	struct tpl	*t;
	struct tval	*ctx, *l;
	const char	*o = "{{", *c = "}}", *stack[32];
	size_t		 ns, k;
	int		 i, j, okp = 0, okr = 0, bad = 0, rendered;

	ctx = tval_map();
	l = tval_list();
	tval_push(l, tval_map());
	tval_push(l, tval_str("s"));
	tval_set(ctx, "a", l);
	tval_set(tval_at(l, 0), "b", tval_num(1.5));
	tval_set_str(ctx, "s", "<s>");
	buf_init(&src);
	buf_init(&out);
	for (i = 0; i < 5000; i++) {
		buf_reset(&src);
		o = "{{", c = "}}";
		ns = 0;
		for (j = 0; j < 30; j++) {
			buf_puts(&src, text[fuzz_rand(9)]);
			switch (fuzz_rand(8)) {
			case 0:
				if (fuzz_rand(4) == 0)
					buf_puts(&src, frag[fuzz_rand(11)]);
				break;
			case 1:
			case 2:
				if (ns < 32) {
					stack[ns] = name[fuzz_rand(6)];
					buf_printf(&src, "%s%c%s%s", o,
					    fuzz_rand(2) ? '#' : '^',
					    stack[ns++], c);
				}
				break;
			case 3:
				if (ns > 0)
					buf_printf(&src, "%s/%s%s", o,
					    stack[--ns], c);
				break;
			case 4:
				k = fuzz_rand(2);
				buf_printf(&src, "%s=%s %s=%s", o,
				    k ? "<%" : "{{", k ? "%>" : "}}", c);
				o = k ? "<%" : "{{";
				c = k ? "%>" : "}}";
				break;
			default:
				k = fuzz_rand(5);
				buf_printf(&src, "%s%s%s%s%s", o, sig[k],
				    k == 3 ? "q" : name[fuzz_rand(6)],
				    k == 4 ? "}" : "", c);
				break;
			}
		}
		while (ns > 0)
			buf_printf(&src, "%s/%s%s", o, stack[--ns], c);
		diags_init(&d);
		buf_reset(&out);
		rendered = 0;
		if ((t = tpl_parse(buf_cstr(&src), "f", &d)) != NULL) {
			okp++;
			rendered = tpl_render(t, ctx, fuzz_partial, NULL,
			    &out, &d);
			okr += rendered != 0;
		}
		/* Failed exactly when there is an error to show. */
		if (!rendered != (d.errors > 0))
			bad++;
		tpl_free(t);
		diags_free(&d);
	}
	tap(bad == 0 && okr > 2500, NULL, "fuzz: 5000 random templates "
	    "(%d parsed, %d rendered), every failure explained", okp, okr);
	buf_free(&src);
	buf_free(&out);
	tval_free(ctx);
}

int
main(void)
{
	size_t	 i;

	spec();
	for (i = 0; i < sizeof(xcases) / sizeof(xcases[0]); i++)
		xcase(&xcases[i]);
	numbers();
	values();
	reuse();
	atomic();
	shared();
	hostile();
	budget();
	fuzz();
	printf("1..%d\n", ntests);
	return nfailed ? 1 : 0;
}
