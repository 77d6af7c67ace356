/*
 * main.c — the command line of annuaire: options, usage, printing of
 * diagnostics, exit status, and the atomic replacement of out/.
 * The only file that prints or exits.
 *
 * Exit status: 0 success (warnings allowed), 1 errors in the content
 * (or theme), 2 usage or I/O problem.
 */
#define _GNU_SOURCE	/* renameat2 */
#include <sys/file.h>
#include <sys/stat.h>

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "booklet.h"
#include "diag.h"
#include "html.h"
#include "i18n.h"
#include "load.h"
#include "model.h"
#include "new.h"
#include "util.h"

#ifndef ANNUAIRE_VERSION
#define	ANNUAIRE_VERSION "1.0.0"
#endif
#ifndef ANNUAIRE_DATADIR
#define	ANNUAIRE_DATADIR "/usr/local/share/annuaire"
#endif

#define	EXIT_CONTENT	1
#define	EXIT_USAGE	2

/* Options shared by the subcommands. */
struct opts {
	const char	*content;	/* -C: the content folder */
	const char	*out;		/* -o: the output folder */
	const char	*theme;		/* --theme */
	const char	*layout_dump;	/* --layout-dump */
	int		 bleed;		/* --bleed */
	int		 partners;	/* --edition partenaires */
	int		 no_pdf;	/* --no-pdf */
	int		 quiet;		/* -q */
};

static const char *progname = "annuaire";

static const char usage_main[] = N_(
"usage: annuaire [--help] [--version] COMMAND [OPTIONS]\n"
"\n"
"Turn a folder of partner pages (content/) into a static website\n"
"(out/site/) and a printable PDF booklet (out/livret.pdf).\n"
"\n"
"Commands:\n"
"  build    check the content, then write out/site/ and the booklets\n"
"  check    check the content and report every problem; write nothing\n"
"  new      create content/partenaires/<slug>.md from a template\n"
"  help     show the help of a command: annuaire help build\n"
"\n"
"Exit status: 0 success (warnings allowed), 1 errors in the content,\n"
"2 usage or input/output problem.\n"
"See annuaire(1), annuaire(5) and docs/guide-partenaires.md.\n");

static const char usage_build[] = N_(
"usage: annuaire build [-q] [-C DIR] [-o OUT] [--theme DIR] [--bleed]\n"
"                      [--edition partenaires] [--no-pdf]\n"
"                      [--layout-dump FILE]\n"
"\n"
"Check the content folder, then write, only if it has no error:\n"
"  OUT/site/                  the static website (open OUT/site/index.html)\n"
"  OUT/livret.pdf             the A5 booklet in reading order (also in the site)\n"
"  OUT/livret-impression.pdf  the same pages imposed two per A4 sheet, to\n"
"                             print duplex and fold (saddle stitch)\n"
"Everything is built in a temporary folder inside OUT and swapped into\n"
"place at the end: a failed build leaves OUT as it was.  Two builds\n"
"cannot write the same OUT at once (OUT/.annuaire.lock).\n"
"\n"
"Options:\n"
"  -C DIR                 content folder (default: content)\n"
"  -o OUT                 output folder (default: out)\n"
"  --theme DIR            theme folder; files it lacks come from the\n"
"                         default theme\n"
"  --bleed                also write OUT/livret-imprimeur.pdf for a print\n"
"                         shop: 3 mm bleed, TrimBox/BleedBox, crop marks\n"
"  --edition partenaires  also write OUT/livret-partenaires.pdf, which\n"
"                         prints the named contacts (never published in\n"
"                         the site)\n"
"  --no-pdf               write the site only\n"
"  --layout-dump FILE     write the booklet's layout as text (for tests)\n"
"  -q                     print only problems\n");

