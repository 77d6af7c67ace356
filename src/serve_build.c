/*
 * serve_build.c — serve's builds as child processes, and the parsing
 * of what they print (serve_build.h).
 */
#define _GNU_SOURCE	/* pipe2() */
#include <sys/prctl.h>
#include <sys/wait.h>

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "serve_build.h"
#include "util.h"

#define	S_CAP	(16u << 20)	/* bytes kept of a child's output */
#define	S_QUOTE	400		/* bytes quoted of a line, at most */

extern char **environ;

/* The environment of a child: ours without the locale, then lang's. */
static char **
S_env(const char *lang)
{
	static const char *const drop[] = { "LANG=", "LANGUAGE=", "LC_ALL=",
	    "LC_MESSAGES=", "LC_CTYPE=" };
	size_t	 n = 0, k = 0, i;
	char	**env;
	int	 skip;

	while (environ[n] != NULL)
		n++;
	env = xcalloc(n + 4, sizeof(char *));
	for (i = 0; i < n; i++) {
		skip = 0;
		for (size_t j = 0; j < sizeof(drop) / sizeof(drop[0]); j++)
			if (strncmp(environ[i], drop[j], strlen(drop[j])) == 0)
				skip = 1;
		if (!skip)
			env[k++] = environ[i];
	}
	if (strcmp(lang, "fr") == 0) {
		env[k++] = (char *)"LC_ALL=fr_FR.UTF-8";
		env[k++] = (char *)"LANGUAGE=fr";
	} else
		env[k++] = (char *)"LC_ALL=C.UTF-8";
	env[k] = NULL;
	return env;
}

int
sb_run(char *const argv[], const char *lang, int stop_fd, struct buf *out,
    struct buf *err)
{
	int		 po[2] = { -1, -1 }, pe[2] = { -1, -1 }, status, open_ = 2;
	char		**env = S_env(lang), piece[8192];
	struct pollfd	 p[3];
	struct buf	*dst;
	sigset_t	 none;
	struct sigaction sa;
	pid_t		 pid, parent = getpid();
	ssize_t		 n;
	int		 stopped = 0, i;

