/*
 * main.c — the command line of annuaire: options, usage, printing of
 * diagnostics, exit status (the output folder itself: outdir.c).
 * The only file that prints or exits.
 *
 * Exit status: 0 success (warnings allowed), 1 errors in the content
 * (or theme), 2 usage or I/O problem.
 */
#include <sys/stat.h>

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "booklet.h"
#include "campaign.h"
#include "diag.h"
#include "fault.h"
#include "export_di.h"
#include "html.h"
#include "i18n.h"
#include "import.h"
#include "load.h"
#include "lock.h"
#include "model.h"
#include "new.h"
#include "news.h"
#include "outdir.h"
#include "report.h"
#include "serve.h"
#include "spawn.h"
#include "timing.h"
#include "util.h"
#include "validate.h"

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
	int		 timings;	/* --timings */
	int		 quiet;		/* -q */
	int		 nowait;	/* --no-wait */
	int		 nostale;	/* one line for the stale pages */
};

static const char *progname = "annuaire";

static const char usage_main[] = N_(
"usage: annuaire [--help] [--version] COMMAND [OPTIONS]\n"
"\n"
"Turn a folder of partner pages (content/) into a static website\n"
"(out/edition/site/) and a printable PDF booklet (out/edition/livret.pdf).\n"
"\n"
"Commands:\n"
"  build    check the content, then write out/edition/: site and booklets\n"
"  check    check the content and report every problem; write nothing\n"
"  new      create content/partenaires/<slug>.md from a template\n"
"  campaign prepare the yearly requests: forms and e-mail drafts\n"
"  import   merge the pages partners sent back (dry run by default)\n"
"  report   where every partner stands in the campaign\n"
"  export   write the directory as open data: export data-inclusion\n"
"  serve    preview the site and booklets in a browser, rebuilt live\n"
"  help     show the help of a command: annuaire help build\n"
"\n"
"Exit status: 0 success (warnings allowed), 1 errors in the content,\n"
"2 usage or input/output problem.\n"
"See annuaire(1), annuaire(5) and docs/guide-partenaires.md.\n");

static const char usage_build[] = N_(
"usage: annuaire build [-q] [-C DIR] [-o OUT] [--theme DIR] [--bleed]\n"
"                      [--edition partenaires] [--no-pdf]\n"
"                      [--layout-dump FILE] [--timings] [--no-wait]\n"
"\n"
"Check the content folder, then write, only if it has no error, into\n"
"OUT/edition/ (real folders and files):\n"
"  site/                  the static website (open OUT/edition/site/index.html;\n"
"                         copy it anywhere, e.g. cp -r OUT/edition/site DEST)\n"
"  livret.pdf             the A5 booklet in reading order (also in the site)\n"
"  livret-impression.pdf  the same pages imposed two per A4 sheet, to\n"
"                         print duplex and fold (saddle stitch)\n"
"Everything is built in OUT/.annuaire/new, then put in place of\n"
"OUT/edition in one step (an exchange of the two folders).  Stopped at any\n"
"moment, OUT/edition is the previous build or the new one, never a mix;\n"
"booklets this build did not write disappear.  Where the file system\n"
"cannot exchange folders (FAT, some network shares), two renames are\n"
"used: for an instant OUT/edition is absent, and a build stopped then is\n"
"finished by the next one.  Other files in OUT are never touched, and a\n"
"build refuses (exit 2) to replace what annuaire did not write, or a\n"
"symbolic link.  Two builds cannot write the same OUT at once\n"
"(OUT/.annuaire.lock).\n"
"\n"
"Options:\n"
"  -C DIR                 content folder (default: content)\n"
"  -o OUT                 output folder (default: out); OUT must not be\n"
"                         in the content folder\n"
"  --theme DIR            theme folder; files it lacks come from the\n"
"                         default theme\n"
"  --bleed                also write livret-imprimeur.pdf for a print\n"
"                         shop: 3 mm bleed, TrimBox/BleedBox, crop marks\n"
"  --edition partenaires  also write livret-partenaires.pdf, which\n"
"                         prints the named contacts (never published in\n"
"                         the site)\n"
"  --no-pdf               write the site only\n"
"  --layout-dump FILE     write the booklet's layout as text (for tests)\n"
"  --timings              print to stderr, after the build, the wall time\n"
"                         and peak memory of each phase (make bench)\n"
"  --no-wait              stop (exit 2) instead of waiting while a campaign\n"
"                         or an import writes DIR\n"
"  -q                     print only problems\n");

static const char usage_check[] = N_(
"usage: annuaire check [-C DIR]\n"
"\n"
"Load and validate the content folder (default: content): site.yaml,\n"
"every partenaires/*.md and synonymes.yaml (the search's thesaurus, if\n"
"any).  Print every problem of every file, as\n"
"  content/partenaires/x.md:LINE:COL: error: message\n"
"then a summary line.  Writes nothing.  Reports everything build would\n"
"refuse (logos are decoded in full) and every warning build prints, such\n"
"as characters the booklet's fonts cannot print.\n"
"Exit status: 0 no error (warnings allowed), 1 errors, 2 usage or I/O.\n");

static const char usage_new[] = N_(
"usage: annuaire new [-C DIR] \"Nom du partenaire\"\n"
"\n"
"Create DIR/partenaires/<slug>.md (default DIR: content) from a template\n"
"that lists every field with a short comment in French.  The slug is made\n"
"from the name (\"Secours populaire\" -> secours-populaire).  Never\n"
"overwrites an existing file.\n");

static const char usage_campaign[] = N_(
"usage: annuaire campaign [-C DIR] [-o OUT] [--theme DIR]\n"
"                         [--echeance AAAA-MM-JJ]\n"
"                         [--only relancer,en_attente,stale,sans_reponse]\n"
"                         [--relance] [--force] [--no-wait] [SLUG...]\n"
"\n"
"Prepare the yearly campaign: for every partner (or the SLUGs named, or\n"
"those chosen by --only or --relance) write into OUT/campagne/ (never\n"
"published):\n"
"  <slug>.html   a self-contained form pre-filled with the page, which\n"
"                downloads the corrected page file <slug>.md\n"
"  <slug>.eml    an e-mail draft (X-Unsent) to the partner's courriel and\n"
"                referents, from the coordination, with the form attached;\n"
"                a reminder for partners already asked\n"
"  campagne.csv  who was asked, when, at which address\n"
"and record the requests in DIR/campagne.yaml (see annuaire(5)).  The\n"
"date of the requests is today, or SOURCE_DATE_EPOCH when set.\n"
"Partners who already answered this campaign are skipped unless named.\n"
"\n"
"Options:\n"
"  -C DIR                content folder (default: content)\n"
"  -o OUT                output folder (default: out)\n"
"  --theme DIR           theme with campagne/courriel.mustache and\n"
"                        campagne/relance.mustache (default theme otherwise)\n"
"  --echeance DATE       the deadline given to partners (default: the\n"
"                        campaign's, or 30 days from today)\n"
"  --only LIST           only partners with suivi relancer or en_attente,\n"
"                        a page older than the edition (stale), or asked\n"
"                        without answer (sans_reponse); comma-separated\n"
"  --relance             only partners asked and not answered: reminders;\n"
"                        OUT/campagne/ then holds only them\n"
"  --force               accept a deadline in the past\n"
"  --no-wait             stop (exit 2) instead of waiting while another\n"
"                        command uses DIR\n");

