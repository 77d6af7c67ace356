/*
 * serve.c — `annuaire serve`: the HTTP server (libmicrohttpd) and the
 * loop of watching and rebuilding (serve.h).
 *
 * Threads: libmicrohttpd runs one thread per connection (a page's
 * event stream waits on a condition variable there); the calling
 * thread watches and rebuilds.  What both share is struct S_state,
 * under its mutex; a request copies what it needs and unlocks before
 * any I/O on the network.
 */
#include <sys/file.h>
#include <sys/signalfd.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>

#include <arpa/inet.h>
#include <netinet/in.h>

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <netdb.h>
#include <pthread.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>

#include <microhttpd.h>

#include "outdir.h"
#include "serve.h"
#include "serve_build.h"
#include "serve_page.h"
#include "util.h"
#include "watch.h"

#define	S_HTML_MAX	(64u << 20)	/* bigger pages go without the script */
#define	S_PRIVATE	"/_annuaire/prive/livret-partenaires.pdf"
#define	S_KEEPALIVE	10		/* seconds between event comments */

/* What the builder publishes and the requests read. */
struct S_state {
	pthread_mutex_t	 mu;
	pthread_cond_t	 cv;		/* signalled at each new generation */
	unsigned long	 gen;		/* the site's generation, 0: none */
	unsigned long long boot;	/* tells generations of two runs apart */
	int		 stopping;
	int		 building;
	int		 failed;	/* the last build failed */
	char		*site;		/* realpath of the site served, or NULL */
	char		*booklet;	/* realpath of livret.pdf, or NULL */
	char		*privbook;	/* of livret-partenaires.pdf, or NULL */
	char		*suivi;		/* of suivi.html, or NULL */
	char		*campaign;	/* realpath of OUT/campagne, or NULL */
	struct sb_diags	 diags;		/* the last build's */
	struct sb_partners partners;	/* the last report's */
	unsigned long	 booklets;	/* booklet builds published */
	const char	*method;	/* watch_method() */
	const char	*content;
	const char	*bind;		/* the bound name, as given */
	int		 port;
};

/* ---- paths --------------------------------------------------------- */

/*
 * Open path (a URL path, already %-decoded) below the folder root,
 * component by component, never following a symbolic link.  A folder
 * gives its index.html.  Returns the descriptor (blocking, regular
 * file) with *st set, or -1 with *code the HTTP status; *isdir_noslash
 * is set when the path names a folder but lacks its final '/'.
 */
static int
S_open_below(const char *root, const char *path, struct stat *st, int *code,
    int *redirect)
{
	char	*copy, *comp, *save = NULL;
	int	 fd, nfd, fl;

	*code = 404;
	*redirect = 0;
	if (root == NULL) {
		*code = 503;
		return -1;
	}
	if ((fd = open(root, O_RDONLY | O_DIRECTORY | O_CLOEXEC)) == -1)
		return -1;
	copy = xstrdup(path);
	for (comp = strtok_r(copy, "/", &save); comp != NULL;
	    comp = strtok_r(NULL, "/", &save)) {
		/* "..", "." and hidden names; a NUL cut the path already. */
		if (comp[0] == '.' || strchr(comp, '\\') != NULL) {
			*code = comp[1] == '.' || comp[1] == '\0' ? 400 : 404;
			close(fd);
			free(copy);
			return -1;
		}
		nfd = openat(fd, comp, O_RDONLY | O_NOFOLLOW | O_NONBLOCK |
		    O_CLOEXEC);
		close(fd);
		if (nfd == -1) {
			free(copy);
			return -1;
		}
		fd = nfd;
		if (fstat(fd, st) == -1 || (!S_ISDIR(st->st_mode) &&
		    !S_ISREG(st->st_mode))) {
			close(fd);
			free(copy);
			return -1;
		}
	}
	free(copy);
	if (fstat(fd, st) == -1) {
		close(fd);
		return -1;
	}
	if (S_ISDIR(st->st_mode)) {
		if (path[0] == '\0' || path[strlen(path) - 1] != '/') {
			close(fd);
			*redirect = 1;
			return -1;
		}
		nfd = openat(fd, "index.html", O_RDONLY | O_NOFOLLOW |
		    O_NONBLOCK | O_CLOEXEC);
		close(fd);
		if (nfd == -1)
			return -1;
		fd = nfd;
		if (fstat(fd, st) == -1 || !S_ISREG(st->st_mode)) {
			close(fd);
			return -1;
		}
	}
	if ((fl = fcntl(fd, F_GETFL)) != -1)
		(void)fcntl(fd, F_SETFL, fl & ~O_NONBLOCK);
	return fd;
}

