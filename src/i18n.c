/*
 * i18n.c — messages in the user's language (GNU gettext).  See i18n.h.
 */
#include <sys/stat.h>

#include <libintl.h>
#include <locale.h>
#include <string.h>
#include <unistd.h>

#include "i18n.h"

#ifndef ANNUAIRE_LOCALEDIR
#define	ANNUAIRE_LOCALEDIR "/usr/local/share/locale"
#endif

static int
S_isdir(const char *path)
{
	struct stat	 st;

	return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

/*
 * The catalogue folder, first found of (relative to the program):
 * locale/ (build/annuaire), build/locale/ (./annuaire copied to the
 * top of a checkout), ../share/locale/ (an installed copy, even
 * moved); else the configured folder.  Static storage.
 */
static const char *
S_localedir(void)
{
	static const char *const rel[] = { "/locale", "/build/locale",
	    "/../share/locale" };
	static char	 path[4096];
	ssize_t		 n;
	char		*slash;
	size_t		 i;

	n = readlink("/proc/self/exe", path, sizeof(path) - 1);
	if (n <= 0 || (size_t)n >= sizeof(path) - 64)
		return ANNUAIRE_LOCALEDIR;
	path[n] = '\0';
	if ((slash = strrchr(path, '/')) == NULL)
		return ANNUAIRE_LOCALEDIR;
	for (i = 0; i < sizeof(rel) / sizeof(rel[0]); i++) {
		strcpy(slash, rel[i]);
		if (S_isdir(path))
			return path;
	}
	return ANNUAIRE_LOCALEDIR;
}

const char *
i18n_init(void)
{
	const char	*dir;

	/*
	 * Not LC_ALL: LC_NUMERIC must stay "C" (strtod in the theme
	 * reader, "%.2f" in the PDF writer), and LC_COLLATE/LC_TIME are
	 * never meant to change the output either.  LC_CTYPE lets
	 * gettext and strerror() know the terminal's character set.
	 */
	(void)setlocale(LC_CTYPE, "");
	(void)setlocale(LC_MESSAGES, "");
	dir = S_localedir();
	(void)bindtextdomain(I18N_DOMAIN, dir);
	/* Content, file names and our output are UTF-8 in every locale. */
	(void)bind_textdomain_codeset(I18N_DOMAIN, "UTF-8");
	(void)textdomain(I18N_DOMAIN);
	return dir;
}

const char *
i18n_cgettext(const char *ctx_msgid)
{
	const char	*t = gettext(ctx_msgid);

	/* Untranslated: gettext returns its argument; drop the context. */
	if (t == ctx_msgid)
		return strchr(ctx_msgid, '\004') + 1;
	return t;
}