static const char usage_import[] = N_(
"usage: annuaire import [-C DIR] [--apply] [--accept SLUG] [--as-new SLUG]\n"
"                       [--take SLUG:FIELD] [--keep SLUG:FIELD] [--force]\n"
"                       [--no-wait] INBOX\n"
"\n"
"Merge the pages partners sent back into INBOX (any file names).  Each\n"
"file is checked like 'annuaire check', matched to a partner (file name,\n"
"else nom or sigle) or shown as a new partner, and compared with the\n"
"current page field by field.  Dry run: nothing is written.  INBOX is\n"
"never DIR nor a folder inside it.\n"
"Of several files for one partner, identical ones count once, else the\n"
"latest save of the form wins, else the highest copy number (\" (2)\");\n"
"else none is taken.  An answer without the form's save time gets the\n"
"date of the answer as mise_a_jour.  The form itself, Word, LibreOffice\n"
"or PDF documents, messages and empty files are refused, each named.\n"
"Lines starting with '?' are questions, with '!' conflicts: not applied.\n"
"\n"
"Options:\n"
"  -C DIR    content folder (default: content)\n"
"  --apply   write the pages into DIR/partenaires/ (suivi: ok), archive\n"
"            the previous edition in DIR/archives/<edition>/ and every\n"
"            replaced page, record the answers in DIR/campagne.yaml,\n"
"            move the files taken into INBOX/traités/ and the files\n"
"            refused into INBOX/refusés/ (their partner: \"reçu,\n"
"            inutilisable\", told why by 'campaign --relance')\n"
"  --accept SLUG   apply an answer whose nom or sigle is not the page's\n"
"                  (a renaming) to SLUG's page\n"
"  --as-new SLUG   take that answer as a new partner instead\n"
"  --take SLUG:FIELD  a field both you and the partner changed since the\n"
"                     request: the partner's value (FIELD as shown: nom,\n"
"                     adresse, horaires, body...)\n"
"  --keep SLUG:FIELD  ... yours\n"
"  --force   apply answers to pages modified since the campaign sent\n"
"            them when the page as sent is not kept; the partner's value\n"
"            for every conflict\n"
"  --no-wait stop (exit 2) instead of waiting while another command\n"
"            uses DIR\n"
"Each option may be given several times.\n"
"Exit status: 0, or 1 when a file is invalid, refused or not applied.\n");

static const char usage_report[] = N_(
"usage: annuaire report [-C DIR] [-o OUT] [--format text|csv] [--no-wait]\n"
"\n"
"Print where every partner stands, work to do first: erreurs, à relancer,\n"
"sans réponse, en attente, ancienne, à jour, with the dates asked,\n"
"reminded and answered; then counts per state, category and thématique,\n"
"the links between partners and what pages lack (hours, public, site).\n"
"Also writes OUT/suivi.html (default out/), a printable page that is not\n"
"part of the site.\n"
"\n"
"Options:\n"
"  -C DIR           content folder (default: content)\n"
"  -o OUT           folder of suivi.html (default: out)\n"
"  --format FORMAT  text (default, fits 80 columns) or csv\n"
"  --no-wait        stop (exit 2) instead of waiting while a campaign or\n"
"                   an import writes DIR\n");
static const char usage_export[] = N_(
"usage: annuaire export data-inclusion [-q] [-C DIR] [-o OUT]\n"
"\n"
"Check the content folder, then write, only if it has no error, the\n"
"public part of the directory in the national data\xc2\xb7inclusion schema\n"
"(version 1.0.8), as site.yaml's data_inclusion mapping says:\n"
"  OUT/structures.json, OUT/services.json   one structure per partner,\n"
"  OUT/structures.csv, OUT/services.csv     one service per action\n"
"`build' writes the same files under out/site/data-inclusion/.  Named\n"
"contacts, suivi and note_suivi are never exported.\n"
"\n"
"Options:\n"
"  -C DIR   content folder (default: content)\n"
"  -o OUT   output folder (default: data-inclusion); not inside DIR\n"
"  -q       print only problems\n");

static const char usage_serve[] = N_(
"usage: annuaire serve [-C DIR] [-o OUT] [--theme DIR] [--port N]\n"
"                      [--bind ADDR] [--open] [--poll]\n"
"\n"
"Build the content into a temporary folder of its own (never OUT, never\n"
"DIR, which serve only reads) and serve it on http://127.0.0.1:PORT/:\n"
"the site, /livret.pdf, the partners' booklet (private path), suivi.html\n"
"and OUT/campagne/ when present, and the coordinator's page /_annuaire/\n"
"(errors, campaign state per partner, links to each partner's page, form\n"
"and booklet page).  On every change of DIR or of the theme the site is\n"
"rebuilt, then the booklets, and open pages reload by themselves; while\n"
"the content has errors, every page shows them over the last good build.\n"
"Ctrl-C stops it and removes the temporary folder.\n"
"\n"
"Options:\n"
"  -C DIR       content folder (default: content)\n"
"  -o OUT       where campagne/ is read from (default: out; not written)\n"
"  --theme DIR  theme folder (also watched)\n"
"  --port N     port (default: the first free from 8080)\n"
"  --bind ADDR  address to listen on (default: 127.0.0.1, this machine\n"
"               only); any other lets the network in: a warning says so\n"
"  --open       open the preview in the browser (xdg-open)\n"
"  --poll       watch the files by polling them every half second, as\n"
"               serve does by itself on network shares and on Windows\n"
"               drives seen from WSL (/mnt/c), where inotify misses changes\n");

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

/*
 * Print a command's text output: the values it quotes escaped
 * (buf_escape()), its lines kept.
 */
static void
S_print_text(const struct buf *b, FILE *f)
{
	struct buf	 e;

	buf_init(&e);
	buf_escape(&e, buf_cstr(b), b->len, ESC_KEEP_LINES);
	fputs(buf_cstr(&e), f);
	buf_free(&e);
}

/* Print the diagnostics, sorted. */
static void
S_print_diags(struct diags *d)
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
    OPT_TIMINGS, OPT_HELP, OPT_NOWAIT };