static const char *
S_type(const char *name)
{
	static const char *const t[][2] = {
		{ ".html", "text/html; charset=utf-8" },
		{ ".css", "text/css; charset=utf-8" },
		{ ".js", "text/javascript; charset=utf-8" },
		{ ".json", "application/json" },
		{ ".pdf", "application/pdf" },
		{ ".png", "image/png" },
		{ ".jpg", "image/jpeg" },
		{ ".jpeg", "image/jpeg" },
		{ ".svg", "image/svg+xml" },
		{ ".webp", "image/webp" },
		{ ".ico", "image/x-icon" },
		{ ".xml", "application/xml" },
		{ ".csv", "text/csv; charset=utf-8" },
		{ ".vcf", "text/vcard; charset=utf-8" },
		{ ".txt", "text/plain; charset=utf-8" },
		{ ".woff2", "font/woff2" },
		{ ".woff", "font/woff" },
		{ ".ttf", "font/ttf" },
		{ ".eml", "message/rfc822" },
		{ ".md", "text/markdown; charset=utf-8" },
	};
	const char	*dot = strrchr(name, '.'), *slash = strrchr(name, '/');
	size_t		 i;

	if (dot != NULL && (slash == NULL || dot > slash))
		for (i = 0; i < sizeof(t) / sizeof(t[0]); i++)
			if (strcasecmp(dot, t[i][0]) == 0)
				return t[i][1];
	return "application/octet-stream";
}

/* ---- responses ----------------------------------------------------- */

static enum MHD_Result
S_queue(struct MHD_Connection *c, unsigned int code, struct MHD_Response *r,
    const char *type)
{
	enum MHD_Result	 ret;

	if (r == NULL)
		return MHD_NO;
	if (type != NULL)
		MHD_add_response_header(r, MHD_HTTP_HEADER_CONTENT_TYPE, type);
	MHD_add_response_header(r, MHD_HTTP_HEADER_CACHE_CONTROL, "no-store");
	MHD_add_response_header(r, "X-Content-Type-Options", "nosniff");
	MHD_add_response_header(r, "Referrer-Policy", "no-referrer");
	ret = MHD_queue_response(c, code, r);
	MHD_destroy_response(r);
	return ret;
}

/* A response whose body is a copy of b's text. */
static struct MHD_Response *
S_from_buf(struct buf *b)
{
	size_t	 len = b->len;
	char	*data = buf_detach(b);

	return MHD_create_response_from_buffer(len, data ? data : xstrdup(""),
	    MHD_RESPMEM_MUST_FREE);
}

static enum MHD_Result
S_serve_text(struct MHD_Connection *c, unsigned int code, const char *msg)
{
	struct buf	 b;

	buf_init(&b);
	buf_printf(&b, "%u %s\n", code, msg);
	return S_queue(c, code, S_from_buf(&b), "text/plain; charset=utf-8");
}

/* The live script's element for generation gen, and the overlay. */
static void
S_extra(struct S_state *st, struct buf *x, int fr)
{
	buf_printf(x, "<script src=\"/_annuaire/live.js\" data-gen=\"%llx-%lu\""
	    " defer></script>\n", st->boot, st->gen);
	if (st->failed)
		sp_overlay(x, &st->diags, fr);
}

/* An HTML page with the script (and overlay) inserted. */
static enum MHD_Result
S_serve_html(struct MHD_Connection *c, struct S_state *st, unsigned int code,
    const char *html, size_t len, int fr)
{
	struct buf	 b, x;

	buf_init(&b);
	buf_init(&x);
	pthread_mutex_lock(&st->mu);
	S_extra(st, &x, fr);
	pthread_mutex_unlock(&st->mu);
	sp_inject(&b, html, len, buf_cstr(&x));
	buf_free(&x);
	return S_queue(c, code, S_from_buf(&b), "text/html; charset=utf-8");
}

/* Serve a file below root; HTML pages get the live script when live. */
static enum MHD_Result
S_file(struct MHD_Connection *c, struct S_state *st, const char *root,
    const char *path, const char *url, int live, int fr, int private)
{
	struct MHD_Response *r;
	struct stat	 sb;
	int		 fd, code, redirect;
	const char	*type;

	fd = S_open_below(root, path, &sb, &code, &redirect);
	if (redirect) {
		struct buf to;

		buf_init(&to);
		buf_printf(&to, "%s/", url);
		r = MHD_create_response_from_buffer(0, (void *)"",
		    MHD_RESPMEM_PERSISTENT);
		if (r != NULL)
			MHD_add_response_header(r, MHD_HTTP_HEADER_LOCATION,
			    buf_cstr(&to));
		buf_free(&to);
		return S_queue(c, MHD_HTTP_MOVED_PERMANENTLY, r, NULL);
	}
	if (fd == -1)
		return S_serve_text(c, (unsigned int)code, code == 503 ?
		    "Service Unavailable" : code == 400 ? "Bad Request" :
		    "Not Found");
	type = S_type(path[0] == '\0' || path[strlen(path) - 1] == '/' ?
	    "index.html" : path);
	if (live && strncmp(type, "text/html", 9) == 0 &&
	    (size_t)sb.st_size <= S_HTML_MAX) {
		char	*html = xmalloc((size_t)sb.st_size + 1);
		size_t	 got = 0;
		ssize_t	 n;
		enum MHD_Result ret;

		while (got < (size_t)sb.st_size && (n = read(fd, html + got,
		    (size_t)sb.st_size - got)) > 0)
			got += (size_t)n;
		close(fd);
		ret = S_serve_html(c, st, MHD_HTTP_OK, html, got, fr);
		free(html);
		return ret;
	}
	r = MHD_create_response_from_fd((size_t)sb.st_size, fd);
	if (r == NULL) {
		close(fd);
		return MHD_NO;
	}
	if (private)	/* named contacts: no index, no shared cache */
		MHD_add_response_header(r, "X-Robots-Tag", "noindex");
	return S_queue(c, MHD_HTTP_OK, r, type);
}