	if (pipe2(po, O_CLOEXEC) == -1 || pipe2(pe, O_CLOEXEC) == -1) {
		free(env);
		if (po[0] >= 0) {
			close(po[0]);
			close(po[1]);
		}
		return -1;
	}
	sigemptyset(&none);
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = SIG_DFL;
	if ((pid = fork()) == 0) {
		/* Only async-signal-safe calls until execve(). */
		(void)prctl(PR_SET_PDEATHSIG, SIGTERM);
		if (getppid() != parent)
			_exit(127);
		(void)sigaction(SIGPIPE, &sa, NULL);
		(void)sigprocmask(SIG_SETMASK, &none, NULL);
		if (dup2(po[1], 1) == -1 || dup2(pe[1], 2) == -1)
			_exit(127);
		execve(argv[0], argv, env);
		_exit(127);
	}
	free(env);
	close(po[1]);
	close(pe[1]);
	if (pid == -1) {
		close(po[0]);
		close(pe[0]);
		return -1;
	}
	while (open_ > 0) {
		p[0].fd = po[0];
		p[1].fd = pe[0];
		p[2].fd = stop_fd;
		for (i = 0; i < 3; i++) {
			p[i].events = POLLIN;
			p[i].revents = 0;
		}
		if (poll(p, 3, -1) == -1) {
			if (errno == EINTR)
				continue;
			break;
		}
		if (p[2].revents & (POLLIN | POLLHUP)) {
			stopped = 1;
			kill(pid, SIGTERM);
			break;
		}
		for (i = 0; i < 2; i++) {
			if (p[i].fd < 0 || !(p[i].revents & (POLLIN | POLLHUP |
			    POLLERR)))
				continue;
			n = read(p[i].fd, piece, sizeof(piece));
			if (n > 0) {
				dst = i == 0 ? out : err;
				if (dst->len + (size_t)n <= S_CAP)
					buf_put(dst, piece, (size_t)n);
			} else if (n == 0 || errno != EINTR) {
				close(p[i].fd);
				if (i == 0)
					po[0] = -1;
				else
					pe[0] = -1;
				open_--;
			}
		}
	}
	if (po[0] >= 0)
		close(po[0]);
	if (pe[0] >= 0)
		close(pe[0]);
	while (waitpid(pid, &status, 0) == -1)
		if (errno != EINTR)
			return -1;
	if (stopped)
		return -2;
	return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

/*
 * The line `line` (1-based) of file, without its newline, at most
 * S_QUOTE bytes; NULL when it cannot be read.
 */
static char *
S_serve_build_quote(const char *file, int line)
{
	char	*text = NULL, *p, *end;
	size_t	 len;
	int	 l = 1;

	if (file == NULL || line <= 0 || !file_read(file, 8u << 20, &text,
	    &len))
		return NULL;
	for (p = text; l < line && (p = memchr(p, '\n', len - (size_t)(p -
	    text))) != NULL; l++)
		p++;
	if (p == NULL || l != line) {
		free(text);
		return NULL;
	}
	end = memchr(p, '\n', len - (size_t)(p - text));
	if (end == NULL)
		end = text + len;
	if (end > p && end[-1] == '\r')
		end--;
	if (end - p > S_QUOTE) {
		end = p + S_QUOTE;
		while (end > p && ((unsigned char)*end & 0xc0) == 0x80)
			end--;	/* not in the middle of a character */
	}
	p = xstrndup(p, (size_t)(end - p));
	free(text);
	return p;
}

/*
 * Parse one printed diagnostic: "FILE:L:C: SEV: MSG", "FILE: SEV:
 * MSG" or "annuaire: SEV: MSG", SEV being the first word before ": "
 * (" : " in French).  Returns 0 when line is not one.
 */
static int
S_parse_line(const char *line, int english, struct sb_diag *g)
{
	const char	*p, *q, *sev, *colon;
	char		*end;
	long		 l, c;

	memset(g, 0, sizeof(*g));
	/* The first ":L:C: " from the left, where L and C are numbers. */
	for (p = strchr(line, ':'); p != NULL; p = strchr(p + 1, ':')) {
		l = strtol(p + 1, &end, 10);
		if (end == p + 1 || *end != ':')
			continue;
		q = end;
		c = strtol(q + 1, &end, 10);
		if (end == q + 1 || strncmp(end, ": ", 2) != 0)
			continue;
		g->file = xstrndup(line, (size_t)(p - line));
		g->line = (int)l;
		g->col = (int)c;
		sev = end + 2;
		goto severity;
	}
	if ((p = strstr(line, ": ")) == NULL)
		return 0;
	if (strncmp(line, "annuaire: ", 10) != 0)
		g->file = xstrndup(line, (size_t)(p - line));
	sev = p + 2;
severity:
	/* The severity word, then ": " (" : " with a space in French). */
	{
		static const char *const words[2][3] = {
			{ "erreur", "avertissement", "remarque" },
			{ "error", "warning", "note" } };
		int	 k;

		for (k = 0; k < 3; k++)
			if (strncmp(sev, words[english != 0][k],
			    strlen(words[english != 0][k])) == 0)
				break;
		colon = strstr(sev, ": ");
		if (k == 3 || colon == NULL || colon - sev > 24) {
			free(g->file);
			g->file = NULL;
			return 0;
		}
		g->sev = k == 0 ? SB_ERROR : k == 1 ? SB_WARNING : SB_NOTE;
	}
	g->msg[0] = xstrdup(colon + 2);
	return 1;
}

/* Parse every diagnostic line of text into v (grown), n counted. */
static void
S_parse_all(const char *text, int english, struct sb_diag **v, size_t *n)
{
	const char	*p = text, *nl;
	char		*line;
	size_t		 cap = 0;
	struct sb_diag	 g;

	*v = NULL;
	*n = 0;
	while (p != NULL && *p != '\0') {
		nl = strchr(p, '\n');
		line = nl ? xstrndup(p, (size_t)(nl - p)) : xstrdup(p);
		if (S_parse_line(line, english, &g)) {
			if (*n == cap) {
				cap = cap ? cap * 2 : 16;
				*v = xreallocarray(*v, cap, sizeof(**v));
			}
			(*v)[(*n)++] = g;
		}
		free(line);
		p = nl ? nl + 1 : NULL;
	}
}

void
sb_diags_parse(const char *en, const char *fr, struct sb_diags *d)
{
	struct sb_diag	*f = NULL;
	size_t		 nf = 0, i;

	memset(d, 0, sizeof(*d));
	S_parse_all(en, 1, &d->v, &d->n);
	if (fr != NULL)
		S_parse_all(fr, 0, &f, &nf);
	for (i = 0; i < d->n; i++) {
		struct sb_diag *g = &d->v[i];

		if (g->sev == SB_ERROR)
			d->errors++;
		else if (g->sev == SB_WARNING)
			d->warnings++;
		g->quote = S_serve_build_quote(g->file, g->line);
		/* The same diagnostic, at the same place, in French. */
		if (nf == d->n && f[i].line == g->line && f[i].col == g->col) {
			g->msg[1] = f[i].msg[0];
			f[i].msg[0] = NULL;
		}
	}
	for (i = 0; i < nf; i++) {
		free(f[i].file);
		free(f[i].msg[0]);
	}
	free(f);
}

void
sb_diags_free(struct sb_diags *d)
{
	size_t	 i;

	for (i = 0; i < d->n; i++) {
		free(d->v[i].file);
		free(d->v[i].msg[0]);
		free(d->v[i].msg[1]);
		free(d->v[i].quote);
	}
	free(d->v);
	memset(d, 0, sizeof(*d));
}

/* One CSV field (RFC 4180) from *p; *p moves past its separator. */
static char *
S_csv_field(const char **p, int *eol)
{
	struct buf	 b;
	const char	*s = *p;

	buf_init(&b);
	if (*s == '"') {
		for (s++; *s != '\0'; s++) {
			if (*s == '"' && s[1] == '"')
				buf_putc(&b, *s++);
			else if (*s == '"') {
				s++;
				break;
			} else
				buf_putc(&b, *s);
		}
	}
	while (*s != '\0' && *s != ';' && *s != '\n' && *s != '\r')
		buf_putc(&b, *s++);
	if (*s == '\r')
		s++;
	*eol = *s != ';';
	if (*s != '\0')
		s++;
	*p = s;
	s = xstrdup(buf_cstr(&b));
	buf_free(&b);
	return (char *)s;
}

void
sb_partners_parse(const char *csv, struct sb_partners *p)
{
	const char	*s = csv;
	char		*f[12];
	size_t		 cap = 0, k, row = 0;
	int		 eol;

	sb_partners_free(p);
	if (strncmp(s, "\xef\xbb\xbf", 3) == 0)
		s += 3;
	while (*s != '\0') {
		k = 0;
		do {
			char *v = S_csv_field(&s, &eol);

			if (k < 12)
				f[k++] = v;
			else
				free(v);
		} while (!eol && *s != '\0');
		/* nom;slug;etat;erreurs;avertissements;demande;relance;
		   reponse;mise_a_jour;...: the first row names them (the
		   CSV a person opens: ";" and a BOM, report.c). */
		if (row++ > 0 && k >= 9) {
			struct sb_partner *q;

			if (p->n == cap) {
				cap = cap ? cap * 2 : 32;
				p->v = xreallocarray(p->v, cap, sizeof(*p->v));
			}
			q = &p->v[p->n++];
			q->nom = f[0];
			q->slug = f[1];
			q->etat = f[2];
			q->demande = f[5];
			q->relance = f[6];
			q->reponse = f[7];
			q->maj = f[8];
			q->page = 0;
			free(f[3]);
			free(f[4]);
			for (size_t i = 9; i < k; i++)
				free(f[i]);
		} else
			for (size_t i = 0; i < k; i++)
				free(f[i]);
	}
}

/* Bytes of a space at s: ' ', U+00A0, U+202F (typography adds them). */
static size_t
S_serve_build_space(const char *s)
{
	if (*s == ' ')
		return 1;
	if (strncmp(s, "\xc2\xa0", 2) == 0)
		return 2;
	if (strncmp(s, "\xe2\x80\xaf", 3) == 0)
		return 3;
	return 0;
}

/* Whether a and b are the same name, whatever their spaces. */
static int
S_same_name(const char *a, const char *b)
{
	size_t	 n;

	for (;;) {
		while ((n = S_serve_build_space(a)) > 0)
			a += n;
		while ((n = S_serve_build_space(b)) > 0)
			b += n;
		if (*a != *b)
			return 0;
		if (*a == '\0')
			return 1;
		a++;
		b++;
	}
}

void
sb_partners_pages(struct sb_partners *p, const char *dump)
{
	char	*text = NULL, *line, *next, *q, *title;
	size_t	 len, i;
	long	 page;

	if (!file_read(dump, 256u << 20, &text, &len))
		return;
	/* outline level=1 page=N y=Y "TITLE": a partner's page (0-based). */
	for (line = text; line != NULL; line = next) {
		if ((next = strchr(line, '\n')) != NULL)
			*next++ = '\0';
		if (strncmp(line, "outline level=1 page=", 21) != 0)
			continue;
		page = strtol(line + 21, &q, 10);
		if ((title = strchr(q, '"')) == NULL)
			continue;
		title++;
		if ((q = strrchr(title, '"')) != NULL)
			*q = '\0';
		for (i = 0; i < p->n; i++)
			if (p->v[i].page == 0 && S_same_name(p->v[i].nom, title)) {
				p->v[i].page = (int)page + 1;
				break;
			}
	}
	free(text);
}

void
sb_partners_free(struct sb_partners *p)
{
	size_t	 i;

	for (i = 0; i < p->n; i++) {
		free(p->v[i].slug);
		free(p->v[i].nom);
		free(p->v[i].etat);
		free(p->v[i].demande);
		free(p->v[i].relance);
		free(p->v[i].reponse);
		free(p->v[i].maj);
	}
	free(p->v);
	p->v = NULL;
	p->n = 0;
}