static const struct option longopts[] = {
	{ "help", no_argument, NULL, OPT_HELP },
	{ "theme", required_argument, NULL, OPT_THEME },
	{ "bleed", no_argument, NULL, OPT_BLEED },
	{ "edition", required_argument, NULL, OPT_EDITION },
	{ "no-pdf", no_argument, NULL, OPT_NOPDF },
	{ "layout-dump", required_argument, NULL, OPT_DUMP },
	{ "timings", no_argument, NULL, OPT_TIMINGS },
	{ "no-wait", no_argument, NULL, OPT_NOWAIT },
	{ NULL, 0, NULL, 0 }
};

/*
 * Parse the options of a subcommand.  `allowed` lists the short option
 * letters and "T" (theme), "B" (bleed), "E" (edition), "P" (no-pdf),
 * "D" (dump), "M" (timings), "W" (no-wait) for the long ones.  Returns -1 when parsing succeeded,
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
		case OPT_TIMINGS: key = 'M'; break;
		case OPT_NOWAIT: key = 'W'; break;
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
		case 'M': o->timings = 1; break;
		case 'W': o->nowait = 1; break;
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
 * Take the lock of the content folder (lock.h) for command cmd, before
 * anything of it is read.  When another command holds it: say so and
 * wait, or with nowait stop.  Returns -1 when the lock is taken (or the
 * folder is missing: the loader says it), else the exit status.
 */
static int
S_content_lock(struct lock *l, const char *content, enum lock_mode mode,
    int nowait)
{
	char	*cmd = NULL;
	pid_t	 pid;

	if (!lock_open(l, content, mode))
		return errno == ENOENT || errno == ENOTDIR ? -1 : (S_say(
		    "cannot open the content folder %s: %s\n", content,
		    strerror(errno)), EXIT_USAGE);
	if (lock_try(l))
		return -1;
	if (errno != EWOULDBLOCK) {
		S_say("cannot lock the content folder %s: %s\n", content,
		    strerror(errno));
		lock_close(l);
		return EXIT_USAGE;
	}
	pid = lock_holder(l, &cmd);
	if (cmd != NULL) {
		char *e = str_escape(cmd);

		free(cmd);
		cmd = e;
	}
	if (nowait) {
		S_say("another annuaire command is using %s (pid %ld: %s): "
		    "try again once it has ended (or without --no-wait, to "
		    "wait for it)\n", content, (long)pid, cmd ? cmd : "?");
		free(cmd);
		lock_close(l);
		return EXIT_USAGE;
	}
	S_say("another annuaire command is using %s (pid %ld: %s), "
	    "waiting for it to end...\n", content, (long)pid, cmd ? cmd : "?");
	free(cmd);
	if (!lock_wait(l)) {
		S_say("cannot lock the content folder %s: %s\n", content,
		    strerror(errno));
		lock_close(l);
		return EXIT_USAGE;
	}
	return -1;
}

/*
 * Under the exclusive lock: remove what a campaign or an import that
 * was stopped left in the content folder (lock_sweep()), and say so.
 */
static void
S_leftovers(const char *content)
{
	struct diags	 d;
	size_t		 n;

	diags_init(&d);
	n = lock_sweep(content, &d);
	S_print_diags(&d);
	diags_free(&d);
	if (n > 0) {
		fprintf(stderr, "%s: ", progname);
		fprintf(stderr, ngettext("removed %zu temporary file left in "
		    "%s by a command that was stopped\n", "removed %zu "
		    "temporary files left in %s by a command that was "
		    "stopped\n", n), n, content);
	}
}

/*
 * campaign and import: the warnings of pages last checked before the
 * edition (check, build and report list them) are taken out of d; one
 * line says how many there were.
 */
static void
S_drop_stale(const struct site *s, struct diags *d)
{
	const struct partner *p;
	size_t		 i, j, k, n = 0;

	for (i = 0; s != NULL && i < s->npartners; i++) {
		p = &s->partners[i];
		if (s->edition <= 0 || p->mise_a_jour.y >= s->edition)
			continue;
		for (j = k = 0; j < d->n; j++) {
			if (d->v[j].sev == DIAG_WARNING && d->v[j].file &&
			    strcmp(d->v[j].file, p->path) == 0 &&
			    d->v[j].line == p->mise_a_jour_pos.line &&
			    d->v[j].col == p->mise_a_jour_pos.col) {
				free(d->v[j].file);
				free(d->v[j].msg);
				d->warnings--;
				n++;
				continue;
			}
			d->v[k++] = d->v[j];
		}
		d->n = k;
	}
	if (n > 0) {
		fprintf(stderr, "%s: ", progname);
		fprintf(stderr, ngettext("%zu page was last checked before the "
		    "%d edition (annuaire check lists it)\n", "%zu pages were "
		    "last checked before the %d edition (annuaire check lists "
		    "them)\n", n), n, s->edition);
	}
}

/*
 * Load and validate; print the diagnostics and the summary.  Returns
 * the site when there is no error, else NULL with *status set.  With
 * fonts non-NULL, *fonts is set to the booklet's fonts opened for the
 * check (NULL with --no-pdf or on error): the build reuses them.  With
 * news non-NULL, the changes since the previous edition's archive are
 * computed into it (zeroed on error): what the archive gives to say is
 * said with the rest, and counted in the summary.
 */
static struct site *
S_load(const struct opts *o, struct diags *d, int *status,
    struct fonts **fonts, struct news *news)
{
	struct site	*site;
	struct fonts	*fs = NULL;
	char		*summary;
	int		 archive_ok = 1;