/* ---- the event stream ---------------------------------------------- */

struct S_client {
	struct S_state	*st;
	unsigned long	 sent;	/* the generation announced, 0: none */
};

/* Blocks (thread per connection) until a generation or a keep-alive. */
static ssize_t
S_events(void *cls, uint64_t pos, char *out, size_t max)
{
	struct S_client	*cl = cls;
	struct S_state	*st = cl->st;
	struct timespec	 until;
	int		 n;

	(void)pos;
	clock_gettime(CLOCK_REALTIME, &until);
	until.tv_sec += S_KEEPALIVE;
	pthread_mutex_lock(&st->mu);
	while (!st->stopping && (st->gen == 0 || st->gen == cl->sent))
		if (pthread_cond_timedwait(&st->cv, &st->mu, &until) ==
		    ETIMEDOUT)
			break;
	if (st->stopping) {
		pthread_mutex_unlock(&st->mu);
		return MHD_CONTENT_READER_END_OF_STREAM;
	}
	if (st->gen != 0 && st->gen != cl->sent) {
		n = snprintf(out, max, "event: build\ndata: %llx-%lu\n\n",
		    st->boot, st->gen);
		cl->sent = st->gen;
	} else
		n = snprintf(out, max, ": ...\n\n");
	pthread_mutex_unlock(&st->mu);
	return n < 0 || (size_t)n >= max ? MHD_CONTENT_READER_END_WITH_ERROR :
	    n;
}

static void
S_events_free(void *cls)
{
	free(cls);
}

/* ---- the coordinator's home ---------------------------------------- */

static int
S_exists_below(const char *root, const char *dir, const char *slug)
{
	char	 rel[PATH_MAX];
	struct stat sb;
	int	 fd, code, redirect;

	if (root == NULL)
		return 0;
	snprintf(rel, sizeof(rel), "%s%s.html", dir, slug);
	if ((fd = S_open_below(root, rel, &sb, &code, &redirect)) == -1)
		return 0;
	close(fd);
	return 1;
}

static enum MHD_Result
S_serve_home(struct MHD_Connection *c, struct S_state *st, int fr)
{
	struct sp_home	 h;
	struct buf	 b;
	unsigned char	*pages, *forms;
	size_t		 i;
	enum MHD_Result	 ret;

	buf_init(&b);
	memset(&h, 0, sizeof(h));
	pthread_mutex_lock(&st->mu);
	pages = xcalloc(st->partners.n + 1, 1);
	forms = xcalloc(st->partners.n + 1, 1);
	for (i = 0; i < st->partners.n; i++) {
		pages[i] = S_exists_below(st->site, "partenaires/",
		    st->partners.v[i].slug);
		forms[i] = S_exists_below(st->campaign, "",
		    st->partners.v[i].slug);
	}
	h.diags = &st->diags;
	h.partners = &st->partners;
	h.has_page = pages;
	h.has_form = forms;
	h.booklet = st->booklet != NULL;
	h.private_booklet = st->privbook != NULL ? S_PRIVATE : NULL;
	h.suivi = st->suivi != NULL;
	h.campaign = st->campaign != NULL;
	h.building = st->building;
	h.failed = st->failed;
	h.method = st->method;
	h.content = st->content;
	sp_home(&b, &h, fr);
	pthread_mutex_unlock(&st->mu);
	free(pages);
	free(forms);
	/* The home takes the script, not the overlay: it lists the errors. */
	{
		struct buf x, all;

		buf_init(&x);
		buf_init(&all);
		pthread_mutex_lock(&st->mu);
		buf_printf(&x, "<script src=\"/_annuaire/live.js\" "
		    "data-gen=\"%llx-%lu\" defer></script>\n", st->boot,
		    st->gen);
		pthread_mutex_unlock(&st->mu);
		sp_inject(&all, b.data, b.len, buf_cstr(&x));
		ret = S_queue(c, MHD_HTTP_OK, S_from_buf(&all),
		    "text/html; charset=utf-8");
		buf_free(&x);
	}
	buf_free(&b);
	return ret;
}

static enum MHD_Result
S_status(struct MHD_Connection *c, struct S_state *st)
{
	struct buf	 b;

	buf_init(&b);
	pthread_mutex_lock(&st->mu);
	buf_printf(&b, "{\"gen\":\"%llx-%lu\",\"building\":%s,\"failed\":%s,"
	    "\"errors\":%zu,\"warnings\":%zu,\"booklets\":%lu,"
	    "\"watch\":\"%s\"}\n", st->boot, st->gen,
	    st->building ? "true" : "false", st->failed ? "true" : "false",
	    st->diags.errors, st->diags.warnings, st->booklets, st->method);
	pthread_mutex_unlock(&st->mu);
	return S_queue(c, MHD_HTTP_OK, S_from_buf(&b), "application/json");
}

