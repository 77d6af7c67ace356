/*
 * fuzz_template.c — libFuzzer harness of the Mustache engine
 * (template.c).
 *
 * The input is parsed as a template and rendered with a fixed context
 * that has a value of every type (strings full of characters to escape,
 * numbers, booleans, null, empty and non-empty lists and maps, nested
 * maps for dotted names).  Every partial, whatever its name, is the
 * input itself, so that "{{>x}}" recurses: the engine's caps on partial
 * depth and on the work of one render must stop it.  The partial named
 * "missing" does not exist (renders as nothing).
 *
 * Invariants: a failed parse or render always adds an error, and a
 * failed render leaves the output buffer as it was.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "template.h"
#include "util.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static struct tval *ctx;

static void
S_free_ctx(void)
{
	tval_free(ctx);
	ctx = NULL;
}

static struct tval *
S_item(const char *name, double n, int b)
{
	struct tval	*m = tval_map();

	tval_set_str(m, "name", name);
	tval_set_num(m, "n", n);
	tval_set_bool(m, "b", b);
	return m;
}

static void
S_make_ctx(void)
{
	struct tval	*l, *m, *deep;

	ctx = tval_map();
	tval_set_str(ctx, "a", "<b>A & \"B\"</b> 'c'");
	tval_set_str(ctx, "s", "Caf’é {{a}} «\xc2\xa0»");
	tval_set_str(ctx, "e", "");
	tval_set_num(ctx, "n", 85);
	tval_set_num(ctx, "f", 1.21);
	tval_set_num(ctx, "z", 0);
	tval_set_num(ctx, "big", 1e20);
	tval_set_bool(ctx, "t", 1);
	tval_set_bool(ctx, "no", 0);
	tval_set(ctx, "null", tval_null());
	tval_set(ctx, "empty", tval_list());
	tval_set(ctx, "emap", tval_map());
	l = tval_list();
	tval_push(l, S_item("un", 1, 1));
	tval_push(l, S_item("<deux>", 2, 0));
	tval_push(l, S_item("trois & quatre", 3.5, 1));
	tval_set(ctx, "l", l);
	l = tval_list();
	tval_push(l, tval_str("x"));
	tval_push(l, tval_num(2));
	tval_push(l, tval_null());
	tval_push(l, tval_bool(1));
	tval_set(ctx, "v", l);
	deep = tval_map();
	tval_set_str(deep, "c", "deep");
	m = tval_map();
	tval_set(m, "b", deep);
	tval_set_str(m, "s", "m.s");
	tval_set(ctx, "m", m);
	atexit(S_free_ctx);
}

static char *
S_partial(void *arg, const char *name, char **file)
{
	if (strcmp(name, "missing") == 0)
		return NULL;
	*file = xstrdup("partials/fuzz.mustache");
	return xstrdup(arg);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct diags	 d;
	struct tpl	*t;
	struct buf	 out;
	char		*src;
	int		 ok;

	if (ctx == NULL)
		S_make_ctx();
	src = xstrndup((const char *)data, size);
	diags_init(&d);
	buf_init(&out);
	buf_puts(&out, "prefix");
	if ((t = tpl_parse(src, "fuzz.mustache", &d)) == NULL) {
		if (d.errors == 0)
			abort();
	} else {
		ok = tpl_render(t, ctx, S_partial, src, &out, &d);
		if (!ok && (d.errors == 0 || out.len != 6 ||
		    strcmp(buf_cstr(&out), "prefix") != 0))
			abort();
		if (ok && strncmp(buf_cstr(&out), "prefix", 6) != 0)
			abort();
		/* A NULL context and no partial callback are allowed too. */
		buf_reset(&out);
		(void)tpl_render(t, NULL, NULL, NULL, &out, &d);
		tpl_free(t);
	}
	buf_free(&out);
	diags_free(&d);
	free(src);
	return 0;
}