	if (news != NULL)
		memset(news, 0, sizeof(*news));
	site = load_content(o->content, d);
	if (site != NULL && news != NULL)
		archive_ok = news_compute(site, news, d);
	if (site != NULL && !o->no_pdf) {
		/* What the booklet's fonts cannot print: check says it too. */
		struct booklet_opts bo = { 0 };

		bo.default_theme_dir = S_default_theme();
		bo.theme_dir = o->theme ? o->theme : bo.default_theme_dir;
		fs = booklet_check(site, &bo, d);
	}
	if (fonts != NULL && site != NULL && d->errors == 0)
		*fonts = fs;
	else
		booklet_fonts_close(fs);
	if (o->nostale)
		S_drop_stale(site, d);
	S_print_diags(d);
	summary = load_summary(d, site ? site->npages : 0);
	if (!o->quiet || d->errors || d->warnings)
		fprintf(stderr, "%s\n", summary);
	free(summary);
	*status = site == NULL || !archive_ok ? EXIT_USAGE :
	    d->errors ? EXIT_CONTENT : 0;
	diags_free(d);
	diags_init(d);
	if (*status != 0) {
		if (news != NULL)
			news_free(news);
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
	struct news	 news;
	int		 rc;

	if ((rc = S_getopt(argc, argv, "C", usage_check, &o)) >= 0)
		return rc;
	if (optind != argc)
		return S_usage_error(usage_check, "unexpected argument: %s",
		    argv[optind]);
	diags_init(&d);
	site = S_load(&o, &d, &rc, NULL, &news);
	news_free(&news);	/* zeroed when site is NULL */
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
		S_print_diags(&d);
	} else {
		S_print_diags(&d);
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
 * Copy the booklet from to to in pieces: it may pass a gigabyte (at
 * 100 000 partners it is one), so it is neither read whole nor capped.
 * A full disk (fault_enospc() included) fails like file_write().
 */
static int
S_copy_file(const char *from, const char *to, struct diags *d)
{
	FILE	*in, *out;
	char	*piece;
	size_t	 n;
	int	 err = 0, rerr = 0;

	if ((in = fopen(from, "rb")) == NULL) {
		diag_error(d, from, 0, 0, "cannot read: %s", strerror(errno));
		return 0;
	}
	if ((out = fopen(to, "wb")) == NULL) {
		diag_error(d, to, 0, 0, "cannot write: %s", strerror(errno));
		fclose(in);
		return 0;
	}
	piece = xmalloc(1 << 20);
	if (fault_enospc())	/* tests: a full disk */
		err = ENOSPC;
	while (err == 0 && (n = fread(piece, 1, 1 << 20, in)) > 0)
		if (fwrite(piece, 1, n, out) != n)
			err = errno;
	if (err == 0 && ferror(in)) {
		diag_error(d, from, 0, 0, "cannot read: %s", strerror(errno));
		rerr = 1;
	}
	if (fclose(out) != 0 && err == 0)
		err = errno;
	if (err != 0)
		diag_error(d, to, 0, 0, "cannot write: %s", strerror(err));
	fclose(in);
	free(piece);
	return err == 0 && !rerr;
}

/*
 * How many processes a build may use: ANNUAIRE_JOBS when it is a
 * number from 1, else 2 when the machine has more than one processor.
 * With 2 or more the booklets are written by child processes while the
 * site is written here (the public booklet and its imposed PDF, the
 * partners' booklet, each in its own), and the site's network drawing
 * is laid out on a thread; 1 does all of it one after the other (the
 * same bytes either way).
 */
static int
S_jobs(void)
{
	const char	*v = getenv("ANNUAIRE_JOBS");
	char		*end;
	long		 n;

	if (v != NULL && *v != '\0') {
		n = strtol(v, &end, 10);
		if (*end == '\0' && n >= 1)
			return n > 16 ? 16 : (int)n;
	}
	return sysconf(_SC_NPROCESSORS_ONLN) > 1 ? 2 : 1;
}

/* The booklets of a build: the public one, then the partners' one. */
struct S_booklets {
	const struct site	*site;
	struct booklet_opts	*bo;
	const char		*pdf, *imposed, *partners;	/* paths */
	int			 serial;	/* fault points here */
	int			 alone;		/* pdf only (the partners'
						   booklet in its process) */
	struct fonts		**fonts;	/* closed by the last booklet */
};

static int
S_booklets(void *arg, struct diags *d)
{
	struct S_booklets *j = arg;
	int		 ok;

	j->bo->last = j->alone || j->partners == NULL;
	ok = booklet_build(j->site, j->bo, j->pdf, j->imposed, d);
	if (j->bo->last)
		*j->fonts = NULL;
	if (j->alone)
		return ok;
	j->bo->layout_dump = NULL;
	j->bo->bleed_path = NULL;
	fault_crash("booklet");
	if (j->serial)
		fault_point("partners' booklet");
	if (j->partners != NULL) {
		j->bo->partners_edition = 1;
		j->bo->last = 1;
		if (ok)
			ok = booklet_build(j->site, j->bo, j->partners, NULL, d);
		else
			booklet_fonts_close(j->bo->fonts);
		*j->fonts = NULL;
	}
	return ok;
}

/*
 * Prepare job j from the options: the public booklet pdf (with its
 * imposed one) followed by the partners' booklet when partners is
 * set; or, imposed NULL, the partners' booklet pdf alone in its
 * process, bo then being that process's copy of the options.
 */
static void
S_job(struct S_booklets *j, const struct site *site, struct booklet_opts *bo,
    struct fonts **fonts, const char *pdf, const char *imposed,
    const char *partners)
{
	memset(j, 0, sizeof(*j));
	j->site = site;
	j->bo = bo;
	j->pdf = pdf;
	j->imposed = imposed;
	j->partners = partners;
	j->fonts = fonts;
	if (imposed == NULL) {
		j->alone = 1;
		bo->layout_dump = NULL;
		bo->bleed_path = NULL;
		bo->partners_edition = 1;
	}
}

static int	 S_inside(const char *, const char *);

/*
 * Refuse (exit 2) an output folder out that is, or is inside, the
 * content folder, or whose published unit (out/unit, NULL for none)
 * holds the content folder: a command would write into content/ or
 * replace it.
 */
static int
S_apart(const char *out, const char *unit, const char *content,
    const char *usage)
{
	char	*u;
	int	 in;

	if (S_inside(out, content))
		return S_usage_error(usage, "%s is inside the content "
		    "folder %s, which is never written: choose another "
		    "folder", out, content);
	if (unit == NULL)
		return -1;
	u = path_join(out, unit);
	in = S_inside(content, u);
	free(u);
	if (in)
		return S_usage_error(usage, "the content folder %s is inside "
		    "%s/%s, which this command replaces: choose another "
		    "folder", content, out, unit);
	return -1;
}

static int
cmd_build(int argc, char *argv[])
{
	struct opts	 o = { .content = "content", .out = "out" };
	struct diags	 d;
	struct site	*site = NULL;
	struct html_opts ho;
	struct booklet_opts bo;
	struct outdir	 od;
	struct lock	 lk = { .fd = -1 };
	struct news	 news;
	struct spawn	 sp, spp;
	struct S_booklets job, jobp;
	struct booklet_opts bop;
	struct fonts	*fonts = NULL;
	char		*sitedir = NULL, *p1 = NULL, *p2 = NULL,
			*p3 = NULL, *p4 = NULL, *insite = NULL;
	int		 rc, ok = 1, parallel = 0, parallel_p = 0, died = 0;

	memset(&od, 0, sizeof(od));
	memset(&jobp, 0, sizeof(jobp));
	od.outfd = od.metafd = od.lockfd = -1;
	if ((rc = S_getopt(argc, argv, "CoqTBEPDMW", usage_build, &o)) >= 0)
		return rc;
	if (optind != argc)
		return S_usage_error(usage_build, "unexpected argument: %s",
		    argv[optind]);
	if ((rc = S_apart(o.out, OUTDIR_UNIT, o.content, usage_build)) >= 0 ||
	    (rc = S_apart(o.out, ".annuaire", o.content, usage_build)) >= 0)
		return rc;
	if ((rc = S_content_lock(&lk, o.content, LOCK_READ, o.nowait)) >= 0)
		return rc;
	if (o.timings)
		timing_start();
	diags_init(&d);
	memset(&news, 0, sizeof(news));
	if ((site = S_load(&o, &d, &rc, &fonts, &news)) == NULL)
		goto out;

	memset(&ho, 0, sizeof(ho));
	memset(&bo, 0, sizeof(bo));
	ho.news = bo.news = &news;
	bo.fonts = fonts;
	timing_mark("load+validate");
	ho.default_theme_dir = bo.default_theme_dir = S_default_theme();
	ho.jobs = S_jobs();
	ho.theme_dir = bo.theme_dir = o.theme ? o.theme : ho.default_theme_dir;
	bo.layout_dump = o.layout_dump;
	if (access(ho.theme_dir, R_OK | X_OK) == -1) {
		diag_error(&d, ho.theme_dir, 0, 0, "cannot open the theme: %s",
		    strerror(errno));
		rc = EXIT_USAGE;
		goto out;
	}

	/*
	 * Write everything into a fresh generation folder inside OUT, then
	 * publish it with one atomic switch (outdir.h).
	 */
	if (!outdir_open(&od, o.out, &d)) {
		rc = EXIT_USAGE;
		goto out;
	}
	sitedir = outdir_path(&od, "site");
	if (mkdir(sitedir, 0777) == -1) {
		diag_error(&d, sitedir, 0, 0, "cannot create: %s", strerror(errno));
		ok = 0;
	}

	/*
	 * The booklets, then the site; on two cores the booklets are
	 * written by a child process meanwhile (spawn.h).  The bytes, the
	 * diagnostics and their order, the exit status and the fault
	 * points are those of the serial build.
	 */
	if (ok && !o.no_pdf) {
		p1 = outdir_path(&od, "livret.pdf");
		p2 = outdir_path(&od, "livret-impression.pdf");
		if (o.bleed)
			bo.bleed_path = p3 = outdir_path(&od,
			    "livret-imprimeur.pdf");
		if (o.partners)
			p4 = outdir_path(&od, "livret-partenaires.pdf");
		bo.jobs = S_jobs();
		/* The partners' booklet in a process of its own, or after. */
		S_job(&job, site, &bo, &fonts, p1, p2,
		    bo.jobs > 1 ? NULL : p4);
		if (bo.jobs > 1 && p4 != NULL) {
			bop = bo;
			S_job(&jobp, site, &bop, &fonts, p4, NULL, NULL);
		}
		parallel = bo.jobs > 1 && spawn_start(&sp, S_booklets, &job);
		if (parallel && jobp.alone)
			parallel_p = spawn_start(&spp, S_booklets, &jobp);
		if (!parallel) {
			S_job(&job, site, &bo, &fonts, p1, p2, p4);
			job.serial = 1;
			ok = S_booklets(&job, &d);
		}
		ho.booklet_name = "livret.pdf";
	}
	if (parallel) {
		struct diags	 hd, dp;
		int		 hok, r, rp = 1;

		fault_point("partners' booklet");
		fault_point("site");
		diags_init(&hd);
		diags_init(&dp);
		hok = html_build(site, &ho, sitedir, &hd);
		timing_mark("site");
		if (jobp.alone && !parallel_p)
			rp = S_booklets(&jobp, &dp);
		r = spawn_wait(&sp, &d);
		if (parallel_p)
			rp = spawn_wait(&spp, &dp);
		timing_mark("wait:booklets");
		died = r < 0 || rp < 0;
		/*
		 * The serial order: the public booklet, the partners' one,
		 * the site; a failed booklet stops a serial build, so what
		 * came after it is dropped.
		 */
		if ((ok = r > 0)) {
			diags_append(&d, &dp);
			if ((ok = rp > 0)) {
				diags_append(&d, &hd);
				ok = hok;
			}
		}
		diags_free(&dp);
		diags_free(&hd);
	} else {
		fault_point("site");
		if (ok)
			ok = html_build(site, &ho, sitedir, &d);
		timing_mark("site");
	}
	if (ok && !o.no_pdf) {
		insite = path_join(sitedir, "livret.pdf");
		ok = S_copy_file(p1, insite, &d);
	}
	if (ok && !outdir_commit(&od, &d)) {
		rc = EXIT_USAGE;
		goto out;
	}
	timing_mark("publish");
	if (!ok) {
		/* A write that failed (full disk) is an I/O problem. */
		rc = outdir_io_errors(&od, &d) || died || !d.errors ?
		    EXIT_USAGE : EXIT_CONTENT;
		goto out;
	}
	rc = 0;
	if (!o.quiet) {
		struct buf w;

		/* The list of paths is not prose: only "wrote %s" is. */
		buf_init(&w);
		buf_printf(&w, "%s/site/", od.unit);
		if (!o.no_pdf)
			buf_printf(&w, ", %s/livret.pdf, %s/livret-impression.pdf",
			    od.unit, od.unit);
		if (p3)
			buf_printf(&w, ", %s/livret-imprimeur.pdf", od.unit);
		if (p4)
			buf_printf(&w, ", %s/livret-partenaires.pdf", od.unit);
		S_say("wrote %s\n", buf_cstr(&w));
		buf_free(&w);
	}
out:
	outdir_close(&od, &d);
	S_print_diags(&d);
	if (rc != 0 && site != NULL)
		S_say("build failed; %s/ was left as it was\n", o.out);
	if (o.timings) {
		struct buf t;

		/* Fixed format, for bench/run.sh: not translated. */
		buf_init(&t);
		timing_format(&t);
		fputs(buf_cstr(&t), stderr);
		buf_free(&t);
	}
	news_free(&news);
	booklet_fonts_close(fonts);
	model_free(site);
	diags_free(&d);
	lock_close(&lk);
	free(sitedir);
	free(p1);
	free(p2);
	free(p3);
	free(p4);
	free(insite);
	return rc;
}

/* Today for the campaign commands: SOURCE_DATE_EPOCH, else the clock. */
static long long
S_now(void)
{
	return build_epoch((long long)time(NULL));
}

enum { OPT_ECHEANCE = 300, OPT_ONLY, OPT_RELANCE, OPT_APPLY, OPT_FORCE,
    OPT_FORMAT, OPT_CTHEME, OPT_ACCEPT, OPT_AS_NEW, OPT_TAKE, OPT_KEEP,
    OPT_CNOWAIT };

static const struct option camp_longopts[] = {
	{ "help", no_argument, NULL, 'h' },
	{ "theme", required_argument, NULL, OPT_CTHEME },
	{ "echeance", required_argument, NULL, OPT_ECHEANCE },
	{ "only", required_argument, NULL, OPT_ONLY },
	{ "relance", no_argument, NULL, OPT_RELANCE },
	{ "apply", no_argument, NULL, OPT_APPLY },
	{ "force", no_argument, NULL, OPT_FORCE },
	{ "format", required_argument, NULL, OPT_FORMAT },
	{ "accept", required_argument, NULL, OPT_ACCEPT },
	{ "as-new", required_argument, NULL, OPT_AS_NEW },
	{ "take", required_argument, NULL, OPT_TAKE },
	{ "keep", required_argument, NULL, OPT_KEEP },
	{ "no-wait", no_argument, NULL, OPT_CNOWAIT },
	{ NULL, 0, NULL, 0 }
};

/* Options of campaign, import and report. */
struct copts {
	const char	*content, *out, *theme, *format;
	struct date	 echeance;
	unsigned int	 only;
	int		 relance, apply, force, nowait;
	/* import's decisions, each option as often as needed: slugs
	   (accept, as_new), "slug:field" (take, keep); argv's strings */
	const char	**lists[4];
	size_t		 nlists[4];
};

/* Add optarg to one of import's decision lists (key a, n, t, k). */
static void
S_copts_add(struct copts *o, int which, const char *arg)
{
	o->lists[which] = xreallocarray(o->lists[which], o->nlists[which] + 1,
	    sizeof(*o->lists[which]));
	o->lists[which][o->nlists[which]++] = arg;
}

static void
S_copts_free(struct copts *o)
{
	int	 i;

	for (i = 0; i < 4; i++)
		free(o->lists[i]);
}

/*
 * Parse; `allowed` lists 'C', 'o', and 'T' theme, 'E' echeance, 'O'
 * only, 'R' relance, 'A' apply, 'F' force, 'M' format, 'W' no-wait.
 * Arguments may
 * come before or after the options.  Returns -1 when parsing
 * succeeded, else the exit status.
 */
static int
S_copts(int argc, char *argv[], const char *allowed, const char *usage,
    struct copts *o)
{
	int	 c;
	char	 key, *why = NULL, *bad = NULL;

	optind = 1;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":C:o:h", camp_longopts,
	    NULL)) != -1) {
		switch (c) {
		case 'h':
			S_usage(stdout, usage);
			return 0;
		case 'C': key = 'C'; break;
		case 'o': key = 'o'; break;
		case OPT_CTHEME: key = 'T'; break;
		case OPT_ECHEANCE: key = 'E'; break;
		case OPT_ONLY: key = 'O'; break;
		case OPT_RELANCE: key = 'R'; break;
		case OPT_APPLY: key = 'A'; break;
		case OPT_FORCE: key = 'F'; break;
		case OPT_FORMAT: key = 'M'; break;
		case OPT_ACCEPT: key = 'a'; break;
		case OPT_AS_NEW: key = 'n'; break;
		case OPT_TAKE: key = 't'; break;
		case OPT_KEEP: key = 'k'; break;
		case OPT_CNOWAIT: key = 'W'; break;
		case ':':
			return S_usage_error(usage, "option requires an "
			    "argument: %s", argv[optind - 1]);
		default:
			return S_usage_error(usage, "unknown option: %s",
			    argv[optind - 1]);
		}
		if (strchr(allowed, key) == NULL)
			return S_usage_error(usage, "option not valid here: %s",
			    argv[optind - 1]);
		switch (key) {
		case 'C': o->content = optarg; break;
		case 'o': o->out = optarg; break;
		case 'T': o->theme = optarg; break;
		case 'R': o->relance = 1; break;
		case 'A': o->apply = 1; break;
		case 'F': o->force = 1; break;
		case 'a': S_copts_add(o, 0, optarg); break;
		case 'n': S_copts_add(o, 1, optarg); break;
		case 't':
		case 'k':
			if (strchr(optarg, ':') == NULL)
				return S_usage_error(usage, "--%s %s: expected "
				    "SLUG:FIELD (e.g. tad:transports)", key ==
				    't' ? "take" : "keep", optarg);
			S_copts_add(o, key == 't' ? 2 : 3, optarg);
			break;
		case 'W': o->nowait = 1; break;
		case 'E':
			if (!validate_date(optarg, &o->echeance, &why)) {
				S_usage_error(usage, "--echeance %s: %s", optarg,
				    why);
				free(why);
				return EXIT_USAGE;
			}
			break;
		case 'O':
			if (!campaign_parse_only(optarg, &o->only, &bad)) {
				S_usage_error(usage, "--only: unknown choice "
				    "'%s' (relancer, en_attente, stale, "
				    "sans_reponse)", bad);
				free(bad);
				return EXIT_USAGE;
			}
			break;
		case 'M':
			if (strcmp(optarg, "text") != 0 &&
			    strcmp(optarg, "csv") != 0)
				return S_usage_error(usage, "--format takes "
				    "'text' or 'csv', not '%s'", optarg);
			o->format = optarg;
			break;
		}
	}
	return -1;
}