/* ---- requests ------------------------------------------------------ */

/*
 * Whether the Host header names us: "localhost", an IP address (a name
 * an attacker's DNS could point at us is neither), or the --bind name;
 * with a port, ours.
 */
static int
S_host_ok(const struct S_state *st, const char *host)
{
	char		 name[256], *colon;
	const char	*end;
	unsigned char	 a[16];
	size_t		 n;
	long		 port;

	if (host == NULL || (n = strlen(host)) == 0 || n >= sizeof(name))
		return 0;
	if (host[0] == '[') {
		if ((end = strchr(host, ']')) == NULL)
			return 0;
		memcpy(name, host + 1, (size_t)(end - host - 1));
		name[end - host - 1] = '\0';
		end++;
		if (*end != '\0' && *end != ':')
			return 0;
		colon = *end == ':' ? (char *)end : NULL;
	} else {
		memcpy(name, host, n + 1);
		if ((colon = strchr(name, ':')) != NULL)
			*colon = '\0';
		colon = colon ? (char *)host + (colon - name) : NULL;
	}
	if (colon != NULL) {
		char *e;

		port = strtol(colon + 1, &e, 10);
		if (*e != '\0' || port != st->port)
			return 0;
	}
	if (strcasecmp(name, "localhost") == 0 ||
	    inet_pton(AF_INET, name, a) == 1 || inet_pton(AF_INET6, name, a) == 1)
		return 1;
	return st->bind != NULL && strcasecmp(name, st->bind) == 0;
}

static enum MHD_Result
S_request(void *cls, struct MHD_Connection *c, const char *url,
    const char *method, const char *version, const char *upload,
    size_t *upload_size, void **con_cls)
{
	struct S_state	*st = cls;
	const char	*al;
	char		*root = NULL;
	int		 fr;
	enum MHD_Result	 ret;

	(void)version;
	(void)upload;
	(void)upload_size;
	(void)con_cls;
	if (!S_host_ok(st, MHD_lookup_connection_value(c, MHD_HEADER_KIND,
	    MHD_HTTP_HEADER_HOST)))
		return S_serve_text(c, MHD_HTTP_MISDIRECTED_REQUEST,
		    "Misdirected Request: unknown Host");
	if (strcmp(method, "GET") != 0 && strcmp(method, "HEAD") != 0) {
		struct buf	 b;
		struct MHD_Response *r;

		buf_init(&b);
		buf_puts(&b, "405 Method Not Allowed\n");
		if ((r = S_from_buf(&b)) != NULL)
			MHD_add_response_header(r, MHD_HTTP_HEADER_ALLOW,
			    "GET, HEAD");
		return S_queue(c, MHD_HTTP_METHOD_NOT_ALLOWED, r,
		    "text/plain; charset=utf-8");
	}
	if (url[0] != '/')
		return S_serve_text(c, MHD_HTTP_BAD_REQUEST, "Bad Request");
	al = MHD_lookup_connection_value(c, MHD_HEADER_KIND,
	    MHD_HTTP_HEADER_ACCEPT_LANGUAGE);
	fr = sp_lang_fr(al);

	if (strcmp(url, "/_annuaire") == 0) {
		struct MHD_Response *r = MHD_create_response_from_buffer(0,
		    (void *)"", MHD_RESPMEM_PERSISTENT);

		if (r != NULL)
			MHD_add_response_header(r, MHD_HTTP_HEADER_LOCATION,
			    "/_annuaire/");
		return S_queue(c, MHD_HTTP_MOVED_PERMANENTLY, r, NULL);
	}
	if (strcmp(url, "/_annuaire/") == 0)
		return S_serve_home(c, st, fr);
	if (strcmp(url, "/_annuaire/status.json") == 0)
		return S_status(c, st);
	if (strcmp(url, "/_annuaire/live.js") == 0)
		return S_queue(c, MHD_HTTP_OK, MHD_create_response_from_buffer(
		    strlen(sp_live_js), (void *)sp_live_js,
		    MHD_RESPMEM_PERSISTENT), "text/javascript; charset=utf-8");
	if (strcmp(url, "/_annuaire/events") == 0) {
		struct S_client	*cl = xcalloc(1, sizeof(*cl));
		struct MHD_Response *r;

		cl->st = st;
		r = MHD_create_response_from_callback(MHD_SIZE_UNKNOWN, 1024,
		    S_events, cl, S_events_free);
		if (r == NULL) {
			free(cl);
			return MHD_NO;
		}
		return S_queue(c, MHD_HTTP_OK, r, "text/event-stream");
	}

	/* A file: which root, and the path below it. */
	pthread_mutex_lock(&st->mu);
	if (strcmp(url, "/livret.pdf") == 0 || strcmp(url, S_PRIVATE) == 0 ||
	    strcmp(url, "/suivi.html") == 0) {
		const char *f = url[1] == 'l' ? st->booklet : url[1] == 's' ?
		    st->suivi : st->privbook;

		pthread_mutex_unlock(&st->mu);
		if (f == NULL)
			return S_serve_text(c, MHD_HTTP_NOT_FOUND, "Not Found");
		/* f is a realpath: its folder, then the file by name. */
		pthread_mutex_lock(&st->mu);
		f = url[1] == 'l' ? st->booklet : url[1] == 's' ? st->suivi :
		    st->privbook;
		root = f ? xstrndup(f, (size_t)(strrchr(f, '/') - f)) : NULL;
		pthread_mutex_unlock(&st->mu);
		ret = S_file(c, st, root, strrchr(url, '/') + 1, url,
		    url[1] == 's', fr, url[1] == '_');
		free(root);
		return ret;
	}
	if (strncmp(url, "/_annuaire/", 11) == 0) {
		pthread_mutex_unlock(&st->mu);
		return S_serve_text(c, MHD_HTTP_NOT_FOUND, "Not Found");
	}
	if (strncmp(url, "/campagne/", 10) == 0 || strcmp(url, "/campagne") ==
	    0) {
		root = st->campaign ? xstrdup(st->campaign) : NULL;
		pthread_mutex_unlock(&st->mu);
		if (root == NULL)
			return S_serve_text(c, MHD_HTTP_NOT_FOUND, "Not Found");
		/* The forms keep their own page (their CSP forbids ours). */
		ret = S_file(c, st, root, url + 9, url, 0, fr, 0);
		free(root);
		return ret;
	}
	if (st->site == NULL) {
		int failed = st->failed;
		static const char wait[] = "<!DOCTYPE html>\n<html lang=\"fr\">"
		    "<head><meta charset=\"utf-8\"><title>annuaire serve"
		    "</title></head><body><main><h1>annuaire serve</h1>"
		    "<p>Construction en cours, ou contenu à corriger ; la page "
		    "se recharge seule.</p></main></body></html>\n";

		pthread_mutex_unlock(&st->mu);
		return S_serve_html(c, st, failed ? MHD_HTTP_OK :
		    MHD_HTTP_SERVICE_UNAVAILABLE, wait, sizeof(wait) - 1, fr);
	}
	root = xstrdup(st->site);
	pthread_mutex_unlock(&st->mu);
	ret = S_file(c, st, root, url, url, 1, fr, 0);
	free(root);
	return ret;
}