static const char usage_check[] = N_(
"usage: annuaire check [-C DIR]\n"
"\n"
"Load and validate the content folder (default: content): site.yaml and\n"
"every partenaires/*.md.  Print every problem of every file, as\n"
"  content/partenaires/x.md:LINE:COL: error: message\n"
"then a summary line.  Writes nothing.\n"
"Exit status: 0 no error (warnings allowed), 1 errors, 2 usage or I/O.\n");

static const char usage_new[] = N_(
"usage: annuaire new [-C DIR] \"Nom du partenaire\"\n"
"\n"
"Create DIR/partenaires/<slug>.md (default DIR: content) from a template\n"
"that lists every field with a short comment in French.  The slug is made\n"
"from the name (\"Secours populaire\" -> secours-populaire).  Never\n"
"overwrites an existing file.\n");

static const char usage_help[] = N_(
"usage: annuaire help [COMMAND]\n");

static void
S_usage(FILE *f, const char *text)
{
	fputs(_(text), f);
}

static int
S_usage_error(const char *text, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static int
S_usage_error(const char *text, const char *fmt, ...)
{
	va_list	 ap;

	fprintf(stderr, "%s: ", progname);
	va_start(ap, fmt);
	vfprintf(stderr, _(fmt), ap);
	va_end(ap);
	fputc('\n', stderr);
	S_usage(stderr, text);
	return EXIT_USAGE;
}

static void
S_say(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Print "annuaire: " then the translated message (i18n.h) on stderr. */
static void
S_say(const char *fmt, ...)
{
	va_list	 ap;

	fprintf(stderr, "%s: ", progname);
	va_start(ap, fmt);
	vfprintf(stderr, _(fmt), ap);
	va_end(ap);
}

/* Print the diagnostics, sorted. */
static void
S_flush(struct diags *d)
{
	diags_sort(d);
	diags_print(d, stderr);
}

/*
 * The default theme, first found of: ./themes/default (run from a
 * checkout); beside the program or one folder up (a checkout run from
 * elsewhere: ./annuaire or build/annuaire); ../share/annuaire/ beside
 * the program (an installed copy, even moved); the configured DATADIR.
 * The result is static storage.
 */
static const char *
S_default_theme(void)
{
	static const char *const rel[] = { "/themes/default",
	    "/../themes/default", "/../share/annuaire/themes/default" };
	static char	 path[4096];
	struct stat	 st;
	ssize_t		 n;
	char		*slash;
	size_t		 i;

	if (stat("themes/default", &st) == 0 && S_ISDIR(st.st_mode))
		return "themes/default";
	n = readlink("/proc/self/exe", path, sizeof(path) - 1);
	if (n > 0 && (size_t)n < sizeof(path) - 64) {
		path[n] = '\0';
		if ((slash = strrchr(path, '/')) != NULL) {
			for (i = 0; i < sizeof(rel) / sizeof(rel[0]); i++) {
				strcpy(slash, rel[i]);
				if (stat(path, &st) == 0 && S_ISDIR(st.st_mode))
					return path;
			}
		}
	}
	return ANNUAIRE_DATADIR "/themes/default";
}

enum { OPT_THEME = 256, OPT_BLEED, OPT_EDITION, OPT_NOPDF, OPT_DUMP,
    OPT_HELP };

static const struct option longopts[] = {
	{ "help", no_argument, NULL, OPT_HELP },
	{ "theme", required_argument, NULL, OPT_THEME },
	{ "bleed", no_argument, NULL, OPT_BLEED },
	{ "edition", required_argument, NULL, OPT_EDITION },
	{ "no-pdf", no_argument, NULL, OPT_NOPDF },
	{ "layout-dump", required_argument, NULL, OPT_DUMP },
	{ NULL, 0, NULL, 0 }
};

/*
 * Parse the options of a subcommand.  `allowed` lists the short option
 * letters and "T" (theme), "B" (bleed), "E" (edition), "P" (no-pdf),
 * "D" (dump) for the long ones.  Returns -1 when parsing succeeded,
 * else the exit status.
 */
static int
S_getopt(int argc, char *argv[], const char *allowed, const char *usage,
    struct opts *o)
{
	int	 c, li;
	char	 key, opt[64];

	optind = 1;
	opterr = 0;
	while ((li = -1, c = getopt_long(argc, argv, "+:C:o:qh", longopts,
	    &li)) != -1) {
		/*
		 * The option as written, for messages: argv[optind - 1] is
		 * not it for a letter inside a group ("-qx") nor for a long
		 * option followed by its argument ("--theme DIR").  getopt
		 * sets li only for a long option it accepts; after an error,
		 * optopt is the letter, or argv[optind - 1] the long option.
		 */
		if (li >= 0)
			snprintf(opt, sizeof(opt), "--%s", longopts[li].name);
		else if (c != ':' && c != '?')
			snprintf(opt, sizeof(opt), "-%c", c);
		else if (optopt > 0 && optopt < 256)
			snprintf(opt, sizeof(opt), "-%c", optopt);
		else
			snprintf(opt, sizeof(opt), "%s", argv[optind - 1]);
		switch (c) {
		case 'C': key = 'C'; break;
		case 'o': key = 'o'; break;
		case 'q': key = 'q'; break;
		case 'h': case OPT_HELP:
			S_usage(stdout, usage);
			return 0;
		case OPT_THEME: key = 'T'; break;
		case OPT_BLEED: key = 'B'; break;
		case OPT_EDITION: key = 'E'; break;
		case OPT_NOPDF: key = 'P'; break;
		case OPT_DUMP: key = 'D'; break;
		case ':':
			return S_usage_error(usage, "option requires an argument: %s",
			    opt);
		default:
			if (optopt >= 256)	/* "--bleed=yes" */
				return S_usage_error(usage, "option takes no "
				    "argument: %s", opt);
			return S_usage_error(usage, "unknown option: %s", opt);
		}
		if (strchr(allowed, key) == NULL)
			return S_usage_error(usage, "option not valid here: %s",
			    opt);
		switch (key) {
		case 'C': o->content = optarg; break;
		case 'o': o->out = optarg; break;
		case 'q': o->quiet = 1; break;
		case 'T': o->theme = optarg; break;
		case 'B': o->bleed = 1; break;
		case 'P': o->no_pdf = 1; break;
		case 'D': o->layout_dump = optarg; break;
		case 'E':
			if (strcmp(optarg, "partenaires") == 0)
				o->partners = 1;
			else if (strcmp(optarg, "public") != 0)
				return S_usage_error(usage,
				    "--edition takes 'public' or 'partenaires', not '%s'",
				    optarg);
			break;
		}
	}
	return -1;
}

/*
 * Load and validate; print the diagnostics and the summary.  Returns
 * the site when there is no error, else NULL with *status set.
 */
static struct site *
S_load(const struct opts *o, struct diags *d, int *status)
{
	struct site	*site;
	char		*summary;

	site = load_content(o->content, d);
	S_flush(d);
	summary = load_summary(d, site ? site->npages : 0);
	if (!o->quiet || d->errors || d->warnings)
		fprintf(stderr, "%s\n", summary);
	free(summary);
	*status = d->errors ? EXIT_CONTENT : 0;
	diags_free(d);
	diags_init(d);
	if (site == NULL) {
		*status = EXIT_USAGE;
		return NULL;
	}
	if (*status != 0) {
		model_free(site);
		return NULL;
	}
	return site;
}

static int
cmd_check(int argc, char *argv[])
{
	struct opts	 o = { .content = "content" };
	struct diags	 d;
	struct site	*site;
	int		 rc;

	if ((rc = S_getopt(argc, argv, "C", usage_check, &o)) >= 0)
		return rc;
	if (optind != argc)
		return S_usage_error(usage_check, "unexpected argument: %s",
		    argv[optind]);
	diags_init(&d);
	site = S_load(&o, &d, &rc);
	model_free(site);
	diags_free(&d);
	return rc;
}

static int
cmd_new(int argc, char *argv[])
{
	struct opts	 o = { .content = "content" };
	struct diags	 d;
	char		*path = NULL;
	int		 rc;

	if ((rc = S_getopt(argc, argv, "C", usage_new, &o)) >= 0)
		return rc;
	if (optind + 1 != argc)
		return S_usage_error(usage_new, "%s",
		    optind == argc ? _("missing the partner's name") :
		    _("too many arguments (put the name in quotes)"));
	diags_init(&d);
	if (!new_partner(o.content, argv[optind], &path, &d)) {
		/* An existing page is a content matter; the rest usage or I/O. */
		rc = errno == EEXIST ? EXIT_CONTENT : EXIT_USAGE;
		S_flush(&d);
	} else {
		S_flush(&d);
		printf("%s\n", path);
		S_say("created %s: fill it in, then run 'annuaire check'\n",
		    path);
		rc = 0;
	}
	free(path);
	diags_free(&d);
	return rc;
}

/*
 * Move the finished stage/NAME into out/NAME, atomically for each
 * entry: a folder is exchanged with the old one (renameat2
 * RENAME_EXCHANGE) and the old one removed; a file is renamed over the
 * old one.
 */
static int
S_install(const char *stage, const char *out, const char *name,
    struct diags *d)
{
	char		*from = path_join(stage, name);
	char		*to = path_join(out, name);
	char		*old = NULL;
	struct stat	 st;
	int		 ok = 1;

	if (lstat(from, &st) == -1) {
		/* Not produced by this build (e.g. --no-pdf): keep the old one. */
		goto done;
	}
	if (S_ISDIR(st.st_mode) && access(to, F_OK) == 0) {
		if (renameat2(AT_FDCWD, from, AT_FDCWD, to, RENAME_EXCHANGE) == 0)
			goto done; /* `from` holds the old tree: removed with the stage */
		if (errno != EINVAL && errno != ENOSYS) {
			diag_error(d, to, 0, 0, "cannot replace: %s",
			    strerror(errno));
			ok = 0;
			goto done;
		}
		/*
		 * A file system without RENAME_EXCHANGE (some network shares):
		 * move the old tree aside into the stage, then the new one in,
		 * putting the old one back if that fails.
		 */
		old = path_join(stage, ".old");
		if (rename(to, old) == -1) {
			diag_error(d, to, 0, 0, "cannot replace: %s",
			    strerror(errno));
			ok = 0;
		} else if (rename(from, to) == -1) {
			diag_error(d, to, 0, 0, "cannot replace: %s",
			    strerror(errno));
			(void)rename(old, to);
			ok = 0;
		}
	} else if (rename(from, to) == -1) {
		diag_error(d, to, 0, 0, "cannot write: %s", strerror(errno));
		ok = 0;
	}
done:
	free(from);
	free(to);
	free(old);
	return ok;
}

/*
 * Take the build lock of OUT (OUT/.annuaire.lock, flock), so that two
 * builds never write the same folder at once; then remove the staging
 * folders (.build-*) that an interrupted build may have left, since
 * with the lock held no other build owns them.  Returns the lock's
 * descriptor (closing it releases the lock), or -1 with a diagnostic.
 */
static int
S_lock_out(const char *out, struct diags *d)
{
	char		*lock = path_join(out, ".annuaire.lock"), *stale;
	DIR		*dir;
	struct dirent	*e;
	int		 fd;

	if ((fd = open(lock, O_RDWR | O_CREAT | O_CLOEXEC, 0644)) == -1) {
		diag_error(d, lock, 0, 0, "cannot create: %s", strerror(errno));
		free(lock);
		return -1;
	}
	if (flock(fd, LOCK_EX | LOCK_NB) == -1) {
		if (errno == EWOULDBLOCK)
			diag_error(d, out, 0, 0, "another build is writing this "
			    "folder: wait until it ends, then try again");
		else
			diag_error(d, lock, 0, 0, "cannot lock: %s",
			    strerror(errno));
		close(fd);
		free(lock);
		return -1;
	}
	free(lock);
	if ((dir = opendir(out)) != NULL) {
		while ((e = readdir(dir)) != NULL) {
			if (strncmp(e->d_name, ".build-", 7) != 0)
				continue;
			stale = path_join(out, e->d_name);
			(void)remove_tree(stale);
			free(stale);
		}
		closedir(dir);
	}
	return fd;
}

static int
S_copy_file(const char *from, const char *to, struct diags *d)
{
	char	*data;
	size_t	 len;
	int	 ok;

	if (!file_read(from, (size_t)1 << 30, &data, &len)) {
		diag_error(d, from, 0, 0, "cannot read: %s", strerror(errno));
		return 0;
	}
	if (!(ok = file_write(to, data, len)))
		diag_error(d, to, 0, 0, "cannot write: %s", strerror(errno));
	free(data);
	return ok;
}

static int
cmd_build(int argc, char *argv[])
{
	struct opts	 o = { .content = "content", .out = "out" };
	struct diags	 d;
	struct site	*site = NULL;
	struct html_opts ho;
	struct booklet_opts bo;
	char		*stage = NULL, *sitedir = NULL, *p1 = NULL, *p2 = NULL,
			*p3 = NULL, *p4 = NULL, *insite = NULL;
	int		 rc, ok = 1, lockfd = -1, partial = 0;
	size_t		 i;
	static const char *const outputs[] = { "site", "livret.pdf",
	    "livret-impression.pdf", "livret-imprimeur.pdf",
	    "livret-partenaires.pdf" };

	if ((rc = S_getopt(argc, argv, "CoqTBEPD", usage_build, &o)) >= 0)
		return rc;
	if (optind != argc)
		return S_usage_error(usage_build, "unexpected argument: %s",
		    argv[optind]);
	diags_init(&d);
	if ((site = S_load(&o, &d, &rc)) == NULL)
		goto out;

	memset(&ho, 0, sizeof(ho));
	memset(&bo, 0, sizeof(bo));
	ho.default_theme_dir = bo.default_theme_dir = S_default_theme();
	ho.theme_dir = bo.theme_dir = o.theme ? o.theme : ho.default_theme_dir;
	bo.layout_dump = o.layout_dump;
	if (access(ho.theme_dir, R_OK | X_OK) == -1) {
		diag_error(&d, ho.theme_dir, 0, 0, "cannot open the theme: %s",
		    strerror(errno));
		rc = EXIT_USAGE;
		goto out;
	}

	/* Stage everything in a fresh folder inside OUT (same file system). */
	if (!mkdir_p(o.out)) {
		diag_error(&d, o.out, 0, 0, "cannot create: %s", strerror(errno));
		rc = EXIT_USAGE;
		goto out;
	}
	if ((lockfd = S_lock_out(o.out, &d)) == -1) {
		rc = EXIT_USAGE;
		goto out;
	}
	stage = path_join(o.out, ".build-XXXXXX");
	if (mkdtemp(stage) == NULL) {
		diag_error(&d, o.out, 0, 0, "cannot create a temporary folder: %s",
		    strerror(errno));
		free(stage);
		stage = NULL;
		rc = EXIT_USAGE;
		goto out;
	}
	sitedir = path_join(stage, "site");
	if (mkdir(sitedir, 0777) == -1) {
		diag_error(&d, sitedir, 0, 0, "cannot create: %s", strerror(errno));
		rc = EXIT_USAGE;
		goto out;
	}

	if (!o.no_pdf) {
		p1 = path_join(stage, "livret.pdf");
		p2 = path_join(stage, "livret-impression.pdf");
		if (o.bleed)
			bo.bleed_path = p3 = path_join(stage,
			    "livret-imprimeur.pdf");
		ok = booklet_build(site, &bo, p1, p2, &d);
		bo.layout_dump = NULL;
		bo.bleed_path = NULL;
		if (ok && o.partners) {
			p4 = path_join(stage, "livret-partenaires.pdf");
			bo.partners_edition = 1;
			ok = booklet_build(site, &bo, p4, NULL, &d);
		}
		ho.booklet_name = "livret.pdf";
	}
	if (ok)
		ok = html_build(site, &ho, sitedir, &d);
	if (ok && !o.no_pdf) {
		insite = path_join(sitedir, "livret.pdf");
		ok = S_copy_file(p1, insite, &d);
	}
	if (!ok) {
		rc = d.errors ? EXIT_CONTENT : EXIT_USAGE;
		goto out;
	}
	for (i = 0; i < sizeof(outputs) / sizeof(outputs[0]); i++)
		if (!S_install(stage, o.out, outputs[i], &d))
			break;
	ok = i == sizeof(outputs) / sizeof(outputs[0]);
	partial = !ok && i > 0;	/* site/, always built, was replaced */
	rc = ok ? 0 : EXIT_USAGE;
	if (ok && !o.quiet) {
		S_say("wrote %s/site/", o.out);
		if (!o.no_pdf)
			fprintf(stderr, ", %s/livret.pdf, %s/livret-impression.pdf",
			    o.out, o.out);
		if (p3)
			fprintf(stderr, ", %s/livret-imprimeur.pdf", o.out);
		if (p4)
			fprintf(stderr, ", %s/livret-partenaires.pdf", o.out);
		fputc('\n', stderr);
	}
out:
	if (stage != NULL && !remove_tree(stage))
		S_say("cannot remove the temporary folder %s\n", stage);
	S_flush(&d);
	if (rc != 0 && site != NULL && partial)
		S_say("build failed while replacing the files of %s/: some "
		    "are new, some old; build again\n", o.out);
	else if (rc != 0 && site != NULL)
		S_say("build failed; %s/ was left as it was\n", o.out);
	model_free(site);
	diags_free(&d);
	free(stage);
	free(sitedir);
	free(p1);
	free(p2);
	free(p3);
	free(p4);
	free(insite);
	if (lockfd != -1)
		close(lockfd);	/* releases the lock */
	return rc;
}

static int cmd_help(int, char *[]);

static const struct command {
	const char	*name;
	int		(*run)(int, char *[]);
	const char	*usage;
} commands[] = {
	{ "build", cmd_build, usage_build },
	{ "check", cmd_check, usage_check },
	{ "new", cmd_new, usage_new },
	{ "help", cmd_help, usage_help },
};

static const struct command *
S_command(const char *name)
{
	size_t	 i;

	for (i = 0; i < sizeof(commands) / sizeof(commands[0]); i++)
		if (strcmp(commands[i].name, name) == 0)
			return &commands[i];
	return NULL;
}

static int
cmd_help(int argc, char *argv[])
{
	const struct command *c;

	if (argc < 2) {
		S_usage(stdout, usage_main);
		return 0;
	}
	if (argc > 2)
		return S_usage_error(usage_help, "too many arguments: %s", argv[2]);
	if ((c = S_command(argv[1])) == NULL)
		return S_usage_error(usage_main, "unknown command: %s", argv[1]);
	S_usage(stdout, c->usage);
	return 0;
}

int
main(int argc, char *argv[])
{
	const struct command *c;

	(void)i18n_init();
	if (argc < 2) {
		S_usage(stderr, usage_main);
		return EXIT_USAGE;
	}
	if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
		S_usage(stdout, usage_main);
		return 0;
	}
	if (strcmp(argv[1], "--version") == 0 || strcmp(argv[1], "-V") == 0) {
		printf("annuaire %s\n", ANNUAIRE_VERSION);
		return 0;
	}
	if ((c = S_command(argv[1])) == NULL)
		return S_usage_error(usage_main, "unknown command: %s", argv[1]);
	return c->run(argc - 1, argv + 1);
}