static int
cmd_campaign(int argc, char *argv[])
{
	struct copts	 o = { .content = "content", .out = "out" };
	struct campaign_opts co;
	struct diags	 d;
	struct site	*site;
	struct buf	 sum;
	struct lock	 lk = { .fd = -1 };
	size_t		 errors;
	int		 rc;

	if ((rc = S_copts(argc, argv, "CoTEORFW", usage_campaign, &o)) >= 0)
		return rc;
	if ((rc = S_apart(o.out, "campagne", o.content, usage_campaign)) >= 0)
		return rc;
	if ((rc = S_content_lock(&lk, o.content, LOCK_WRITE, o.nowait)) >= 0)
		return rc;
	S_leftovers(o.content);
	diags_init(&d);
	/*
	 * A page with errors is left out of the model, so it gets no
	 * request; the others do, and the exit status says 1.
	 */
	if ((site = load_content(o.content, &d)) == NULL) {
		S_print_diags(&d);
		diags_free(&d);
		lock_close(&lk);
		return EXIT_USAGE;
	}
	S_drop_stale(site, &d);
	errors = d.errors;
	if (errors > 0 || d.warnings > 0) {
		char *summary = load_summary(&d, site->npages);

		S_print_diags(&d);
		fprintf(stderr, "%s\n", summary);
		free(summary);
		if (errors > 0)
			S_say("the pages with errors get no request: fix "
			    "them, then run 'annuaire campaign SLUG'\n");
		diags_free(&d);
		diags_init(&d);
	}
	memset(&co, 0, sizeof(co));
	co.out_dir = o.out;
	co.default_theme_dir = S_default_theme();
	co.theme_dir = o.theme ? o.theme : co.default_theme_dir;
	co.now = S_now();
	co.echeance = o.echeance;
	co.only = o.only;
	co.relance = o.relance;
	co.force = o.force;
	co.slugs = argv + optind;
	co.nslugs = (size_t)(argc - optind);
	buf_init(&sum);
	rc = campaign_prepare(site, &co, &sum, &d) ? (errors ? EXIT_CONTENT :
	    0) : EXIT_USAGE;
	S_print_diags(&d);
	if (rc != EXIT_USAGE) {
		S_print_text(&sum, stdout);
		S_say("wrote %s/campagne/ and %s/campagne.yaml\n", o.out,
		    o.content);
	}
	buf_free(&sum);
	model_free(site);
	diags_free(&d);
	lock_close(&lk);
	return rc;
}