/* ---- the listening socket ------------------------------------------ */

/*
 * Bind host:port; returns the socket, or -1 with errno (EADDRINUSE:
 * taken).  host is a numeric address or a name.
 */
static int
S_listen(const char *host, int port)
{
	struct addrinfo	 hints, *res = NULL, *ai;
	char		 sport[16];
	int		 fd = -1, one = 1, err = EADDRNOTAVAIL, e;

	memset(&hints, 0, sizeof(hints));
	hints.ai_family = AF_UNSPEC;
	hints.ai_socktype = SOCK_STREAM;
	hints.ai_flags = AI_PASSIVE;
	snprintf(sport, sizeof(sport), "%d", port);
	if ((e = getaddrinfo(host, sport, &hints, &res)) != 0) {
		errno = e == EAI_SYSTEM ? errno : EADDRNOTAVAIL;
		return -1;
	}
	for (ai = res; ai != NULL; ai = ai->ai_next) {
		fd = socket(ai->ai_family, ai->ai_socktype | SOCK_CLOEXEC,
		    ai->ai_protocol);
		if (fd == -1) {
			err = errno;
			continue;
		}
		(void)setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one,
		    sizeof(one));
		if (ai->ai_family == AF_INET6)
			(void)setsockopt(fd, IPPROTO_IPV6, IPV6_V6ONLY, &one,
			    sizeof(one));
		if (bind(fd, ai->ai_addr, ai->ai_addrlen) == 0 &&
		    listen(fd, 64) == 0)
			break;
		err = errno;
		close(fd);
		fd = -1;
	}
	freeaddrinfo(res);
	if (fd == -1)
		errno = err;
	return fd;
}

static int
S_loopback(const char *host)
{
	struct in_addr	 a4;
	struct in6_addr	 a6;

	if (strcasecmp(host, "localhost") == 0)
		return 1;
	if (inet_pton(AF_INET, host, &a4) == 1)
		return (ntohl(a4.s_addr) >> 24) == 127;
	if (inet_pton(AF_INET6, host, &a6) == 1)
		return IN6_IS_ADDR_LOOPBACK(&a6);
	return 0;
}

/* ---- the build folder ---------------------------------------------- */

static const char *
S_tmpdir(void)
{
	const char *t = getenv("TMPDIR");

	return t != NULL && t[0] == '/' ? t : "/tmp";
}

/*
 * Remove the folders of serves that are gone (killed with SIGKILL):
 * each holds a lock on its file "lock" as long as it runs.
 */
static void
S_serve_sweep(void)
{
	DIR		*d;
	struct dirent	*e;
	char		*dir, *lock;
	int		 fd;

	if ((d = opendir(S_tmpdir())) == NULL)
		return;
	while ((e = readdir(d)) != NULL) {
		if (strncmp(e->d_name, "annuaire-serve-", 15) != 0)
			continue;
		dir = path_join(S_tmpdir(), e->d_name);
		lock = path_join(dir, "lock");
		fd = open(lock, O_RDWR | O_CLOEXEC | O_NOFOLLOW);
		if (fd >= 0 && flock(fd, LOCK_EX | LOCK_NB) == 0)
			(void)remove_tree(dir);
		if (fd >= 0)
			close(fd);
		free(lock);
		free(dir);
	}
	closedir(d);
}

