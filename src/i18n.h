/*
 * i18n.h — messages in the user's language (GNU gettext).
 *
 * Message ids are English, in the code; po/fr.po translates them and
 * `make` compiles it to BUILD/locale/fr/LC_MESSAGES/annuaire.mo
 * (installed under PREFIX/share/locale).  See docs/HACKING.md,
 * "Messages and translations".
 *
 * Most messages are never wrapped at the call site: the functions that
 * consume a format translate it themselves (diag_add/diag_vadd and the
 * modules' S_err/S_warn/S_error/S_tpl_error/S_fail wrappers around them), and
 * `make pot` extracts their format argument with xgettext --keyword.
 * Text printed or composed elsewhere is wrapped in _() or ngettext().
 *
 * Until i18n_init() runs (unit tests, fuzzers), the locale is "C" and
 * every function below returns its English argument unchanged.
 */
#ifndef I18N_H
#define I18N_H

#include <libintl.h>

#define	I18N_DOMAIN	"annuaire"

/* Translate a message (xgettext keyword). */
#define	_(s)		gettext(s)
/* Mark a message for extraction only; translate it later with _(). */
#define	N_(s)		s
/*
 * Translate s in context ctx (msgctxt), for a short word whose
 * translation depends on its use ("list" as a kind of YAML value).
 */
#define	C_(ctx, s)	i18n_cgettext(ctx "\004" s)

/*
 * Set LC_CTYPE and LC_MESSAGES from the environment (LANG, LC_ALL...),
 * never LC_NUMERIC and the rest: the PDF writer prints and the theme
 * reader parses numbers with a '.' whatever the language.  Then bind
 * the "annuaire" domain, UTF-8, to the first catalogue folder found:
 * BUILD/locale beside the program (a checkout: ./annuaire or
 * build/annuaire), ../share/locale beside it (an installed copy, even
 * moved), else the configured ANNUAIRE_LOCALEDIR.  Returns the folder
 * (static storage).
 */
const char	*i18n_init(void);
/* The translation of "ctx\004msgid", or msgid.  Use C_(). */
const char	*i18n_cgettext(const char *ctx_msgid);

#endif /* I18N_H */