static int	 S_inside(const char *, const char *);

static int
cmd_import(int argc, char *argv[])
{
	struct copts	 o = { .content = "content" };
	struct import_opts io;
	struct import_counts k;
	struct diags	 d;
	struct site	*site;
	struct buf	 out;
	struct lock	 lk = { .fd = -1 };
	int		 rc, ok;

	if ((rc = S_copts(argc, argv, "CAFantkW", usage_import, &o)) >= 0) {
		S_copts_free(&o);
		return rc;
	}
	if (optind + 1 != argc) {
		S_copts_free(&o);
		return S_usage_error(usage_import, "%s", optind == argc ?
		    _("missing the folder of pages to import") :
		    _("give one folder of pages to import"));
	}
	/* Its files would be moved into INBOX/traités/, out of the site. */
	if (S_inside(argv[optind], o.content)) {
		S_copts_free(&o);
		return S_usage_error(usage_import, "%s is the content folder %s "
		    "or inside it: import the pages partners sent back from "
		    "another folder (nothing was moved)", argv[optind],
		    o.content);
	}
	/* The pages and campagne.yaml are read under the lock. */
	if ((rc = S_content_lock(&lk, o.content, LOCK_WRITE, o.nowait)) >= 0) {
		S_copts_free(&o);
		return rc;
	}
	S_leftovers(o.content);
	diags_init(&d);
	{
		struct opts lo = { .content = o.content, .quiet = 1,
		    .nostale = 1 };

		if ((site = S_load(&lo, &d, &rc, NULL, NULL)) == NULL) {
			diags_free(&d);
			S_copts_free(&o);
			lock_close(&lk);
			return rc;
		}
	}
	site->no_stale_warning = 1;	/* the answers' own dates */
	memset(&io, 0, sizeof(io));
	io.inbox = argv[optind];
	io.apply = o.apply;
	io.force = o.force;
	io.accept = o.lists[0];
	io.naccept = o.nlists[0];
	io.as_new = o.lists[1];
	io.nas_new = o.nlists[1];
	io.take = o.lists[2];
	io.ntake = o.nlists[2];
	io.keep = o.lists[3];
	io.nkeep = o.nlists[3];
	io.now = S_now();
	buf_init(&out);
	ok = import_run(site, &io, &out, &k, &d);
	S_print_diags(&d);
	S_print_text(&out, stdout);
	if (ok) {
		printf(ngettext("%zu file: %zu changed, %zu confirmed, %zu "
		    "new, %zu invalid, %zu refused, %zu older or identical, "
		    "%zu questions, %zu conflicts\n",
		    "%zu files: %zu changed, %zu confirmed, %zu new, %zu "
		    "invalid, %zu refused, %zu older or identical, %zu "
		    "questions, %zu conflicts\n", k.files),
		    k.files, k.changed, k.confirmed, k.added, k.invalid,
		    k.refused, k.superseded, k.questions, k.conflicts);
		if (!o.apply && k.files > k.invalid)
			printf(_("dry run: nothing written; to apply: annuaire "
			    "import --apply %s\n"), io.inbox);
		else if (o.apply)
			printf(ngettext("applied %zu page into %s/partenaires/\n",
			    "applied %zu pages into %s/partenaires/\n",
			    k.applied), k.applied, o.content);
		if (o.apply && k.applied > 0 && k.edition > site->edition)
			printf(_("note: before building the new edition, set "
			    "'edition: %d' in %s/site.yaml\n"), k.edition,
			    o.content);
	}
	rc = !ok ? EXIT_USAGE : (k.invalid || k.refused || k.questions ||
	    k.conflicts) ? EXIT_CONTENT : 0;
	S_copts_free(&o);
	buf_free(&out);
	model_free(site);
	diags_free(&d);
	lock_close(&lk);
	return rc;
}