/* realpath of dir/name, or NULL. */
static char *
S_real(const char *dir, const char *name)
{
	char	*p = path_join(dir, name), *r = realpath(p, NULL);

	free(p);
	return r;
}

/* ---- building ------------------------------------------------------ */

struct S_ctx {
	const struct serve_opts *o;
	struct S_state	*st;
	const char	*dir;		/* the build folder */
	char		 exe[PATH_MAX];
	int		 stopfd;
};

/* Replace *slot by v (owned), under the lock. */
static void
S_serve_set(char **slot, char *v)
{
	free(*slot);
	*slot = v;
}

/*
 * Run `build` with extra arguments into dir/sub.  Returns its exit
 * status (-2: stopped) with its stderr parsed into d: on failure with
 * the messages in French too, from `check`.
 */
static int
S_build(struct S_ctx *x, const char *sub, const char *const *extra,
    struct sb_diags *d)
{
	char		*out = path_join(x->dir, sub);
	const char	*argv[20];
	struct buf	 so, se, fo, fe;
	int		 n = 0, rc, i;

	argv[n++] = x->exe;
	argv[n++] = "build";
	argv[n++] = "-q";
	argv[n++] = "-C";
	argv[n++] = x->o->content;
	if (x->o->theme != NULL) {
		argv[n++] = "--theme";
		argv[n++] = x->o->theme;
	}
	argv[n++] = "-o";
	argv[n++] = out;
	for (i = 0; extra[i] != NULL && n < 19; i++)
		argv[n++] = extra[i];
	argv[n] = NULL;
	buf_init(&so);
	buf_init(&se);
	buf_init(&fo);
	buf_init(&fe);
	rc = sb_run((char *const *)argv, "en", x->stopfd, &so, &se);
	if (rc != -2 && se.len > 0) {
		/* The same diagnostics in French, for French browsers. */
		const char *cargv[] = { x->exe, "check", "-C", x->o->content,
		    NULL };

		if (sb_run((char *const *)cargv, "fr", x->stopfd, &fo, &fe) ==
		    -2)
			rc = -2;
	}
	if (rc != -2)
		sb_diags_parse(buf_cstr(&se), fe.len ? buf_cstr(&fe) : NULL, d);
	if (rc == -1 && d->errors == 0) {
		/* Could not run at all: say so as an error. */
		sb_diags_free(d);
		sb_diags_parse("annuaire: error: the build could not run\n",
		    NULL, d);
	}
	buf_free(&so);
	buf_free(&se);
	buf_free(&fo);
	buf_free(&fe);
	free(out);
	return rc;
}

/* Publish the result of a build: a new generation (pages reload). */
static void
S_serve_publish(struct S_ctx *x, int ok, struct sb_diags *d, const char *sub)
{
	struct S_state	*st = x->st;
	char		*outdir = path_join(x->dir, sub);
	char		*site = ok ? S_real(outdir, OUTDIR_UNIT "/site") : NULL;

	pthread_mutex_lock(&st->mu);
	sb_diags_free(&st->diags);
	st->diags = *d;
	memset(d, 0, sizeof(*d));
	st->failed = !ok;
	if (ok && site != NULL) {
		S_serve_set(&st->site, site);
		site = NULL;
	}
	st->gen++;
	pthread_cond_broadcast(&st->cv);
	pthread_mutex_unlock(&st->mu);
	free(site);
	free(outdir);
}

/* The booklets (and the site with its link to the booklet), the report. */
static int
S_full(struct S_ctx *x, int publish)
{
	struct S_state	*st = x->st;
	struct sb_diags	 d;
	struct sb_partners p;
	char		*dump = path_join(x->dir, "layout.txt");
	char		*full = path_join(x->dir, "full");
	char		*rep = path_join(x->dir, "report");
	const char	*extra[] = { "--edition", "partenaires", "--layout-dump",
			    dump, NULL };
	const char	*rargv[] = { x->exe, "report", "-C", x->o->content,
			    "-o", rep, "--format", "csv", NULL };
	struct buf	 so, se;
	int		 rc;

	memset(&d, 0, sizeof(d));
	memset(&p, 0, sizeof(p));
	rc = S_build(x, "full", extra, &d);
	if (rc == -2)
		goto out;
	if (publish || rc != 0)
		S_serve_publish(x, rc == 0, &d, "full");
	if (rc == 0) {
		char *site = S_real(full, OUTDIR_UNIT "/site");

		pthread_mutex_lock(&st->mu);
		if (site != NULL)
			S_serve_set(&st->site, site);
		S_serve_set(&st->booklet, S_real(full, OUTDIR_UNIT "/livret.pdf"));
		S_serve_set(&st->privbook, S_real(full, OUTDIR_UNIT
		    "/livret-partenaires.pdf"));
		st->booklets++;
		pthread_mutex_unlock(&st->mu);
	}
	buf_init(&so);
	buf_init(&se);
	if ((rc = sb_run((char *const *)rargv, "en", x->stopfd, &so, &se)) !=
	    -2) {
		sb_partners_parse(buf_cstr(&so), &p);
		sb_partners_pages(&p, dump);
		pthread_mutex_lock(&st->mu);
		sb_partners_free(&st->partners);
		st->partners = p;
		S_serve_set(&st->suivi, S_real(rep, "suivi.html"));
		pthread_mutex_unlock(&st->mu);
	}
	buf_free(&so);
	buf_free(&se);
out:
	sb_diags_free(&d);
	free(dump);
	free(full);
	free(rep);
	return rc != -2;
}

/*
 * One round: the site alone first (unless first), then the booklets.
 * Returns 0 when stopped.
 */
static int
S_round(struct S_ctx *x, int first)
{
	struct S_state	*st = x->st;
	struct sb_diags	 d;
	const char	*extra[] = { "--no-pdf", NULL };
	struct timespec	 t0, t1;
	int		 rc = 0, ok;

	memset(&d, 0, sizeof(d));
	clock_gettime(CLOCK_MONOTONIC, &t0);
	pthread_mutex_lock(&st->mu);
	st->building = 1;
	if (x->o->out != NULL)
		S_serve_set(&st->campaign, S_real(x->o->out, "campagne"));
	pthread_mutex_unlock(&st->mu);
	if (!first) {
		if ((rc = S_build(x, "site", extra, &d)) == -2)
			return 0;
		S_serve_publish(x, rc == 0, &d, "site");
		sb_diags_free(&d);
	}
	if (rc == 0 && !S_full(x, first))
		return 0;
	clock_gettime(CLOCK_MONOTONIC, &t1);
	pthread_mutex_lock(&st->mu);
	st->building = 0;
	ok = !st->failed;
	if (ok)
		x->o->say("built in %.2f s\n", (double)(t1.tv_sec - t0.tv_sec) +
		    (double)(t1.tv_nsec - t0.tv_nsec) / 1e9);
	else
		x->o->say("errors in the content: %zu, shown in the browser "
		    "(and by 'annuaire check'); the last good build stays "
		    "served\n", st->diags.errors);
	pthread_mutex_unlock(&st->mu);
	return 1;
}

static void
S_xdg_open(const char *url)
{
	pid_t	 pid;
	sigset_t none;

	sigemptyset(&none);
	if ((pid = fork()) == 0) {
		int fd = open("/dev/null", O_RDWR);

		if (fd >= 0) {
			dup2(fd, 0);
			dup2(fd, 1);
			dup2(fd, 2);
		}
		(void)sigprocmask(SIG_SETMASK, &none, NULL);
		execlp("xdg-open", "xdg-open", url, (char *)NULL);
		_exit(127);
	}
}