static int
cmd_report(int argc, char *argv[])
{
	struct copts	 o = { .content = "content", .out = "out" };
	struct diags	 d, loaded;
	struct site	*site;
	struct buf	 out, html;
	struct date	 today;
	char		*path = NULL;
	struct lock	 lk = { .fd = -1 };
	int		 rc = 0;

	if ((rc = S_copts(argc, argv, "CoMW", usage_report, &o)) >= 0)
		return rc;
	if ((rc = S_apart(o.out, NULL, o.content, usage_report)) >= 0)
		return rc;
	rc = 0;
	if (optind != argc)
		return S_usage_error(usage_report, "unexpected argument: %s",
		    argv[optind]);
	if ((rc = S_content_lock(&lk, o.content, LOCK_READ, o.nowait)) >= 0)
		return rc;
	rc = 0;
	diags_init(&d);
	diags_init(&loaded);
	/* Pages with errors are part of the report, not a failure. */
	if ((site = load_content(o.content, &loaded)) == NULL) {
		S_print_diags(&loaded);
		diags_free(&loaded);
		diags_free(&d);
		lock_close(&lk);
		return EXIT_USAGE;
	}
	date_from_epoch(S_now(), &today);
	buf_init(&out);
	buf_init(&html);
	if (!report_render(site, &loaded, o.format && strcmp(o.format,
	    "csv") == 0 ? REPORT_CSV : REPORT_TEXT, &today, &out, &d) ||
	    !report_render(site, &loaded, REPORT_HTML, &today, &html, &d)) {
		rc = EXIT_CONTENT;
		goto out;
	}
	if (!mkdir_p(o.out)) {
		diag_error(&d, o.out, 0, 0, "cannot create: %s",
		    strerror(errno));
		rc = EXIT_USAGE;
		goto out;
	}
	path = path_join(o.out, "suivi.html");
	if (!file_write(path, html.data ? html.data : "", html.len)) {
		diag_error(&d, path, 0, 0, "cannot write: %s", strerror(errno));
		rc = EXIT_USAGE;
		goto out;
	}
	S_print_text(&out, stdout);
	S_say("wrote the follow-up page %s\n", path);
out:
	S_print_diags(&d);
	free(path);
	buf_free(&out);
	buf_free(&html);
	model_free(site);
	diags_free(&loaded);
	diags_free(&d);
	lock_close(&lk);
	return rc;
}