int
serve_run(const struct serve_opts *o, struct diags *dg)
{
	struct S_state	 st;
	struct S_ctx	 x;
	struct MHD_Daemon *mhd = NULL;
	struct watch	*w = NULL;
	sigset_t	 mask, old;
	const char	*host = o->bind ? o->bind : "127.0.0.1";
	const char	*roots[2];
	char		*dir = NULL, *lock = NULL, url[300];
	struct timespec	 now;
	int		 lfd = -1, sfd = -1, lockfd = -1, port, ok = 0, r, nroots;
	ssize_t		 n;

	memset(&st, 0, sizeof(st));
	memset(&x, 0, sizeof(x));
	pthread_mutex_init(&st.mu, NULL);
	pthread_cond_init(&st.cv, NULL);
	clock_gettime(CLOCK_REALTIME, &now);
	st.boot = (unsigned long long)now.tv_sec * 1000 +
	    (unsigned long long)now.tv_nsec / 1000000;
	st.content = o->content;
	st.bind = o->bind;

	if (access(o->content, R_OK | X_OK) == -1) {
		diag_error(dg, o->content, 0, 0, "cannot open the content "
		    "folder: %s", strerror(errno));
		goto out;
	}
	n = readlink("/proc/self/exe", x.exe, sizeof(x.exe) - 1);
	if (n <= 0) {
		diag_error(dg, NULL, 0, 0, "cannot find the program itself: %s",
		    strerror(errno));
		goto out;
	}
	x.exe[n] = '\0';

	/* SIGINT and SIGTERM end the loop below (every thread blocks them). */
	sigemptyset(&mask);
	sigaddset(&mask, SIGINT);
	sigaddset(&mask, SIGTERM);
	sigaddset(&mask, SIGHUP);
	pthread_sigmask(SIG_BLOCK, &mask, &old);
	/*
	 * A shell without job control starts background commands with
	 * SIGINT ignored, and an ignored signal never reaches signalfd:
	 * serve must still stop on it.
	 */
	signal(SIGINT, SIG_DFL);
	signal(SIGTERM, SIG_DFL);
	signal(SIGPIPE, SIG_IGN);
	if ((sfd = signalfd(-1, &mask, SFD_CLOEXEC | SFD_NONBLOCK)) == -1) {
		diag_error(dg, NULL, 0, 0, "cannot wait for signals: %s",
		    strerror(errno));
		goto out;
	}

	/* The port. */
	if (o->port > 0) {
		if ((lfd = S_listen(host, o->port)) == -1) {
			if (errno == EADDRINUSE)
				diag_error(dg, NULL, 0, 0, "port %d is taken "
				    "(another program listens on it): choose "
				    "another one with --port, or leave --port "
				    "out", o->port);
			else
				diag_error(dg, NULL, 0, 0, "cannot listen on "
				    "%s port %d: %s", host, o->port,
				    strerror(errno));
			goto out;
		}
		port = o->port;
	} else {
		for (port = SERVE_PORT_FIRST; port < SERVE_PORT_FIRST +
		    SERVE_PORT_TRIES; port++)
			if ((lfd = S_listen(host, port)) >= 0 ||
			    errno != EADDRINUSE)
				break;
		if (lfd == -1) {
			diag_error(dg, NULL, 0, 0, "no free port from %d to %d "
			    "on %s: choose one with --port", SERVE_PORT_FIRST,
			    SERVE_PORT_FIRST + SERVE_PORT_TRIES - 1, host);
			goto out;
		}
	}
	st.port = port;

	/* The build folder, locked as long as we run. */
	S_serve_sweep();
	dir = path_join(S_tmpdir(), "annuaire-serve-XXXXXX");
	if (mkdtemp(dir) == NULL) {
		diag_error(dg, dir, 0, 0, "cannot create: %s", strerror(errno));
		free(dir);
		dir = NULL;
		goto out;
	}
	lock = path_join(dir, "lock");
	if ((lockfd = open(lock, O_RDWR | O_CREAT | O_CLOEXEC, 0600)) == -1 ||
	    flock(lockfd, LOCK_EX) == -1) {
		diag_error(dg, lock, 0, 0, "cannot create: %s", strerror(errno));
		goto out;
	}

	roots[0] = o->content;
	nroots = 1;
	if (o->theme != NULL)
		roots[nroots++] = o->theme;
	w = watch_open(roots, nroots, o->poll);
	st.method = watch_method(w);

	mhd = MHD_start_daemon(MHD_USE_INTERNAL_POLLING_THREAD |
	    MHD_USE_THREAD_PER_CONNECTION, 0, NULL, NULL, S_request, &st,
	    MHD_OPTION_LISTEN_SOCKET, lfd,
	    MHD_OPTION_CONNECTION_LIMIT, (unsigned int)SERVE_MAX_CONN,
	    MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t)SERVE_MAX_REQUEST,
	    MHD_OPTION_CONNECTION_TIMEOUT, (unsigned int)SERVE_TIMEOUT,
	    MHD_OPTION_END);
	if (mhd == NULL) {
		diag_error(dg, NULL, 0, 0, "cannot start the HTTP server on "
		    "%s port %d", host, port);
		goto out;
	}
	if (strchr(host, ':') != NULL)
		snprintf(url, sizeof(url), "http://[%s]:%d/", host, port);
	else
		snprintf(url, sizeof(url), "http://%s:%d/", host, port);
	if (!S_loopback(host))
		o->say("warning: --bind %s: the preview is open to other "
		    "machines of the network, with the partners' private "
		    "booklet\n", host);
	o->say("preview at %s (coordinator's page: %s_annuaire/); Ctrl-C "
	    "to stop\n", url, url);
	o->say("watching %s (%s)\n", o->content, st.method);

	x.o = o;
	x.st = &st;
	x.dir = dir;
	x.stopfd = sfd;
	if (!S_round(&x, 1))
		goto stopped;
	if (o->open)
		S_xdg_open(url);
	while ((r = watch_wait(w, sfd, SERVE_QUIET_MS)) == 1)
		if (!S_round(&x, 0))
			break;
	if (r == -1) {
		diag_error(dg, o->content, 0, 0, "cannot watch: %s",
		    strerror(errno));
		goto out;
	}
stopped:
	o->say("stopped; removed %s\n", dir);
	ok = 1;
out:
	pthread_mutex_lock(&st.mu);
	st.stopping = 1;
	pthread_cond_broadcast(&st.cv);
	pthread_mutex_unlock(&st.mu);
	if (mhd != NULL)
		MHD_stop_daemon(mhd);
	if (lfd >= 0)
		close(lfd);
	watch_close(w);
	if (dir != NULL)
		(void)remove_tree(dir);
	if (lockfd >= 0)
		close(lockfd);
	if (sfd >= 0) {
		struct signalfd_siginfo si;

		/* The signal that stopped us is taken, not left pending. */
		while (read(sfd, &si, sizeof(si)) == (ssize_t)sizeof(si))
			;
		close(sfd);
	}
	/* Reap what xdg-open left. */
	while (waitpid(-1, NULL, WNOHANG) > 0)
		;
	free(lock);
	free(dir);
	free(st.site);
	free(st.booklet);
	free(st.privbook);
	free(st.suivi);
	free(st.campaign);
	sb_diags_free(&st.diags);
	sb_partners_free(&st.partners);
	pthread_cond_destroy(&st.cv);
	pthread_mutex_destroy(&st.mu);
	pthread_sigmask(SIG_SETMASK, &old, NULL);
	return ok;
}