/*
 * Whether path (which may not exist yet) lies inside folder dir: its
 * deepest existing ancestor resolves under dir's real path.
 */
static int
S_inside(const char *path, const char *dir)
{
	char	*rd = realpath(dir, NULL), *p = xstrdup(path), *rp = NULL,
		*slash;
	size_t	 n;
	int	 in = 0;

	while (rd != NULL && (rp = realpath(p, NULL)) == NULL) {
		if ((slash = strrchr(p, '/')) == NULL) {
			rp = realpath(".", NULL);
			break;
		}
		*slash = '\0';
		if (*p == '\0') {
			rp = xstrdup("/");
			break;
		}
	}
	if (rd != NULL && rp != NULL) {
		n = strlen(rd);
		in = strncmp(rp, rd, n) == 0 && (rp[n] == '\0' || rp[n] == '/');
	}
	free(rd);
	free(rp);
	free(p);
	return in;
}

/* Write data to dir/name through a temporary file renamed into place. */
static int
S_write_atomic(const char *dir, const char *name, const struct buf *b,
    struct diags *d)
{
	char	*to = path_join(dir, name);
	int	 ok;

	if (!(ok = file_write_atomic(to, buf_cstr(b), b->len)))
		diag_error(d, to, 0, 0, "cannot write: %s", strerror(errno));
	free(to);
	return ok;
}

static int
cmd_export(int argc, char *argv[])
{
	struct opts	 o = { .content = "content", .out = "data-inclusion" };
	struct diags	 d;
	struct site	*site = NULL;
	struct buf	 b;
	size_t		 i;
	int		 rc;

	if ((rc = S_getopt(argc, argv, "Coq", usage_export, &o)) >= 0)
		return rc;
	if (optind == argc)
		return S_usage_error(usage_export, "missing the format: "
		    "data-inclusion");
	if (strcmp(argv[optind], "data-inclusion") != 0)
		return S_usage_error(usage_export, "unknown format: %s (the "
		    "one format is data-inclusion)", argv[optind]);
	/* Options may also follow the format: "export data-inclusion -o X". */
	argc -= optind;
	argv += optind;
	if ((rc = S_getopt(argc, argv, "Coq", usage_export, &o)) >= 0)
		return rc;
	if (optind != argc)
		return S_usage_error(usage_export, "unexpected argument: %s",
		    argv[optind]);
	if ((rc = S_apart(o.out, NULL, o.content, usage_export)) >= 0)
		return rc;
	diags_init(&d);
	buf_init(&b);
	if ((site = S_load(&o, &d, &rc, NULL, NULL)) == NULL)
		goto out;
	if (!export_di_enabled(site)) {
		diag_error(&d, site->path, 1, 1, "data_inclusion: missing: add "
		    "the mapping to data\xc2\xb7inclusion (source, "
		    "thematiques, modalites, couts; see annuaire(5))");
		rc = EXIT_CONTENT;
		goto out;
	}
	if (!mkdir_p(o.out)) {
		diag_error(&d, o.out, 0, 0, "cannot create: %s", strerror(errno));
		rc = EXIT_USAGE;
		goto out;
	}
	for (i = 0; i < EXPORT_DI_NFILES; i++) {
		buf_reset(&b);
		export_di_files[i].write(site, &b);
		if (!S_write_atomic(o.out, export_di_files[i].name, &b, &d)) {
			rc = EXIT_USAGE;
			goto out;
		}
	}
	if (!o.quiet)
		S_say("wrote %s/structures.json, services.json, "
		    "structures.csv, services.csv\n", o.out);
out:
	S_print_diags(&d);
	buf_free(&b);
	model_free(site);
	diags_free(&d);
	return rc;
}

enum { OPT_PORT = 400, OPT_BIND, OPT_OPEN, OPT_POLL, OPT_STHEME };

static const struct option serve_longopts[] = {
	{ "help", no_argument, NULL, 'h' },
	{ "theme", required_argument, NULL, OPT_STHEME },
	{ "port", required_argument, NULL, OPT_PORT },
	{ "bind", required_argument, NULL, OPT_BIND },
	{ "open", no_argument, NULL, OPT_OPEN },
	{ "poll", no_argument, NULL, OPT_POLL },
	{ NULL, 0, NULL, 0 }
};

/* serve's messages for the terminal, one line each, after "annuaire: ". */
static void
S_serve_say(const char *fmt, ...)
{
	va_list	 ap;

	fprintf(stderr, "%s: ", progname);
	va_start(ap, fmt);
	vfprintf(stderr, _(fmt), ap);
	va_end(ap);
	fflush(stderr);
}

static int
cmd_serve(int argc, char *argv[])
{
	struct serve_opts so = { .content = "content", .out = "out",
			    .say = S_serve_say };
	struct diags	 d;
	char		*end;
	long		 port;
	int		 c, ok;

	optind = 1;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":C:o:h", serve_longopts,
	    NULL)) != -1) {
		switch (c) {
		case 'h':
			S_usage(stdout, usage_serve);
			return 0;
		case 'C': so.content = optarg; break;
		case 'o': so.out = optarg; break;
		case OPT_STHEME: so.theme = optarg; break;
		case OPT_BIND: so.bind = optarg; break;
		case OPT_OPEN: so.open = 1; break;
		case OPT_POLL: so.poll = 1; break;
		case OPT_PORT:
			port = strtol(optarg, &end, 10);
			if (*optarg == '\0' || *end != '\0' || port < 1 ||
			    port > 65535)
				return S_usage_error(usage_serve, "--port takes "
				    "a number from 1 to 65535, not '%s'", optarg);
			so.port = (int)port;
			break;
		case ':':
			return S_usage_error(usage_serve, "option requires an "
			    "argument: %s", argv[optind - 1]);
		default:
			return S_usage_error(usage_serve, "unknown option: %s",
			    argv[optind - 1]);
		}
	}
	if (optind != argc)
		return S_usage_error(usage_serve, "unexpected argument: %s",
		    argv[optind]);
	diags_init(&d);
	ok = serve_run(&so, &d);
	S_print_diags(&d);
	diags_free(&d);
	return ok ? 0 : EXIT_USAGE;
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
	{ "campaign", cmd_campaign, usage_campaign },
	{ "import", cmd_import, usage_import },
	{ "report", cmd_report, usage_report },
	{ "export", cmd_export, usage_export },
	{ "serve", cmd_serve, usage_serve },
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
